/**
 * `npm run bench` at a tiny size, with the baseline: it runs end to end and writes latest.json and latest.md
 * with the fields the report promises. Only that it works: no timing is asserted (times depend on the machine).
 * And the synthetic corpus it builds (bench/corpus.ts): deterministic, prefix-stable, each article in its
 * language, a vocabulary that grows with N, few repeated sentences, components for the analysis to find.
 * The corpus tests take a few seconds on their own: `npx vitest run test/integration/bench.test.ts -t corpus`.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, type Corpus, type CorpusArticle } from '../../bench/corpus.ts';
import { buildArticle } from '../../src/lib/article.ts';
import { detectLanguage } from '../../src/lib/language.ts';
import { splitSentences } from '../../src/lib/text.ts';
import { loadEditorContent } from '../../src/pipeline/content.ts';
import { ROOT, runNodeScript, type BuildRun } from '../helpers/site.ts';

const N = 12;
let dir: string;
let run: BuildRun;

const measureShape = {
  status: 'ok',
  exitCode: 0,
  ms: expect.any(Number),
  peakRssBytes: expect.any(Number),
  phases: expect.any(Object),
};

describe('npm run bench', () => {
  beforeAll(async () => {
    await mkdir(join(ROOT, 'test/.tmp'), { recursive: true });
    dir = await mkdtemp(join(ROOT, 'test/.tmp', 'bench-'));
    // What an earlier (interrupted) run left in the work folder.
    await mkdir(join(dir, `work/n${N}/dist`), { recursive: true });
    await writeFile(join(dir, `work/n${N}/dist/left.html`), 'left');
    await mkdir(join(dir, 'work/.trash-1/n5'), { recursive: true });
    run = await runNodeScript(join(ROOT, 'scripts/bench.ts'), ['--sizes', String(N), '--out', join(dir, 'results'), '--work', join(dir, 'work')]);
    if (run.code !== 0) throw new Error(`bench failed (${run.code}):\n${run.stdout}\n${run.stderr}`);
  }, 600_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

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

  it('leaves its work folder empty: what earlier runs left and its own folders go at the end', async () => {
    expect(await readdir(join(dir, 'work'))).toEqual([]);
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
  const body = (a: CorpusArticle) => a.text.replace(/^ date \S+ /, '');
  const paragraphs = (a: CorpusArticle) => body(a).split('\n').map((p) => p.trim()).filter(Boolean);
  const sentences = (a: CorpusArticle) => paragraphs(a).flatMap((p) => splitSentences(p, a.lang).map((s) => s.text));
  const wordForms = (a: CorpusArticle) => body(a).toLowerCase().match(/\p{L}+(?:['’-]\p{L}+)*/gu) ?? [];
  let large: Corpus;

  beforeAll(async () => {
    large = await generateCorpus(2000);
  });

  it('is the same for the same N, both languages, with pairwise different texts', async () => {
    const a = await generateCorpus(60);
    const b = await generateCorpus(60);
    expect(a).toEqual(b);
    expect(new Set(a.articles.map((x) => x.text)).size).toBe(60);
    expect(new Set(a.articles.map((x) => x.lang))).toEqual(new Set(['ru', 'uk']));
    expect(new Set(a.articles.map((x) => x.event)).size).toBeGreaterThan(3);
    // Article i does not depend on N, so the larger corpora extend the smaller ones, and the article the
    // "add one" rebuild adds is the next one.
    const small = await generateCorpus(20);
    expect(small.articles).toEqual(a.articles.slice(0, 20));
    expect(small.extra).toEqual(a.articles[20]);
    expect(large.articles.slice(0, 60)).toEqual(a.articles);
  });

  it('writes each article in its language (as language detection reads it)', () => {
    for (const lang of ['ru', 'uk'] as const) {
      const articles = large.articles.filter((a) => a.lang === lang).slice(0, 200);
      expect(articles).toHaveLength(200);
      const agree = articles.filter((a) => detectLanguage(body(a)).lang === lang).length;
      expect(agree / articles.length).toBeGreaterThanOrEqual(0.98);
    }
  });

  it('has a vocabulary that keeps growing with N, few repeated sentences and report-sized paragraphs', () => {
    const forms = (n: number) => new Set(large.articles.slice(0, n).flatMap(wordForms)).size;
    // Heaps' law, V ≈ K·N^β with β ≈ 0.5–0.6 in news: ten times the articles, three times the word forms or more
    // (the material alone has ~4,000, which 200 articles already exhaust).
    expect(forms(200)).toBeGreaterThan(5000);
    expect(forms(2000) / forms(200)).toBeGreaterThan(3);
    const all = large.articles.flatMap(sentences);
    expect(new Set(all).size / all.length).toBeGreaterThan(0.75);
    const paras = large.articles.flatMap(paragraphs);
    const meanLength = paras.reduce((sum, p) => sum + p.length, 0) / paras.length;
    expect(meanLength).toBeGreaterThan(200);
    expect(meanLength).toBeLessThan(400);
    expect(all.length / paras.length).toBeGreaterThan(1.8);
    expect(all.length / paras.length).toBeLessThan(3.2);
  });

  it('keeps sentences that report components in every report, for the analysis to find', async () => {
    const { content } = await loadEditorContent(join(ROOT, 'content'));
    if (!content) throw new Error('content/ does not load');
    const records = large.articles.slice(0, 100).map((a) => buildArticle(a.file, new TextEncoder().encode(a.text), content).record!);
    const tagged = records.map((r) => r.paragraphs.flatMap((p) => p.sentences).filter((s) => s.components.length > 0).length);
    const total = records.reduce((sum, r) => sum + r.paragraphs.flatMap((p) => p.sentences).length, 0);
    expect(tagged.filter((n) => n > 0).length).toBeGreaterThanOrEqual(95);
    // About as many as the recombined corpus had (~46 % of the sentences).
    const share = tagged.reduce((sum, n) => sum + n, 0) / total;
    expect(share).toBeGreaterThan(0.35);
    expect(share).toBeLessThan(0.6);
  });
});
