import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignBilingual, filterByComponent } from '../../src/lib/align.ts';
import {
  anchorPages,
  firstOf,
  pageCount,
  pageItems,
  pagerItems,
  paginateAlignment,
  parsePageSize,
  REPORTS_PAGE_SIZE,
  reportsPath,
  rowAnchor,
  rowSize,
  SOURCES_PAGE_SIZE,
  sourcesPath,
  tally,
  type AlignmentPage,
} from '../../src/lib/paginate.ts';
import type { AlignArticle, AlignedRow, Alignment, Lang, SentenceRef } from '../../src/lib/types.ts';
import { loadSeedArticles } from '../fixtures/align/seeds.ts';
import { COMPONENTS, reportsArb, toAlignArticles } from '../fixtures/align/random.ts';

const ref = (article: string, n: number): SentenceRef => ({ article, sentence: `s1-${n}`, text: `${article} ${n}`, components: [] });
const refs = (article: string, count: number): SentenceRef[] => Array.from({ length: count }, (_, i) => ref(article, i + 1));
const row = (component: string | null, ru: number, uk: number, name = component ?? 'x'): AlignedRow => ({
  component,
  ru: refs(`${name}-ru`, ru),
  uk: refs(`${name}-uk`, uk),
  score: 0,
});
const view = (...rows: AlignedRow[]): Alignment => ({ rows, languages: ['ru', 'uk'] });
/** A page as the sizes of its rows, `+` marking a continued page. */
const shape = (pages: AlignmentPage[]): string[] =>
  pages.map((p) => `${p.continued ? '+' : ''}${p.rows.map((r) => `${r.component ?? '·'}${r.ru.length}/${r.uk.length}`).join(' ')}`);

describe('paginateAlignment', () => {
  it('keeps a view that fits on one page as it is', () => {
    const alignment = view(row('a', 2, 1), row(null, 1, 1), row(null, 1, 0));
    const pages = paginateAlignment(alignment, SOURCES_PAGE_SIZE);
    expect(pages).toEqual([{ rows: alignment.rows, languages: ['ru', 'uk'], number: 1, continued: false }]);
    expect(pages[0]?.rows[0]).toBe(alignment.rows[0]);
  });

  it('starts a new page with the first row that does not fit, never splitting it', () => {
    const pages = paginateAlignment(view(row('a', 2, 2), row('b', 1, 1), row(null, 1, 1), row(null, 1, 1), row(null, 0, 1)), 6);
    expect(shape(pages)).toEqual(['a2/2 b1/1', '·1/1 ·1/1 ·0/1']);
    expect(pages.map((p) => p.number)).toEqual([1, 2]);
  });

  it('marks a page that goes on with the untagged rows of the page before', () => {
    const pages = paginateAlignment(view(row('a', 2, 1), row(null, 1, 1), row(null, 1, 1), row(null, 1, 1)), 4);
    expect(shape(pages)).toEqual(['a2/1', '·1/1 ·1/1', '+·1/1']);
  });

  it('splits only a row that alone exceeds the budget: it starts a page, in full pieces, ru and uk side by side', () => {
    const pages = paginateAlignment(view(row('a', 1, 0), row('b', 7, 3), row('c', 1, 1), row(null, 1, 1)), 4);
    expect(shape(pages)).toEqual(['a1/0', 'b2/2', '+b3/1', '+b2/0 c1/1', '·1/1']);
  });

  it('fills a piece from the other language when one runs short, keeping each column in order', () => {
    const big = row('a', 1, 9);
    const pages = paginateAlignment(view(big), 4);
    expect(shape(pages)).toEqual(['a1/3', '+a0/4', '+a0/2']);
    expect(pages.flatMap((p) => p.rows.flatMap((r) => r.uk))).toEqual(big.uk);
  });

  it('splits even a pair of untagged sentences when the budget is one sentence', () => {
    const pages = paginateAlignment(view(row('a', 1, 0), row(null, 1, 1)), 1);
    expect(shape(pages)).toEqual(['a1/0', '·1/0', '+·0/1']);
  });

  it('gives an empty view one empty page, and refuses a budget below one', () => {
    expect(paginateAlignment(view(), 10)).toEqual([{ rows: [], languages: ['ru', 'uk'], number: 1, continued: false }]);
    expect(() => paginateAlignment(view(row('a', 1, 1)), 0)).toThrow(RangeError);
    expect(() => paginateAlignment(view(row('a', 1, 1)), 2.5)).toThrow(RangeError);
  });

  it('paginates a component view (one row) in pieces', () => {
    const alignment = view(row('a', 3, 3), row('b', 5, 6), row(null, 1, 1));
    expect(shape(paginateAlignment(filterByComponent(alignment, 'b'), 5))).toEqual(['b3/2', '+b2/3', '+b0/1']);
  });

  it('pages the five seeds: every sentence once, no page over budget', () => {
    const articles = loadSeedArticles();
    const alignment = alignBilingual(articles, []);
    const total = alignment.rows.reduce((sum, r) => sum + rowSize(r), 0);
    const pages = paginateAlignment(alignment, 10);
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(total / 10));
    expect(pages.every((p) => p.rows.reduce((sum, r) => sum + rowSize(r), 0) <= 10)).toBe(true);
    expect(pages.flatMap((p) => p.rows.flatMap((r) => [...r.ru, ...r.uk])).length).toBe(total);
  });
});

