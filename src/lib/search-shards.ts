/**
 * How the search index is split into shards. Pagefind holds a whole index in memory while it builds it
 * (~260 kB a page: 2.6 GB at 10,000 article pages) and has no incremental mode (one new page renumbers the
 * pages and rewrites every index chunk: 17 s at 10,000). So the article pages are spread over shards of about
 * `shardSize` pages, each its own Pagefind index, which the search page merges (Pagefind's `mergeIndex`: one
 * query over all of them, with the first index's WebAssembly). A build then rewrites only the shards whose
 * pages changed, and never holds more than a shard or two in memory.
 *
 * A page's shard is a jump consistent hash of its path (Lamping & Veach, "A Fast, Minimal Memory, Consistent
 * Hash Algorithm", 2014): it does not depend on the other pages, and when the number of shards grows by one,
 * only about 1/n of the pages move.
 */
import { createHash } from 'node:crypto';

/**
 * Pages per shard, at most: one shard (~0.4 GB) fits beside Astro's rendering within a 2 GB budget (a full
 * build indexes the article pages while Astro renders the event pages; 2,048-page shards, ~0.53 GB, did not
 * fit at 10,000 articles), two built at once stay near 0.8 GB, and a new page costs one shard's Pagefind run
 * (~3 s). Measured at 10,000 articles: 7 shards of ~1,430 pages; a first search for a common word fetched
 * 333 kB (428 kB with 5 shards of 2,048, 564 kB with 10 of 1,024: how much of each shard's index chunk a
 * word drags along varies). The shard count grows by one every SEARCH_SHARD_SIZE pages, and that build
 * writes every shard again (each loses some pages to the new one); a multiple of 512 keeps those steps off
 * the round numbers an archive passes (10,000 → 10,001 stays 7 shards).
 */
export const SEARCH_SHARD_SIZE = 1536;

/** How many shards `pages` article pages need: one until there are more than `shardSize`. */
export function shardCount(pages: number, shardSize: number): number {
  return Math.max(1, Math.ceil(pages / shardSize));
}

const MASK = (1n << 64n) - 1n;

/** The shard (0 … shards − 1) of the page at `path` (relative to the site, e.g. `articles/x/index.html`). */
export function shardOf(path: string, shards: number): number {
  let key = createHash('sha256').update(path).digest().readBigUInt64BE(0);
  let bucket = -1n;
  let next = 0n;
  while (next < BigInt(shards)) {
    bucket = next;
    key = (key * 2862933555777941757n + 1n) & MASK;
    next = BigInt(Math.floor(Number(bucket + 1n) * (2 ** 31 / Number((key >> 33n) + 1n))));
  }
  return Number(bucket);
}

/**
 * Where shard `n` lives inside the index folder: the first is the folder itself (with Pagefind's scripts and
 * WebAssembly, so a one-shard site has exactly Pagefind's layout), the others `shards/<n>/`.
 */
export function shardPath(n: number): string {
  return n === 0 ? '' : `shards/${n}/`;
}

/** The pages (paths relative to the site) of each shard, `shardCount` shards for these pages, in their given order. */
export function shardsOf(pages: readonly string[], shardSize: number): string[][] {
  const count = shardCount(pages.length, shardSize);
  const shards: string[][] = Array.from({ length: count }, () => []);
  for (const page of pages) shards[shardOf(page, count)]!.push(page);
  return shards;
}

/** `items` in order of `key` (a number), in their given order where keys tie. */
export function bySortKey<T>(items: readonly T[], key: (item: T) => number): T[] {
  return items
    .map((item, index) => ({ item, index, key: key(item) }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map(({ item }) => item);
}
