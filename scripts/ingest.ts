/**
 * npm run ingest [-- --keep-going] [--force] [--check]
 * seeds/*.txt → content/articles/*.mdx. Exits 1 when any seed has an error.
 */
import { parseArgs } from 'node:util';
import { ingest } from '../src/pipeline/ingest.ts';
import { formatProblem, progressReporter, sortProblems } from '../src/pipeline/report.ts';

const { values } = parseArgs({
  options: {
    'keep-going': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    seeds: { type: 'string' },
    content: { type: 'string' },
  },
});

export async function runIngest(): Promise<number> {
  const started = performance.now();
  const result = await ingest({
    root: process.cwd(),
    seedsDir: values.seeds ?? process.env.BRIEFING_SEEDS_DIR,
    contentDir: values.content ?? process.env.BRIEFING_CONTENT_DIR,
    keepGoing: values['keep-going'],
    force: values.force,
    checkOnly: values.check,
    onProgress: progressReporter(),
  });
  for (const p of sortProblems(result.problems)) console.error(formatProblem(p));
  const errors = result.problems.filter((p) => p.severity === 'error');
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `ingest: ${result.seeds} seeds, ${result.written.length} written, ${result.unchanged} unchanged, ` +
      `${result.removed.length} removed, ${result.duplicates.length} duplicates, ${errors.length} errors in ${seconds} s`,
  );
  if (result.stopped) console.error('ingest: stopped before writing anything; fix the errors above or run with --keep-going');
  else if (errors.length) console.error(`ingest: ${errors.length} seed(s) not built (listed above)`);
  return errors.length ? 1 : 0;
}

if (import.meta.main) process.exitCode = await runIngest();
