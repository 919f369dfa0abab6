/**
 * npm run build [-- --keep-going] [--force] [--full]
 * ingest (seeds → content, in a child process) → astro build (content → dist, in a child process:
 * scripts/astro-build.ts) → Pagefind (dist/pagefind), whose shards start once Astro has exited or, in a build
 * that renders every article page, as soon as Astro has written their pages (within the memory budget).
 * When nothing a build reads has changed since the last build and dist/ is as it left it, the Astro build is
 * skipped (`--full` builds anyway). Otherwise unchanged article pages and Pagefind fragments of the last
 * build are reused (`--full` renders and indexes everything).
 */
import { spawn } from 'node:child_process';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ASTRO_GO, type AstroGo } from '../src/pipeline/astro-process.ts';
import { ingestApart } from '../src/pipeline/ingest.ts';
import { AFTER_ASTRO, articlePages, INDEX_LATER_ENV, indexSite, SHARD_WRITTEN, type Schedule, type ShardWritten } from '../src/integrations/pagefind.ts';
import { shardFits } from '../src/pipeline/memory.ts';
import { memoryBudgetMb, searchShardSize } from '../src/settings.ts';
import { formatProblem, progressReporter, sortProblems } from '../src/pipeline/report.ts';
import { discardSetAside, plannedArticlePages, setAside, SITE_KEY_ENV } from '../src/pipeline/reuse.ts';
import { buildPaths, inputsKey, lastBuild, outputListing, recordBuild } from '../src/pipeline/up-to-date.ts';

/**
 * Vite's bundler (Rolldown) allocates with mimalloc, which by default keeps what it freed: ~160–240 MB of the
 * Astro process at 10,000 articles, held through all of the rendering. These settings (mimalloc's own
 * environment variables, unless already set) give it back at once; measured, the process peaked 190 MB lower
 * (1.48 → 1.30 GB) in the same time.
 */
const GIVE_BACK_FREED_MEMORY = { MIMALLOC_PURGE_DELAY: '0', MIMALLOC_ARENA_EAGER_COMMIT: '0' };

const { values } = parseArgs({
  options: {
    'keep-going': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
  },
});

const started = performance.now();
const paths = buildPaths(process.cwd());
// Astro's process starts now and loads Astro (~0.65 s) while the ingest runs; it builds once told to.
const astroProcess = startAstro({ ...process.env, [INDEX_LATER_ENV]: '1' });
const ingesting = ingestApart({
  root: process.cwd(),
  contentDir: process.env.BRIEFING_CONTENT_DIR,
  seedsDir: process.env.BRIEFING_SEEDS_DIR,
  keepGoing: values['keep-going'],
  force: values.force,
  onProgress: progressReporter(),
});
// The up-to-date check's listing of dist/, while the ingest (in its own process, writing only content/ and the
// cache) runs; after a turn of the event loop, so that the ingest has its options first.
const output = new Promise<string>((resolve, reject) => setImmediate(() => outputListing(paths.outDir).then(resolve, reject)));
output.catch(() => undefined); // awaited below, unless the ingest stops the build first
const result = await ingesting;
const problems = sortProblems(result.problems);
const errors = problems.filter((p) => p.severity === 'error');
for (const p of problems.filter((p) => p.severity === 'warning')) console.error(formatProblem(p));
for (const p of errors) console.error(formatProblem(p));
console.log(
  `ingest: ${result.seeds} seeds, ${result.written.length} written, ${result.unchanged} unchanged, ${result.removed.length} removed, ${errors.length} errors`,
);
if (result.stopped) {
  console.error('build: stopped — fix the errors above, or run `npm run build -- --keep-going` to build every good seed');
  astroProcess.cancel();
  process.exit(1);
}

