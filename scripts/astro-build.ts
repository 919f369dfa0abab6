/**
 * The Astro step of scripts/build.ts, run in a process of its own so that its memory (~1.3 GB at 10,000
 * articles) is given back before Pagefind writes the shards left (two at a time), and so that the build can
 * tell its memory from Pagefind's (src/pipeline/memory.ts).
 */
import { build } from 'astro';

await build({ root: process.cwd(), logLevel: process.env.CI ? 'warn' : 'info' });
// Vite and esbuild may keep handles open for a while; the pages are written.
process.exit(0);
