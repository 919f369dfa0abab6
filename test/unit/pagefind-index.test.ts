/**
 * indexSite (src/integrations/pagefind.ts): Pagefind's binary over a small output folder — only article pages
 * are indexed, the previous index is the starting point and what the new one does not use goes, the pages are
 * spread over shards listed by a manifest and only a shard whose pages changed is written again, a site with
 * no article has no index, and a failing Pagefind is an error with its own last words.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { indexSite, pagefindConfig, type ShardsManifest } from '../../src/integrations/pagefind.ts';
import { shardOf } from '../../src/lib/search-shards.ts';

const page = (body: string) =>
  `<!DOCTYPE html><html lang="uk"><head><meta charset="utf-8"><title>t</title></head><body><main>${body}</main></body></html>`;
const article = (title: string, text: string) => page(`<article data-pagefind-body><h1>${title}</h1><p>${text}</p></article>`);

async function site(pages: Record<string, string>): Promise<{ outDir: string; cacheDir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'briefing-pagefind-'));
  const outDir = join(dir, 'dist');
  for (const [path, html] of Object.entries(pages)) {
    await mkdir(join(outDir, path), { recursive: true });
    await writeFile(join(outDir, path, 'index.html'), html);
  }
  return { outDir, cacheDir: join(dir, 'cache') };
}

const pageCount = async (outDir: string, shard = '') =>
  (JSON.parse(await readFile(join(outDir, 'pagefind', shard, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> })
    .languages;

const manifest = async (outDir: string) => JSON.parse(await readFile(join(outDir, 'pagefind/shards.json'), 'utf8')) as ShardsManifest;

/** What src/pipeline/reuse.ts does before the next build: the index waits in the cache. */
async function setIndexAside(outDir: string, cacheDir: string) {
  await mkdir(join(cacheDir, 'briefing-reuse'), { recursive: true });
  await rename(join(outDir, 'pagefind'), join(cacheDir, 'briefing-reuse/pagefind'));
}

/** Every file of an index folder with its modification time. */
async function filesOf(folder: string): Promise<Map<string, number>> {
  const files = new Map<string, number>();
  for (const file of await readdir(folder, { recursive: true })) {
    const info = await stat(join(folder, file));
    if (info.isFile()) files.set(file, info.mtimeMs);
  }
  return files;
}

const texts = ['Перший текст про гарантії.', 'Второй текст о гарантиях.', 'Третій текст про коаліцію.', 'Четвёртый текст о саммите.', 'П’ятий текст про Париж.'];
const articles = (count: number) =>
  Object.fromEntries(texts.slice(0, count).map((text, i) => [`articles/a${i}`, article(`Стаття ${i}`, text)]));

