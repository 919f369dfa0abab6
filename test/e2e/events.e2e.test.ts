/**
 * Many events in one site, in Chromium: the five seeds plus the grouping fixtures of
 * test/fixtures/events/articles.yaml (as real seeds in test/fixtures/site-events/seeds) and their event
 * definitions, built once under /briefing/. Checks the timeline, where each article lands, look-alike
 * events kept apart, prev/next, the bilingual view (also of a one-language event), the component filter
 * pages, and the search: recall on a fixed query set in both languages, filters, result details, keyboard.
 * Two seeds of test/fixtures/site-unplaced match no event: search finds them, and the event filter has a
 * value for them. The search index is in shards of 8 pages (BRIEFING_SEARCH_SHARD_SIZE), so every search here
 * is one query over several merged indexes; the five-seed site of site.e2e.test.ts has one.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SHARDS_MANIFEST, type ShardsManifest } from '../../src/integrations/pagefind.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import uk from '../../src/translations/uk.json' with { type: 'json' };
import { allResults, chromiumMissingReason, launch, openPage } from '../helpers/browser.ts';
import { select } from 'hast-util-select';
import { readPage } from '../helpers/html.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { prepareSite, ROOT, runScript, type FixtureSite } from '../helpers/site.ts';

const BASE = '/briefing/';
const FIXTURE = join(ROOT, 'test/fixtures/site-events');
const UNPLACED = join(ROOT, 'test/fixtures/site-unplaced');
const SUMMIT = '2026-01-06-paris-coalition-summit';
/** Two Ukrainian reports of one defined event, added to the grouping fixtures: the one-language event. */
const ONE_LANGUAGE = '2026-01-20-kyiv-energy-donors';
const EXTRA = [
  { id: 'g01-kyiv-energy-uk', lang: 'uk', expect: ONE_LANGUAGE },
  { id: 'g02-kyiv-energy-uk', lang: 'uk', expect: ONE_LANGUAGE },
];
const skip = chromiumMissingReason();

interface Expected { id: string; lang: 'ru' | 'uk'; expect: string }
interface Query { q: string; kind: string; cross?: boolean; tagged?: string; expect: string[] }
interface ExportedEvent {
  slug: string;
  title: Record<'en' | 'ru' | 'uk', string>;
  generated: boolean;
  articles: { id: string; lang: 'ru' | 'uk'; date: string | null; outlet: string | null }[];
  components: { id: string; label: Record<'en' | 'ru' | 'uk', string>; evidence: { article: string }[] }[];
}

