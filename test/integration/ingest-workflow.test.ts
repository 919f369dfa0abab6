/**
 * The editors' workflow through `ingest()` and the real scripts (ingest.ts, check.ts, build.ts up to the
 * point where it stops): all-or-nothing versus --keep-going, messages, nothing lost, incremental runs,
 * and that no tool ever writes to seeds/. No full site build here (see hostile-build.test.ts).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline/check.ts';
import { parseArticle } from '../../src/lib/mdx.ts';
import { ingest, MANIFEST_NAME } from '../../src/pipeline/ingest.ts';
import { parsedKey, readParsedByKey } from '../../src/pipeline/parsed-cache.ts';
import { prepareSite, ROOT, runScript, type FixtureSite } from '../helpers/site.ts';
import { article, changed, ingestOptions, snapshot, writeSeed } from './ingest-helpers.ts';

const BAD_DATE = join(ROOT, 'test/fixtures/site-hostile/bad-date.txt');
const articles = (site: FixtureSite) => join(site.contentDir, 'articles');
const listArticles = async (site: FixtureSite) => (await readdir(articles(site)).catch(() => [] as string[])).sort();

async function goodAndBad(name: string): Promise<FixtureSite> {
  const site = await prepareSite(name, []);
  await writeSeed(site, 'good-1.txt', article('one'));
  await writeSeed(site, 'good-2.txt', article('two'));
  await writeSeed(site, 'bad-date.txt', await readFile(BAD_DATE));
  await writeSeed(site, 'empty.txt', '');
  return site;
}

describe('errors: all-or-nothing by default, --keep-going builds the rest', () => {
  it('ingest() stops before writing anything and names file, line, problem and fix', async () => {
    const site = await goodAndBad('ingest-stop');
    const r = await ingest(ingestOptions(site));
    expect(r.stopped).toBe(true);
    expect(r.written).toEqual([]);
    expect(existsSync(articles(site))).toBe(false);
    expect(r.problems).toEqual(expect.arrayContaining([
      { severity: 'error', file: 'seeds/bad-date.txt', line: 1, message: 'date 2026-02-30 does not exist', hint: 'use a real calendar date, YYYY-MM-DD' },
      expect.objectContaining({ severity: 'error', file: 'seeds/empty.txt', message: 'has no article text' }),
    ]));
  });

  it('ingest() with keepGoing writes every good seed and still reports each bad one', async () => {
    const site = await goodAndBad('ingest-keep');
    const r = await ingest(ingestOptions(site, { keepGoing: true }));
    expect(r.stopped).toBe(false);
    expect(r.written).toEqual(['good-1.mdx', 'good-2.mdx']);
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => p.file).sort()).toEqual(['seeds/bad-date.txt', 'seeds/empty.txt']);
  });

  it('the scripts exit 1 with file:line: error and fix lines; build stops before Astro; --keep-going ingests the rest', async () => {
    const site = await goodAndBad('ingest-scripts');
    const seedsBefore = await snapshot(site.seedsDir);
    const shown = (file: string) => `${site.seedsDir.slice(ROOT.length + 1)}/${file}`;

    const build = await runScript('build.ts', site);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(`${shown('bad-date.txt')}:1: error: date 2026-02-30 does not exist\n    fix: use a real calendar date, YYYY-MM-DD`);
    expect(build.stderr).toContain(`${shown('empty.txt')}: error: has no article text\n    fix: `);
    expect(build.stderr).toMatch(/build: stopped .*--keep-going/);
    expect(existsSync(site.outDir)).toBe(false);
    expect(existsSync(articles(site))).toBe(false);

    const stop = await runScript('ingest.ts', site);
    expect(stop.code).toBe(1);
    expect(stop.stderr).toContain('ingest: stopped before writing anything');
    expect(existsSync(articles(site))).toBe(false);

    const keep = await runScript('ingest.ts', site, ['--keep-going']);
    expect(keep.code).toBe(1);
    expect(keep.stdout).toMatch(/ingest: 4 seeds, 2 written, 0 unchanged, 0 removed, 0 duplicates, 2 errors/);
    expect(keep.stderr).toContain('ingest: 2 seed(s) not built (listed above)');
    expect(await listArticles(site)).toEqual([MANIFEST_NAME, 'good-1.mdx', 'good-2.mdx']);
    expect(changed(seedsBefore, await snapshot(site.seedsDir))).toEqual([]);
  });
});

describe('npm run check', () => {
  it('validates seeds and content without writing anything, and lists the unreviewed events', async () => {
    const site = await prepareSite('check', [join(ROOT, 'seeds')]);
    await writeSeed(site, 'bad-date.txt', await readFile(BAD_DATE));
    // Not the Paris summit: a later event that no content/events file names.
    await writeSeed(site, 'geneva.txt', ' date 2026-03-10 Переговоры в Женеве о прекращении огня продолжились, сообщает Reuters.\nДелегации встретятся снова.\n');
    const before = await snapshot(site.dir);
    const run = await runScript('check.ts', site);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bad-date\.txt:1: error: date 2026-02-30 does not exist\n {4}fix: /);
    expect(run.stdout).toMatch(/unreviewed event "[^"]+" \(2026-03-10\): 1 article\(s\): geneva\.txt\n {4}name it: create content\/events\/[^ ]+\.mdx/);
    expect(run.stdout).toMatch(/check: 7 seeds, 6 articles, \d+ events \(1 unreviewed\), 1 errors/);
    expect(changed(before, await snapshot(site.dir))).toEqual([]);
    expect(existsSync(site.outDir)).toBe(false);

    // Fixed seed: exit 0; content and dist still absent (check never builds).
    await rm(join(site.seedsDir, 'bad-date.txt'));
    const ok = await check(ingestOptions(site));
    expect(ok.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(ok.unreviewed.map((e) => e.articles.map((a) => a.seed))).toEqual([['geneva.txt']]);
    expect(existsSync(articles(site))).toBe(false);
  });

  it('reports a generated file that no longer parses as MDX, with its line', async () => {
    const site = await prepareSite('check-mdx', []);
    await writeSeed(site, 'a.txt', article('a'));
    await ingest(ingestOptions(site));
    await writeFile(join(articles(site), 'a.mdx'), `${await readFile(join(articles(site), 'a.mdx'), 'utf8')}\n{process.exit(1)}\n`);
    const r = await check(ingestOptions(site));
    const files = r.problems.filter((p) => p.severity === 'error').map((p) => p.file);
    expect(files).toContain('content/articles/a.mdx');
    expect(r.problems.some((p) => p.file === 'content/articles/a.mdx' && p.line !== undefined)).toBe(true);
  });
});

describe('nothing is lost', () => {
  it('removes the files of a removed seed; reports, keeps and (with force) overwrites a hand-edited file; reports a foreign file', async () => {
    const site = await prepareSite('ingest-lost', []);
    for (const tag of ['a', 'b', 'c']) await writeSeed(site, `${tag}.txt`, article(tag));
    await ingest(ingestOptions(site));
    const seeds = await snapshot(site.seedsDir);

    await rm(join(site.seedsDir, 'c.txt'));
    const removed = await ingest(ingestOptions(site));
    expect(removed.removed).toEqual(['c.mdx']);
    expect(await listArticles(site)).toEqual([MANIFEST_NAME, 'a.mdx', 'b.mdx']);

    const edited = `${await readFile(join(articles(site), 'a.mdx'), 'utf8')}\nправка редактора\n`;
    await writeFile(join(articles(site), 'a.mdx'), edited);
    await writeFile(join(articles(site), 'foreign.mdx'), '---\ntitle: x\n---\nчужой файл\n');
    await writeSeed(site, 'a.txt', article('a, changed'));
    const refused = await ingest(ingestOptions(site));
    expect(refused.stopped).toBe(true);
    expect(refused.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ severity: 'error', file: 'content/articles/a.mdx', message: expect.stringContaining('edited by hand'), hint: expect.stringContaining('--force') }),
      expect.objectContaining({ severity: 'error', file: 'content/articles/foreign.mdx', message: expect.stringContaining('no seed generates it') }),
    ]));
    const kept = await ingest(ingestOptions(site, { keepGoing: true }));
    expect(kept.written).toEqual([]);
    expect(await readFile(join(articles(site), 'a.mdx'), 'utf8')).toBe(edited);
    expect(existsSync(join(articles(site), 'foreign.mdx'))).toBe(true);

    const forced = await ingest(ingestOptions(site, { force: true }));
    expect(forced.written).toEqual(['a.mdx']);
    expect(forced.removed).toEqual(['foreign.mdx']);
    expect(await readFile(join(articles(site), 'a.mdx'), 'utf8')).toContain('changed');
    expect(forced.problems).toEqual([]);
    // Only a.txt was changed, by the test itself; the ingest wrote nothing into seeds/.
    expect(changed(seeds, await snapshot(site.seedsDir))).toEqual(['a.txt', 'c.txt']);
  });
});

describe('incremental', () => {
  it('writes no file when nothing changed, and only the changed seed’s file when one seed changes', async () => {
    const site = await prepareSite('ingest-incremental', [join(ROOT, 'seeds')]);
    await ingest(ingestOptions(site));
    const first = await snapshot(site.contentDir);
    await new Promise((r) => setTimeout(r, 20)); // so that a rewrite would show in the mtimes

    const again = await ingest(ingestOptions(site));
    expect(again).toMatchObject({ written: [], removed: [], unchanged: 5, problems: [] });
    expect(changed(first, await snapshot(site.contentDir))).toEqual([]);

    const [seed] = (await readdir(site.seedsDir)).sort();
    await writeFile(join(site.seedsDir, seed!), `${await readFile(join(site.seedsDir, seed!), 'utf8')}Добавленный абзац.\n`);
    const one = await ingest(ingestOptions(site));
    const id = seed!.replace(/\.txt$/, '');
    expect(one).toMatchObject({ written: [`${id}.mdx`], unchanged: 4 });
    expect(changed(first, await snapshot(site.contentDir))).toEqual([`articles/${MANIFEST_NAME}`, `articles/${id}.mdx`]);
  });

  it('shows an unchanged seed’s warnings on every run, not only the first', async () => {
    const site = await prepareSite('ingest-warnings', []);
    await writeSeed(site, 'w.txt', `---\ndate: 2026-01-06\n---\n date 2026-01-07 ${article('w', null)}`);
    const first = await ingest(ingestOptions(site));
    const second = await ingest(ingestOptions(site));
    expect(first.problems.length).toBeGreaterThan(0);
    expect(second.written).toEqual([]);
    expect(second.problems).toEqual(first.problems);
  });
});

describe('outputs written during the analysis', () => {
  const stages = async (cache: string) => (await readdir(cache).catch(() => [] as string[])).filter((n) => n.startsWith('briefing-ingest-stage-'));

  it('on worker threads: every article in content/ and in the parse cache, no stage folder left, stale ones removed', async () => {
    const site = await prepareSite('ingest-stage', []);
    const cache = join(site.dir, 'cache');
    const previous = process.env.BRIEFING_CACHE_DIR;
    process.env.BRIEFING_CACHE_DIR = cache;
    try {
      // More seeds than one worker takes, so the analysis runs on worker threads.
      for (let i = 0; i < 320; i++) await writeSeed(site, `s${String(i).padStart(3, '0')}.txt`, article(`s${i}`));
      await mkdir(join(cache, 'briefing-ingest-stage-4999999'), { recursive: true }); // a killed ingest's
      await writeFile(join(cache, 'briefing-ingest-stage-4999999', 'x.txt.mdx'), 'left over');
      const running = join(cache, `briefing-ingest-stage-${process.ppid}`); // a running process's: not ours to remove
      await mkdir(running);

      const r = await ingest(ingestOptions(site));
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(r.written).toHaveLength(320);
      expect(await listArticles(site)).toEqual([...r.written, MANIFEST_NAME].sort());
      const parsed = new Set(await readdir(join(cache, 'briefing-parsed')));
      for (const file of r.written) {
        const key = parsedKey(await readFile(join(articles(site), file), 'utf8'));
        expect(parsed.has(`${key}.json`), file).toBe(true);
        expect(readParsedByKey(join(cache, 'briefing-parsed'), key)).toEqual(parseArticle(await readFile(join(articles(site), file), 'utf8'), file));
      }
      expect(await stages(cache)).toEqual([`briefing-ingest-stage-${process.ppid}`]);
    } finally {
      process.env.BRIEFING_CACHE_DIR = previous;
    }
  });

  it('a stopped ingest leaves nothing in content/ and no stage folder', async () => {
    const site = await goodAndBad('ingest-stage-stop');
    const cache = join(site.dir, 'cache');
    const previous = process.env.BRIEFING_CACHE_DIR;
    process.env.BRIEFING_CACHE_DIR = cache;
    try {
      const r = await ingest(ingestOptions(site));
      expect(r.stopped).toBe(true);
      expect(existsSync(articles(site))).toBe(false);
      expect(await stages(cache)).toEqual([]);
    } finally {
      process.env.BRIEFING_CACHE_DIR = previous;
    }
  });
});
