/**
 * indexSite (src/integrations/pagefind.ts): Pagefind's command over a small output folder — only article pages
 * are indexed, the previous index is the starting point and what the new one does not use goes, a site with no
 * article has no index, and a failing Pagefind is an error with its own last words.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexSite } from '../../src/integrations/pagefind.ts';

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

const pageCount = async (outDir: string) =>
  (JSON.parse(await readFile(join(outDir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> })
    .languages;

describe('indexSite', () => {
  it('indexes the article pages only, as one Russian-stemmed index', async () => {
    const { outDir, cacheDir } = await site({
      'articles/a': article('Гарантии безопасности', 'Союзники договорились о многонациональных силах.'),
      'articles/b': article('Гарантії безпеки', 'Союзники домовилися про багатонаціональні сили.'),
      'events/paris': page('<h1>Саміт у Парижі</h1><p>Гарантії безпеки</p>'),
    });
    expect(await indexSite(outDir, cacheDir)).toMatch(/^indexed 2 pages in \d+ ms/);
    expect(await pageCount(outDir)).toEqual({ ru: expect.objectContaining({ page_count: 2 }) });
    expect((await readdir(join(outDir, 'pagefind/fragment'))).length).toBe(2);
  });

  it('starts from the index set aside by the last build and removes what the new one does not use', async () => {
    const { outDir, cacheDir } = await site({ 'articles/a': article('Перший', 'Текст першої статті.') });
    await indexSite(outDir, cacheDir);
    const before = await readdir(join(outDir, 'pagefind/fragment'));
    // What src/pipeline/reuse.ts does before the next build: the index waits in the cache.
    await mkdir(join(cacheDir, 'briefing-reuse'), { recursive: true });
    await rename(join(outDir, 'pagefind'), join(cacheDir, 'briefing-reuse/pagefind'));
    await writeFile(join(outDir, 'articles/a/index.html'), article('Перший', 'Інший текст першої статті.'));
    const line = await indexSite(outDir, cacheDir);
    expect(line).toMatch(/^indexed 1 pages in \d+ ms .*, \d+ stale files removed$/);
    const after = await readdir(join(outDir, 'pagefind/fragment'));
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
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
