/**
 * Pages of the bilingual source view (src/lib/align.ts lays it out; this cuts it into pages a reader can use),
 * and of the other lists an event page would otherwise show in full (its reports, its facts' sources).
 *
 * The rows are taken in order and packed greedily: a row goes on the current page if its sentences fit in
 * what is left of the budget, otherwise it starts the next page. Rows are never split, except a row that alone
 * holds more sentences than the budget (a component reported by thousands of reports): it starts a page of its
 * own and is cut into pieces of exactly `budget` sentences (the last one smaller), each piece taking Russian and
 * Ukrainian sentences side by side in their order, half the budget each while both languages have some.
 *
 * Guarantees: every entry of every row (primary sentences and references alike) is on exactly one page, in the
 * order of the alignment, each language's column in order; no page holds more than `budget` entries; a row that
 * fits is passed through unchanged (the same object), on one page.
 */
import type { AlignedRow, Alignment } from './types.ts';

/**
 * Entries (sentences, and the short references to a sentence shown in another row) per page of the bilingual
 * view. 600: a sentence costs about 480 bytes of HTML (text, article link, outlet, cell), so a full page is about
 * 300 kB (some 30–40 kB gzip) and under a thousand grid cells for the browser to lay out — a page that opens
 * at once on a phone, where the 3,000-report event of the benchmark was one 22 MB page. An event of up to
 * 40 reports or so (15 sentences a report) stays on one page, so only the big events get a pager.
 */
export const SOURCES_PAGE_SIZE = 600;

/** One page of the view: some of its rows, with the languages of the whole view (so the columns stay). */
export interface AlignmentPage extends Alignment {
  /** 1-based. */
  number: number;
  /**
   * The first row goes on with what the page before ended with: a later piece of a row split across pages (its
   * head and anchor are on the page where it starts), or more rows of untagged sentences.
   */
  continued: boolean;
}

/** Entries a row shows. */
export const rowSize = (row: AlignedRow): number => row.ru.length + row.uk.length;

/** The id of a row's head in the view (`row-<component>`, or `row-other` above the untagged rows). */
export const rowAnchor = (component: string | null): string => (component === null ? 'row-other' : `row-${component}`);

/** Cut the rows of a view into pages of at most `budget` entries; see the module header. Never returns no page. */
export function paginateAlignment(alignment: Alignment, budget: number): AlignmentPage[] {
  if (!Number.isInteger(budget) || budget < 1) throw new RangeError(`page budget must be a whole number ≥ 1, not ${budget}`);
  const pages: Array<{ rows: AlignedRow[]; continued: boolean }> = [];
  let current: AlignedRow[] = [];
  let size = 0;
  let laterPiece = false; // the current page starts with a later piece of a split row
  const close = (): void => {
    if (current.length === 0) return;
    const first = current[0] as AlignedRow;
    const before = pages.at(-1)?.rows.at(-1);
    pages.push({ rows: current, continued: laterPiece || (first.component === null && before?.component === null) });
    current = [];
    size = 0;
    laterPiece = false;
  };
  for (const row of alignment.rows) {
    const n = rowSize(row);
    if (n > budget) {
      splitRow(row, budget).forEach((piece, i) => {
        close();
        laterPiece = i > 0;
        current = [piece];
        size = rowSize(piece);
      });
      continue;
    }
    if (size + n > budget) close();
    current.push(row);
    size += n;
  }
  close();
  if (pages.length === 0) pages.push({ rows: [], continued: false });
  return pages.map(({ rows, continued }, i) => ({ rows, languages: alignment.languages, number: i + 1, continued }));
}

/**
 * A row in pieces of `budget` entries (the last may be smaller): each piece takes up to half the budget from
 * each language, and the rest from the other one when a language runs short.
 */
function splitRow(row: AlignedRow, budget: number): AlignedRow[] {
  const half = Math.floor(budget / 2);
  const pieces: AlignedRow[] = [];
  let r = 0;
  let u = 0;
  while (r < row.ru.length || u < row.uk.length) {
    const ruLeft = row.ru.length - r;
    const ukLeft = row.uk.length - u;
    const ru = Math.min(ruLeft, budget - Math.min(ukLeft, half));
    const uk = Math.min(ukLeft, budget - ru);
    pieces.push({ ...row, ru: row.ru.slice(r, r + ru), uk: row.uk.slice(u, u + uk) });
    r += ru;
    u += uk;
  }
  return pieces;
}

