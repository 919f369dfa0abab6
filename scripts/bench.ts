/**
 * npm run bench [-- --sizes 100,1000,10000] [--skip-baseline] [--out bench/results] [--work bench/tmp]
 *                  [--timeout-min 15] [--merge] [--keep] [--no-search]
 *
 * For each N: a synthetic corpus (bench/corpus.ts) built by the project's own scripts/build.ts in a child
 * process — from a clean state, again with nothing changed, and after adding one article — and the same
 * corpus built by a plain Astro + MDX + Pagefind site (bench/baseline/). Records wall time, peak RSS of the
 * whole process tree, phase timings (from the build's own log lines), dist/ and Pagefind sizes, page weights
 * and the bytes a first search transfers (Chromium). Writes <out>/latest.json and <out>/latest.md.
 * A build that fails or runs past the timeout is recorded as such; the bench carries on.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { basename, dirname, join, posix, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { baselineMdx, EVENTS, generateCorpus, writeCorpus, type Corpus } from '../bench/corpus.ts';
import { CHROMIUM, hasChromium, launch } from '../test/helpers/browser.ts';
import { serve } from '../test/helpers/serve.ts';

const ROOT = resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000' },
    'skip-baseline': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results' },
    work: { type: 'string', default: 'bench/tmp' },
    'timeout-min': { type: 'string', default: '15' },
    merge: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
  },
});

const SIZES = values.sizes.split(',').map((s) => Number(s.trim()));
if (SIZES.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes: expected positive integers, got "${values.sizes}"`);
const TIMEOUT_MS = Number(values['timeout-min']) * 60_000;
const OUT = resolve(ROOT, values.out);
const WORK = resolve(ROOT, values.work);
/** A common word and two rarer ones (Russian and Ukrainian): what a first search costs depends on the term. */
const QUERIES = ['гарантии', 'координационная', 'багатонаціональних'];

// ---------------------------------------------------------------- running and measuring one process tree

interface Line { ms: number; text: string }

export interface Measure {
  status: 'ok' | 'failed' | 'timed out';
  exitCode: number | null;
  ms: number;
  peakRssBytes: number;
  /** CPU time (user + system) of the whole process tree. */
  cpuMs: number;
  /** Peak number of processes in the tree (node, pagefind's binary …). */
  peakProcesses: number;
  /** 1-minute load average when the build started and ended: other work on the machine skews the times. */
  load: [number, number];
  phases: Record<string, number | null>;
  notes: string[];
  stderrTail?: string[];
}

interface ProcInfo { ppid: number; ticks: number }

/**
 * Every process's parent and CPU time so far (utime + stime, in clock ticks). Synchronous reads: /proc files
 * answer at once, and one promise per file made the sampler itself take a third of a core (measured: 36 % CPU
 * at one sample every 50 ms), a sixth of this 2-core machine taken from the build it measures.
 */
function processes(): Map<number, ProcInfo> {
  const map = new Map<number, ProcInfo>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may contain spaces and parentheses: fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      map.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended while we looked
    }
  }
  return map;
}

/** Sum of VmRSS over a process and all its descendants, how many there are, and each one's CPU ticks. */
function treeSample(root: number): { bytes: number; count: number; ticks: Map<number, number> } {
  const all = processes();
  const children = new Map<number, number[]>();
  for (const [pid, info] of all) children.set(info.ppid, [...(children.get(info.ppid) ?? []), pid]);
  const pids = [root];
  for (let i = 0; i < pids.length; i++) pids.push(...(children.get(pids[i]!) ?? []));
  let bytes = 0;
  let count = 0;
  const ticks = new Map<number, number>();
  for (const pid of pids) {
    ticks.set(pid, all.get(pid)?.ticks ?? 0);
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) {
        bytes += Number(m[1]) * 1024;
        count++;
      }
    } catch {
      // ended
    }
  }
  return { bytes, count, ticks };
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ): 100 on Linux. */
const USER_HZ = 100;

let current: number | undefined; // the running child's process group, killed if the bench is interrupted
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (current) try { process.kill(-current, 'SIGKILL'); } catch { /* gone */ }
    process.exit(130);
  });
}