describe.skipIf(skip)('a site of many events, in Chromium', () => {
  let site: FixtureSite;
  let server: Served;
  let browser: Browser;
  let expected: Expected[];
  let exported: ExportedEvent[];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    site = await prepareSite('events', [join(ROOT, 'seeds'), join(FIXTURE, 'seeds'), UNPLACED], [join(FIXTURE, 'events')]);
    const run = await runScript('build.ts', site, [], { BRIEFING_BASE: BASE, BRIEFING_SEARCH_SHARD_SIZE: '8' });
    if (run.code !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
    const shards = (JSON.parse(await readFile(join(site.outDir, 'pagefind', SHARDS_MANIFEST), 'utf8')) as ShardsManifest).shards;
    if (shards.length < 3) throw new Error(`expected the search index in several shards, got ${JSON.stringify(shards)}`);
    server = await serve(site.outDir, BASE);
    browser = await launch();
    const fixtures = parse(await readFile(join(ROOT, 'test/fixtures/events/articles.yaml'), 'utf8')) as Expected[];
    expected = [...fixtures.map(({ id, lang, expect }) => ({ id, lang, expect })), ...(EXTRA as Expected[])];
    exported = (JSON.parse(await readFile(join(site.outDir, 'data/events.json'), 'utf8')) as { events: ExportedEvent[] }).events;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = (path: string): Promise<Page> => openPage(browser, server.url, path, consoleErrors);

  const articleId = (pathname: string) => pathname.replace(`${BASE}articles/`, '').replace(/\/(#.*)?$/, '');

  /** The timeline as the home page shows it (read from the built HTML: lists need no browser). */
  async function timeline() {
    const home = await readPage(site.outDir, '');
    return home.$$('ol.timeline > li').map((li) => ({
      slug: String(select('h2 a', li)?.properties?.href).split('/').filter(Boolean).at(-1)!,
      date: select('time', li)?.properties?.dateTime as string | undefined ?? null,
      meta: home.text(select('.meta', li)!).replace(/\s+/g, ' '),
      unreviewed: select('.badge.unreviewed', li) !== undefined,
    }));
  }

  /** Article ids listed in an event page's reports section. */
  async function reportsOf(slug: string): Promise<string[]> {
    const page = await readPage(site.outDir, `events/${slug}`);
    return page.$$('section[aria-labelledby=reports] li > a')
      .map((a) => articleId(String(a.properties?.href)))
      .sort();
  }

  /** The articles in no event, as /unplaced/ lists them, with what their pages give Pagefind. */
  async function unplacedArticles() {
    const list = await readPage(site.outDir, 'unplaced');
    return Promise.all(list.$$('table.unplaced tbody tr a').map(async (a) => {
      const id = articleId(String(a.properties?.href));
      const page = await readPage(site.outDir, `articles/${id}`);
      const values = (name: string) => page.$$(`[data-pagefind-filter=${name}]`).map((e) => page.text(e));
      return { id, lang: page.text(page.$('[data-pagefind-meta=lang]')!) as 'ru' | 'uk', outlet: values('outlet')[0] ?? null,
        event: values('event')[0]!, components: values('component') };
    }));
  }

  /** Expected members of each defined event and of each generated group. */
  function expectedGroups(): Map<string, Expected[]> {
    const groups = new Map<string, Expected[]>();
    for (const a of expected) groups.set(a.expect, [...(groups.get(a.expect) ?? []), a]);
    return groups;
  }

  describe('events', () => {
    it('lists every event on the home page, newest first, with report counts per language; generated ones unreviewed', async () => {
      const items = await timeline();
      const dates = items.map((i) => i.date ?? '');
      expect(dates).toEqual([...dates].sort().reverse());
      const groups = expectedGroups();
      const defined = [...groups.keys()].filter((k) => !k.startsWith('group:'));
      const generated = [...groups.keys()].filter((k) => k.startsWith('group:'));
      // Every defined event, plus one generated event per group.
      expect(items.filter((i) => !i.unreviewed).map((i) => i.slug).sort()).toEqual(defined.sort());
      expect(items.filter((i) => i.unreviewed)).toHaveLength(generated.length);
      for (const slug of defined) {
        const members = [...groups.get(slug)!];
        const count = (l: string) => members.filter((m) => m.lang === l).length;
        const item = items.find((i) => i.slug === slug)!;
        expect(item.meta, slug).toContain(`${count('ru')} ${uk['lang.ru']}, ${count('uk')} ${uk['lang.uk']}`);
        expect(item.meta, slug).toContain(uk['home.reports'].replace('{count}', String(members.length)));
      }
      for (const item of items.filter((i) => i.unreviewed)) expect(item.meta).toContain(uk['event.generated']);
    });

    it('puts each article on the page of the defined event the fixtures expect', async () => {
      const groups = expectedGroups();
      const got: Record<string, string[]> = {};
      const want: Record<string, string[]> = {};
      for (const [slug, members] of groups) {
        if (slug.startsWith('group:')) continue;
        got[slug] = await reportsOf(slug);
        want[slug] = members.map((m) => m.id).sort();
      }
      expect(got).toEqual(want);
    });

    it('groups the stories no event defines into one unreviewed event each, with no other article', async () => {
      const items = await timeline();
      const got: string[][] = [];
      for (const item of items.filter((i) => i.unreviewed)) {
        expect((await readPage(site.outDir, `events/${item.slug}`)).$('main .badge.unreviewed'), item.slug).toBeDefined();
        got.push(await reportsOf(item.slug));
      }
      const want = [...expectedGroups()].filter(([k]) => k.startsWith('group:')).map(([, m]) => m.map((a) => a.id).sort());
      expect(got.sort()).toEqual(want.sort());
    });

    it('keeps look-alikes apart: the September meeting, the Washington talks, the football match and the Paris Club deal', async () => {
      const summit = await reportsOf(SUMMIT);
      for (const id of ['b01-paris-september-ru', 'b02-paris-september-uk', 'b03-paris-september-ru-undated',
        'c01-washington-uk', 'c02-washington-ru', 'c03-washington-preview-ru',
        'd01-football-ru', 'd02-football-uk', 'e01-debt-ru', 'e02-debt-uk']) {
        expect(summit, id).not.toContain(id);
      }
    });

    it('never lets the Paris Club story from Paris on the summit day join the summit', async () => {
      // Its text says "гарантии безопасности инвестиций": the summit's common title words must not be enough.
      expect(await reportsOf(SUMMIT)).not.toContain('e03-debt-paris-ru');
    });

    it('links every event page to the older and the newer event, in timeline order', async () => {
      const order = (await timeline()).map((i) => i.slug);
      const page = await open(`events/${order[0]}/`);
      const walk = async (rel: 'prev' | 'next') => {
        const seen = [page.url().split('/').filter(Boolean).at(-1)!];
        for (let link = page.locator(`a[rel=${rel}]`); (await link.count()) > 0; link = page.locator(`a[rel=${rel}]`)) {
          await Promise.all([page.waitForURL((u) => !u.pathname.endsWith(`/${seen.at(-1)}/`)), link.click()]);
          seen.push(page.url().split('/').filter(Boolean).at(-1)!);
          if (seen.length > order.length) break;
        }
        return seen;
      };
      expect(await walk('prev')).toEqual(order);
      expect(await walk('next')).toEqual([...order].reverse());
      await page.close();
    });
  });

  describe('bilingual view', () => {
    it('says that an event is reported in one language only, instead of showing an empty column', async () => {
      const page = await open(`events/${ONE_LANGUAGE}/sources/`);
      const note = uk['sources.onlyOne'].replace('{lang}', uk['lang.uk.name']);
      expect(await page.locator('.note').textContent()).toBe(note);
      expect(await page.locator('.bilingual .col-head').allTextContents()).toEqual([uk['lang.uk.name']]);
      expect(await page.locator('.bilingual .empty').count()).toBe(0);
      expect(await page.locator('.bilingual .cell a[lang=ru]').count()).toBe(0);
      // Every sentence of both reports is there.
      const linked = new Set((await page.$$eval('.bilingual .cell a', (as) => as.map((a) => (a as HTMLAnchorElement).pathname))).map(articleId));
      expect([...linked].sort()).toEqual(['g01-kyiv-energy-uk', 'g02-kyiv-energy-uk']);
      await page.close();
      const both = await open(`events/${SUMMIT}/sources/`);
      expect(await both.locator('.bilingual .col-head').count()).toBe(2);
      expect(await both.locator('.note').count()).toBe(0);
      await both.close();
    });

    it('has a page per component whose rows link to the very sentence in its article', async () => {
      let checked = 0;
      for (const event of exported.filter((e) => e.components.length > 0)) {
        const page = await open(`events/${event.slug}/sources/`);
        const filters = await page.$$eval('nav.filter a', (as) => as.map((a) => (a as HTMLAnchorElement).pathname));
        await page.close();
        expect(filters.slice(1)).toEqual(event.components.map((c) => `${BASE}events/${event.slug}/sources/${c.id}/`));
        for (const c of event.components) {
          const html = await readPage(site.outDir, `events/${event.slug}/sources/${c.id}`);
          expect(html.$$('.row-head').map((h) => h.properties?.id)).toEqual([`row-${c.id}`]);
          const links = html.$$('.bilingual .cell a[lang]');
          // The component's row holds a sentence of every report that supports it.
          const articles = new Set(links.map((a) => articleId(String(a.properties?.href).split('#')[0]!)));
          for (const e of c.evidence) expect(articles, `${event.slug}/${c.id}`).toContain(e.article);
          for (const a of links) {
            const [path, anchor] = String(a.properties?.href).split('#');
            const article = await readPage(site.outDir, path!.replace(BASE, ''));
            const target = article.$(`[id="${anchor}"]`);
            expect(target, `${path}#${anchor}`).toBeDefined();
            const text = html.text(a);
            // A sentence shown in another row is shortened to 80 characters and '…'.
            if (text.endsWith('…') && html.$$('.ref a[lang]').includes(a)) expect(article.text(target!).startsWith(text.slice(0, -1))).toBe(true);
            else expect(article.text(target!)).toBe(text);
            checked += 1;
          }
        }
      }
      expect(checked).toBeGreaterThan(20);
    });

    it('follows a row link in the browser to the same sentence in the article', async () => {
      const page = await open(`events/${SUMMIT}/sources/coordination-group/`);
      const link = page.locator('.bilingual .cell p:not(.ref) a[lang=ru]').first();
      const text = await link.textContent();
      await Promise.all([page.waitForURL(/\/articles\/.+#/), link.click()]);
      const hash = new URL(page.url()).hash.slice(1);
      expect(await page.locator(`[id="${hash}"]`).textContent()).toBe(text);
      // The target is the sentence the reader lands on (the :target the CSS highlights).
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(hash);
      await page.close();
    });
  });

  describe('search', () => {
    /**
     * Result article ids of a search typed into an open search page (the menus set first): no reload per
     * query. The status is cleared first, so the wait ends on this query's own result count.
     */
    async function search(page: Page, query: string, filters: Record<string, string> = {}): Promise<string[]> {
      await page.waitForSelector('#search[data-ready]');
      await page.evaluate(({ query, filters }) => {
        const form = document.getElementById('search') as HTMLFormElement;
        for (const select of form.querySelectorAll<HTMLSelectElement>('select[data-filter]')) select.value = filters[select.dataset.filter!] ?? '';
        document.getElementById('search-status')!.textContent = '';
        const input = form.elements.namedItem('q') as HTMLInputElement;
        input.value = query;
        form.requestSubmit();
      }, { query, filters });
      await page.waitForFunction(() => {
        const status = document.getElementById('search-status')?.textContent ?? '';
        return status !== '' && !status.endsWith('…');
      });
      return (await allResults(page)).map(articleId);
    }

    it('finds what the query set expects, in both languages and across them (recall table)', async () => {
      const sets = parse(await readFile(join(FIXTURE, 'queries.yaml'), 'utf8')) as Record<'ru' | 'uk', Query[]> & { limits: (Query & { lang: 'ru' | 'uk' })[] };
      expect(sets.ru.length).toBeGreaterThanOrEqual(8);
      expect(sets.uk.length).toBeGreaterThanOrEqual(8);
      const langOf = new Map(exported.flatMap((e) => e.articles.map((a) => [a.id, a.lang] as const)));
      const page = await open('search/');
      const rows: { lang: string; kind: string; query: string; recall: number; found: string; results: number; missing: string }[] = [];
      const crossMisses: string[] = [];
      let found = 0;
      let total = 0;
      const tagged = (component: string) => exported.flatMap((e) => e.components.filter((c) => c.id === component).flatMap((c) => c.evidence.map((x) => x.article)));
      for (const lang of ['ru', 'uk'] as const) {
        for (const query of sets[lang]) {
          query.expect = [...new Set([...query.expect, ...(query.tagged ? tagged(query.tagged) : [])])];
          expect(query.expect.length, query.q).toBeGreaterThan(0);
          const results = await search(page, query.q);
          const hits = query.expect.filter((id) => results.includes(id));
          found += hits.length;
          total += query.expect.length;
          rows.push({
            lang, kind: query.kind, query: query.q, recall: Number((hits.length / query.expect.length).toFixed(2)),
            found: `${hits.length}/${query.expect.length}`, results: results.length,
            missing: query.expect.filter((id) => !results.includes(id)).join(' '),
          });
          if (query.cross && !hits.some((id) => langOf.get(id) !== lang)) crossMisses.push(query.q);
        }
      }
      // Known limits (see queries.yaml): reported, and each still finds the reports in its own language.
      const limits: string[] = [];
      for (const query of sets.limits) {
        const results = await search(page, query.q);
        const hits = query.expect.filter((id) => results.includes(id));
        limits.push(`${query.q}: ${hits.length}/${query.expect.length} of ${results.length} results`);
        expect(hits.filter((id) => langOf.get(id) === query.lang), query.q).toEqual(query.expect.filter((id) => langOf.get(id) === query.lang));
      }
      await page.close();
      const overall = found / total;
      console.table(rows);
      console.log(`known limits (not in the floor): ${limits.join(', ')}`);
      console.log(`search recall: overall ${overall.toFixed(3)} (${found}/${total}), cross-language queries without a hit in the other language: ${crossMisses.length}`);
      // Measured 1.0 on this set; a lost stemming, prefix or hidden-text feature drops it below.
      expect(overall).toBeGreaterThanOrEqual(0.95);
      for (const row of rows) expect(row.recall, `${row.lang} ${row.query}`).toBeGreaterThanOrEqual(0.75);
      expect(crossMisses).toEqual([]);
    }, 180_000); // many queries, each paging through all its results

    it('narrows results with each filter: language, event, component, outlet', async () => {
      const page = await open('search/');
      const all = [
        ...exported.flatMap((e) => e.articles.map((a) => ({
          id: a.id, lang: a.lang, outlet: a.outlet,
          event: e.title.uk,
          components: e.components.filter((c) => c.evidence.some((x) => x.article === a.id)).map((c) => c.label.uk),
        }))),
        ...(await unplacedArticles()),
      ];
      const cases: [string, string, (a: (typeof all)[number]) => boolean][] = [
        ['lang', uk['lang.uk.name'], (a) => a.lang === 'uk'],
        ['lang', uk['lang.ru.name'], (a) => a.lang === 'ru'],
        ['event', exported.find((e) => e.slug === SUMMIT)!.title.uk, (a) => a.event === exported.find((e) => e.slug === SUMMIT)!.title.uk],
        ['event', exported.find((e) => e.slug === '2026-02-05-washington-talks')!.title.uk, (a) => a.event.includes('Вашингтон')],
        ['event', uk['unplaced.label'], (a) => a.event === uk['unplaced.label']],
        ['component', 'Координаційна група США – Україна – Коаліція', (a) => a.components.includes('Координаційна група США – Україна – Коаліція')],
        ['component', 'Довгострокова підтримка Збройних сил України', (a) => a.components.includes('Довгострокова підтримка Збройних сил України')],
        ['outlet', 'РБК-Украина', (a) => a.outlet === 'РБК-Украина'],
        ['outlet', 'Укрінформ', (a) => a.outlet === 'Укрінформ'],
      ];
      // A broad query (every summit report and most others say Украина / Україна) and no query at all.
      for (const query of ['Україна', '']) {
        const unfiltered = query ? await search(page, query) : all.map((a) => a.id);
        for (const [name, value, keep] of cases) {
          const filtered = await search(page, query, { [name]: value });
          const want = unfiltered.filter((id) => keep(all.find((a) => a.id === id)!));
          expect(want.length, `${name}=${value} "${query}" has something to find`).toBeGreaterThan(0);
          expect(filtered.sort(), `${name}=${value} "${query}"`).toEqual(want.sort());
          // The menu shows the chosen value.
          expect(await page.locator(`select[data-filter=${name}]`).inputValue()).toBe(value);
        }
      }
      await page.close();
    }, 180_000); // many queries, each paging through all its results

    it('finds the articles no event holds, by their words and by the "not placed" event filter', async () => {
      const unplaced = await unplacedArticles();
      expect(unplaced.map((a) => a.id).sort()).toEqual(['u01-grain-ports-ru', 'u02-demining-uk']);
      const page = await open('search/');
      expect(await search(page, 'дунайские')).toContain('u01-grain-ports-ru');
      expect(await search(page, 'розмінування')).toContain('u02-demining-uk');
      expect((await search(page, '', { event: uk['unplaced.label'] })).sort()).toEqual(['u01-grain-ports-ru', 'u02-demining-uk']);
      // The result names no event, but says it is in none.
      await search(page, 'розмінування', { event: uk['unplaced.label'] });
      expect(await page.locator('#search-results li .meta .event').allTextContents()).toEqual([uk['unplaced.label']]);
      await page.close();
    });

    it('has no accessibility violations on the list of articles in no event and on their pages (axe-core)', async () => {
      for (const path of ['unplaced/', 'articles/u01-grain-ports-ru/']) {
        const page = await open(path);
        await page.addScriptTag({ content: await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8') });
        const violations = await page.evaluate(async () => {
          const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run();
          return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
        });
        expect(violations, path).toEqual([]);
        await page.close();
      }
    });

    it('shows language, event and date of each result, in the interface language (uk)', async () => {
      const page = await open(`search/?q=${encodeURIComponent('Віткофф')}`);
      await page.waitForSelector('#search-results li');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('uk');
      expect(await page.locator('label', { hasText: uk['search.label'] }).count()).toBe(1);
      expect(await page.locator('#search-status').textContent()).toMatch(new RegExp(`^${uk['search.results'].replace('{count}', '\\d+')}$`));
      const items = await page.$$eval('#search-results li', (lis) => lis.map((li) => ({
        id: (li.querySelector('a') as HTMLAnchorElement).pathname,
        lang: li.querySelector('.meta .lang')?.textContent,
        event: li.querySelector('.meta .event')?.textContent,
        date: li.querySelector('.meta time')?.getAttribute('datetime'),
        dateText: li.querySelector('.meta time')?.textContent,
      })));
      expect(items.length).toBeGreaterThan(3);
      for (const item of items) {
        const id = articleId(item.id);
        const event = exported.find((e) => e.articles.some((a) => a.id === id))!;
        const article = event.articles.find((a) => a.id === id)!;
        expect(item.lang).toBe(uk[`lang.${article.lang}.name`]);
        expect(item.event).toBe(event.title.uk);
        expect(item.date).toBe(article.date);
        // "4 лютого 2026 р.": day, Ukrainian month name, year.
        expect(item.dateText).toMatch(/^\d{1,2} [а-яіїєґ]+ \d{4}/);
      }
      await page.close();
    });

    it('works with the keyboard: type, move through results with the arrows, Escape back, open with Enter', async () => {
      const page = await open('search/');
      await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'q');
      await page.keyboard.type('Зеленський');
      await page.waitForFunction(() => document.querySelectorAll('#search-results a').length >= 3);
      // Each letter may start a search of its own (a busy machine lets the debounce lapse between keys), and
      // a later one redraws the list, taking the focus from a result: wait until the list stays as it is.
      await page.evaluate(() => new Promise<void>((resolve) => {
        let timer: ReturnType<typeof setTimeout>;
        const observer = new MutationObserver(() => quiet());
        const quiet = () => {
          clearTimeout(timer);
          timer = setTimeout(() => { observer.disconnect(); resolve(); }, 750);
        };
        observer.observe(document.getElementById('search-results')!, { childList: true });
        quiet();
      }));
      const focused = () => page.evaluate(() => (document.activeElement as HTMLAnchorElement | HTMLInputElement).getAttribute('href') ?? (document.activeElement as HTMLInputElement).name);
      const links = await page.$$eval('#search-results a', (as) => as.map((a) => a.getAttribute('href')));
      await page.keyboard.press('ArrowDown');
      expect(await focused()).toBe(links[0]);
      await page.keyboard.press('ArrowDown');
      expect(await focused()).toBe(links[1]);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      expect(await focused()).toBe('q');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Escape');
      expect(await focused()).toBe('q');
      // Tab reaches the language filter; choosing a value with the keyboard narrows the results.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).dataset.filter)).toBe('lang');
      // Options are sorted: any, Російська, Українська.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await page.locator('select[data-filter=lang]').inputValue()).toBe(uk['lang.uk.name']);
      await page.waitForFunction(() => new URL(location.href).searchParams.has('lang'));
      await page.waitForFunction((n) => document.querySelectorAll('#search-results a').length < n, links.length);
      const langs = await page.$$eval('#search-results a', (as) => as.map((a) => a.getAttribute('lang')));
      expect(new Set(langs)).toEqual(new Set(['uk']));
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('ArrowDown');
      const first = await focused();
      await Promise.all([page.waitForURL((u) => u.pathname === first), page.keyboard.press('Enter')]);
      await page.close();
    });

    it('indexes the hidden cross-language text, which stays out of the page and the accessibility tree', async () => {
      // "Volodymyr" and "Witkoff" (English labels) are written only in the hidden search text.
      const page = await open('search/');
      expect((await search(page, 'Volodymyr')).length).toBeGreaterThanOrEqual(4);
      expect(await search(page, 'Witkoff')).toContain('c01-washington-uk');
      await page.goto(`${server.url}articles/c01-washington-uk/`);
      const hidden = page.locator('[data-pagefind-weight]');
      expect(await hidden.textContent()).toContain('Steve Witkoff');
      expect(await hidden.isVisible()).toBe(false);
      expect(await page.locator('body').innerText()).not.toContain('Steve Witkoff');
      expect(await page.locator('body').ariaSnapshot()).not.toContain('Witkoff');
      await page.close();
    });

    it('loads everything from under /briefing/ and logs no console errors', async () => {
      const before = server.log.length;
      const page = await open(`search/?q=${encodeURIComponent('гарантии')}`);
      await page.waitForSelector('#search-results li');
      await page.close();
      const requests = server.log.slice(before);
      expect(requests.some((r) => r.path.startsWith(`${BASE}pagefind/`))).toBe(true);
      expect(requests.filter((r) => r.status !== 200 || !r.path.startsWith(BASE))).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });
  });
});
