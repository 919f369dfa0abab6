/**
 * The real build (ingest → Astro → Pagefind) on the five seeds, served from a sub-path: the pages, the
 * quotes and their anchors, the exact article text, `lang` attributes, the data export and the index.
 * Two more seeds (test/fixtures/site-unplaced) match no event: their pages and the list of them.
 */
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { select, selectAll } from 'hast-util-select';
import { attr, readPage } from '../helpers/html.ts';
import { buildSite, prepareSite, ROOT, type BuildRun, type FixtureSite } from '../helpers/site.ts';
import { parseSeed } from '../../src/lib/seed.ts';
import uk from '../../src/translations/uk.json' with { type: 'json' };

const BASE = '/briefing/';
const EVENT = '2026-01-06-paris-coalition-summit';
const UNPLACED = join(ROOT, 'test/fixtures/site-unplaced');
let site: FixtureSite;
let run: BuildRun;

beforeAll(async () => {
  site = await prepareSite('seeds', [join(ROOT, 'seeds'), UNPLACED]);
  run = await buildSite(site, BASE);
  if (run.code !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
});

async function seedParagraphs(file: string, dir = join(ROOT, 'seeds')): Promise<string[]> {
  const { seed } = parseSeed(file, await readFile(join(dir, file)));
  return seed!.paragraphs.map((p) => p.text);
}

describe('the site built from the five seeds', () => {
  it('lists the Paris summit on the home page with its reports per language, under the base path', async () => {
    const home = await readPage(site.outDir, '.');
    const link = home.$$('a').find((a) => attr(a, 'href') === `${BASE}events/${EVENT}/`);
    expect(link, 'link to the event').toBeDefined();
    expect(home.text(home.tree)).toMatch(/4 російською, 1 українською/);
    expect(attr(home.$('html'), 'lang')).toBe('uk');
  });

  it('puts all five seeds in the one Paris event, including the undated Ukrainian one', async () => {
    const data = JSON.parse(await readFile(join(site.outDir, 'data/events.json'), 'utf8'));
    expect(data.events).toHaveLength(1);
    const [event] = data.events;
    expect(event.slug).toBe(EVENT);
    expect(event.articles.map((a: { seed: string }) => a.seed).sort()).toEqual((await readdir(join(ROOT, 'seeds'))).sort());
    const uk = event.articles.find((a: { lang: string }) => a.lang === 'uk');
    expect(uk).toMatchObject({ date: '2026-01-06', dateSource: 'inferred' });
  });

  it('lists all five reports on the event page, which needs no reports view at the default page size', async () => {
    const page = await readPage(site.outDir, `events/${EVENT}`);
    expect(page.$$('section[aria-labelledby=matrix] tbody tr')).toHaveLength(5);
    expect(page.$$('section[aria-labelledby=reports] li > a')).toHaveLength(5);
    expect(page.html).not.toContain(`${BASE}events/${EVENT}/reports/`);
    expect(existsSync(join(site.outDir, `events/${EVENT}/reports`))).toBe(false);
  });

  it('summarises the six agreed components, each with quotes that link to their exact sentence', async () => {
    const page = await readPage(site.outDir, `events/${EVENT}`);
    const cards = page.$$('section[aria-labelledby=components] li.card');
    expect(cards.length).toBe(6);
    for (const card of cards) expect(selectAll('blockquote a', card).length).toBeGreaterThan(0);
    for (const a of page.$$('section[aria-labelledby=components] blockquote a')) {
      const href = attr(a, 'href')!;
      const [, id, anchor] = /^\/briefing\/articles\/([^/]+)\/#(s\d+-\d+)$/.exec(href) ?? [];
      expect(id, href).toBeDefined();
      const article = await readPage(site.outDir, `articles/${id}`);
      const sentence = article.$(`#${anchor}`);
      expect(sentence, href).toBeDefined();
      const quote = page.text(a).replace(/…$/, '');
      expect(article.text(sentence!).startsWith(quote), `${href}: "${quote}"`).toBe(true);
    }
  });

  it('shows every article text exactly as written in its seed, with lang on the text', async () => {
    for (const file of await readdir(join(ROOT, 'seeds'))) {
      const id = file.replace(/\.txt$/, '');
      const page = await readPage(site.outDir, `articles/${id}`);
      const body = page.$('.article-body')!;
      expect(['ru', 'uk']).toContain(attr(body, 'lang'));
      const paragraphs = page.$$('.article-body > p').map((p) => page.text(p));
      expect(paragraphs).toEqual(await seedParagraphs(file));
    }
  });

  it('shows both languages side by side in the bilingual view', async () => {
    const page = await readPage(site.outDir, `events/${EVENT}/sources`);
    const ru = page.$$('.bilingual .cell a[lang=ru]');
    const uk = page.$$('.bilingual .cell a[lang=uk]');
    expect(ru.length).toBeGreaterThan(0);
    expect(uk.length).toBeGreaterThan(0);
  });

  it('runs no script on pages other than search', async () => {
    for (const path of ['.', `events/${EVENT}`, `events/${EVENT}/sources`, 'articles/000_4e4c541c79a5c744']) {
      expect((await readPage(site.outDir, path)).$$('script'), path).toEqual([]);
    }
    expect((await readPage(site.outDir, 'search')).$$('script').length).toBeGreaterThan(0);
  });

  it('exports events.json with articles and components (labels in three languages, evidence)', async () => {
    const data = JSON.parse(await readFile(join(site.outDir, 'data/events.json'), 'utf8'));
    const [event] = data.events;
    for (const c of event.components) {
      expect(Object.keys(c.label).sort()).toEqual(['en', 'ru', 'uk']);
      expect(['agreed', 'announced', 'draft', 'expected']).toContain(c.status);
      expect(c.evidence.length).toBeGreaterThan(0);
      for (const e of c.evidence) expect(e).toMatchObject({ article: expect.any(String), quote: expect.any(String) });
    }
  });

  it('writes a Pagefind index', () => {
    expect(existsSync(join(site.outDir, 'pagefind/pagefind.js'))).toBe(true);
  });

  it('skips the Astro build when nothing it reads has changed, and builds again when dist/ was touched', async () => {
    const again = await buildSite(site, BASE);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/nothing changed since the last build/);
    await rm(join(site.outDir, 'search'), { recursive: true });
    const rebuilt = await buildSite(site, BASE);
    expect(rebuilt.stdout).not.toMatch(/nothing changed/);
    expect(existsSync(join(site.outDir, 'search/index.html'))).toBe(true);
  });

  it('keeps an article page within its size budget: HTML + CSS ≤ 20 kB gzip, no JavaScript', async () => {
    const page = await readPage(site.outDir, 'articles/000_4e4c541c79a5c744');
    const css = page.$$('link[rel=stylesheet]').map((l) => attr(l, 'href')!.replace(BASE, ''));
    const bytes = [Buffer.from(page.html), ...(await Promise.all(css.map((c) => readFile(join(site.outDir, c)))))];
    const gzipped = bytes.reduce((sum, b) => sum + gzipSync(b).length, 0);
    expect(gzipped).toBeLessThanOrEqual(20 * 1024);
    expect(page.$$('script')).toEqual([]);
  });
});

