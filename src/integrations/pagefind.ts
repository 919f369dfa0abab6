/**
 * Pagefind, wired as one small function (`indexSite`) that writes `pagefind/` into the output folder: an
 * integration calls it after Astro writes the pages (`astro build`), and scripts/build.ts calls it after its
 * Astro process has exited — at 10,000 articles Pagefind's binary peaks at ~2.6 GB and the Astro process holds
 * ~1.9 GB until it ends, so running them one after the other keeps the peak to Pagefind's own.
 *
 * It runs Pagefind's command (its npm launcher, which starts the platform's binary), not its Node API: the
 * same binary writes the same files either way (compared byte for byte at 10,000 pages), but as a service
 * it took 2.6–2.8 s longer (23.1 vs 20.5 s into an empty folder, 20.0 vs 17.2 s into the last build's) and
 * peaked 280 MB higher (2.84 vs 2.56 GB).
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
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { prunePagefind, takePreviousIndex } from '../pipeline/reuse.ts';

export const SEARCH_LANGUAGE = 'ru';

/** Set by scripts/build.ts for its Astro child process: the index is built after that process has exited. */
export const INDEX_LATER_ENV = 'BRIEFING_SEARCH_INDEX_LATER';

/** Pagefind's launcher, the `pagefind` command of its npm package (lib/runner/bin.cjs next to its entry point). */
const PAGEFIND_COMMAND = join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), 'runner/bin.cjs');

/**
 * Index the article pages of `outDir` into `outDir/pagefind`, starting from the previous build's index when
 * src/pipeline/reuse.ts set one aside. Returns the log line; throws, with Pagefind's last words, if it fails.
 */
export async function indexSite(outDir: string, cacheDir: string): Promise<string> {
  const started = performance.now();
  const outputPath = `${outDir.replace(/\/$/, '')}/pagefind`;
  // Pagefind's command refuses an index of no pages (its API wrote an empty folder): a site with no
  // articles yet has nothing to search.
  const articles = await readdir(join(outDir, 'articles')).catch(() => [] as string[]);
  if (articles.length === 0) return 'no article pages: no search index';
  // Pagefind does not write again a fragment or index file that exists (its name is a hash of its content),
  // so it starts from the previous build's index when there is one; what the new one does not use goes.
  takePreviousIndex(outputPath, cacheDir);
  // Only article pages carry data-pagefind-body; the event and bilingual pages (large for big events) need
  // not be read at all.
  await run(process.execPath, [PAGEFIND_COMMAND, '--site', outDir, '--glob', 'articles/**/*.html', '--force-language', SEARCH_LANGUAGE, '--output-path', outputPath]);
  const indexed = performance.now();
  const { pages, removed } = await prunePagefind(outputPath);
  const ms = (from: number, to = performance.now()) => Math.round(to - from);
  return `indexed ${pages} pages in ${ms(started)} ms (Pagefind ${ms(started, indexed)}, prune ${ms(indexed)})` + (removed ? `, ${removed} stale files removed` : '');
}

/** Runs a command to its end; rejects with the end of what it printed when it fails. */
function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
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

export default function pagefindIntegration(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'briefing:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env[INDEX_LATER_ENV]) return;
        logger.info(await indexSite(fileURLToPath(dir), cacheDir));
      },
    },
  };
}