const key = await inputsKey(paths);
const last = await lastBuild(paths, key, output);
if (!values.full && last.upToDate) {
  astroProcess.cancel();
  console.log(`build: nothing changed since the last build; ${relative(process.cwd(), paths.outDir) || '.'}/ is up to date (--full rebuilds)`);
} else {
  // Unchanged pages and Pagefind fragments of the last build are reused (src/pipeline/reuse.ts).
  setAside(paths.outDir, paths.cacheDir, !values.full && last.outputAsLeft);
  process.env[SITE_KEY_ENV] = await inputsKey(paths, process.env, { withoutArticles: true });
  // Pagefind indexes the article pages in shards (src/integrations/pagefind.ts). In a build that renders every
  // article page, Astro says when all of a shard's pages are written, and the shard may start while Astro
  // renders the rest, one at a time and only if it fits the memory budget beside Astro; after Astro, two at a time.
  let astro: number | undefined; // its pid while it runs
  const written = new Set<number>();
  let wake = (): void => undefined;
  let beside = 0; // shards started while Astro ran
  let astroFailed = false;
  const budget = memoryBudgetMb * 1024 * 1024;
  const schedule: Schedule = {
    mayStart: (shard, pages, running) => {
      if (astro === undefined) return AFTER_ASTRO.mayStart(shard, pages, running);
      const may = written.has(shard) && running === 0 && shardFits([process.pid, astro], pages, budget);
      if (may) beside += 1;
      return may;
    },
    onChange: (listener) => (wake = listener),
    stopped: () => astroFailed,
  };
  let index: Promise<string> | undefined;
  let planned: string[] | undefined; // the pages an index started early was given
  const startIndex = (pages?: string[]) => (index ??= indexSite(paths.outDir, paths.cacheDir, searchShardSize, schedule, pages));
  try {
    try {
      await astroProcess.build(
        { [SITE_KEY_ENV]: process.env[SITE_KEY_ENV]! },
        (pid) => (astro = pid),
        (shard) => {
          written.add(shard);
          if (index === undefined) {
            const pages = plannedArticlePages(paths.cacheDir);
            if (pages === 'never') return; // cannot happen: the child says so only when it renders every page
            planned = pages;
            void startIndex(pages).catch(() => undefined); // awaited below
          }
          wake();
        },
      );
    } catch (error) {
      astroFailed = true;
      throw error;
    } finally {
      astro = undefined;
      wake();
    }
    if (planned !== undefined && articlePages(paths.outDir).join('\n') !== planned.join('\n')) {
      await index?.catch(() => undefined);
      throw new Error('the article pages Astro wrote are not those it planned; run `npm run build -- --full`');
    }
    const line = await startIndex();
    console.log(`[briefing:pagefind] ${line}${beside > 0 ? ` (${beside} of them while Astro rendered)` : ''}`);
  } catch (error) {
    await index?.catch(() => undefined); // no Pagefind left running
    console.error(`build: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    discardSetAside(paths.cacheDir);
  }
  if (process.exitCode === 1) process.exit(1);
  await recordBuild(paths, key);
}
console.log(`build: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (errors.length) {
  console.error(`build: built without ${errors.length} bad seed(s):`);
  for (const p of errors) console.error(`  ${p.file}`);
  process.exitCode = 1;
}


/**
 * `astro build` in a child process (scripts/astro-build.ts; same Node, same flags), started before it is
 * needed: `build` tells it to go, with the variables to add to its environment, and rejects when it fails
 * (`onStart`: its pid, once it builds; `onShardWritten`: when it says all of a search shard's pages are
 * written); `cancel` ends it unused.
 */
function startAstro(env: NodeJS.ProcessEnv): {
  build: (add: Record<string, string>, onStart: (pid: number) => void, onShardWritten: (shard: number) => void) => Promise<void>;
  cancel: () => void;
} {
  const script = new URL('./astro-build.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, [...process.execArgv, script], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...GIVE_BACK_FREED_MEMORY, ...env },
  });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null } | Error>((resolve) => {
    child.on('error', resolve);
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  return {
    build: (add, onStart, onShardWritten) => {
      child.on('message', (message: Partial<ShardWritten>) => {
        if (message?.type === SHARD_WRITTEN && Number.isInteger(message.shard)) onShardWritten(message.shard!);
      });
      if (child.pid !== undefined) onStart(child.pid);
      if (child.connected) child.send({ type: ASTRO_GO, env: add } satisfies AstroGo);
      return ended.then((end) => {
        if (end instanceof Error) throw end;
        if (end.code !== 0) throw new Error(`astro build failed (${end.signal ?? `exit code ${end.code}`}); its messages are above`);
      });
    },
    cancel: () => {
      // Ended at once: still loading, it holds this build's standard output open for whoever reads it.
      child.kill();
      child.unref();
    },
  };
}