describe('indexSite', () => {
  it('indexes the article pages only, as one Russian-stemmed index', async () => {
    const { outDir, cacheDir } = await site({
      'articles/a': article('Гарантии безопасности', 'Союзники договорились о многонациональных силах.'),
      'articles/b': article('Гарантії безпеки', 'Союзники домовилися про багатонаціональні сили.'),
      'events/paris': page('<h1>Саміт у Парижі</h1><p>Гарантії безпеки</p>'),
    });
    expect(await indexSite(outDir, cacheDir)).toMatch(/^indexed 2 pages in \d+ ms \(keys \d+\)$/);
    expect(await pageCount(outDir)).toEqual({ ru: expect.objectContaining({ page_count: 2 }) });
    expect((await readdir(join(outDir, 'pagefind/fragment'))).length).toBe(2);
    expect(await manifest(outDir)).toEqual({ version: 1, shards: [''] });
  });

  it('starts from the index set aside by the last build and removes what the new one does not use', async () => {
    const { outDir, cacheDir } = await site({ 'articles/a': article('Перший', 'Текст першої статті.') });
    await indexSite(outDir, cacheDir);
    const before = await readdir(join(outDir, 'pagefind/fragment'));
    await setIndexAside(outDir, cacheDir);
    await writeFile(join(outDir, 'articles/a/index.html'), article('Перший', 'Інший текст першої статті.'));
    const line = await indexSite(outDir, cacheDir);
    expect(line).toMatch(/^indexed 1 pages in \d+ ms \(keys \d+\), \d+ stale files removed$/);
    const after = await readdir(join(outDir, 'pagefind/fragment'));
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
  });

  it('spreads the pages over shards, each a whole index, and lists them in the manifest', async () => {
    const { outDir, cacheDir } = await site(articles(5));
    expect(await indexSite(outDir, cacheDir, 2)).toMatch(/^indexed 5 pages in \d+ shards \(\d+ written\) in \d+ ms \(keys \d+\)$/);
    const { shards } = await manifest(outDir);
    // Three shards of about two pages: each listed shard holds the pages its hash gives it, and only those.
    const expected = [0, 1, 2].map((n) => Object.keys(articles(5)).filter((path) => shardOf(`${path}/index.html`, 3) === n).length);
    expect(shards).toEqual(['', 'shards/1/', 'shards/2/'].filter((_, n) => expected[n]! > 0));
    for (const shard of shards) {
      const n = shard === '' ? 0 : Number(shard.split('/')[1]);
      expect(await pageCount(outDir, shard)).toEqual({ ru: expect.objectContaining({ page_count: expected[n] }) });
      expect(existsSync(join(outDir, 'pagefind', shard, 'pagefind.js'))).toBe(true);
    }
    expect(existsSync(join(cacheDir, 'briefing-search-stage'))).toBe(false);
  });

  it('writes again only the shard whose pages changed', async () => {
    const { outDir, cacheDir } = await site(articles(5));
    await indexSite(outDir, cacheDir, 2);
    const { shards } = await manifest(outDir);
    const before = new Map(await Promise.all(shards.map(async (s) => [s, await filesOf(join(outDir, 'pagefind', s))] as const)));
    await setIndexAside(outDir, cacheDir);
    await writeFile(join(outDir, 'articles/a0/index.html'), article('Стаття 0', 'Змінений текст першої статті.'));
    expect(await indexSite(outDir, cacheDir, 2)).toMatch(/ \(1 written\) /);
    const changed = ['', 'shards/1/', 'shards/2/'][shardOf('articles/a0/index.html', 3)]!;
    for (const shard of shards) {
      const after = await filesOf(join(outDir, 'pagefind', shard));
      const own = (files: Map<string, number>) => [...files].filter(([f]) => !f.startsWith('shards'));
      if (shard === changed) expect(own(after)).not.toEqual(own(before.get(shard)!));
      else expect(own(after)).toEqual(own(before.get(shard)!)); // not even touched
    }
  });

  it('reads a page again only when its size or modification time changed: same bytes keep the shard, new bytes of the same size do not', async () => {
    const { outDir, cacheDir } = await site(articles(5));
    await indexSite(outDir, cacheDir, 2);
    // Written again with the same bytes (a new modification time): read again, found unchanged.
    await setIndexAside(outDir, cacheDir);
    await writeFile(join(outDir, 'articles/a1/index.html'), article('Стаття 1', texts[1]!));
    expect(await indexSite(outDir, cacheDir, 2)).toMatch(/ \(0 written\) /);
    // Other bytes of the same length: the new modification time makes it read again.
    await setIndexAside(outDir, cacheDir);
    const same = article('Стаття 1', texts[1]!.replace('Второй', 'Другой'));
    expect(same.length).toBe(article('Стаття 1', texts[1]!).length);
    await writeFile(join(outDir, 'articles/a1/index.html'), same);
    expect(await indexSite(outDir, cacheDir, 2)).toMatch(/ \(1 written\) /);
  });

  it('removes the shards the index no longer has', async () => {
    const { outDir, cacheDir } = await site(articles(5));
    await indexSite(outDir, cacheDir, 1);
    expect((await manifest(outDir)).shards.length).toBeGreaterThan(1);
    await setIndexAside(outDir, cacheDir);
    expect(await indexSite(outDir, cacheDir)).toMatch(/^indexed 5 pages in \d+ ms/);
    expect(await manifest(outDir)).toEqual({ version: 1, shards: [''] });
    expect(existsSync(join(outDir, 'pagefind/shards'))).toBe(false);
    expect(await pageCount(outDir)).toEqual({ ru: expect.objectContaining({ page_count: 5 }) });
  });

  it('lists only shards with pages, even when the first one has none', async () => {
    // Two pages that both hash to the second of two shards.
    const names = Array.from({ length: 40 }, (_, i) => `articles/p${i}`).filter((p) => shardOf(`${p}/index.html`, 2) === 1).slice(0, 2);
    const { outDir, cacheDir } = await site(Object.fromEntries(names.map((p, i) => [p, article(`Стаття ${i}`, texts[i]!)])));
    await mkdir(join(outDir, 'pagefind'), { recursive: true });
    await writeFile(join(outDir, 'pagefind/pagefind-entry.json'), '{"stale": true}'); // a first shard of an earlier index
    expect(await indexSite(outDir, cacheDir, 1)).toMatch(/^indexed 2 pages in 1 shards/);
    expect(await manifest(outDir)).toEqual({ version: 1, shards: ['shards/1/'] });
    expect(existsSync(join(outDir, 'pagefind/pagefind-entry.json'))).toBe(false);
    expect(await pageCount(outDir, 'shards/1/')).toEqual({ ru: expect.objectContaining({ page_count: 2 }) });
  });

  it('indexes exactly its pages by name, whatever characters the names hold, and not a page beside them', async () => {
    const odd = ["articles/a b+c'(d)[e]{f},g!h@i#j*k?l", 'articles/вкладений/шлях', 'articles/x'];
    const { outDir, cacheDir } = await site({
      ...Object.fromEntries(odd.map((p, i) => [p, article(`Стаття ${i}`, texts[i]!)])),
      // Names a careless glob would take for one of those: a pattern, a prefix, a neighbour.
      'articles/a b+c': article('Не та', 'Зайва сторінка.'),
      'articles/xy': article('Не та', 'Зайва сторінка.'),
    });
    const pages = odd.map((p) => `${p}/index.html`);
    const config = pagefindConfig(outDir, join(outDir, 'pagefind'), pages);
    expect(config.glob.startsWith('articles/{')).toBe(true);
    // One shard holding only the three odd pages: the two others would be left out of it.
    const cwd = await mkdtemp(join(tmpdir(), 'briefing-pagefind-config-'));
    await writeFile(join(cwd, 'pagefind.json'), JSON.stringify(config));
    const { resolveBinaryPath } = (await import(join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), 'resolveBinary.js'))) as {
      resolveBinaryPath: (names: string[]) => string;
    };
    execFileSync(resolveBinaryPath(['pagefind_extended', 'pagefind']), [], { cwd, stdio: 'pipe' });
    expect(await pageCount(outDir)).toEqual({ ru: expect.objectContaining({ page_count: 3 }) });
    // And through indexSite, with every page: five.
    expect(await indexSite(outDir, cacheDir)).toMatch(/^indexed 5 pages /);
  });

  it('writes no index for a site with no article yet', async () => {
    const { outDir, cacheDir } = await site({ '.': page('<h1>Брифінг</h1>') });
    expect(await indexSite(outDir, cacheDir)).toBe('no article pages: no search index');
    expect(existsSync(join(outDir, 'pagefind'))).toBe(false);
  });

  it('fails with what Pagefind said when it cannot write its index', async () => {
    const { outDir, cacheDir } = await site({ 'articles/a': article('Перший', 'Текст.') });
    await writeFile(join(outDir, 'pagefind'), 'a file where the index folder should go');
    await expect(indexSite(outDir, cacheDir)).rejects.toThrow(/^Pagefind failed \(exit code \d+\):\n/);
  });
});
