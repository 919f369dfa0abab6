/**
 * npm run dev [-- --port 4321] [--host 127.0.0.1] — the site on a local dev server, rebuilt as editors work:
 * a change in seeds/ re-runs the ingest (only the changed seed is re-analysed); the content loader sees
 * the new article file and the open page reloads.
 */
import { watch } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dev } from 'astro';
import { ingest } from '../src/pipeline/ingest.ts';
import { formatProblem, sortProblems } from '../src/pipeline/report.ts';

const { values } = parseArgs({ options: { port: { type: 'string' }, host: { type: 'string' } } });
const port = values.port === undefined ? undefined : Number(values.port);
if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
  console.error(`dev: error: --port "${values.port}" is not a port number\n    fix: give a number from 1 to 65535, e.g. --port 4321`);
  process.exit(1);
}

const root = process.cwd();
const seedsDir = resolve(root, process.env.BRIEFING_SEEDS_DIR ?? 'seeds');

async function runIngest(reason: string): Promise<void> {
  const result = await ingest({ root, seedsDir, contentDir: process.env.BRIEFING_CONTENT_DIR, keepGoing: true });
  for (const p of sortProblems(result.problems)) console.error(formatProblem(p));
  console.log(`ingest (${reason}): ${result.written.length} written, ${result.removed.length} removed, ${result.unchanged} unchanged`);
}

await runIngest('start');
await dev({
  root,
  ...(port !== undefined || values.host !== undefined
    ? { server: { ...(port !== undefined ? { port } : {}), ...(values.host !== undefined ? { host: values.host } : {}) } }
    : {}),
});

let timer: NodeJS.Timeout | undefined;
let running = Promise.resolve();
// Events come in bursts (an editor's save is often write + rename): one ingest per burst, one at a time.
watch(seedsDir, (_event, file) => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    running = running.then(() => runIngest(`seeds/${file ?? ''} changed`)).catch((error: unknown) => console.error(error));
  }, 150);
});
console.log(`dev: watching ${seedsDir}`);
