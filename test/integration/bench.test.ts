/**
 * `npm run bench` at a tiny size, with the baseline: it runs end to end and writes latest.json and latest.md
 * with the fields the report promises. Only that it works: no timing is asserted (times depend on the machine).
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.ts';
import { ROOT, runNodeScript, type BuildRun } from '../helpers/site.ts';

const N = 12;
let dir: string;
let run: BuildRun;

beforeAll(async () => {
  await mkdir(join(ROOT, 'test/.tmp'), { recursive: true });
  dir = await mkdtemp(join(ROOT, 'test/.tmp', 'bench-'));
  run = await runNodeScript(join(ROOT, 'scripts/bench.ts'), ['--sizes', String(N), '--out', join(dir, 'results'), '--work', join(dir, 'work')]);
  if (run.code !== 0) throw new Error(`bench failed (${run.code}):\n${run.stdout}\n${run.stderr}`);
}, 600_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const measureShape = {
  status: 'ok',
  exitCode: 0,
  ms: expect.any(Number),
  peakRssBytes: expect.any(Number),
  phases: expect.any(Object),
};

describe('npm run bench', () => {
  it('writes latest.json with the machine, and for each size both sites, the three builds and the measurements', async () => {
    const report = JSON.parse(await readFile(join(dir, 'results/latest.json'), 'utf8'));
    expect(report.machine).toMatchObject({ cpu: expect.any(String), cores: expect.any(Number), memoryGB: expect.any(Number), node: expect.stringMatching(/^v\d+/) });
    expect(report.runs).toHaveLength(1);
    const [r] = report.runs;
    expect(r.n).toBe(N);
    expect(r.corpus.articles).toBe(N);
    for (const site of [r.briefing, r.baseline]) {
      for (const build of [site.full, site.unchanged, site.addOne]) {
        expect(build).toMatchObject(measureShape);
        // A build of a real site runs in a process tree of some tens of megabytes at least.
        expect(build.peakRssBytes).toBeGreaterThan(20 * 1024 * 1024);
      }
      expect(site.articlesPerSecond).toBeGreaterThan(0);
      expect(site.dist.bytes).toBeGreaterThan(site.pagefind.bytes);
      expect(site.pagefind.files).toBeGreaterThan(0);
      expect(site.pages.article.totalGzip).toBeGreaterThan(0);
    }
    expect(r.briefing.ingestOnly).toMatchObject(measureShape);
    // The ingest and the loader report themselves in the log: the phases come from those lines.
    expect(r.briefing.full.phases.ingest).toBeGreaterThan(0);
    expect(r.briefing.full.phases.render).toBeGreaterThan(0);
    expect(r.briefing.pages.event.totalGzip).toBeGreaterThan(0);
    expect(r.ratio).toMatchObject({ full: expect.any(Number), unchanged: expect.any(Number), addOne: expect.any(Number), peakRss: expect.any(Number) });
    // The add-one rebuild built one more article page than the full build.
    expect(r.briefing.addOne.notes.join(' ')).toMatch(new RegExp(`${N + 1} articles`));
    if (Array.isArray(r.briefing.search)) {
      for (const q of r.briefing.search) {
        expect(q.error).toBeUndefined();
        expect(q.bytes).toBeGreaterThan(0);
        expect(q.requests).toBeGreaterThan(0);
      }
    } else {
      expect(r.briefing.search.skipped).toMatch(/Chromium/);
    }
    expect(report.targets[String(N)].length).toBeGreaterThan(5);
  });

  it('writes latest.md with the tables', async () => {
    const md = await readFile(join(dir, 'results/latest.md'), 'utf8');
    expect(md).toContain('| N | site | full build |');
    expect(md).toMatch(new RegExp(`\\| ${N} \\| briefing \\| [\\d.]+ s \\|`));
    expect(md).toMatch(new RegExp(`\\| ${N} \\| baseline \\| [\\d.]+ s \\|`));
    expect(md).toContain('## Targets');
  });
});

describe('the bench corpus', () => {
  it('is the same for the same N, both languages, with pairwise different texts', async () => {
    const a = await generateCorpus(60);
    const b = await generateCorpus(60);
    expect(a).toEqual(b);
    expect(new Set(a.articles.map((x) => x.text)).size).toBe(60);
    expect(new Set(a.articles.map((x) => x.lang))).toEqual(new Set(['ru', 'uk']));
    expect(new Set(a.articles.map((x) => x.event)).size).toBeGreaterThan(3);
    // Article i does not depend on N, so the larger corpora extend the smaller ones.
    expect((await generateCorpus(20)).articles).toEqual(a.articles.slice(0, 20));
  });
});