describe('articles that match no event', () => {
  // u01: no date and none in its text; u02: no date, and its "15 березня" matches no event.
  const articles = [
    { id: 'u01-grain-ports-ru', lang: 'ru', reason: uk['unplaced.reason.no-date'] },
    { id: 'u02-demining-uk', lang: 'uk', reason: uk['unplaced.reason.no-event'] },
  ];

  it('gives each its page, with the text as written, saying it is in no event and why', async () => {
    for (const { id, lang, reason } of articles) {
      const page = await readPage(site.outDir, `articles/${id}`);
      expect(page.$$('.article-body > p').map((p) => page.text(p))).toEqual(await seedParagraphs(`${id}.txt`, UNPLACED));
      expect(attr(page.$('.article-body'), 'lang')).toBe(lang);
      const line = page.$('dl.meta dd.unplaced')!;
      expect(page.text(line)).toBe(`${uk['unplaced.label']}: ${reason}`);
      expect(attr(page.$('dl.meta dd.unplaced a'), 'href')).toBe(`${BASE}unplaced/`);
      // No link to an event; every link stays under the base path.
      const links = page.$$('a').map((a) => attr(a, 'href')!);
      expect(links.filter((h) => h.includes('/events/'))).toEqual([]);
      expect(links.filter((h) => h.startsWith('/') && !h.startsWith(BASE))).toEqual([]);
      // Indexed like every article, under the event filter's "not placed" value.
      expect(page.$('article[data-pagefind-body]')).toBeDefined();
      expect(page.text(page.$('[data-pagefind-filter=event]')!)).toBe(uk['unplaced.label']);
    }
  });

  it('keeps the component highlighting on their pages', async () => {
    const page = await readPage(site.outDir, 'articles/u01-grain-ports-ru');
    const marks = page.$$('.article-body mark.claim');
    expect(marks.length).toBeGreaterThan(0);
    const label = 'Моніторинг і верифікація припинення вогню';
    expect(attr(marks[0], 'title')).toMatch(new RegExp(`^${label} — `));
    // Named in the list of components, as plain text: there is no event page to link to.
    expect(page.text(page.$('div[data-pagefind-ignore] p.meta')!)).toContain(label);
    expect(page.$$('[data-pagefind-filter=component]').map((c) => page.text(c))).toEqual([label]);
  });

  it('lists them on /unplaced/ with title, outlet, language, seed file and reason, linked from the home page', async () => {
    const home = await readPage(site.outDir, '.');
    const link = home.$$('a').find((a) => attr(a, 'href') === `${BASE}unplaced/`);
    expect(link, 'link to the list').toBeDefined();
    expect(home.text(link!)).toBe(uk['home.unplaced'].replace('{count}', '2'));
    const list = await readPage(site.outDir, 'unplaced');
    expect(list.text(list.$('h1')!)).toBe(uk['unplaced.heading']);
    const rows = list.$$('table.unplaced tbody tr').map((tr) => [
      attr(select('a', tr), 'href'),
      ...selectAll('th, td', tr).map((c) => list.text(c)),
    ]);
    expect(rows).toEqual([
      [`${BASE}articles/u02-demining-uk/`, '15 березня в Женеві експерти обговорили розмінування сільськогосподарських земель',
        'Європейська правда', uk['lang.uk.name'], 'u02-demining-uk.txt', uk['unplaced.reason.no-event']],
      [`${BASE}articles/u01-grain-ports-ru/`, 'Министры аграрной политики обсудили вывоз зерна через дунайские порты',
        'Интерфакс-Украина', uk['lang.ru.name'], 'u01-grain-ports-ru.txt', uk['unplaced.reason.no-date']],
    ]);
  });

  it('exports them in data/events.json under `unplaced`, in the order of the list, with the reason', async () => {
    const data = JSON.parse(await readFile(join(site.outDir, 'data/events.json'), 'utf8'));
    expect(data.version).toBe(1);
    expect(data.unplaced).toEqual([
      { id: 'u02-demining-uk', seed: 'u02-demining-uk.txt', lang: 'uk', date: null, dateSource: null,
        title: '15 березня в Женеві експерти обговорили розмінування сільськогосподарських земель',
        outlet: 'Європейська правда', url: null, kind: 'outcome', reason: 'no-event' },
      { id: 'u01-grain-ports-ru', seed: 'u01-grain-ports-ru.txt', lang: 'ru', date: null, dateSource: null,
        title: 'Министры аграрной политики обсудили вывоз зерна через дунайские порты',
        outlet: 'Интерфакс-Украина', url: null, kind: 'outcome', reason: 'no-date' },
    ]);
    // Nothing is lost: every seed is in the one event or among the unplaced.
    const ids = [...data.events.flatMap((e: { articles: { id: string }[] }) => e.articles.map((a) => a.id)),
      ...data.unplaced.map((a: { id: string }) => a.id)];
    const seeds = [...(await readdir(join(ROOT, 'seeds'))), ...(await readdir(UNPLACED))];
    expect(ids.sort()).toEqual(seeds.map((f) => f.replace(/\.txt$/, '')).sort());
  });

  it('offers "not placed in an event" in the search page\'s event filter', async () => {
    const search = await readPage(site.outDir, 'search');
    expect(search.$$('select[data-filter=event] option').map((o) => search.text(o))).toContain(uk['unplaced.label']);
  });
});

describe('a site with no article yet', () => {
  it('builds: a home page, no search index, and a search page that says there is nothing to search', async () => {
    const empty = await prepareSite('empty', []);
    const built = await buildSite(empty, '/');
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toContain('no article pages: no search index');
    expect(existsSync(join(empty.outDir, 'index.html'))).toBe(true);
    expect(existsSync(join(empty.outDir, 'pagefind'))).toBe(false);
    const search = await readPage(empty.outDir, 'search');
    expect(search.text(search.$('main')!)).toContain(uk['search.empty']);
    expect(search.$('form#search')).toBeUndefined();
  });
});
