/** The build's memo of bilingual views: the same view from disk, a new one when its inputs or the site key change. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { alignBilingual } from '../../src/lib/align.ts';
import { alignmentCache, alignOnThreads } from '../../src/pipeline/alignment-cache.ts';
import { COMPONENTS, reportsArb, toAlignArticles } from '../fixtures/align/random.ts';
import { loadSeedArticles } from '../fixtures/align/seeds.ts';

const dir = mkdtempSync(join(tmpdir(), 'briefing-alignments-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('alignmentCache', () => {
  it('gives back from disk exactly the view alignBilingual gives (random reports and the seeds)', async () => {
    await fc.assert(
      fc.asyncProperty(reportsArb({ articles: 6, sentences: 4 }), async (specs) => {
        const articles = toAlignArticles(specs);
        const fresh = alignBilingual(articles, COMPONENTS);
        await alignmentCache(dir, 'k').alignAll([{ articles, componentOrder: COMPONENTS }]); // computes and stores
        const [stored] = await alignmentCache(dir, 'k').alignAll([{ articles, componentOrder: COMPONENTS }]); // reads
        expect(JSON.stringify(stored)).toBe(JSON.stringify(fresh));
        expect(stored).toEqual(fresh);
      }),
      { numRuns: 50 },
    );
    const seeds = loadSeedArticles();
    const order = ['ceasefire-monitoring', 'multinational-force'];
    await alignmentCache(dir, 'k').alignAll([{ articles: seeds, componentOrder: order }]);
    expect(await alignmentCache(dir, 'k').alignAll([{ articles: seeds, componentOrder: order }])).toEqual([alignBilingual(seeds, order)]);
  });

  it('keys on the inputs and the site key, and prunes what a build did not ask for', async () => {
    rmSync(dir, { recursive: true, force: true });
    const [one, two] = [toAlignArticles([{ lang: 'ru', paragraphs: [[{ words: [0, 2], components: ['a'] }]] }]), toAlignArticles([{ lang: 'uk', paragraphs: [[{ words: [1], components: [] }]] }])];
    const first = alignmentCache(dir, 'k');
    await first.alignAll([
      { articles: one!, componentOrder: COMPONENTS },
      { articles: two!, componentOrder: COMPONENTS },
      { articles: two!, componentOrder: ['c', 'b', 'a'] },
    ]);
    expect(readdirSync(dir)).toHaveLength(3);
    const otherKey = alignmentCache(dir, 'other site key');
    await otherKey.alignAll([{ articles: one!, componentOrder: COMPONENTS }]);
    expect(readdirSync(dir)).toHaveLength(4);
    otherKey.prune();
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('aligns on a worker thread too, giving each job the view alignBilingual gives, in order', async () => {
    const jobs = [
      ...Array.from({ length: 6 }, (_, i) => ({ articles: toAlignArticles(fc.sample(reportsArb({ articles: 5, sentences: 4 }), { numRuns: 1, seed: i })[0]!), componentOrder: COMPONENTS })),
      { articles: loadSeedArticles(), componentOrder: ['ceasefire-monitoring', 'multinational-force'] },
    ];
    const worker = join(import.meta.dirname, '../../src/pipeline/align-worker.ts');
    const onThreads = await alignOnThreads(jobs, worker, 0);
    expect(onThreads).toEqual(jobs.map((job) => alignBilingual(job.articles, job.componentOrder)));
    // No worker module: one thread, the same views.
    expect(await alignOnThreads(jobs, join(dir, 'missing.ts'), 0)).toEqual(onThreads);
  });
});