/** For each row head of a view (`rowAnchor`), the number of the page it stands on. */
export function anchorPages(pages: AlignmentPage[]): Map<string, number> {
  const anchors = new Map<string, number>();
  for (const page of pages) {
    page.rows.forEach((row, i) => {
      if (i === 0 && page.continued) return;
      const anchor = rowAnchor(row.component);
      if (!anchors.has(anchor)) anchors.set(anchor, page.number);
    });
  }
  return anchors;
}

/**
 * The path (below the site's base, with a trailing slash) of a page of the bilingual view of an event, or of
 * its view filtered to one component: `events/<slug>/sources/[<component>/][page/<n>/]`.
 */
export function sourcesPath(slug: string, component: string | null, page = 1): string {
  const view = `events/${slug}/sources/${component === null ? '' : `${component}/`}`;
  return page === 1 ? view : `${view}page/${page}/`;
}

/**
 * The numbers a pager shows for page `current` of `count`: the first and the last, and `around` on either side
 * of the current one; `'gap'` where two or more numbers are left out (a single one is shown instead).
 */
export function pagerItems(current: number, count: number, around = 2): Array<number | 'gap'> {
  const shown: number[] = [];
  for (let n = 1; n <= count; n++) {
    if (n === 1 || n === count || Math.abs(n - current) <= around) shown.push(n);
  }
  const items: Array<number | 'gap'> = [];
  shown.forEach((n, i) => {
    const before = shown[i - 1];
    if (before !== undefined && n - before === 2) items.push(n - 1);
    else if (before !== undefined && n - before > 2) items.push('gap');
    items.push(n);
  });
  return items;
}

/**
 * A page size from a setting: a whole number ≥ 1, or the default when unset. By default the bilingual view's
 * (BRIEFING_SOURCES_PAGE_SIZE, in sentences); the reports view passes its own setting, unit and default.
 */
export function parsePageSize(
  value: string | undefined,
  setting = 'BRIEFING_SOURCES_PAGE_SIZE',
  unit = 'sentences',
  fallback = SOURCES_PAGE_SIZE,
): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new Error(`${setting}=${value} is not a number of ${unit}; use a whole number ≥ 1 (default ${fallback}).`);
  }
  return n;
}

// ---------------------------------------------------------------------------------------------------------
// the reports of an event, and the other lists of an event page that grow with its reports

/**
 * Reports per page of an event's reports view (one table row each: the report and the status of every
 * component in it, some 600 bytes of HTML). The event page shows the first page's reports, so an event of up
 * to this many reports has no reports view at all; the benchmark's 3,000-report event listed every report, its
 * components and every source of every number on one page of 3.7 MB (270 kB gzip).
 */
export const REPORTS_PAGE_SIZE = 100;

/** How many pages `total` items take at `size` a page; an empty list still has its (empty) first page. */
export const pageCount = (total: number, size: number): number => Math.max(1, Math.ceil(total / size));

/** The items of page `page` (1-based) of a list cut into pages of `size`. */
export const pageItems = <T>(list: readonly T[], size: number, page: number): T[] => list.slice((page - 1) * size, page * size);

/** `events/<slug>/reports/[page/<n>/]`: a page of an event's reports view, below the site's base. */
export function reportsPath(slug: string, page = 1): string {
  return page === 1 ? `events/${slug}/reports/` : `events/${slug}/reports/page/${page}/`;
}

/** The first `max` items of a list, and how many are left out. */
export function firstOf<T>(list: readonly T[], max: number): { shown: T[]; more: number } {
  return { shown: list.slice(0, max), more: Math.max(0, list.length - max) };
}

/** Each distinct name once, with how often it occurs, in order of first appearance. */
export function tally(names: readonly string[]): Array<{ name: string; count: number }> {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count }));
}
