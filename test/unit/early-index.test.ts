/**
 * Pagefind beside Astro (scripts/build.ts): the build process learns that every article page is written
 * (src/pipeline/reuse.ts `articlePagesWritten`, src/integrations/pagefind.ts `whenArticlePagesWritten`), and
 * starts the shards as its schedule allows (`indexSite`'s `Schedule`), within the memory budget
 * (src/pipeline/memory.ts).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexSite, whenArticlePagesWritten, type ShardsManifest } from '../../src/integrations/pagefind.ts';
import { PAGEFIND_BYTES_PER_PAGE, residentBytes, shardFits } from '../../src/pipeline/memory.ts';
import { articlePagesWritten, planPages, reuseDir } from '../../src/pipeline/reuse.ts';

const page = (text: string) =>
  `<!DOCTYPE html><html lang="uk"><head><meta charset="utf-8"><title>t</title></head><body><article data-pagefind-body><p>${text}</p></article></body></html>`;

async function folders() {
  const dir = await mkdtemp(join(tmpdir(), 'briefing-early-'));
  return { outDir: join(dir, 'dist'), cacheDir: join(dir, 'cache') };
}

const writePage = async (outDir: string, id: string, html: string) => {
  await mkdir(join(outDir, 'articles', id), { recursive: true });
  await writeFile(join(outDir, 'articles', id, 'index.html'), html);
};

/** What the article route's getStaticPaths does in a build of scripts/build.ts: plan every article page. */
const plan = (cacheDir: string, ids: string[]) => planPages(cacheDir, 'article', ids, (id) => ({ path: `articles/${id}`, inputs: id }), 'site-key');

describe('articlePagesWritten', () => {
  it('is true once every planned article page is written whole, and reads a page found whole only once', async () => {
    const { outDir, cacheDir } = await folders();
    plan(cacheDir, ['a', 'b', 'c']);
    const whole = new Set<string>();
    expect(articlePagesWritten(outDir, cacheDir, whole)).toBe(false); // none yet
    await writePage(outDir, 'a', page('Перша'));
    await writePage(outDir, 'b', page('Друга').slice(0, 60)); // being written: a prefix of itself
    expect(articlePagesWritten(outDir, cacheDir, whole)).toBe(false);
    expect([...whole]).toEqual(['articles/a']);
    await writePage(outDir, 'b', page('Друга'));
    expect(articlePagesWritten(outDir, cacheDir, whole)).toBe(false); // c is missing
    await writePage(outDir, 'c', page('Третя'));
    expect(articlePagesWritten(outDir, cacheDir, whole)).toBe(true);
    expect(whole.size).toBe(3);
  });

  it("is 'never' when some article pages are reused (they are set aside until the end) or nothing was planned", async () => {
    const { outDir, cacheDir } = await folders();
    expect(articlePagesWritten(outDir, cacheDir, new Set())).toBe('never'); // a plain `astro build`: no plan
    plan(cacheDir, ['a']);
    await writePage(outDir, 'a', page('Перша'));
    await mkdir(join(reuseDir(cacheDir), 'articles'), { recursive: true });
    expect(articlePagesWritten(outDir, cacheDir, new Set())).toBe('never');
  });
});

describe('whenArticlePagesWritten', () => {
  it('says so once, at the first page of another route after every article page is whole', async () => {
    const { outDir, cacheDir } = await folders();
    plan(cacheDir, ['a', 'b']);
    let said = 0;
    const pageRendered = whenArticlePagesWritten(outDir, cacheDir, () => (said += 1));
    await writePage(outDir, 'a', page('Перша'));
    pageRendered('/articles/[id]');
    pageRendered('/events/[slug]'); // b is not written yet (pages render several at a time)
    expect(said).toBe(0);
    await writePage(outDir, 'b', page('Друга'));
    pageRendered('/articles/[id]'); // an article page: does not look
    expect(said).toBe(0);
    pageRendered('/events/[slug]');
    pageRendered('/events/[slug]/sources');
    expect(said).toBe(1);
  });

  it('never says so in a build that reuses article pages', async () => {
    const { outDir, cacheDir } = await folders();
    plan(cacheDir, ['a']);
    await writePage(outDir, 'a', page('Перша'));
    await mkdir(join(reuseDir(cacheDir), 'articles'), { recursive: true });
    let said = 0;
    const pageRendered = whenArticlePagesWritten(outDir, cacheDir, () => (said += 1));
    pageRendered('/events/[slug]');
    pageRendered('/');
    expect(said).toBe(0);
  });
});

describe("indexSite's schedule", () => {
  it('starts no shard while it allows none, then writes them all once more are allowed', async () => {
    const { outDir, cacheDir } = await folders();
    for (const [i, text] of ['Перший текст.', 'Второй текст.', 'Третій текст.', 'Четвёртый текст.'].entries()) await writePage(outDir, `a${i}`, page(text));
    const more = Promise.withResolvers<void>();
    let open = false;
    const asked: number[] = [];
    let started = 0;
    const index = indexSite(outDir, cacheDir, 2, {
      atOnce: (pages) => {
        asked.push(pages);
        return open ? 2 : 0;
      },
      started: () => (started += 1),
      moreAtOnce: more.promise,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(started).toBe(0);
    expect(existsSync(join(outDir, 'pagefind', 'pagefind-entry.json'))).toBe(false);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((n) => n >= 1 && n <= 4)).toBe(true); // the pages of the shard that would start
    open = true;
    more.resolve();
    expect(await index).toMatch(/^indexed 4 pages in \d+ shards \(\d+ written\)/);
    const manifest = JSON.parse(await readFile(join(outDir, 'pagefind/shards.json'), 'utf8')) as ShardsManifest;
    expect(started).toBe(manifest.shards.length);
  });

  it('runs one shard even if the schedule allows none once no more is to come', async () => {
    const { outDir, cacheDir } = await folders();
    await writePage(outDir, 'a', page('Перший текст.'));
    expect(await indexSite(outDir, cacheDir, 2, { atOnce: () => 0 })).toMatch(/^indexed 1 pages /);
  });
});

describe('memory budget', () => {
  it("reads a process's resident memory, and fits a shard only within the budget", () => {
    const own = residentBytes(process.pid);
    expect(own).toBeGreaterThan(10 * 1024 * 1024);
    expect(shardFits([process.pid], 1000, own! + 1000 * PAGEFIND_BYTES_PER_PAGE + 64 * 1024 * 1024)).toBe(true);
    expect(shardFits([process.pid], 1000, own! + 999 * PAGEFIND_BYTES_PER_PAGE - 64 * 1024 * 1024)).toBe(false);
    expect(residentBytes(2 ** 30)).toBeUndefined(); // no such process
    expect(shardFits([2 ** 30], 1, Number.MAX_SAFE_INTEGER)).toBe(false); // unknown memory: nothing beside
  });
});
