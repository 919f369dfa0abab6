/**
 * Pagefind, wired as one small function (`indexSite`, Pagefind's Node API) that writes `pagefind/` into the
 * output folder: an integration calls it after Astro writes the pages (`astro build`), and scripts/build.ts
 * calls it after its Astro process has exited — at 10,000 articles Pagefind's binary peaks at ~2.8 GB and
 * the Astro process holds ~1.6 GB until it ends, so running them one after the other halves the peak.
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
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { prunePagefind, takePreviousIndex } from '../pipeline/reuse.ts';

export const SEARCH_LANGUAGE = 'ru';

/** Set by scripts/build.ts for its Astro child process: the index is built after that process has exited. */
export const INDEX_LATER_ENV = 'BRIEFING_SEARCH_INDEX_LATER';

/**
 * Index the article pages of `outDir` into `outDir/pagefind`, starting from the previous build's index when
 * src/pipeline/reuse.ts set one aside. Returns the log line.
 */
export async function indexSite(outDir: string, cacheDir: string): Promise<string> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    // Only article pages carry data-pagefind-body; the event and bilingual pages (large for big events)
    // need not be read at all.
    const added = await index.addDirectory({ path: outDir, glob: 'articles/**/*.html' });
    const read = performance.now();
    if (added.errors.length) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    // Pagefind does not write again a fragment or index file that exists (its name is a hash of its
    // content), so it starts from the previous build's index when there is one; what the new one does not
    // use goes.
    const outputPath = `${outDir.replace(/\/$/, '')}/pagefind`;
    takePreviousIndex(outputPath, cacheDir);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    const wrote = performance.now();
    const pruned = await prunePagefind(outputPath);
    const ms = (from: number, to = performance.now()) => Math.round(to - from);
    return (
      `indexed ${added.page_count} pages in ${ms(started)} ms (read ${ms(started, read)}, write ${ms(read, wrote)}, prune ${ms(wrote)})` +
      (pruned ? `, ${pruned} stale files removed` : '')
    );
  } finally {
    await pagefind.close();
  }
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
