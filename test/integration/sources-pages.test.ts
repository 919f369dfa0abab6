/**
 * The bilingual view in pages (src/lib/paginate.ts, src/sources.ts): the five seeds built under a sub-path with a
 * page budget of a few sentences (BRIEFING_SOURCES_PAGE_SIZE), so the summit's view, and some of its component
 * views, need several pages and one component row is longer than a page.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { select, selectAll } from 'hast-util-select';
import { attr, pagesOf as pagesOfView, readPage, type Page } from '../helpers/html.ts';
import { prepareSite, ROOT, runScript, type FixtureSite } from '../helpers/site.ts';
import uk from '../../src/translations/uk.json' with { type: 'json' };

const BASE = '/briefing/';
const EVENT = '2026-01-06-paris-coalition-summit';
const BUDGET = 8;
const VIEW = `events/${EVENT}/sources/`;
let site: FixtureSite;
let components: string[];

beforeAll(async () => {
  site = await prepareSite('sources-pages', [join(ROOT, 'seeds')]);
  const run = await runScript('build.ts', site, [], { BRIEFING_BASE: BASE, BRIEFING_SOURCES_PAGE_SIZE: String(BUDGET) });
  if (run.code !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  const data = JSON.parse(await readFile(join(site.outDir, 'data/events.json'), 'utf8'));
  components = data.events[0].components.map((c: { id: string }) => c.id);
});

/** A link of the site as the path of its page below the output folder, and its fragment. */
function target(href: string, from: string): { path: string; anchor: string | undefined } {
  const [path, anchor] = href.split('#');
  if (path === '') return { path: from, anchor };
  expect(path!.startsWith(BASE) && path!.endsWith('/'), href).toBe(true);
  return { path: path!.slice(BASE.length), anchor };
}

/** Every page of a view (`VIEW` or a component's), in order. */
const pagesOf = (first: string) => pagesOfView(site.outDir, first, (href, from) => target(href, from).path);

/** Entries shown on a page: sentences, and references to a sentence shown in another row. */
const entries = (page: Page) => page.$$('.bilingual .cell > p');

