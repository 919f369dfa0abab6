/**
 * Reusing the previous build's output: an article or event page whose inputs did not change is not
 * rendered again, and Pagefind does not compress again the fragments it already wrote.
 *
 * Why: at 10,000 articles most of a rebuild after adding one article went into rendering ~12,000 unchanged
 * pages (the bilingual pages of big events are megabytes) and writing 10,000 unchanged Pagefind fragments.
 *
 * How, in one `npm run build` (scripts/build.ts):
 * 1. `setAside`: before Astro empties the output folder, the last good build's `articles/`, `events/`,
 *    `pagefind/` and `data/` are moved (renamed, not copied) into `<cacheDir>/briefing-reuse/`, with every
 *    page's key (the data export is reused an event at a time: src/pipeline/export-reuse.ts).
 * 2. A route's `getStaticPaths` asks `planPages` which pages to render: a page is reused when its key
 *    (sha256 of the build's site key and every value the page shows) equals the recorded key and the page
 *    file is there. The plan is written next to the set-aside pages.
 * 3. `restorePages` (in `astro:build:done`) moves the reused pages back and records the keys.
 * 4. Pagefind writes into the set-aside `pagefind/` folder (it skips fragment files that already exist —
 *    their names are hashes of their content), then `prunePagefind` removes every file the new index does
 *    not reference.
 * Reuse happens only when the build script passes a site key (BRIEFING_SITE_KEY): a plain `astro build`
 * or `astro dev` renders everything. The site key covers everything a page reads besides its own values
 * (code, config, editor files, lockfile, settings), so a reused page is byte-identical to a rendered one —
 * a test builds a site incrementally and from scratch and compares every byte.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const SITE_KEY_ENV = 'BRIEFING_SITE_KEY';
/** Where set-aside output waits during a build. */
export const reuseDir = (cacheDir: string) => join(cacheDir, 'briefing-reuse');
/** The keys of the pages in the output folder, written after every successful build. */
const keysFile = (cacheDir: string) => join(cacheDir, 'briefing-pages.json');
/** The plan of one route (`group`), written by its getStaticPaths. */
const planFile = (cacheDir: string, group: string) => join(reuseDir(cacheDir), `plan-${group}.json`);
/** The data export, whose unchanged events src/pipeline/export-reuse.ts copies from the last build's. */
export const EXPORT_PATH = 'data/events.json';
/**
 * The folders of the output that hold reusable pages, and all that is set aside: those, Pagefind's index
 * and the folder of the data export.
 */
const PAGE_FOLDERS = ['articles', 'events'];
const REUSED_FOLDERS = [...PAGE_FOLDERS, 'pagefind', 'data'];

/** Page path (the output folder of one page, e.g. `articles/<id>`) → key. */
type Keys = Record<string, string>;

/** A JSON file's value, or undefined if it is missing or not JSON. */
export function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/**
 * Step 1. `previousBuildIsWhole`: the last build finished and its output is untouched (the caller's
 * up-to-date stamp says so); otherwise nothing is reused. Returns whether anything was set aside.
 */
export function setAside(outDir: string, cacheDir: string, previousBuildIsWhole: boolean): boolean {
  const dir = reuseDir(cacheDir);
  rmSync(dir, { recursive: true, force: true });
  const keys = readJson<Keys>(keysFile(cacheDir));
  rmSync(keysFile(cacheDir), { force: true });
  if (!previousBuildIsWhole || !keys) return false;
  mkdirSync(dir, { recursive: true });
  let moved = false;
  for (const part of REUSED_FOLDERS) {
    if (!existsSync(join(outDir, part))) continue;
    try {
      renameSync(join(outDir, part), join(dir, part));
      moved = true;
    } catch {
      // another file system (EXDEV) or a busy folder: render and index from scratch
    }
  }
  writeFileSync(join(dir, 'keys.json'), JSON.stringify(keys));
  return moved;
}

/** The key of one page: the site key and every value the page shows, as JSON. */
export function pageKey(siteKey: string, inputs: unknown): string {
  return createHash('sha256').update(siteKey).update('\0').update(JSON.stringify(inputs)).digest('hex');
}