describe('anchorPages', () => {
  it('names the page on which each row head stands, not the pages its later pieces go on to', () => {
    const pages = paginateAlignment(view(row('a', 1, 0), row('b', 7, 3), row('c', 1, 1), row(null, 1, 1), row(null, 1, 1)), 4);
    expect(Object.fromEntries(anchorPages(pages))).toEqual({ 'row-a': 1, 'row-b': 2, 'row-c': 4, 'row-other': 5 });
  });
});

describe('sourcesPath', () => {
  it('keeps page 1 where the view always was and puts later pages below it, with trailing slashes', () => {
    expect(sourcesPath('e', null)).toBe('events/e/sources/');
    expect(sourcesPath('e', null, 1)).toBe('events/e/sources/');
    expect(sourcesPath('e', null, 3)).toBe('events/e/sources/page/3/');
    expect(sourcesPath('e', 'coordination-group')).toBe('events/e/sources/coordination-group/');
    expect(sourcesPath('e', 'coordination-group', 2)).toBe('events/e/sources/coordination-group/page/2/');
  });
});

describe('pagerItems', () => {
  it('shows every number of a short view', () => {
    expect(pagerItems(1, 1)).toEqual([1]);
    expect(pagerItems(3, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('shows the first, the last and the neighbours of the current page of a long view, with gaps', () => {
    expect(pagerItems(1, 75)).toEqual([1, 2, 3, 'gap', 75]);
    expect(pagerItems(40, 75)).toEqual([1, 'gap', 38, 39, 40, 41, 42, 'gap', 75]);
    expect(pagerItems(5, 75)).toEqual([1, 2, 3, 4, 5, 6, 7, 'gap', 75]);
    expect(pagerItems(75, 75)).toEqual([1, 'gap', 73, 74, 75]);
  });
});

describe('parsePageSize', () => {
  it('reads a whole number of sentences, defaulting to SOURCES_PAGE_SIZE', () => {
    expect(parsePageSize(undefined)).toBe(SOURCES_PAGE_SIZE);
    expect(parsePageSize('')).toBe(SOURCES_PAGE_SIZE);
    expect(parsePageSize('25')).toBe(25);
    for (const bad of ['0', '-3', '2.5', 'many', '1e3']) expect(() => parsePageSize(bad), bad).toThrow(/BRIEFING_SOURCES_PAGE_SIZE/);
  });

  it('reads another setting with its own name, unit and default', () => {
    const reports = (v: string | undefined) => parsePageSize(v, 'BRIEFING_REPORTS_PAGE_SIZE', 'reports', REPORTS_PAGE_SIZE);
    expect(reports(undefined)).toBe(REPORTS_PAGE_SIZE);
    expect(reports(' 7 ')).toBe(7);
    expect(() => reports('0')).toThrow('BRIEFING_REPORTS_PAGE_SIZE=0 is not a number of reports; use a whole number ≥ 1 (default 100).');
  });
});

describe('lists in pages (the reports of an event)', () => {
  it('cuts a list into pages of `size` that hold every item once, in order; an empty list has one empty page', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 60 }), fc.integer({ min: 1, max: 12 }), (list, size) => {
        const count = pageCount(list.length, size);
        const pages = Array.from({ length: count }, (_, i) => pageItems(list, size, i + 1));
        expect(pages.flat()).toEqual(list);
        expect(pages.every((p) => p.length <= size)).toBe(true);
        // No empty page, but the first of an empty list.
        expect(pages.every((p, i) => p.length > 0 || (i === 0 && list.length === 0))).toBe(true);
      }),
    );
    expect(pageCount(0, 100)).toBe(1);
    expect(pageCount(100, 100)).toBe(1);
    expect(pageCount(101, 100)).toBe(2);
  });

  it('puts page 1 of the reports view at reports/ and the next ones below it', () => {
    expect(reportsPath('paris')).toBe('events/paris/reports/');
    expect(reportsPath('paris', 1)).toBe('events/paris/reports/');
    expect(reportsPath('paris', 12)).toBe('events/paris/reports/page/12/');
  });

  it('keeps the first items of a list and counts the rest', () => {
    expect(firstOf([1, 2, 3, 4, 5], 3)).toEqual({ shown: [1, 2, 3], more: 2 });
    expect(firstOf([1, 2], 3)).toEqual({ shown: [1, 2], more: 0 });
    expect(firstOf([], 3)).toEqual({ shown: [], more: 0 });
  });

  it('counts each name once, in order of first appearance', () => {
    expect(tally(['Reuters', 'УНН', 'Reuters', 'РБК-Україна', 'Reuters'])).toEqual([
      { name: 'Reuters', count: 3 },
      { name: 'УНН', count: 1 },
      { name: 'РБК-Україна', count: 1 },
    ]);
    expect(tally([])).toEqual([]);
  });
});