describe('the bilingual view in pages of a few sentences', () => {
  it('keeps page 1 at sources/ and puts the next pages at sources/page/2/ …, each within the budget', async () => {
    const pages = await pagesOf(VIEW);
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.map((p) => p.path)).toEqual(pages.map((_, i) => (i === 0 ? VIEW : `${VIEW}page/${i + 1}/`)));
    expect((await readdir(join(site.outDir, VIEW, 'page'))).sort()).toEqual(pages.slice(1).map((_, i) => String(i + 2)).sort());
    for (const { path, page } of pages) {
      expect(entries(page).length, path).toBeGreaterThan(0);
      expect(entries(page).length, path).toBeLessThanOrEqual(BUDGET);
      // Ids stay unique on a page: a split row's head (and anchor) is on its first page only.
      const ids = page.$$('[id]').map((e) => attr(e, 'id'));
      expect(new Set(ids).size, path).toBe(ids.length);
      // Not searchable: only article pages carry data-pagefind-body.
      expect(page.html, path).not.toContain('data-pagefind-body');
    }
    // The title says which page it is.
    expect(pages[1]!.page.text(pages[1]!.page.$('title')!)).toContain(uk['sources.pageOf'].replace('{page}', '2').replace('{count}', String(pages.length)));
  });

  it('shows every sentence of every report of the event once, as a whole, across the pages', async () => {
    const shown = (await pagesOf(VIEW)).flatMap(({ page }) =>
      page.$$('.bilingual .cell > p:not(.ref) > a[lang]').map((a) => attr(a, 'href')!.slice(BASE.length)),
    );
    const event = await readPage(site.outDir, `events/${EVENT}`);
    const expected: string[] = [];
    for (const a of event.$$('section[aria-labelledby=reports] li > a')) {
      const path = attr(a, 'href')!.slice(BASE.length);
      const article = await readPage(site.outDir, path);
      for (const s of article.$$('.article-body [id]')) {
        if (/^s\d+-\d+$/.test(attr(s, 'id')!)) expected.push(`${path}#${attr(s, 'id')}`);
      }
    }
    expect(expected.length).toBeGreaterThan(BUDGET * 3);
    expect([...shown].sort()).toEqual([...expected].sort());
  });

  it('has one pager per page: previous, numbers and next, aria-current on this page, every link to a page that exists', async () => {
    const pages = await pagesOf(VIEW);
    for (const [i, { path, page }] of pages.entries()) {
      const navs = page.$$('nav.pages');
      expect(navs.length, path).toBe(1);
      expect(attr(navs[0], 'ariaLabel')).toBe(uk['sources.pages']);
      const current = selectAll('a[aria-current=page]', navs[0]!);
      expect(current.map((a) => target(attr(a, 'href')!, path).path)).toEqual([path]);
      expect(page.text(current[0]!)).toContain(String(i + 1));
      expect(select('a[rel=prev]', navs[0]!) !== undefined).toBe(i > 0);
      expect(select('a[rel=next]', navs[0]!) !== undefined).toBe(i < pages.length - 1);
      for (const a of [...selectAll('a', navs[0]!), ...page.$$('.pages-end a')]) {
        const link = target(attr(a, 'href')!, path);
        expect(existsSync(join(site.outDir, link.path, 'index.html')), attr(a, 'href')).toBe(true);
      }
    }
    // Numbered links reach every page from the first and the last (the pager shows the ends and the neighbours).
    expect(pages.length).toBeGreaterThan(1);
  });

  it('links each component card of the event page to its row, on the page holding that row', async () => {
    const event = await readPage(site.outDir, `events/${EVENT}`);
    const links = event.$$('section[aria-labelledby=components] li.card a').filter((a) => attr(a, 'href')!.includes('#row-'));
    expect(links.map((a) => attr(a, 'href')!.split('#row-')[1]).sort()).toEqual([...components].sort());
    const pagesReached = new Set<string>();
    for (const a of links) {
      const { path, anchor } = target(attr(a, 'href')!, '');
      expect(path.startsWith(VIEW), path).toBe(true);
      const page = await readPage(site.outDir, path);
      const head = page.$(`[id="${anchor}"]`);
      expect(head, attr(a, 'href')).toBeDefined();
      expect(attr(head, 'className')).toBe('row-head');
      pagesReached.add(path);
    }
    // The rows are spread over pages: some link leads past page 1.
    expect([...pagesReached].some((p) => p.includes('/page/'))).toBe(true);
  });

  it('links a sentence shown in another row to that row, on the page holding it', async () => {
    let checked = 0;
    const views = [VIEW, ...components.map((c) => `${VIEW}${c}/`)];
    for (const view of views) {
      for (const { path, page } of await pagesOf(view)) {
        for (const a of page.$$('.bilingual .ref > a:not([lang])')) {
          const { path: to, anchor } = target(attr(a, 'href')!, path);
          const holder = to === path ? page : await readPage(site.outDir, to);
          expect(holder.$(`[id="${anchor}"]`), `${path} → ${attr(a, 'href')}`).toBeDefined();
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('pages a component view too: a row longer than a page goes on, marked as continued, on the next pages', async () => {
    let split = 0;
    for (const c of components) {
      const pages = await pagesOf(`${VIEW}${c}/`);
      if (pages.length === 1) {
        // One page: no pager at all.
        expect(pages[0]!.page.$$('nav.pages, .pages-end')).toEqual([]);
        continue;
      }
      split += 1;
      expect(pages[1]!.path).toBe(`${VIEW}${c}/page/2/`);
      for (const [i, { path, page }] of pages.entries()) {
        expect(entries(page).length, path).toBeLessThanOrEqual(BUDGET);
        const heads = page.$$('.bilingual .row-head');
        expect(heads.length, path).toBe(1);
        expect(attr(heads[0], 'id')).toBe(i === 0 ? `row-${c}` : undefined);
        expect(page.text(heads[0]!).includes(uk['sources.continued'])).toBe(i > 0);
        // The filter marks this component's view as the current one on every page.
        const currentFilter = page.$$('nav.filter a[aria-current]').map((a) => target(attr(a, 'href')!, path).path);
        expect(currentFilter).toEqual([`${VIEW}${c}/`]);
      }
    }
    expect(split).toBeGreaterThan(0);
  });
});
