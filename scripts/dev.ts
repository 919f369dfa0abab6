/**
 * npm run dev — the site on a local dev server, rebuilt as editors work: a change in seeds/ re-runs the
 * ingest (only the changed seed is re-analysed); the content loader sees the new article file and the
 * open page reloads.
 */
import { watch } from 'node:fs';
import { resolve } from 'node:path';
import { dev } from 'astro';
import { ingest } from '../src/pipeline/ingest.ts';
import { formatProblem, sortProblems } from '../src/pipeline/report.ts';

const root = process.cwd();
const seedsDir = resolve(root, process.env.BRIEFING_SEEDS_DIR ?? 'seeds');

async function runIngest(reason: string): Promise<void> {
  const result = await ingest({ root, seedsDir, contentDir: process.env.BRIEFING_CONTENT_DIR, keepGoing: true });
  for (const p of sortProblems(result.problems)) console.error(formatProblem(p));
  console.log(`ingest (${reason}): ${result.written.length} written, ${result.removed.length} removed, ${result.unchanged} unchanged`);
}

await runIngest('start');
await dev({ root });

let timer: NodeJS.Timeout | undefined;
let running = Promise.resolve();
watch(seedsDir, (_event, file) => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    running = running.then(() => runIngest(`seeds/${file ?? ''} changed`)).catch((error: unknown) => console.error(error));
  }, 150);
});
console.log(`dev: watching ${seedsDir}`);
