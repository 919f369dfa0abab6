/**
 * Pagefind, wired as one small function (`indexSite`) that writes `pagefind/` into the output folder: an
 * integration calls it after Astro writes the pages (`astro build`); scripts/build.ts calls it itself, with a
 * schedule: in a build that renders every article page, a shard starts as soon as Astro's process says its
 * pages are written (`whenShardsWritten`, through the middleware in page-rendered.ts), one at a time beside
 * Astro and only within the memory budget; the rest once Astro has exited.
 *
 * The article pages are indexed in shards of at most 1,536 (src/lib/search-shards.ts), each a whole Pagefind
 * index; `pagefind/shards.json` lists them and the search page merges them into one search. At 10,000 pages
 * one index peaked at 2.6 GB and took 17–20 s for every build that changed a page; in shards of ~1,430 one
 * holds ~0.4 GB, and a build writes again only the shards whose pages changed.
 *
 * It runs Pagefind's binary (found as its npm command finds it), not its Node API: the same binary writes the
 * same files either way (compared byte for byte at 10,000 pages), but as a service it took 2.6–2.8 s longer
 * (23.1 vs 20.5 s into an empty folder, 20.0 vs 17.2 s into the last build's) and peaked 280 MB higher
 * (2.84 vs 2.56 GB).
 *
 * One index over both languages: Pagefind builds one index per `<html lang>` and does not stem Ukrainian,
 * so every page is indexed as one forced language. Russian stemming then also folds many Ukrainian endings,
 * and a query in either language searches every report. Only `data-pagefind-body` (the article) is indexed.
 *
 * Why `ru`, measured on the query set of test/fixtures/site-events/queries.yaml (32 queries, 156 expected
 * hits): ru 1.000 recall; uk, en or no forced language (the page's `<html lang>`, the interface language)
 * 0.904 — Pagefind has no Ukrainian stemmer and the English one leaves Cyrillic alone, so those lose case
 * forms: Russian гарантиям/гарантиях/переговоров and Ukrainian гарантій/гарантіям/переговорів find little
 * or nothing without the Russian stemmer. Prefixes (from 3 letters) work the same with every choice.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { shardPath, shardsOf } from '../lib/search-shards.ts';
import { pagesWritten, plannedArticlePages, prunePagefind, takePreviousIndex } from '../pipeline/reuse.ts';
import { PAGE_RENDERED } from './page-rendered.ts';
import { searchShardSize } from '../settings.ts';

export const SEARCH_LANGUAGE = 'ru';

/** Set by scripts/build.ts for its Astro child process: the index is built after that process has exited. */
export const INDEX_LATER_ENV = 'BRIEFING_SEARCH_INDEX_LATER';

/** The list of index folders the search page merges (src/client/search.ts), inside `pagefind/`. */
export const SHARDS_MANIFEST = 'shards.json';
export interface ShardsManifest {
  version: 1;
  /** Each shard's folder relative to `pagefind/` (`''` is `pagefind/` itself); the first is the primary. */
  shards: string[];
}

/** Each shard's key (its pages and their bytes) after the last whole index, in the cache folder. */
const keysFile = (cacheDir: string) => join(cacheDir, 'briefing-search-shards.json');
interface SearchKeys {
  /** Each shard's key, by shard number. */
  shards: string[];
  /**
   * Each page's sha256, with the size and modification time (ns) it had when it was read: a page that still
   * has them is not read again. A rebuild moves unchanged pages back (src/pipeline/reuse.ts), which keeps
   * both; reading all 10,000 pages took 0.5 s of every build.
   */
  pages: Record<string, [size: string, mtimeNs: string, sha256: string]>;
}
/**
 * Where each shard's Pagefind configuration is written: the command reads it from the folder it runs in. A
 * shard's pages are named there as one glob, not linked into a folder of their own: at 10,000 pages those
 * 10,000 folders and links, made and removed at every build, cost ~1.3 s.
 */
const stageDir = (cacheDir: string) => join(cacheDir, 'briefing-search-stage');
/** Two Pagefind processes at once after Astro (~0.4 GB each at the default shard size): both cores busy. */
const SHARDS_AT_ONCE = Math.min(2, availableParallelism());

const pagefindDir = dirname(fileURLToPath(import.meta.resolve('pagefind')));
const pagefindVersion = (JSON.parse(readFileSync(join(pagefindDir, '../package.json'), 'utf8')) as { version: string }).version;
/**
 * Pagefind's binary, found as its npm command finds it (lib/resolveBinary.js next to its entry point), so no
 * Node process runs per shard just to start it.
 */
