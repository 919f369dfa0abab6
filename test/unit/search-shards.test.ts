/** How article pages are spread over search shards (src/lib/search-shards.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bySortKey, SEARCH_SHARD_SIZE, shardCount, shardOf, shardPath, shardsOf } from '../../src/lib/search-shards.ts';

const pages = (count: number) => Array.from({ length: count }, (_, i) => `articles/b${String(i).padStart(6, '0')}-ru/index.html`);

describe('shardCount', () => {
  it('is one shard until there are more pages than a shard holds', () => {
    expect(shardCount(0, 2000)).toBe(1);
    expect(shardCount(2000, 2000)).toBe(1);
    expect(shardCount(2001, 2000)).toBe(2);
    expect(shardCount(10_000, SEARCH_SHARD_SIZE)).toBe(7);
    expect(shardCount(10_001, SEARCH_SHARD_SIZE)).toBe(7);
  });
});

describe('shardOf', () => {
  it('puts every page in one shard of the range, the same one every time', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.integer({ min: 1, max: 64 }), (path, shards) => {
        const n = shardOf(path, shards);
        expect(Number.isInteger(n) && n >= 0 && n < shards).toBe(true);
        expect(shardOf(path, shards)).toBe(n);
      }),
    );
    expect(shardOf('articles/x/index.html', 1)).toBe(0);
  });

  it('fills the shards evenly', () => {
    const counts = Array<number>(6).fill(0);
    for (const page of pages(12_000)) counts[shardOf(page, 6)]! += 1;
    for (const count of counts) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });

  it('moves only the pages of the new shard when there is one shard more', () => {
    const list = pages(6000);
    for (const shards of [1, 2, 5, 6]) {
      const moved = list.filter((page) => shardOf(page, shards + 1) !== shardOf(page, shards));
      // Each page that moves goes to the new shard, and about 1/(n + 1) of them do.
      expect(moved.every((page) => shardOf(page, shards + 1) === shards)).toBe(true);
      expect(Math.abs(moved.length / list.length - 1 / (shards + 1))).toBeLessThan(0.02);
    }
  });
});

describe('shardPath', () => {
  it('is the index folder itself for the first shard, shards/<n>/ for the others', () => {
    expect([0, 1, 12].map(shardPath)).toEqual(['', 'shards/1/', 'shards/12/']);
  });
});

describe('bySortKey', () => {
  it('orders by the key, keeping the given order among equal keys', () => {
    expect(bySortKey(['b1', 'a1', 'b2', 'c1', 'a2'], (s) => s.charCodeAt(0))).toEqual(['a1', 'a2', 'b1', 'b2', 'c1']);
    expect(bySortKey([], () => 0)).toEqual([]);
  });
});

describe('shardsOf', () => {
  it("gives each shard its pages, in their order: every page once, in its hash's shard", () => {
    const list = pages(5000);
    const shards = shardsOf(list, 1536);
    expect(shards).toHaveLength(shardCount(5000, 1536));
    expect(shards.flat().sort()).toEqual(list);
    shards.forEach((own, n) => {
      expect(own.every((page) => shardOf(page, shards.length) === n)).toBe(true);
      expect([...own].sort()).toEqual(own);
    });
    expect(shardsOf([], 1536)).toEqual([[]]);
  });
});
