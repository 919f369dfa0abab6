/**
 * The Astro step of scripts/build.ts, run in a process of its own so that its memory (~1.3 GB at 10,000
 * articles) is given back before Pagefind writes the shards left (two at a time), and so that the build can
 * tell its memory from Pagefind's (src/pipeline/memory.ts). Started early (src/pipeline/astro-process.ts).
 */
import { build } from 'astro';
import { waitForGo } from '../src/pipeline/astro-process.ts';
import { batchWrites, isAstroPageLine } from '../src/pipeline/batched-output.ts';

// Astro is loaded (the import above) while the build's ingest runs; the build starts when it says so.
const go = await waitForGo();
if (go === null) process.exit(0);
Object.assign(process.env, go.env);

// Astro logs two lines per page, each a write of its own: at 10,000 pages ~1.2 s of the one thread that
// renders (profiled). Those lines go out together, at most 100 ms later; every other line at once.
const output = batchWrites(process.stdout, process.stderr, 100, isAstroPageLine);
await build({ root: process.cwd(), logLevel: process.env.CI ? 'warn' : 'info' });
output.flush();
// Vite and esbuild may keep handles open for a while; the pages are written.
process.exit(0);