let binary: Promise<string> | undefined;
const pagefindBinary = () =>
  (binary ??= import(pathToFileURL(join(pagefindDir, 'resolveBinary.js')).href).then(
    (m: { resolveBinaryPath: (names: string[]) => string }) => m.resolveBinaryPath(['pagefind_extended', 'pagefind']),
  ));

/**
 * Index the article pages of `outDir` into `outDir/pagefind`, in shards of about `shardSize` pages
 * (src/lib/search-shards.ts), and write the manifest the search page reads. A shard whose pages are
 * byte-identical to the last build's is kept as it is (when src/pipeline/reuse.ts set the last index aside);
 * the others are written again, starting from their last files. `schedule` says when each shard may start
 * (scripts/build.ts starts some while Astro still renders); `pages` are the article pages (those in
 * `outDir/articles`, or those Astro is writing). Returns the log line; throws, with Pagefind's last words, if
 * it fails.
 */
export async function indexSite(
  outDir: string,
  cacheDir: string,
  shardSize = searchShardSize,
  schedule: Schedule = AFTER_ASTRO,
  pages = articlePages(outDir),
): Promise<string> {
  const started = performance.now();
  const outputPath = join(outDir, 'pagefind');
  // Only article pages carry data-pagefind-body; the event and bilingual pages (large for big events) need
  // not be read at all. Pagefind's command refuses an index of no pages (its API wrote an empty folder): a
  // site with no articles yet has nothing to search.
  if (pages.length === 0) return 'no article pages: no search index';
  const shards = shardsOf(pages, shardSize);
  const count = shards.length;
  const last = readKeys(cacheDir);

  // Pagefind does not write again a fragment or index file that exists (its name is a hash of its content),
  // so a shard starts from its files of the last build; what the new index does not use goes.
  const previous = takePreviousIndex(outputPath, cacheDir) ? last.shards : [];
  rmSync(keysFile(cacheDir), { force: true }); // until this index is whole again
  const live = shards.flatMap((list, n) => (list.length > 0 ? [n] : []));
  removeOtherShards(outputPath, live);
  const keys: string[] = [];
  const hashes: SearchKeys['pages'] = {};
  let keying = 0;
  let written = 0;
  let removed = 0;
  // A shard's pages are read (for its key) when it may start: before that, Astro may still be writing them.
  await eachWhenAllowed(live, schedule, (n) => shards[n]!.length, async (n) => {
    const from = performance.now();
    const own = pageHashes(outDir, shards[n]!, last.pages);
    Object.assign(hashes, own);
    keys[n] = shardKey(shards[n]!, own);
    keying += performance.now() - from;
    if (keys[n] === previous[n] && existsSync(join(outputPath, shardPath(n), 'pagefind-entry.json'))) return;
    written += 1;
    const folder = join(stageDir(cacheDir), String(n));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'pagefind.json'), JSON.stringify(pagefindConfig(outDir, join(outputPath, shardPath(n)), shards[n]!)));
    try {
      await run(await pagefindBinary(), [], folder);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    removed += (await prunePagefind(join(outputPath, shardPath(n)))).removed;
  });
  rmSync(stageDir(cacheDir), { recursive: true, force: true });

  const manifest: ShardsManifest = { version: 1, shards: live.map(shardPath) };
  writeFileSync(join(outputPath, SHARDS_MANIFEST), `${JSON.stringify(manifest)}\n`);
  writeFileSync(keysFile(cacheDir), JSON.stringify({ shards: Array.from({ length: count }, (_, n) => keys[n] ?? shardKey([], {})), pages: sortKeys(hashes) } satisfies SearchKeys));
  const indexed = live.reduce((sum, n) => sum + entryPageCount(join(outputPath, shardPath(n))), 0);
  const shardsNote = count === 1 ? '' : ` in ${live.length} shards (${written} written)`;
  return `indexed ${indexed} pages${shardsNote} in ${Math.round(performance.now() - started)} ms (keys ${Math.round(keying)})` + (removed ? `, ${removed} stale files removed` : '');
}

/** An object with its keys in order (the keys file is the same bytes for the same pages, whatever order shards ran in). */
function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key]!]));
}

