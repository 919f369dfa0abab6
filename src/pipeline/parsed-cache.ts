/**
 * The parsed form of each generated article, kept by the ingest next to Astro's cache and keyed by the
 * sha256 of the MDX text, so the content loader does not parse again what the ingest just wrote and
 * read back. A file whose text differs (edited by hand) has no entry and is parsed strictly as usual.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ArticleDocument } from '../lib/types.ts';

export function parsedCacheDir(astroCacheDir = process.env.BRIEFING_CACHE_DIR ?? 'node_modules/.astro'): string {
  return resolve(astroCacheDir, 'briefing-parsed');
}

const keyOf = (mdx: string): string => createHash('sha256').update(mdx).digest('hex');

export async function writeParsed(dir: string, mdx: string, doc: ArticleDocument): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${keyOf(mdx)}.json`), JSON.stringify(doc));
}

export async function readParsed(dir: string, mdx: string): Promise<ArticleDocument | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, `${keyOf(mdx)}.json`), 'utf8')) as ArticleDocument;
  } catch {
    return undefined;
  }
}
