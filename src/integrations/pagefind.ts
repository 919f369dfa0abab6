/**
 * Pagefind, wired as one small integration: after Astro writes the pages, index them in the same process
 * with Pagefind's Node API and write `pagefind/` into the output folder.
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

export default function pagefindIntegration(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'briefing:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const outDir = fileURLToPath(dir);
        // Only article pages carry data-pagefind-body; the event and bilingual pages (large for big events)
        // need not be read at all.
        const added = await index.addDirectory({ path: outDir, glob: 'articles/**/*.html' });
        const read = performance.now();
        if (added.errors.length) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
        // Pagefind does not write again a fragment file that exists (its name is a hash of its content), so
        // it starts from the previous build's index when there is one; what the new one does not use goes.
        const outputPath = `${outDir.replace(/\/$/, '')}/pagefind`;
        takePreviousIndex(outputPath, cacheDir);
        const written = await index.writeFiles({ outputPath });
        if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
        const wrote = performance.now();
        await pagefind.close();
        const pruned = await prunePagefind(outputPath);
        const ms = (from: number, to = performance.now()) => Math.round(to - from);
        logger.info(
          `indexed ${added.page_count} pages in ${ms(started)} ms (read ${ms(started, read)}, write ${ms(read, wrote)}, prune ${ms(wrote)})` +
            (pruned ? `, ${pruned} stale files removed` : ''),
        );
      },
    },
  };
}