async function run(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ measure: Measure; lines: Line[] }> {
  const started = performance.now();
  const loadBefore = round(loadavg()[0] ?? 0);
  // Own process group: a timeout kills the whole tree (astro, pagefind's binary), nothing else.
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  current = child.pid;
  const lines: Line[] = [];
  const stderr: string[] = [];
  let partial = '';
  child.stdout.on('data', (d: Buffer) => {
    const ms = performance.now() - started;
    const parts = (partial + d.toString()).split('\n');
    partial = parts.pop() ?? '';
    for (const text of parts) lines.push({ ms, text });
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr.push(...d.toString().split('\n').filter(Boolean));
    if (stderr.length > 400) stderr.splice(0, stderr.length - 200);
  });
  let peak = 0;
  let peakProcesses = 0;
  // CPU time per process as last seen (each process's final < 50 ms are missed): less skewed than wall time
  // when other work competes for the cores.
  const cpuTicks = new Map<number, number>();
  const sampler = setInterval(() => {
    if (!child.pid) return;
    const { bytes, count, ticks } = treeSample(child.pid);
    for (const [pid, t] of ticks) cpuTicks.set(pid, Math.max(cpuTicks.get(pid) ?? 0, t));
    peak = Math.max(peak, bytes);
    peakProcesses = Math.max(peakProcesses, count);
  }, 50);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ }
  }, TIMEOUT_MS);
  const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
  const ms = performance.now() - started;
  clearInterval(sampler);
  clearTimeout(timer);
  current = undefined;
  if (partial) lines.push({ ms, text: partial });
  const status = timedOut ? 'timed out' : code === 0 ? 'ok' : 'failed';
  const measure: Measure = { status, exitCode: code, ms: Math.round(ms), peakRssBytes: peak, peakProcesses, cpuMs: Math.round(([...cpuTicks.values()].reduce((a, b) => a + b, 0) * 1000) / USER_HZ), load: [loadBefore, round(loadavg()[0] ?? 0)], phases: {}, notes: [] };
  if (status !== 'ok') measure.stderrTail = [...stderr.slice(-15), ...lines.slice(-5).map((l) => l.text)];
  return { measure, lines };
}

const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

/**
 * Phases from the times the build's own log lines arrived: ingest (with Node start-up), content sync
 * (the content loaders), bundle (types, Vite), render (static routes), Pagefind (from the end of the
 * rendering to the index's line: what it adds after Astro; shards it wrote while Astro rendered are in the
 * note) and the rest (writing, shutting down).
 */
