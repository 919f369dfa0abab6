/**
 * The bilingual view of an event, in pages (src/lib/paginate.ts): the full view at `events/<slug>/sources/`,
 * one filtered to each component at `events/<slug>/sources/<component>/`, their later pages below them at
 * `page/<n>/`. The `getStaticPaths` of their four routes, and where a row of the full view is.
 */
import { filterByComponent } from './lib/align.ts';
import type { EventModel } from './lib/briefing.ts';
import { anchorPages, paginateAlignment, rowAnchor, sourcesPath, type AlignmentPage } from './lib/paginate.ts';
import { eventDigest, getSiteModel } from './model.ts';
import { planPages } from './pipeline/reuse.ts';
import { cacheDir, sourcesPageSize } from './settings.ts';

/** One view (full, or filtered to `component`) of one event, in pages. */
export interface SourcesView {
  event: EventModel;
  component: string | null;
  pages: AlignmentPage[];
}

// The pages of each view, once per build: two routes list every view (page 1, later pages), and the event page
// asks for the full view's row anchors.
const views = new WeakMap<EventModel, Map<string | null, SourcesView>>();
const anchors = new WeakMap<EventModel, Map<string, number>>();

export function sourcesView(event: EventModel, component: string | null): SourcesView {
  let ofEvent = views.get(event);
  if (ofEvent === undefined) views.set(event, (ofEvent = new Map()));
  let view = ofEvent.get(component);
  if (view === undefined) {
    const alignment = component === null ? event.alignment : filterByComponent(event.alignment, component);
    view = { event, component, pages: paginateAlignment(alignment, sourcesPageSize) };
    ofEvent.set(component, view);
  }
  return view;
}

/**
 * The path of the row of `component` in the event's full view (`row-other`: the untagged rows), on the page its
 * head stands on, with the fragment; undefined when the view has no such row.
 */
export function rowPath(event: EventModel, component: string | null): string | undefined {
  let pages = anchors.get(event);
  if (pages === undefined) anchors.set(event, (pages = anchorPages(sourcesView(event, null).pages)));
  const anchor = rowAnchor(component);
  const page = pages.get(anchor);
  return page === undefined ? undefined : `${sourcesPath(event.slug, null, page)}#${anchor}`;
}

/**
 * `getStaticPaths` of one route of the view: the full view (`kind` 'all') or the component views, page 1
 * (`first`) or the later pages. Only pages whose values changed are rendered (src/pipeline/reuse.ts); a page
 * shows its event, and through the pager and the row links, how its event's views are paged.
 */
export async function sourcesPaths(kind: 'all' | 'component', which: 'first' | 'later') {
  const model = await getSiteModel();
  const views = model.events.flatMap((event) =>
    kind === 'all' ? [sourcesView(event, null)] : event.components.map((c) => sourcesView(event, c.id)),
  );
  const pages = views.flatMap((view) =>
    view.pages.filter((p) => (which === 'first') === (p.number === 1)).map((p) => ({ view, page: p.number })),
  );
  const group = `${kind === 'all' ? 'sources' : 'component'}${which === 'first' ? '' : '-page'}`;
  return planPages(cacheDir, group, pages, ({ view, page }) => ({
    path: sourcesPath(view.event.slug, view.component, page).replace(/\/$/, ''),
    inputs: { event: eventDigest(view.event), component: view.component, page },
  })).map(({ view, page }) => ({
    params: {
      slug: view.event.slug,
      ...(view.component === null ? {} : { component: view.component }),
      ...(page === 1 ? {} : { page: String(page) }),
    },
    props: { view, page },
  }));
}
