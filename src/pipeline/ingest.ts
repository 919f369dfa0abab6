/**
 * The ingest: every `seeds/*.txt` → `content/articles/<id>.mdx`. The file-system side of src/lib/article.ts.
 *
 * - Reads seeds, never writes to the seeds folder.
 * - All-or-nothing by default: every seed is analysed first; with any error nothing is written.
 *   `keepGoing` writes every good seed and still reports the bad ones.
 * - Incremental: a manifest records, per seed, the key of its inputs (seed bytes, editor content,
 *   generator version) and the hash of the file written; an unchanged seed is not re-analysed or rewritten.
 * - Nothing lost: a generated file whose bytes differ from what was written (edited by hand) is reported,
 *   not overwritten (unless `force`); files of removed seeds are removed; duplicates are built once.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { fork } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleRecord } from '../lib/article.ts';
import type { Problem } from '../lib/types.ts';
import { analyseAll, stagedPath, type AnalyseJob } from './analyse.ts';
import { loadEditorContent } from './content.ts';
import { parsedCacheDir } from './parsed-cache.ts';

/** Bump when the generated files change for the same inputs: every article is then regenerated. */
export const GENERATOR_VERSION = 1;
export const MANIFEST_NAME = '.ingest-manifest.json';

export interface IngestOptions {
  /** Project root: `seeds/` and `content/` are resolved against it unless given. */
  root: string;
  seedsDir?: string;
  contentDir?: string;
  keepGoing?: boolean;
  /** Overwrite generated files that were edited by hand. */
  force?: boolean;
  /** Validate only: analyse every seed (cached or not), write nothing, return the records. */
  checkOnly?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
}

/**
 * `ingest` in a child process: the same result (without `records`), but the memory the analysis used goes
 * away when the process ends, before the build goes on to Astro. (On a worker thread, as before, the process
 * kept 1.3 GB for seconds after the thread ended, at 10,000 seeds: it overlapped Astro's start, and was the
 * build's peak once the search index was built in shards.)
 */