/**
 * Step 2, for a route's getStaticPaths: which of its pages to render. `describe` gives a page's output
 * path (its folder below the output folder) and every value the page shows besides what the site key
 * covers. `group` names the route (one plan file per route). Without a site key (dev, a plain
 * `astro build`) every page is rendered.
 */
export function planPages<T>(
  cacheDir: string,
  group: string,
  pages: readonly T[],
  describe: (page: T) => { path: string; inputs: unknown },
  siteKey: string | undefined = process.env[SITE_KEY_ENV],
): T[] {
  if (!siteKey) return [...pages];
  const dir = reuseDir(cacheDir);
  const previous = readJson<Keys>(join(dir, 'keys.json')) ?? {};
  const plan: Keys = {};
  const render: T[] = [];
  for (const page of pages) {
    const { path, inputs } = describe(page);
    const key = pageKey(siteKey, inputs);
    plan[path] = key;
    if (previous[path] !== key || !existsSync(join(dir, path, 'index.html'))) render.push(page);
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(planFile(cacheDir, group), JSON.stringify(plan));
  return render;
}

/**
 * Step 3, after Astro wrote the pages it rendered: move the reused pages back into the output folder and
 * record every planned page's key for the next build. Returns the number of pages moved back.
 */
export function restorePages(outDir: string, cacheDir: string): number {
  const dir = reuseDir(cacheDir);
  const plans = existsSync(dir) ? readdirSync(dir).filter((f) => /^plan-.+\.json$/.test(f)).sort() : [];
  if (plans.length === 0) return 0;
  const keys: Keys = {};
  for (const plan of plans) {
    Object.assign(keys, readJson<Keys>(join(dir, plan)) ?? {});
    rmSync(join(dir, plan));
  }
  const previous = readJson<Keys>(join(dir, 'keys.json')) ?? {};
  let restored = 0;
  for (const folder of PAGE_FOLDERS) {
    const aside = join(dir, folder);
    if (!existsSync(aside)) continue;
    const out = join(outDir, folder);
    // The other way round, as a rebuild renders few pages: what Astro wrote moves into the set-aside folder
    // (over the pages' old versions), the pages no plan has any more are deleted from it, and the folder goes
    // back in one rename. (Moving each reused page back took 0.7 s at 10,000 articles.)
    const written = filesUnder(out);
    for (const file of written) {
      mkdirSync(dirname(join(aside, file)), { recursive: true });
      renameSync(join(out, file), join(aside, file));
    }
    const stale = Object.keys(previous).filter((path) => path.startsWith(`${folder}/`) && !(path in keys));
    // Deepest first, so that a folder is empty when its own page goes (a page's folder holds its sub-pages).
    for (const path of stale.sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1))) {
      rmSync(join(dir, path, 'index.html'), { force: true });
      if (existsSync(join(dir, path)) && readdirSync(join(dir, path)).length === 0) rmSync(join(dir, path), { recursive: true });
    }
    rmSync(out, { recursive: true, force: true }); // empty folders only: every file was moved
    renameSync(aside, out);
    const rendered = new Set(written.map((file) => dirname(file).split(sep).join('/')));
    restored += Object.keys(keys).filter((path) => path.startsWith(`${folder}/`) && !rendered.has(path.slice(folder.length + 1))).length;
  }
  writeFileSync(keysFile(cacheDir), JSON.stringify(keys));
  return restored;
}

/**
 * The article pages this build renders, as `articles/<id>/index.html`, sorted — when it renders all of them;
 * 'never' when it reuses some (they wait set aside until `restorePages`) or made no plan (a build outside
 * scripts/build.ts). Read once the article route has planned its pages.
 */
export function plannedArticlePages(cacheDir: string): string[] | 'never' {
  if (existsSync(join(reuseDir(cacheDir), 'articles'))) return 'never';
  const plan = readJson<Keys>(planFile(cacheDir, 'article'));
  return plan === undefined ? 'never' : Object.keys(plan).map((path) => `${path}/index.html`).sort();
}

const HTML_END = Buffer.from('</html>');