describe('paginateAlignment: properties', () => {
  const inputArb = fc.record({
    articles: reportsArb({ articles: 8, sentences: 6 }),
    budget: fc.integer({ min: 1, max: 12 }),
    component: fc.option(fc.constantFrom(...COMPONENTS), { nil: null }),
  });

  const key = (s: SentenceRef): string => `${s.article}#${s.sentence}@${s.primaryIn ?? ''}`;

  it('puts every entry on exactly one page, in order, within the budget, splitting only rows over it', () => {
    fc.assert(
      fc.property(inputArb, ({ articles: specs, budget, component }) => {
        const full = alignBilingual(toAlignArticles(specs), COMPONENTS);
        const alignment = component === null ? full : filterByComponent(full, component);
        const pages = paginateAlignment(alignment, budget);
        const pageRows = pages.flatMap((p) => p.rows);
        expect(pages.length).toBeGreaterThan(0);
        expect(pages.map((p) => p.number)).toEqual(pages.map((_, i) => i + 1));
        for (const page of pages) {
          expect(page.languages).toEqual(alignment.languages);
          // Within the budget, always (an oversized row is cut into pieces of the budget).
          expect(page.rows.reduce((sum, r) => sum + rowSize(r), 0)).toBeLessThanOrEqual(budget);
          if (alignment.rows.length > 0) expect(page.rows.length).toBeGreaterThan(0);
        }
        // Each column, read across the pages, is the column of the whole view: every entry once, in order.
        for (const lang of ['ru', 'uk'] as const) {
          expect(pageRows.flatMap((r) => r[lang]).map(key)).toEqual(alignment.rows.flatMap((r) => r[lang]).map(key));
        }
        // Rows that fit are kept whole (the very row); the others come as consecutive pieces, each starting a page.
        let at = 0;
        for (const original of alignment.rows) {
          if (rowSize(original) <= budget) {
            expect(pageRows[at]).toBe(original);
            at += 1;
            continue;
          }
          const pieces: AlignedRow[] = [];
          let size = 0;
          while (size < rowSize(original)) {
            const piece = pageRows[at++]!;
            expect(piece).not.toBe(original);
            expect(piece.component).toBe(original.component);
            size += rowSize(piece);
            pieces.push(piece);
          }
          expect(size).toBe(rowSize(original));
          // Every piece but the last fills its page alone.
          for (const piece of pieces.slice(0, -1)) expect(rowSize(piece)).toBe(budget);
          for (const piece of pieces) expect(pages.find((p) => p.rows.includes(piece))?.rows[0]).toBe(piece);
        }
        expect(at).toBe(pageRows.length);
        // `continued` exactly where the first row goes on with the part the page before ended with.
        pages.forEach((page, i) => {
          const first = page.rows[0];
          const before = pages[i - 1]?.rows.at(-1);
          const piece = first !== undefined && !alignment.rows.includes(first) && pages[i - 1] !== undefined && before?.component === first.component
            && !alignment.rows.includes(before);
          const moreUntagged = first?.component === null && before?.component === null;
          expect(page.continued, `page ${page.number}`).toBe(piece || moreUntagged);
        });
        // Every row head is on the page the anchors name, and once.
        const anchors = anchorPages(pages);
        const heads = new Set(alignment.rows.map((r) => rowAnchor(r.component)));
        expect(new Set(anchors.keys())).toEqual(heads);
        for (const [anchor, number] of anchors) {
          const page = pages[number - 1]!;
          expect(page.rows.some((r, i) => rowAnchor(r.component) === anchor && !(i === 0 && page.continued))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