/** Every HTML file below `outDir/articles`, as a path relative to `outDir`, sorted. */
export function articlePages(outDir: string): string[] {
  const root = join(outDir, 'articles');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => `articles/${file.split('\\').join('/')}`)
    .sort();
}

/** Each page's sha256 (see `SearchKeys.pages`), read again only when its size or modification time changed. */
function pageHashes(outDir: string, pages: string[], last: SearchKeys['pages']): SearchKeys['pages'] {
  const hashes: SearchKeys['pages'] = {};
  for (const page of pages) {
    const { size, mtimeNs } = statSync(join(outDir, page), { bigint: true });
    const known = last[page];
    hashes[page] =
      known && known[0] === String(size) && known[1] === String(mtimeNs)
        ? known
        : [String(size), String(mtimeNs), fileSha256(join(outDir, page))];
  }
  return hashes;
}

/**
 * sha256 of a file, read through one reused buffer: reading 10,000 pages whole left ~65 MB of garbage in the
 * build process, which may run beside Astro and a Pagefind shard.
 */
const readBuffer = Buffer.alloc(1 << 16);
function fileSha256(file: string): string {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    for (let n = readSync(fd, readBuffer); n > 0; n = readSync(fd, readBuffer)) hash.update(readBuffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** What a shard's index is made of: Pagefind's version and options, and each page's path and bytes. */
function shardKey(pages: string[], hashes: SearchKeys['pages']): string {
  const key = createHash('sha256').update(`pagefind ${pagefindVersion} ${SEARCH_LANGUAGE}\n`);
  for (const page of pages) key.update(`${page}\0${hashes[page]![2]}\0`);
  return key.digest('hex');
}

function readKeys(cacheDir: string): SearchKeys {
  try {
    const keys = JSON.parse(readFileSync(keysFile(cacheDir), 'utf8')) as SearchKeys;
    if (Array.isArray(keys.shards) && typeof keys.pages === 'object' && keys.pages !== null) return keys;
  } catch {
    // none yet, or unreadable: every page is read and every shard written
  }
  return { shards: [], pages: {} };
}

/**
 * Removes what the last index had and this one does not: shard folders beyond the live ones, and the first
 * shard's files when it has no page now (its folder also holds the manifest and the other shards).
 */
function removeOtherShards(outputPath: string, live: number[]): void {
  if (!live.includes(0) && existsSync(outputPath)) {
    for (const name of readdirSync(outputPath)) if (name !== 'shards') rmSync(join(outputPath, name), { recursive: true, force: true });
  }
  const dir = join(outputPath, 'shards');
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const n = Number(name);
    if (!(n >= 1 && name === String(n) && live.includes(n))) rmSync(join(dir, name), { recursive: true, force: true });
  }
  if (readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
}

/**
 * Pagefind's configuration for one shard: the site, and a glob that names exactly its pages (below
 * `articles/`, so Pagefind walks only that folder), each as a literal. A configuration file, not arguments:
 * 2,048 names of up to 80 characters would pass the 128 kB limit of one argument.
 */
export function pagefindConfig(outDir: string, outputPath: string, pages: string[]): { site: string; glob: string; force_language: string; output_path: string } {
  const names = pages.map((page) => {
    if (!page.startsWith('articles/')) throw new Error(`not an article page: ${page}`);
    return globLiteral(page.slice('articles/'.length));
  });
  return { site: outDir, glob: `articles/{${names.join(',')}}`, force_language: SEARCH_LANGUAGE, output_path: outputPath };
}

/** A path as a literal of Pagefind's globs (wax): its metacharacters escaped, and only those (wax refuses other escapes). */
const globLiteral = (path: string) => path.replace(/[?*$:<>()[\]{},\\]/g, '\\$&');

function entryPageCount(folder: string): number {
  const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
}

/**
 * When each shard may start. scripts/build.ts starts a shard while Astro still renders once Astro says its
 * pages are written, and only if it fits the memory budget beside Astro; once Astro has exited, two at a time.
 */
export interface Schedule {
  /** Whether shard `shard` (of `pages` pages) may start now, with `running` shards running. */
  mayStart: (shard: number, pages: number, running: number) => boolean;
  /** Registers a function to call whenever that may have changed (besides a shard's end). */
  onChange?: (listener: () => void) => void;
  /** Whether to start no more shards and fail (the build failed). */
  stopped?: () => boolean;
}

/** After Astro: two at a time (~0.4 GB each at the default shard size). */
export const AFTER_ASTRO: Schedule = { mayStart: (_shard, _pages, running) => running < SHARDS_AT_ONCE };

/**
 * Runs `task` on every item, each once `schedule` allows it (asked again whenever a task ends or the schedule
 * says so); after a failure starts no more, and rejects with it once the running ones have ended. The schedule
 * must in the end allow every item.
 */
function eachWhenAllowed(items: number[], schedule: Schedule, pagesOf: (item: number) => number, task: (item: number) => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    const waiting = [...items];
    let running = 0;
    let failure: { error: unknown } | undefined;
    const pump = (): void => {
      if (schedule.stopped?.()) failure ??= { error: new Error('the search index was left unfinished: the build stopped') };
      for (let i = 0; failure === undefined && i < waiting.length; ) {
        const item = waiting[i]!;
        if (!schedule.mayStart(item, pagesOf(item), running)) {
          i += 1;
          continue;
        }
        waiting.splice(i, 1);
        running += 1;
        task(item)
          .catch((error: unknown) => (failure ??= { error }))
          .finally(() => {
            running -= 1;
            pump();
          });
      }
      if (running === 0 && (failure !== undefined || waiting.length === 0)) {
        if (failure) reject(failure.error);
        else resolve();
      }
    };
    schedule.onChange?.(pump);
    pump();
  });
}

