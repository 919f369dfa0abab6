/** The build's memo of bilingual views: the same view from disk, a new one when its inputs or the site key change. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { alignBilingual } from '../../src/lib/align.ts';
import { alignmentCache } from '../../src/pipeline/alignment-cache.ts';
import { COMPONENTS, reportsArb, toAlignArticles } from '../fixtures/align/random.ts';
import { loadSeedArticles } from '../fixtures/align/seeds.ts';

const dir = mkdtempSync(join(tmpdir(), 'briefing-alignments-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('alignmentCache', () => {
  it('gives back from disk exactly the view alignBilingual gives (random reports and the seeds)', () => {
    fc.assert(
      fc.property(reportsArb({ articles: 6, sentences: 4 }), (specs) => {
        const articles = toAlignArticles(specs);
        const fresh = alignBilingual(articles, COMPONENTS);
        alignmentCache(dir, 'k').align(articles, COMPONENTS); // computes and stores
        const stored = alignmentCache(dir, 'k').align(articles, COMPONENTS); // reads
        expect(JSON.stringify(stored)).toBe(JSON.stringify(fresh));
        expect(stored).toEqual(fresh);
      }),
      { numRuns: 50 },
    );
    const seeds = loadSeedArticles();
    const order = ['ceasefire-monitoring', 'multinational-force'];
    alignmentCache(dir, 'k').align(seeds, order);
    expect(alignmentCache(dir, 'k').align(seeds, order)).toEqual(alignBilingual(seeds, order));
  });

  it('keys on the inputs and the site key, and prunes what a build did not ask for', () => {
    rmSync(dir, { recursive: true, force: true });
    const [one, two] = [toAlignArticles([{ lang: 'ru', paragraphs: [[{ words: [0, 2], components: ['a'] }]] }]), toAlignArticles([{ lang: 'uk', paragraphs: [[{ words: [1], components: [] }]] }])];
    const first = alignmentCache(dir, 'k');
    first.align(one!, COMPONENTS);
    first.align(two!, COMPONENTS);
    first.align(two!, ['c', 'b', 'a']);
    expect(readdirSync(dir)).toHaveLength(3);
    const otherKey = alignmentCache(dir, 'other site key');
    otherKey.align(one!, COMPONENTS);
    expect(readdirSync(dir)).toHaveLength(4);
    otherKey.prune();
    expect(readdirSync(dir)).toHaveLength(1);
  });
});