/**
 * Whether every one of `pages` is in the output folder, whole: it ends with `</html>` (Astro writes a page's
 * bytes in place, so a page being written is a prefix of itself). `whole` keeps the pages found whole, so
 * that asking again reads only the others; the first missing or partial page ends the look.
 */
export function pagesWritten(outDir: string, pages: readonly string[], whole: Set<string>): boolean {
  const tail = Buffer.alloc(HTML_END.length);
  for (const page of pages) {
    if (whole.has(page)) continue;
    let fd: number;
    try {
      fd = openSync(join(outDir, page), 'r');
    } catch {
      return false;
    }
    try {
      const size = fstatSync(fd).size;
      if (size < tail.length || readSync(fd, tail, 0, tail.length, size - tail.length) !== tail.length || !tail.equals(HTML_END)) return false;
    } finally {
      closeSync(fd);
    }
    whole.add(page);
  }
  return true;
}

/** Every file below `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/**
 * Step 4a: the previous index as the starting point of Pagefind's output folder (if there is one). Returns
 * whether it was taken back.
 */
export function takePreviousIndex(outputPath: string, cacheDir: string): boolean {
  const aside = join(reuseDir(cacheDir), 'pagefind');
  if (!existsSync(aside) || existsSync(outputPath)) return false;
  renameSync(aside, outputPath);
  return true;
}

/**
 * Step 4b: remove from a Pagefind output folder every hashed file (fragment, index chunk, filter, meta)
 * that its entry file does not lead to. The entry names each language's meta file; the meta file (gzip'd
 * CBOR) holds, as text strings `<lang>_<hex>`, the name of every fragment, index chunk and filter file
 * of that language. Returns the number of pages the index holds and of files removed; throws if fewer
 * fragments than pages remain.
 */
export async function prunePagefind(outputPath: string): Promise<{ pages: number; removed: number }> {
  const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string; page_count: number }>;
  };
  const live = new Set<string>();
  let pages = 0;
  for (const [lang, { hash, page_count }] of Object.entries(entry.languages)) {
    const meta = `pagefind.${hash}.pf_meta`;
    live.add(meta);
    pages += page_count;
    for (const name of cborTextStrings(gunzipSync(await readFile(join(outputPath, meta))), `${lang}_`)) {
      if (/^[a-z-]+_[0-9a-f]+$/i.test(name)) live.add(name);
    }
  }
  let removed = 0;
  const folders: [string, string][] = [['fragment', '.pf_fragment'], ['index', '.pf_index'], ['filter', '.pf_filter']];
  for (const [folder, extension] of folders) {
    for (const file of await readdir(join(outputPath, folder)).catch(() => [] as string[])) {
      if (file.endsWith(extension) && live.has(file.slice(0, -extension.length))) continue;
      await rm(join(outputPath, folder, file), { force: true });
      removed += 1;
    }
  }
  for (const file of await readdir(outputPath)) {
    if (file.endsWith('.pf_meta') && !live.has(file)) {
      await rm(join(outputPath, file), { force: true });
      removed += 1;
    }
  }
  const fragments = (await readdir(join(outputPath, 'fragment')).catch(() => [])).length;
  if (fragments < pages) throw new Error(`Pagefind index of ${pages} pages has ${fragments} fragments after pruning ${outputPath}`);
  return { pages, removed };
}

/** Every CBOR text string (major type 3, definite length) of `bytes` that starts with `prefix`. */
function cborTextStrings(bytes: Buffer, prefix: string): string[] {
  const found: string[] = [];
  const needle = Buffer.from(prefix, 'latin1');
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) {
    const head = bytes[at - 1]!;
    let length = -1;
    if (head >= 0x60 && head < 0x78) length = head - 0x60; // length in the head byte
    else if (bytes[at - 2] === 0x78) length = head; // one length byte follows the head 0x78
    if (length >= needle.length) found.push(bytes.subarray(at, at + length).toString('latin1'));
  }
  return found;
}

/** After the build: whatever was set aside and not taken back is stale. */
export function discardSetAside(cacheDir: string): void {
  rmSync(reuseDir(cacheDir), { recursive: true, force: true });
}
