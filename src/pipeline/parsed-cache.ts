/**
 * The parsed form of each generated article, kept next to Astro's cache and keyed by the sha256 of the
 * MDX text: the ingest leaves what it wrote and read back, so the content loader does not parse it again;
 * the loader adds what it parsed itself (a file edited by hand, parsed strictly as usual); the site model
 * reads the articles from here by the key the loader stored.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ArticleDocument } from '../lib/types.ts';

export function parsedCacheDir(astroCacheDir = process.env.BRIEFING_CACHE_DIR ?? 'node_modules/.astro'): string {
  return resolve(astroCacheDir, 'briefing-parsed');
}

export const parsedKey = (mdx: string): string => createHash('sha256').update(mdx).digest('hex');

export async function writeParsed(dir: string, mdx: string, doc: ArticleDocument): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${parsedKey(mdx)}.json`), JSON.stringify(doc));
}

export function readParsedByKey(dir: string, key: string): ArticleDocument | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as ArticleDocument;
  } catch {
    return undefined;
  }
}

export function writeParsedByKey(dir: string, key: string, doc: ArticleDocument): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${key}.json`), JSON.stringify(doc));
}