function phases(lines: Line[], total: number): { phases: Record<string, number | null>; notes: string[] } {
  const find = (re: RegExp, from = 0) => lines.findIndex((l, i) => i >= from && re.test(plain(l.text)));
  const at = (i: number) => (i >= 0 ? lines[i]!.ms : null);
  const ingest = find(/^ingest: \d+ seeds/);
  const synced = find(/\[content\] Synced content/);
  const routes = find(/generating static routes/);
  const rendered = routes >= 0 ? find(/✓ Completed in/, routes) : -1;
  const indexedAt = find(/indexed \d+ pages/);
  // Its own line when Astro ran in the same process (the baseline): how long it says it took.
  const ownMs = indexedAt >= 0 ? /indexed \d+ pages.* in (\d+) ms/.exec(plain(lines[indexedAt]!.text)) : null;
  const d = (a: number | null, b: number | null) => (a !== null && b !== null ? Math.round(b - a) : null);
  const tIngest = at(ingest);
  const startSync = tIngest ?? 0;
  const result: Record<string, number | null> = {
    ingest: tIngest === null ? null : Math.round(tIngest),
    contentSync: d(startSync, at(synced)),
    bundle: d(at(synced), at(routes)),
    render: d(at(routes), at(rendered)),
    pagefind: rendered >= 0 && indexedAt > rendered && /\[briefing:pagefind\]/.test(lines[indexedAt]!.text) ? d(at(rendered), at(indexedAt)) : ownMs ? Number(ownMs[1]) : null,
  };
  const accounted = Object.values(result).reduce<number>((s, v) => s + (v ?? 0), 0);
  result.other = Math.round(total - accounted);
  const notes = lines.map((l) => plain(l.text)).filter((t) => /\[briefing:articles\]|\[briefing:pagefind\]|\[build\] \d+ page\(s\) built|^ingest: /.test(t))
    .map((t) => t.replace(/^\d\d:\d\d:\d\d /, '').trim());
  return { phases: result, notes };
}

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  // What vitest adds would leak into Astro; CI would turn Astro's log (our phase markers) down to warnings.
  for (const key of Object.keys(env)) {
    if (key.startsWith('VITEST') || ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST', 'CI'].includes(key)) delete env[key];
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

async function measured(args: string[], env: NodeJS.ProcessEnv, cwd: string, label: string): Promise<Measure> {
  process.stdout.write(`  ${label} … `);
  const { measure, lines } = await run(args, env, cwd);
  const p = phases(lines, measure.ms);
  measure.phases = p.phases;
  measure.notes = p.notes;
  console.log(`${measure.status}, ${(measure.ms / 1000).toFixed(1)} s (CPU ${(measure.cpuMs / 1000).toFixed(1)} s), peak RSS ${mb(measure.peakRssBytes)}, load ${measure.load.join(' → ')}`);
  if (measure.status !== 'ok') console.log(`    ${(measure.stderrTail ?? []).join('\n    ')}`);
  return measure;
}

// ---------------------------------------------------------------- sizes, page weight, search

async function dirSize(dir: string): Promise<{ bytes: number; files: number } | null> {
  if (!existsSync(dir)) return null;
  let bytes = 0;
  let files = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    bytes += (await stat(join(e.parentPath, e.name))).size;
    files++;
  }
  return { bytes, files };
}

const gz = (b: Buffer | string) => gzipSync(b).length;

interface PageWeight {
  path: string;
  htmlGzip: number;
  cssGzip: number;
  jsGzip: number;
  totalGzip: number;
  htmlRaw: number;
  /** <script> elements (inline or not): the target is none outside search. */
  scripts: number;
  stylesheets: string[];
}

/** HTML + the CSS and JS it references (link rel=stylesheet/modulepreload, script src), each gzip-compressed. */
async function pageWeight(outDir: string, path: string): Promise<PageWeight | null> {
  const file = join(outDir, path, 'index.html');
  if (!existsSync(file)) return null;
  const html = await readFile(file);
  const text = html.toString('utf8');
  const refs = (re: RegExp) => [...text.matchAll(re)].map((m) => m[1]!).filter((h) => !/^[a-z]+:/i.test(h));
  const css = refs(/<link\b[^>]*\brel="?stylesheet"?[^>]*\bhref="?([^"\s>]+)/g)
    .concat(refs(/<link\b[^>]*\bhref="?([^"\s>]+)"?[^>]*\brel="?stylesheet/g));
  const js = refs(/<script\b[^>]*\bsrc="?([^"\s>]+)/g).concat(refs(/<link\b[^>]*\brel="?modulepreload"?[^>]*\bhref="?([^"\s>]+)/g));
  const resolveRef = (h: string) => (h.startsWith('/') ? join(outDir, h) : join(outDir, posix.join(path, h)));
  const sizeOf = async (hrefs: string[]) => {
    let sum = 0;
    for (const h of [...new Set(hrefs)]) {
      const f = resolveRef(h.split(/[?#]/)[0]!);
      if (existsSync(f)) sum += gz(await readFile(f));
    }
    return sum;
  };
  const cssGzip = await sizeOf(css);
  const jsGzip = await sizeOf(js);
  const htmlGzip = gz(html);
  return {
    path: `/${path === '.' ? '' : `${path}/`}`.replace(/\/+/g, '/'),
    htmlGzip,
    cssGzip,
    jsGzip,
    totalGzip: htmlGzip + cssGzip + jsGzip,
    htmlRaw: html.length,
    scripts: (text.match(/<script\b/g) ?? []).length,
    stylesheets: [...new Set(css)],
  };
}

interface SearchMeasure {
  query: string;
  results: number | null;
  requests: number;
  /** Bytes of every /pagefind/ response, as the (uncompressed) test server sent them. */
  bytes: number;
  /** The same with gzip where it helps (pagefind.js, JSON); Pagefind's index files are compressed already. */
  bytesGzip: number;
  byKind: Record<string, number>;
  error?: string;
}

function pagefindKind(path: string): string {
  // A shard's files are those of an index of its own (src/lib/search-shards.ts).
  const name = path.slice(path.indexOf('/pagefind/') + '/pagefind/'.length).replace(/^shards\/\d+\//, '');
  if (name.startsWith('fragment/')) return 'fragment';
  if (name.startsWith('index/')) return 'index';
  if (name.startsWith('filter/')) return 'filter';
  if (name.includes('pf_meta')) return 'meta';
  if (name.startsWith('wasm')) return 'wasm';
  if (name.endsWith('.js')) return 'js';
  if (name.endsWith('.json')) return 'entry';
  return 'other';
}

/** Opens /search/?q=… in a fresh browser context (empty cache) and sums what it fetched under /pagefind/. */
async function firstSearches(outDir: string, statusSelector: string): Promise<SearchMeasure[] | { skipped: string }> {
  if (values['no-search']) return { skipped: '--no-search' };
  if (!hasChromium) return { skipped: `no Chromium at ${CHROMIUM}` };
  const server = await serve(outDir, '/');
  const browser = await launch();
  const out: SearchMeasure[] = [];
  try {
    for (const query of QUERIES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const from = server.log.length;
      let results: number | null = null;
      let error: string | undefined;
      try {
        await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
        await page.waitForFunction(
          (sel) => {
            const t = document.querySelector(sel)?.textContent ?? '';
            return t !== '' && !t.endsWith('…');
          },
          statusSelector,
          { timeout: 120_000 },
        );
        await page.waitForLoadState('networkidle');
        results = await page.$$eval('ol li', (li) => li.length);
      } catch (e) {
        error = String(e).split('\n')[0];
      }
      await context.close();
      const entries = server.log.slice(from).filter((l) => l.path.includes('/pagefind/'));
      const byKind: Record<string, number> = {};
      let bytesGzip = 0;
      for (const l of entries) {
        byKind[pagefindKind(l.path)] = (byKind[pagefindKind(l.path)] ?? 0) + l.bytes;
        const f = join(outDir, l.path);
        bytesGzip += l.status === 200 && /\.(js|json|css)$/.test(l.path) && existsSync(f) ? Math.min(l.bytes, gz(await readFile(f))) : l.bytes;
      }
      out.push({ query, results, requests: entries.length, bytes: entries.reduce((s, l) => s + l.bytes, 0), bytesGzip, byKind, ...(error ? { error } : {}) });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

// ---------------------------------------------------------------- one N

interface SiteResult {
  full: Measure;
  unchanged: Measure | null;
  addOne: Measure | null;
  ingestOnly?: Measure;
  articlesPerSecond: number | null;
  dist: { bytes: number; files: number } | null;
  pagefind: { bytes: number; files: number } | null;
  pages: Record<string, PageWeight | null>;
  search: SearchMeasure[] | { skipped: string } | null;
}

interface RunResult {
  n: number;
  date: string;
  corpus: { articles: number; bytes: number; ru: number; uk: number; events: Record<string, number> };
  briefing: SiteResult;
  baseline: SiteResult | { skipped: string };
  /** baseline ÷ briefing: above 1 means briefing is faster (or smaller). */
  ratio: { full: number | null; fullCpu: number | null; unchanged: number | null; addOne: number | null; peakRss: number | null } | null;
}

async function largestEvent(outDir: string): Promise<string | null> {
  try {
    const data = JSON.parse(await readFile(join(outDir, 'data/events.json'), 'utf8')) as { events: { slug: string; articles: unknown[] }[] };
    return [...data.events].sort((a, b) => b.articles.length - a.articles.length || (a.slug < b.slug ? -1 : 1))[0]?.slug ?? null;
  } catch {
    return null;
  }
}

async function benchBriefing(corpus: Corpus, dir: string): Promise<SiteResult> {
  const n = corpus.articles.length;
  const seedsDir = join(dir, 'seeds');
  const prepareContent = async (contentDir: string) => {
    await mkdir(join(contentDir, 'events'), { recursive: true });
    for (const f of ['components.yaml', 'entities.yaml']) await cp(join(ROOT, 'content', f), join(contentDir, f));
    await cp(join(ROOT, 'content/events'), join(contentDir, 'events'), { recursive: true });
  };
  const contentDir = join(dir, 'content');
  await prepareContent(contentDir);
  await writeCorpus(corpus, seedsDir, join(contentDir, 'events'));


  const outDir = join(dir, 'dist');
  const env = cleanEnv({
    BRIEFING_SEEDS_DIR: seedsDir,
    BRIEFING_CONTENT_DIR: contentDir,
    BRIEFING_OUT_DIR: outDir,
    BRIEFING_CACHE_DIR: join(dir, 'cache'),
    BRIEFING_BASE: '/',
  });
  const build = (label: string) => measured([join(ROOT, 'scripts/build.ts')], env, ROOT, label);
  const full = await build('briefing full build');
  const result: SiteResult = {
    full, unchanged: null, addOne: null,
    articlesPerSecond: full.status === 'ok' ? round(n / (full.ms / 1000), 1) : null,
    dist: null, pagefind: null, pages: {}, search: null,
  };
  if (full.status !== 'ok') return result;
  result.dist = await dirSize(outDir);
  result.pagefind = await dirSize(join(outDir, 'pagefind'));
  const event = await largestEvent(outDir);
  result.pages = {
    article: await pageWeight(outDir, `articles/${corpus.articles[0]!.file.replace(/\.txt$/, '')}`),
    event: event ? await pageWeight(outDir, `events/${event}`) : null,
    eventSources: event ? await pageWeight(outDir, `events/${event}/sources`) : null,
    home: await pageWeight(outDir, '.'),
    search: await pageWeight(outDir, 'search'),
  };
  result.search = await firstSearches(outDir, '#search-status');
  result.unchanged = await build('briefing rebuild, nothing changed');
  await writeFile(join(seedsDir, corpus.extra.file), corpus.extra.text);
  result.addOne = await build('briefing rebuild, one article added');

  // `npm run ingest` alone (the N + 1 seeds), into its own clean content folder and cache (the parse cache would
  // otherwise land in the project's node_modules/.astro). Last: its 20,000 files would otherwise be among the
  // files the full build creates (see setAside).
  const ingestContent = join(dir, 'content-ingest-only');
  await prepareContent(ingestContent);
  await cp(join(contentDir, 'events'), join(ingestContent, 'events'), { recursive: true });
  result.ingestOnly = await measured(
    [join(ROOT, 'scripts/ingest.ts'), '--seeds', seedsDir, '--content', ingestContent],
    cleanEnv({ BRIEFING_CACHE_DIR: join(dir, 'ingest-cache') }),
    ROOT,
    'briefing ingest only',
  );
  return result;
}

async function benchBaseline(corpus: Corpus, dir: string): Promise<SiteResult> {
  const n = corpus.articles.length;
  const site = join(dir, 'baseline-site');
  const content = join(dir, 'baseline-content');
  const outDir = join(dir, 'baseline-dist');
  await cp(join(ROOT, 'bench/baseline'), site, { recursive: true, filter: (src) => !/[/\\](dist|node_modules|\.astro)$/.test(src) });
  await mkdir(content, { recursive: true });
  for (const a of corpus.articles) await writeFile(join(content, a.file.replace(/\.txt$/, '.mdx')), baselineMdx(a));
  const env = cleanEnv({ BASELINE_CONTENT_DIR: content, BASELINE_OUT_DIR: outDir, BASELINE_CACHE_DIR: join(dir, 'baseline-cache') });
  const build = (label: string) => measured([join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', site], env, site, label);
  const full = await build('baseline full build');
  const result: SiteResult = {
    full, unchanged: null, addOne: null,
    articlesPerSecond: full.status === 'ok' ? round(n / (full.ms / 1000), 1) : null,
    dist: null, pagefind: null, pages: {}, search: null,
  };
  if (full.status !== 'ok') return result;
  result.dist = await dirSize(outDir);
  result.pagefind = await dirSize(join(outDir, 'pagefind'));
  result.pages = { article: await pageWeight(outDir, corpus.articles[0]!.file.replace(/\.txt$/, '')) };
  result.search = await firstSearches(outDir, '#status');
  result.unchanged = await build('baseline rebuild, nothing changed');
  await writeFile(join(content, corpus.extra.file.replace(/\.txt$/, '.mdx')), baselineMdx(corpus.extra));
  result.addOne = await build('baseline rebuild, one article added');
  return result;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const ratioOf = (base: Measure | null | undefined, ours: Measure | null | undefined, key: 'ms' | 'cpuMs' | 'peakRssBytes') =>
  base?.status === 'ok' && ours?.status === 'ok' && ours[key] > 0 ? round(base[key] / ours[key]) : null;

/**
 * The harness deletes nothing while it measures: what an earlier run left is moved aside first (a rename),
 * and every folder goes once the last build is measured. On this VM's ext4, creating files within ~5 minutes
 * of deleting tens of thousands makes the kernel skip the freed inodes one by one (`recently_deleted`, 16 %
 * of the CPU while Astro wrote the pages): the same clean build at 10,000 took 52 s in a fresh folder and
 * 64–68 s right after the previous size's folder was deleted.
 */
const TRASH = join(WORK, `.trash-${process.pid}`);
async function setAside(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  await mkdir(TRASH, { recursive: true });
  await rename(dir, join(TRASH, `${basename(dir)}-${Date.now()}`));
}

async function benchSize(n: number): Promise<RunResult> {
  console.log(`\nN = ${n}`);
  const dir = join(WORK, `n${n}`);
  await setAside(dir);
  await mkdir(dir, { recursive: true });
  const corpus = await generateCorpus(n);
  const events: Record<string, number> = {};
  for (const a of corpus.articles) events[a.event] = (events[a.event] ?? 0) + 1;
  const result: RunResult = {
    n,
    date: new Date().toISOString(),
    corpus: {
      articles: n,
      bytes: corpus.articles.reduce((s, a) => s + Buffer.byteLength(a.text), 0),
      ru: corpus.articles.filter((a) => a.lang === 'ru').length,
      uk: corpus.articles.filter((a) => a.lang === 'uk').length,
      events,
    },
    briefing: await benchBriefing(corpus, dir),
    baseline: { skipped: '--skip-baseline' },
    ratio: null,
  };
  // With --merge --skip-baseline, the baseline measured earlier for this size (same corpus) is kept.
  const earlier = values['skip-baseline'] ? previousBaseline.get(n) : undefined;
  if (!values['skip-baseline'] || earlier) {
    const baseline = earlier ?? (await benchBaseline(corpus, dir));
    result.baseline = baseline;
    result.ratio = {
      full: ratioOf(baseline.full, result.briefing.full, 'ms'),
      fullCpu: ratioOf(baseline.full, result.briefing.full, 'cpuMs'),
      unchanged: ratioOf(baseline.unchanged, result.briefing.unchanged, 'ms'),
      addOne: ratioOf(baseline.addOne, result.briefing.addOne, 'ms'),
      peakRss: ratioOf(baseline.full, result.briefing.full, 'peakRssBytes'),
    };
  }
  return result;
}

// ---------------------------------------------------------------- report

const mb = (b: number | null | undefined) => (b === null || b === undefined ? '–' : `${(b / 1048576).toFixed(b < 10 * 1048576 ? 1 : 0)} MB`);
const kb = (b: number | null | undefined) => (b === null || b === undefined ? '–' : `${(b / 1024).toFixed(1)} kB`);
const sec = (m: Measure | null | undefined) =>
  !m ? '–' : m.status === 'ok' ? `${(m.ms / 1000).toFixed(1)} s` : m.status === 'timed out' ? `timed out (${(m.ms / 1000).toFixed(0)} s)` : `failed (exit ${m.exitCode})`;
const pct = (part: Measure | null | undefined, whole: Measure | null | undefined) =>
  part?.status === 'ok' && whole?.status === 'ok' ? `${Math.round((100 * part.ms) / whole.ms)} %` : '–';

interface Target { target: string; value: string; met: boolean | null }

function targets(r: RunResult): Target[] {
  const b = r.briefing;
  const ok = (m: Measure | null | undefined): m is Measure => m?.status === 'ok';
  const search = Array.isArray(b.search) ? b.search[0] : undefined;
  // The build-time, memory and search targets are set for N = 10,000; at other sizes they are shown, not judged.
  const at10k = r.n >= 10_000;
  const t: Target[] = [
    { target: `full build ≤ 60 s (at N = 10,000)`, value: sec(b.full), met: !at10k ? null : ok(b.full) ? b.full.ms <= 60_000 : false },
    { target: 'peak RSS ≤ 2 GB (at N = 10,000)', value: mb(b.full.peakRssBytes), met: !at10k ? null : ok(b.full) ? b.full.peakRssBytes <= 2 * 1024 ** 3 : false },
    { target: 'unchanged rebuild ≤ 20 % of full', value: pct(b.unchanged, b.full), met: ok(b.unchanged) && ok(b.full) ? b.unchanged.ms <= 0.2 * b.full.ms : null },
    { target: 'add-one rebuild ≤ 25 % of full', value: pct(b.addOne, b.full), met: ok(b.addOne) && ok(b.full) ? b.addOne.ms <= 0.25 * b.full.ms : null },
    {
      target: '≥ 3× faster than the baseline (full build)',
      value: r.ratio?.full ? `${r.ratio.full}×` : 'baseline' in r && 'skipped' in r.baseline ? 'skipped' : `baseline ${sec((r.baseline as SiteResult).full)}`,
      met: r.ratio?.full ? r.ratio.full >= 3 : null,
    },
    {
      target: 'article page ≤ 20 kB gzip (HTML + CSS)',
      value: b.pages.article ? kb(b.pages.article.htmlGzip + b.pages.article.cssGzip) : '–',
      met: b.pages.article ? b.pages.article.htmlGzip + b.pages.article.cssGzip <= 20 * 1024 : null,
    },
    {
      target: 'no JS outside search (article, event, sources, home)',
      value: ['article', 'event', 'eventSources', 'home'].map((k) => `${k} ${b.pages[k]?.scripts ?? '–'}`).join(', '),
      met: ['article', 'event', 'eventSources', 'home'].every((k) => b.pages[k] && b.pages[k]!.scripts === 0 && b.pages[k]!.jsGzip === 0),
    },
    {
      target: `first search ≤ 150 kB ("${search?.query ?? QUERIES[0]}", at N = 10,000)`,
      value: search ? `${kb(search.bytes)} (${kb(search.bytesGzip)} with gzip)` : 'skipped',
      met: search && at10k ? search.bytes <= 150 * 1024 : null,
    },
  ];
  return t;
}

function markdown(report: { machine: Record<string, unknown>; runs: RunResult[] }): string {
  const out: string[] = ['# Benchmark results', ''];
  const m = report.machine;
  out.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB RAM, Node ${m.node}, astro ${m.astro}, pagefind ${m.pagefind}.`, '');
  out.push('Times are wall-clock of the whole child process (Node start-up included); RSS is the peak of the sum over the process tree, sampled every 50 ms.', '');
  const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  out.push(row(['N', 'site', 'full build', 'full, CPU', 'articles/s', 'unchanged', 'add one', 'peak RSS', 'dist/', 'pagefind/']));
  out.push(row(Array(10).fill('---')));
  for (const r of report.runs) {
    const sites: [string, SiteResult | { skipped: string }][] = [['briefing', r.briefing], ['baseline', r.baseline]];
    for (const [name, s] of sites) {
      if ('skipped' in s) {
        out.push(row([r.n, name, 'skipped', '', '', '', '', '', '', '']));
        continue;
      }
      out.push(row([
        r.n, name, sec(s.full), s.full.cpuMs ? `${(s.full.cpuMs / 1000).toFixed(1)} s` : '–', s.articlesPerSecond ?? '–',
        `${sec(s.unchanged)} (${pct(s.unchanged, s.full)})`, `${sec(s.addOne)} (${pct(s.addOne, s.full)})`,
        mb(s.full.peakRssBytes), mb(s.dist?.bytes), mb(s.pagefind?.bytes),
      ]));
    }
    if (r.ratio) out.push(row([r.n, 'baseline ÷ briefing', `${r.ratio.full ?? '–'}×`, `${r.ratio.fullCpu ?? '–'}×`, '', `${r.ratio.unchanged ?? '–'}×`, `${r.ratio.addOne ?? '–'}×`, `${r.ratio.peakRss ?? '–'}×`, '', '']));
  }
  out.push('', '## Phases (ms)', '');
  out.push('From the times the build\'s own log lines arrive: ingest (with Node start-up; the baseline has none, so its content sync includes start-up) · content sync (the content loaders) · bundle (types, Vite) · render (static routes) · Pagefind (briefing: from the end of the rendering to the index line, what it adds after Astro — shards it wrote while Astro rendered are in its line; baseline: its own reported time) · other (the rest: writing, shutting down). Load = 1-minute load average at start → end (2 cores; other work on the machine skews times).', '');
  out.push(row(['N', 'build', 'CPU', 'ingest', 'content sync', 'bundle', 'render', 'pagefind', 'other', 'RSS', 'load', 'log']));
  out.push(row(Array(12).fill('---')));
  for (const r of report.runs) {
    const rows: [string, Measure | null | undefined][] = [
      ['briefing ingest only', r.briefing.ingestOnly], ['briefing full', r.briefing.full], ['briefing unchanged', r.briefing.unchanged], ['briefing add one', r.briefing.addOne],
    ];
    if (!('skipped' in r.baseline)) rows.push(['baseline full', r.baseline.full], ['baseline unchanged', r.baseline.unchanged], ['baseline add one', r.baseline.addOne]);
    for (const [name, mm] of rows) {
      if (!mm) continue;
      const p = mm.phases;
      const v = (k: string) => (p[k] === null || p[k] === undefined ? '–' : String(p[k]));
      out.push(row([r.n, `${name} (${sec(mm)})`, mm.cpuMs ? `${(mm.cpuMs / 1000).toFixed(1)} s` : '–', v('ingest'), v('contentSync'), v('bundle'), v('render'), v('pagefind'), v('other'), mb(mm.peakRssBytes), mm.load.join(' → '), mm.notes.join('; ').replace(/\|/g, '/')]));
    }
  }
  out.push('', '## Page weight (gzip) and first search', '');
  out.push(row(['N', 'page', 'HTML', 'CSS', 'JS', 'total', 'scripts']));
  out.push(row(Array(7).fill('---')));
  for (const r of report.runs) {
    const pages: [string, PageWeight | null | undefined][] = Object.entries(r.briefing.pages).map(([k, v]) => [`briefing ${k} ${v?.path ?? ''}`, v]);
    if (!('skipped' in r.baseline)) pages.push(['baseline article', r.baseline.pages.article]);
    for (const [name, p] of pages) {
      if (!p) continue;
      out.push(row([r.n, name, kb(p.htmlGzip), kb(p.cssGzip), kb(p.jsGzip), kb(p.totalGzip), p.scripts]));
    }
  }
  out.push('');
  out.push(row(['N', 'site', 'query', 'results', 'requests', '/pagefind/ bytes', 'with gzip', 'by kind']));
  out.push(row(Array(8).fill('---')));
  for (const r of report.runs) {
    for (const [name, s] of [['briefing', r.briefing], ['baseline', r.baseline]] as const) {
      if ('skipped' in s || !s.search) continue;
      if ('skipped' in s.search) {
        out.push(row([r.n, name, `skipped: ${s.search.skipped}`, '', '', '', '', '']));
        continue;
      }
      for (const q of s.search) {
        const kinds = Object.entries(q.byKind).sort().map(([k, v]) => `${k} ${kb(v)}`).join(', ');
        out.push(row([r.n, name, q.query, q.error ? `error: ${q.error}` : (q.results ?? '–'), q.requests, kb(q.bytes), kb(q.bytesGzip), kinds]));
      }
    }
  }
  out.push('', '## Targets', '');
  out.push(row(['N', 'target', 'value', 'met']));
  out.push(row(Array(4).fill('---')));
  for (const r of report.runs) for (const t of targets(r)) out.push(row([r.n, t.target, t.value, t.met === null ? '–' : t.met ? 'yes' : 'no']));
  out.push('');
  return out.join('\n');
}

async function versionOf(pkg: string): Promise<string> {
  try {
    return (JSON.parse(await readFile(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

// ---------------------------------------------------------------- main

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGB: round(totalmem() / 1024 ** 3, 1),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  astro: await versionOf('astro'),
  pagefind: await versionOf('pagefind'),
};
console.log(`bench: sizes ${SIZES.join(', ')}; baseline ${values['skip-baseline'] ? 'skipped' : 'on'}; timeout ${values['timeout-min']} min per build`);
console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, Node ${machine.node}`);

const jsonPath = join(OUT, 'latest.json');
let previous: RunResult[] = [];
const previousBaseline = new Map<number, SiteResult>();
if (values.merge && existsSync(jsonPath)) {
  const earlier = (JSON.parse(await readFile(jsonPath, 'utf8')) as { runs: RunResult[] }).runs;
  previous = earlier.filter((r) => !SIZES.includes(r.n));
  for (const r of earlier) if ('full' in r.baseline) previousBaseline.set(r.n, r.baseline);
}
// Trash an interrupted run left goes with this run's.
for (const entry of existsSync(WORK) ? readdirSync(WORK) : []) {
  if (entry.startsWith('.trash-') && join(WORK, entry) !== TRASH) await setAside(join(WORK, entry));
}
const runs: RunResult[] = [];
for (const n of SIZES) {
  runs.push(await benchSize(n));
  // Written after every size: a long run that is stopped still leaves the sizes it finished.
  const all = [...previous, ...runs].sort((a, b) => a.n - b.n);
  const report = {
    version: 1,
    machine,
    options: { sizes: SIZES, baseline: !values['skip-baseline'], timeoutMinutes: Number(values['timeout-min']), queries: QUERIES },
    events: EVENTS.map((e) => e.slug),
    runs: all,
    targets: Object.fromEntries(all.map((r) => [r.n, targets(r)])),
  };
  await mkdir(dirname(jsonPath), { recursive: true });
  await writeFile(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(OUT, 'latest.md'), markdown(report));
}
// Only now, with every build measured (see setAside).
await rm(TRASH, { recursive: true, force: true });
if (!values.keep) for (const n of SIZES) await rm(join(WORK, `n${n}`), { recursive: true, force: true });
console.log(`\n${await readFile(join(OUT, 'latest.md'), 'utf8')}`);
console.log(`bench: wrote ${join(OUT, 'latest.json')} and latest.md`);
