/**
 * The parsed form of each generated article, kept next to Astro's cache and keyed by the sha256 of the
 * MDX text: the ingest leaves what it wrote and read back, so the content loader does not parse it again;
 * the loader adds what it parsed itself (a file edited by hand, parsed strictly as usual); the site model
 * reads the articles from here by the key the loader stored. After each complete pass the loader removes
 * the entries no article of the folder uses (else every version of every article stays: one file per
 * article per full regeneration); an entry missing later costs only a parse.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ArticleDocument } from '../lib/types.ts';

export function parsedCacheDir(astroCacheDir = process.env.BRIEFING_CACHE_DIR ?? 'node_modules/.astro'): string {
  return resolve(astroCacheDir, 'briefing-parsed');
}

export const parsedKey = (mdx: string): string => createHash('sha256').update(mdx).digest('hex');

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

/**
 * Documents the content loader read in this process, by key, which the site model takes instead of reading
 * and parsing them again (0.7 s at 10,000 articles). Through a global: the loader runs from source and the
 * model from Astro's bundle, so they do not share this module's state.
 */
const HANDED_OVER = Symbol.for('briefing.parsedDocuments');
const handedOver = (): Map<string, ArticleDocument> =>
  ((globalThis as { [HANDED_OVER]?: Map<string, ArticleDocument> })[HANDED_OVER] ??= new Map());

export function handOverParsed(key: string, doc: ArticleDocument): void {
  handedOver().set(key, doc);
}

/** The document handed over under `key` (once: it is then forgotten), or undefined. */
export function takeParsed(key: string): ArticleDocument | undefined {
  const map = handedOver();
  const doc = map.get(key);
  map.delete(key);
  return doc;
}

const ENTRY = /^[0-9a-f]{64}\.json$/;

/**
 * Removes the entries whose key is not in `live`; files not named like an entry are not ours and stay.
 * Synchronous, so nothing can store a key between the caller collecting `live` and the deletes.
 * One readdir, no entry is read. Returns how many were removed.
 */
export function pruneParsed(dir: string, live: ReadonlySet<string>): number {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return 0; // nothing cached yet
  }
  let removed = 0;
  for (const file of files) {
    if (!ENTRY.test(file) || live.has(file.slice(0, -'.json'.length))) continue;
    try {
      unlinkSync(join(dir, file));
      removed += 1;
    } catch {
      // Gone already (or not removable): a stale entry is only disk space, never a reason to stop the build.
    }
  }
  return removed;
}
