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
import { indexSite, whenShardsWritten, type ShardsManifest } from '../../src/integrations/pagefind.ts';
import { shardCount, shardOf } from '../../src/lib/search-shards.ts';
import { PAGEFIND_BYTES_PER_PAGE, residentBytes, shardFits } from '../../src/pipeline/memory.ts';
import { pagesWritten, planPages, plannedArticlePages, reuseDir } from '../../src/pipeline/reuse.ts';

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
const pathOf = (id: string) => `articles/${id}/index.html`;

describe('plannedArticlePages and pagesWritten', () => {
  it('lists the planned article pages, and tells when they are all written whole, reading a page found whole once', async () => {
    const { outDir, cacheDir } = await folders();
    plan(cacheDir, ['b', 'a', 'c']);
    const pages = plannedArticlePages(cacheDir);
    expect(pages).toEqual(['a', 'b', 'c'].map(pathOf));
    const whole = new Set<string>();
    expect(pagesWritten(outDir, pages as string[], whole)).toBe(false); // none yet
    await writePage(outDir, 'a', page('Перша'));
    await writePage(outDir, 'b', page('Друга').slice(0, 60)); // being written: a prefix of itself
    expect(pagesWritten(outDir, pages as string[], whole)).toBe(false);
    expect([...whole]).toEqual([pathOf('a')]);
    await writePage(outDir, 'b', page('Друга'));
    expect(pagesWritten(outDir, pages as string[], whole)).toBe(false); // c is missing
    await writePage(outDir, 'c', page('Третя'));
    expect(pagesWritten(outDir, pages as string[], whole)).toBe(true);
    expect(whole.size).toBe(3);
  });

  it("is 'never' when some article pages are reused (they are set aside until the end) or nothing was planned", async () => {
    const { cacheDir } = await folders();
    expect(plannedArticlePages(cacheDir)).toBe('never'); // a plain `astro build`: no plan
    plan(cacheDir, ['a']);
    await mkdir(join(reuseDir(cacheDir), 'articles'), { recursive: true });
    expect(plannedArticlePages(cacheDir)).toBe('never');
  });
});

describe('whenShardsWritten', () => {
  const ids = Array.from({ length: 12 }, (_, i) => `a${i}`);
  const count = shardCount(ids.length, 4);
  const shardsOf = (list: string[]) => [...new Set(list.map((id) => shardOf(pathOf(id), count)))].sort();

  it('says so once for each shard whose pages are all written whole, looking at pages of other routes and every 50th article', async () => {
    const { outDir, cacheDir } = await folders();
    plan(cacheDir, ids);
    const said: number[] = [];
    const pageRendered = whenShardsWritten(outDir, cacheDir, 4, (n) => said.push(n));
    // The pages of the first shard, and one of another.
    const first = ids.filter((id) => shardOf(pathOf(id), count) === 0);
    const other = ids.find((id) => shardOf(pathOf(id), count) !== 0)!;
    for (const id of [...first, other]) await writePage(outDir, id, page(id));
    pageRendered('/articles/[id]'); // the first article page: no look
    expect(said).toEqual([]);
    pageRendered('/events/[slug]');
    expect(said).toEqual([0]);
    pageRendered('/events/[slug]');
    expect(said).toEqual([0]); // once
    for (const id of ids) await writePage(outDir, id, page(id));
    for (let i = 0; i < 48; i++) pageRendered('/articles/[id]');
    expect(said).toEqual([0]); // 49 article pages so far
    pageRendered('/articles/[id]'); // the 50th
    expect(said.sort()).toEqual(shardsOf(ids));
  });

  it('never says so in a build that reuses article pages', async () => {
    const { outDir, cacheDir } = await folders();
    plan(cacheDir, ids);
    for (const id of ids) await writePage(outDir, id, page(id));
    await mkdir(join(reuseDir(cacheDir), 'articles'), { recursive: true });
    const said: number[] = [];
    const pageRendered = whenShardsWritten(outDir, cacheDir, 4, (n) => said.push(n));
    pageRendered('/events/[slug]');
    pageRendered('/');
    expect(said).toEqual([]);
  });
});

describe("indexSite's schedule", () => {
  it('starts a shard only when the schedule allows it, and writes each once', async () => {
    const { outDir, cacheDir } = await folders();
    for (const [i, text] of ['Перший текст.', 'Второй текст.', 'Третій текст.', 'Четвёртый текст.', 'П’ятий текст.'].entries()) await writePage(outDir, `a${i}`, page(text));
    const allowed = new Set<number>();
    const asked: [number, number][] = [];
    const started: number[] = [];
    let wake = () => undefined as void;
    const index = indexSite(outDir, cacheDir, 2, {
      mayStart: (shard, pages, running) => {
        asked.push([shard, pages]);
        const may = allowed.has(shard) && running === 0;
        if (may) started.push(shard);
        return may;
      },
      onChange: (listener) => (wake = listener),
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(started).toEqual([]);
    expect(existsSync(join(outDir, 'pagefind', 'shards.json'))).toBe(false);
    const shards = [...new Set(asked.map(([shard]) => shard))].sort();
    expect(asked.every(([, pages]) => pages >= 1 && pages <= 5)).toBe(true); // each shard's own pages
    allowed.add(shards.at(-1)!);
    wake();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(started).toEqual([shards.at(-1)]);
    for (const n of shards) allowed.add(n);
    wake();
    expect(await index).toMatch(/^indexed 5 pages in 3 shards \(3 written\)/);
    expect(started.sort()).toEqual(shards);
    const manifest = JSON.parse(await readFile(join(outDir, 'pagefind/shards.json'), 'utf8')) as ShardsManifest;
    expect(manifest.shards.length).toBe(shards.length);
  });

  it('fails, starting no more shards, once the schedule says the build stopped', async () => {
    const { outDir, cacheDir } = await folders();
    for (const [i, text] of ['Перший текст.', 'Второй текст.', 'Третій текст.'].entries()) await writePage(outDir, `a${i}`, page(text));
    let stopped = false;
    let wake = () => undefined as void;
    const index = indexSite(outDir, cacheDir, 1, { mayStart: () => false, onChange: (listener) => (wake = listener), stopped: () => stopped });
    stopped = true;
    wake();
    await expect(index).rejects.toThrow(/left unfinished/);
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
