/**
 * The Astro step of scripts/build.ts, run in a process of its own so that its memory (~1.6 GB at 10,000
 * articles) is given back before Pagefind indexes the pages.
 */
import { build } from 'astro';

await build({ root: process.cwd(), logLevel: process.env.CI ? 'warn' : 'info' });
// Vite and esbuild may keep handles open for a while; the pages are written.
process.exit(0);