/** Runs a command to its end; rejects with the end of what it printed when it fails. */
function run(command: string, args: string[], cwd: string): Promise<void> {
  // PAGEFIND_* variables would override the configuration file.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PAGEFIND_')));
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`Pagefind failed (${signal ?? `exit code ${code}`}):\n${output.trim().split('\n').slice(-12).join('\n')}`)),
    );
  });
}

/** The message the Astro child of scripts/build.ts sends its parent when all of a search shard's pages are written. */
export const SHARD_WRITTEN = 'briefing:shard-written';
export interface ShardWritten {
  type: typeof SHARD_WRITTEN;
  shard: number;
}
const ARTICLE_ROUTE = '/articles/[id]';
/** Article pages between two looks (every page of another route is a look too). */
const LOOK_EVERY = 50;

/**
 * Called before each page is rendered, with its route: calls `written(n)` once for each shard `n` (of the
 * index `indexSite` will build over the pages this build plans) when all its pages are written whole. A
 * build that reuses article pages never calls it (they are put back only at the end).
 */
export function whenShardsWritten(outDir: string, cacheDir: string, shardSize: number, written: (shard: number) => void): (route: string) => void {
  let shards: string[][] | 'never' | undefined;
  const whole = new Set<string>();
  const done = new Set<number>();
  let articles = 0;
  return (route) => {
    if (shards === 'never' || (shards !== undefined && done.size === shards.length)) return;
    if (route === ARTICLE_ROUTE && ++articles % LOOK_EVERY !== 0) return;
    if (shards === undefined) {
      const pages = plannedArticlePages(cacheDir);
      if (pages === 'never' || pages.length === 0) {
        shards = 'never';
        return;
      }
      shards = shardsOf(pages, shardSize);
    }
    shards.forEach((pages, n) => {
      if (done.has(n) || !pagesWritten(outDir, pages, whole)) return;
      done.add(n);
      if (pages.length > 0) written(n);
    });
  };
}

export default function pagefindIntegration(): AstroIntegration {
  let cacheDir = '';
  // In the Astro child of scripts/build.ts (which indexes after it, and listens): the parent may start
  // Pagefind on a shard's pages while Astro renders the other pages (the article route renders its pages
  // shard by shard), one shard at a time, when both fit the memory budget.
  const earlyIndex = () => Boolean(process.env[INDEX_LATER_ENV]) && typeof process.send === 'function';
  return {
    name: 'briefing:pagefind',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware }) => {
        if (command === 'build' && earlyIndex()) addMiddleware({ entrypoint: new URL('./page-rendered.ts', import.meta.url), order: 'pre' });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        if (earlyIndex()) {
          (globalThis as { [PAGE_RENDERED]?: (route: string) => void })[PAGE_RENDERED] = whenShardsWritten(fileURLToPath(config.outDir), cacheDir, searchShardSize, (shard) =>
            process.send?.({ type: SHARD_WRITTEN, shard } satisfies ShardWritten),
          );
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env[INDEX_LATER_ENV]) return;
        logger.info(await indexSite(fileURLToPath(dir), cacheDir));
      },
    },
  };
}
