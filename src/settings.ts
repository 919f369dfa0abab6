/**
 * Where the site reads its content from. The build script and the tests point it elsewhere through the
 * environment (a fixture's content folder), so one code path builds every site.
 */
import { resolve } from 'node:path';

export const contentDir = resolve(process.env.BRIEFING_CONTENT_DIR ?? 'content');

/** Astro's cache folder (as astro.config.mjs sets it): the build keeps what it may reuse there. */
export const cacheDir = resolve(process.env.BRIEFING_CACHE_DIR ?? 'node_modules/.astro');