export function ingestApart(options: IngestOptions): Promise<IngestResult> {
  const { onProgress, ...data } = options;
  return new Promise((resolvePromise, reject) => {
    const child = fork(fileURLToPath(new URL('./ingest-worker.ts', import.meta.url)), [], {
      execArgv: process.execArgv,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: IngestResult | undefined;
    let failure: string | undefined;
    child.on('message', (message: { progress?: [number, number, string]; result?: IngestResult; error?: string }) => {
      if (message.progress) onProgress?.(...message.progress);
      else if (message.error) failure = message.error;
      else result = message.result;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result) resolvePromise(result);
      else reject(new Error(failure ?? `the ingest stopped (${signal ?? `exit code ${code}`})`));
    });
    child.send(data);
  });
}

export interface IngestResult {
  problems: Problem[];
  seeds: number;
  written: string[];
  unchanged: number;
  removed: string[];
  duplicates: { seed: string; duplicateOf: string }[];
  /** Whether errors stopped the ingest before it wrote anything. */
  stopped: boolean;
  /** With `checkOnly`: the article of every seed that would be built (no duplicates, no bad seeds), by id. */
  records?: ArticleRecord[];
}

interface ManifestEntry {
  seed: string;
  inputsKey: string;
  outputHash: string;
  textHash: string;
  /** The seed's warnings, shown again on every run while the seed is unchanged (file name left out). */
  warnings?: Omit<Problem, 'file'>[];
}
type Manifest = Record<string, ManifestEntry>; // by article id

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

export async function ingest(options: IngestOptions): Promise<IngestResult> {
  const seedsDir = resolve(options.root, options.seedsDir ?? 'seeds');
  const contentDir = resolve(options.root, options.contentDir ?? 'content');
  const articlesDir = join(contentDir, 'articles');
  const result: IngestResult = { problems: [], seeds: 0, written: [], unchanged: 0, removed: [], duplicates: [], stopped: false };

  const editor = await loadEditorContent(contentDir);
  result.problems.push(...editor.problems);
  if (!editor.content) return { ...result, stopped: true };
  // The analysis code is an input too: a changed rule regenerates every article.
  const contentKey = `${editor.key}\0${await analysisCodeKey()}`;

  const display = (file: string) => relative(options.root, join(seedsDir, file)) || file;
  const seedFiles = await listSeeds(seedsDir, display, result.problems);
  result.seeds = seedFiles.length;
  const manifest = await readManifest(articlesDir);
  const bySeed = new Map(Object.entries(manifest).map(([id, m]) => [m.seed, { id, ...m }]));
  const onDisk = await hashesOnDisk(articlesDir);
  const nextManifest: Manifest = {};
  const outputs = new Map<string, number>(); // id → the job whose staged MDX file to move in
  const firstWithText = new Map<string, string>(); // text hash → seed
  const idOwner = new Map<string, string>(); // id → seed
  const records: ArticleRecord[] = [];

  // 1. Read every seed and decide which need analysing (the rest are up to date).
  interface Pending { file: string; inputsKey: string; previous?: ManifestEntry & { id: string }; job?: number }
  const pending: Pending[] = [];
  const jobs: AnalyseJob[] = [];
  // Synchronous reads: nothing else runs meanwhile, and for 10,000 small files they take a third of the
  // time of overlapping promise-based reads (measured 1.1 s vs 1.9–3.4 s).
  const contents = seedFiles.map((file) => {
    try {
      return readFileSync(join(seedsDir, file));
    } catch (error) {
      return error as Error;
    }
  });
  for (const [i, file] of seedFiles.entries()) {
    let bytes: Uint8Array;
    try {
      const read = contents[i]!;
      if (read instanceof Error) throw read;
      bytes = read;
    } catch (error) {
      const why = (error as NodeJS.ErrnoException).code ?? String(error);
      result.problems.push({ severity: 'error', file: display(file), message: `cannot be read (${why})`, hint: 'check that the file is readable (permissions) and not open in another program' });
      continue;
    }
    const inputsKey = sha256(`${GENERATOR_VERSION}\0${contentKey}\0${sha256(bytes)}`);
    const previous = bySeed.get(file);
    // A check analyses every seed: it returns the records, and validates whatever the cache would skip.
    const upToDate =
      !options.checkOnly && previous?.inputsKey === inputsKey && onDisk.get(`${previous.id}.mdx`) === previous.outputHash;
    pending.push(upToDate ? { file, inputsKey, previous } : { file, inputsKey, previous, job: jobs.length });
    if (!upToDate) jobs.push({ file, shown: display(file), bytes });
  }

  // 2. Analyse (on all cores when there are many). The analysis writes each MDX text into a stage folder,
  // and the document read back from it into the content loader's parse cache (a check leaves no trace).
  const stage = options.checkOnly || jobs.length === 0 ? undefined : await makeStage();
  try {
    options.onProgress?.(0, jobs.length, jobs[0]?.file ?? '');
    const analysed = await analyseAll(
      jobs,
      editor.content,
      editor.texts!,
      (done) => options.onProgress?.(done, jobs.length, jobs[done]?.file ?? ''),
      options.checkOnly ? {} : { parsedCache: parsedCacheDir(), stage },
    );

    // 3. In seed order: duplicates, id clashes, hand edits, what to write.
    for (const { file, inputsKey, previous, job } of pending) {
      let id: string;
      let entry: ManifestEntry;
      let analysedJob: number | undefined;
      let record: ArticleRecord | undefined;
      if (job === undefined) {
        id = previous!.id;
        entry = { seed: file, inputsKey, outputHash: previous!.outputHash, textHash: previous!.textHash };
        if (previous!.warnings?.length) entry.warnings = previous!.warnings;
        for (const w of previous!.warnings ?? []) result.problems.push({ ...w, file: display(file) });
      } else {
        const built = analysed[job]!;
        result.problems.push(...built.problems);
        if (!built.record || built.outputHash === undefined) continue;
        id = built.record.id;
        analysedJob = job;
        record = built.record;
        entry = { seed: file, inputsKey, outputHash: built.outputHash, textHash: built.record.textHash };
        const warnings = built.problems.filter((p) => p.severity === 'warning').map(({ file: _file, ...rest }) => rest);
        if (warnings.length) entry.warnings = warnings;
      }

      const original = firstWithText.get(entry.textHash);
      if (original) {
        result.duplicates.push({ seed: file, duplicateOf: original });
        result.problems.push({
          severity: 'warning',
          file: display(file),
          message: `has the same text as ${display(original)} (ignoring white space); it is built once, from ${display(original)}`,
          hint: 'delete one of the two seeds',
        });
        continue;
      }
      firstWithText.set(entry.textHash, file);
      const owner = idOwner.get(id);
      if (owner) {
        result.problems.push({
          severity: 'error',
          file: display(file),
          message: `gives the article id "${id}", which ${display(owner)} already has`,
          hint: 'rename one of the two seed files',
        });
        continue;
      }
      idOwner.set(id, file);
      if (record) records.push(record);

      const current = onDisk.get(`${id}.mdx`);
      const last = manifest[id];
      if (current !== undefined && current !== last?.outputHash && current !== entry.outputHash && !options.force) {
        // The file is not what the ingest last wrote: an editor changed it (or put it there).
        result.problems.push(handEdited(options.root, articlesDir, `${id}.mdx`));
        if (last) nextManifest[id] = last;
        continue;
      }
      nextManifest[id] = entry;
      if (analysedJob !== undefined && current !== entry.outputHash) outputs.set(id, analysedJob);
      else result.unchanged += 1;
    }

    // Generated files whose seed is gone (or no longer valid) are removed, unless edited by hand.
    const stale: string[] = [];
    for (const [file, current] of onDisk) {
      const id = file.slice(0, -'.mdx'.length);
      if (nextManifest[id]) continue;
      const stillSeeded = manifest[id] && seedFiles.includes(manifest[id].seed);
      if (stillSeeded) continue; // its seed has errors now: reported above, its last good file stays
      if (manifest[id]?.outputHash === current || options.force) stale.push(file);
      else if (manifest[id]) result.problems.push(handEdited(options.root, articlesDir, file, 'its seed was removed'));
      else result.problems.push(foreign(options.root, articlesDir, file));
    }

    const errors = result.problems.some((p) => p.severity === 'error');
    if (options.checkOnly) return { ...result, stopped: errors, records };
    if (errors && !options.keepGoing) return { ...result, stopped: true };

    await mkdir(articlesDir, { recursive: true });
    const toWrite = [...outputs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // A staged file is moved in (atomic, as writeAtomic is); from another file system it is copied.
    for (const [id, job] of toWrite) {
      const staged = stagedPath(stage!, jobs[job]!);
      const target = safeTarget(articlesDir, id);
      try {
        renameSync(staged, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        await writeAtomic(target, await readFile(staged, 'utf8'));
      }
    }
    result.written.push(...toWrite.map(([id]) => `${id}.mdx`));
    for (const file of stale.sort()) {
      await rm(join(articlesDir, file));
      result.removed.push(file);
    }
    for (const [id, entry] of Object.entries(manifest)) {
      if (!nextManifest[id] && seedFiles.includes(entry.seed) && onDisk.has(`${id}.mdx`)) nextManifest[id] = entry;
    }
    // Rewritten only when it changes: an ingest with nothing to do writes no file at all.
    const manifestText = `${JSON.stringify(sortKeys(nextManifest), null, 2)}\n`;
    const manifestPath = join(articlesDir, MANIFEST_NAME);
    if ((await readFile(manifestPath, 'utf8').catch(() => undefined)) !== manifestText) await writeAtomic(manifestPath, manifestText);
    return result;
  } finally {
    if (stage) rmSync(stage, { recursive: true, force: true });
  }
}

const STAGE_PREFIX = 'briefing-ingest-stage-';

/**
 * A fresh stage folder next to the parse cache (on the project's disk, so its files move into content/ by
 * a rename). Stage folders left by an ingest that was killed are removed: their process no longer runs.
 */
async function makeStage(): Promise<string> {
  const parent = dirname(parsedCacheDir());
  await mkdir(parent, { recursive: true });
  for (const name of await readdir(parent)) {
    const pid = Number(name.slice(STAGE_PREFIX.length).split('-')[0]);
    if (name.startsWith(STAGE_PREFIX) && Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isRunning(pid)) {
      await rm(join(parent, name), { recursive: true, force: true });
    }
  }
  // Unique within the process as well, so two ingests in one process could never share a folder.
  return mkdtemp(join(parent, `${STAGE_PREFIX}${process.pid}-`));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}


/** sha256 over the source of src/lib, where every rule that shapes an article lives. */
async function analysisCodeKey(): Promise<string> {
  const libDir = resolve(import.meta.dirname, '../lib');
  const hash = createHash('sha256');
  for (const file of (await readdir(libDir)).filter((f) => f.endsWith('.ts')).sort()) {
    hash.update(file).update('\0').update(await readFile(join(libDir, file)));
  }
  return hash.digest('hex');
}


async function listSeeds(seedsDir: string, display: (file: string) => string, problems: Problem[]): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(seedsDir, { withFileTypes: true });
  } catch {
    problems.push({ severity: 'error', file: display('.'), message: 'the seeds folder does not exist or cannot be read', hint: 'create it and put the article .txt files in it' });
    return [];
  }
  const files: string[] = [];
  for (const e of entries) {
    const isTxt = e.name.toLowerCase().endsWith('.txt');
    // Hidden files (.DS_Store, editor swap files) are not articles; a hidden .txt may be one, so say so.
    if (e.name.startsWith('.')) {
      if (isTxt) {
        problems.push({ severity: 'warning', file: display(e.name), message: 'is a hidden file (its name starts with a dot) and is ignored', hint: 'rename it without the leading dot if it is an article' });
      }
      continue;
    }
    // A link is followed (read only); what it points to decides.
    const kind = e.isSymbolicLink() ? await stat(join(seedsDir, e.name)).catch(() => undefined) : e;
    if (kind?.isDirectory()) {
      problems.push({ severity: 'warning', file: display(e.name), message: 'is a folder; seeds in sub-folders are not read', hint: 'move its .txt files up into the seeds folder' });
      continue;
    }
    if (!kind?.isFile()) {
      problems.push({ severity: isTxt ? 'error' : 'warning', file: display(e.name), message: 'is not a regular file (a broken link, a device or a pipe) and is ignored', hint: 'replace it with the article text file' });
      continue;
    }
    if (!isTxt) {
      problems.push({ severity: 'warning', file: display(e.name), message: 'is not a .txt file and is ignored', hint: 'rename it to .txt if it is an article' });
      continue;
    }
    files.push(e.name);
  }
  // Code-unit order: the same on every machine, whatever its locale.
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The output path for an id, refusing anything that would land outside content/articles. */
function safeTarget(articlesDir: string, id: string): string {
  const target = resolve(articlesDir, `${id}.mdx`);
  if (!target.startsWith(articlesDir + sep) || /[/\\]/.test(id) || id.startsWith('.')) {
    throw new Error(`refusing to write article id "${id}" outside ${articlesDir}`);
  }
  return target;
}


function handEdited(root: string, articlesDir: string, file: string, why = 'it was edited by hand since the ingest wrote it'): Problem {
  return {
    severity: 'error',
    file: relative(root, join(articlesDir, file)),
    message: `is not what the ingest wrote (${why}), so it is left as it is`,
    hint: 'move the change into the seed (front matter can set title, date, outlet, components), then delete this file or run with --force',
  };
}

function foreign(root: string, articlesDir: string, file: string): Problem {
  return {
    severity: 'error',
    file: relative(root, join(articlesDir, file)),
    message: 'was not written by the ingest (no seed generates it), so it is left as it is',
    hint: 'content/articles is generated: put the article text into the seeds folder as a .txt file, then delete this file (or run with --force, which deletes it)',
  };
}

/** sha256 of every generated article file now on disk, by file name. */
async function hashesOnDisk(articlesDir: string): Promise<Map<string, string>> {
  const files = (await readdir(articlesDir).catch(() => [] as string[])).filter((f) => f.endsWith('.mdx')).sort();
  return new Map(files.map((file) => [file, sha256(readFileSync(join(articlesDir, file)))]));
}

async function readManifest(articlesDir: string): Promise<Manifest> {
  try {
    return JSON.parse(await readFile(join(articlesDir, MANIFEST_NAME), 'utf8')) as Manifest;
  } catch {
    return {};
  }
}

async function writeAtomic(path: string, text: string): Promise<void> {
  const temp = `${path}.tmp-${process.pid}`;
  await writeFile(temp, text);
  await rename(temp, path);
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
