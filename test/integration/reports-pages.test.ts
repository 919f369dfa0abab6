/**
 * A big event's reports in pages (src/reports.ts, REPORTS_PAGE_SIZE): the five seeds built under a sub-path with
 * two reports a page (BRIEFING_REPORTS_PAGE_SIZE), so the summit's five reports make a reports view of three
 * pages and its event page shows only the first two.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectAll } from 'hast-util-select';
import { attr, pagesOf as pagesOfView, readPage } from '../helpers/html.ts';
import { prepareSite, ROOT, runScript, type FixtureSite } from '../helpers/site.ts';
import uk from '../../src/translations/uk.json' with { type: 'json' };

const BASE = '/briefing/';
const PAGE_SIZE = 2;
interface ExportedEvent {
  slug: string;
  articles: { id: string }[];
  components: { id: string; evidence: { article: string; status: string }[] }[];
}
let site: FixtureSite;
let event: ExportedEvent;
let view: string;

beforeAll(async () => {
  site = await prepareSite('reports-pages', [join(ROOT, 'seeds')]);
  const run = await runScript('build.ts', site, [], { BRIEFING_BASE: BASE, BRIEFING_REPORTS_PAGE_SIZE: String(PAGE_SIZE) });
  if (run.code !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  const data = JSON.parse(await readFile(join(site.outDir, 'data/events.json'), 'utf8')) as { events: ExportedEvent[] };
  event = data.events.find((e) => e.articles.length > PAGE_SIZE * 2)!;
  view = `events/${event.slug}/reports/`;
});

const pathOf = (href: string) => {
  expect(href.startsWith(BASE) && href.endsWith('/'), href).toBe(true);
  return href.slice(BASE.length);
};

/** Every page of the reports view, in order. */
const pagesOf = (first: string) => pagesOfView(site.outDir, first, pathOf);

describe('an event with more reports than a page', () => {
  it('shows the first page of reports on the event page, in the table and the list, and links to all of them', async () => {
    const page = await readPage(site.outDir, `events/${event.slug}`);
    const first = event.articles.slice(0, PAGE_SIZE).map((a) => `articles/${a.id}/`);
    const rows = page.$$('section[aria-labelledby=matrix] tbody tr th a').map((a) => pathOf(attr(a, 'href')!));
    const listed = page.$$('section[aria-labelledby=reports] li > a').map((a) => pathOf(attr(a, 'href')!));
    expect(rows).toEqual(first);
    expect(listed).toEqual(first);
    for (const section of ['matrix', 'reports']) {
      const more = page.$$(`section[aria-labelledby=${section}] a`).filter((a) => attr(a, 'href') === `${BASE}${view}`);
      expect(more.length, section).toBe(1);
      expect(page.text(page.$(`section[aria-labelledby=${section}]`)!)).toContain(
        uk['event.reports.first'].replace('{shown}', String(PAGE_SIZE)).replace('{count}', String(event.articles.length)),
      );
    }
  });

  it('lists every report once, in the event order, numbered, at reports/ and reports/page/<n>/', async () => {
    const pages = await pagesOf(view);
    expect(pages.map((p) => p.path)).toEqual(
      Array.from({ length: Math.ceil(event.articles.length / PAGE_SIZE) }, (_, i) => (i === 0 ? view : `${view}page/${i + 1}/`)),
    );
    const shown = pages.flatMap(({ page }) => page.$$('tbody tr th a').map((a) => ({ path: pathOf(attr(a, 'href')!), text: page.text(a) })));
    expect(shown.map((r) => r.path)).toEqual(event.articles.map((a) => `articles/${a.id}/`));
    shown.forEach((r, i) => expect(r.text.startsWith(`${i + 1}. `), r.text).toBe(true));
    for (const { path, page } of pages) {
      expect(page.$$('tbody tr').length, path).toBeLessThanOrEqual(PAGE_SIZE);
      expect(page.$$('nav.pages').length, path).toBe(1);
      expect(page.$$('nav.pages a[aria-current=page]').map((a) => pathOf(attr(a, 'href')!))).toEqual([path]);
      for (const a of [...page.$$('nav.pages a'), ...page.$$('.pages-end a')]) {
        expect(existsSync(join(site.outDir, pathOf(attr(a, 'href')!), 'index.html')), attr(a, 'href')).toBe(true);
      }
      // Not searchable: only article pages carry data-pagefind-body.
      expect(page.html, path).not.toContain('data-pagefind-body');
    }
  });

  it('gives each report the status of each component it reports, and a dash where it reports none', async () => {
    let cells = 0;
    for (const { page } of await pagesOf(view)) {
      const columns = page.$$('thead th a').map((a) => attr(a, 'href')!.split('#c-')[1]!);
      expect(columns).toEqual(event.components.map((c) => c.id));
      for (const tr of page.$$('tbody tr')) {
        const id = pathOf(attr(selectAll('th a', tr)[0], 'href')!).split('/')[1]!;
        selectAll('td', tr).forEach((td, i) => {
          const status = event.components[i]!.evidence.find((e) => e.article === id)?.status;
          expect(page.text(td).trim(), `${id} × ${columns[i]}`).toBe(status ? uk[`status.${status}` as keyof typeof uk] : uk['event.matrix.none']);
          cells += 1;
        });
      }
    }
    expect(cells).toBe(event.articles.length * event.components.length);
  });
});
