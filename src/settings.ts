/**
 * Where the site reads its content from, and the build settings the pages read. The build script and the tests point it elsewhere through the
 * environment (a fixture's content folder), so one code path builds every site.
 */
import { resolve } from 'node:path';
import { parsePageSize, REPORTS_PAGE_SIZE } from './lib/paginate.ts';
import { SEARCH_SHARD_SIZE } from './lib/search-shards.ts';

export const contentDir = resolve(process.env.BRIEFING_CONTENT_DIR ?? 'content');

/** Astro's cache folder (as astro.config.mjs sets it): the build keeps what it may reuse there. */
export const cacheDir = resolve(process.env.BRIEFING_CACHE_DIR ?? 'node_modules/.astro');

/**
 * Sentences per page of the bilingual view (BRIEFING_SOURCES_PAGE_SIZE; default and reasons: SOURCES_PAGE_SIZE
 * in src/lib/paginate.ts). The tests set a small one, so a fixture of a few reports has several pages.
 */
export const sourcesPageSize = parsePageSize(process.env.BRIEFING_SOURCES_PAGE_SIZE);

/**
 * Reports per page of an event's reports view, and on the event page (BRIEFING_REPORTS_PAGE_SIZE; default and
 * reasons: REPORTS_PAGE_SIZE in src/lib/paginate.ts). The tests set a small one.
 */
export const reportsPageSize = parsePageSize(process.env.BRIEFING_REPORTS_PAGE_SIZE, 'BRIEFING_REPORTS_PAGE_SIZE', 'reports', REPORTS_PAGE_SIZE);

/**
 * Article pages per search shard, about (BRIEFING_SEARCH_SHARD_SIZE; default and reasons: SEARCH_SHARD_SIZE in
 * src/lib/search-shards.ts). The tests set a small one, so a fixture of a few articles has several shards.
 */
export const searchShardSize = parsePageSize(process.env.BRIEFING_SEARCH_SHARD_SIZE, 'BRIEFING_SEARCH_SHARD_SIZE', 'pages', SEARCH_SHARD_SIZE);

/**
 * The memory the build's processes may hold at once, in MB (BRIEFING_MEMORY_BUDGET_MB, default 1,900: under
 * the 2 GB target with room for short peaks). Pagefind starts beside Astro only when it fits (scripts/build.ts).
 */
export const memoryBudgetMb = parsePageSize(process.env.BRIEFING_MEMORY_BUDGET_MB, 'BRIEFING_MEMORY_BUDGET_MB', 'MB', 1900);
