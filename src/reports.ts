/**
 * The reports of a big event, in pages: `events/<slug>/reports/` and `…/reports/page/<n>/`, a table of each
 * report and the status of every component in it. The event page shows the first page's reports; only events
 * with more reports than that get the view (src/lib/paginate.ts, REPORTS_PAGE_SIZE).
 */
import type { EventModel } from './lib/briefing.ts';
import { pageCount, reportsPath } from './lib/paginate.ts';
import { eventDigest, getSiteModel } from './model.ts';
import { planPages } from './pipeline/reuse.ts';
import { cacheDir, reportsPageSize } from './settings.ts';

/** Pages of the event's reports view; 0 when the event page shows every report. */
export const reportsPages = (event: EventModel): number =>
  event.articles.length > reportsPageSize ? pageCount(event.articles.length, reportsPageSize) : 0;

/** `getStaticPaths` of the view's first page (`first`) or its later pages; unchanged pages are reused. */
export async function reportsPaths(which: 'first' | 'later') {
  const model = await getSiteModel();
  const pages = model.events.flatMap((event) =>
    Array.from({ length: reportsPages(event) }, (_, i) => ({ event, page: i + 1 })).filter(({ page }) => (which === 'first') === (page === 1)),
  );
  return planPages(cacheDir, which === 'first' ? 'reports' : 'reports-page', pages, ({ event, page }) => ({
    path: reportsPath(event.slug, page).replace(/\/$/, ''),
    inputs: { event: eventDigest(event), page },
  })).map(({ event, page }) => ({
    params: { slug: event.slug, ...(page === 1 ? {} : { page: String(page) }) },
    props: { event, page },
  }));
}
