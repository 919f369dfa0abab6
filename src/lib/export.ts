/**
 * The data export (`dist/data/events.json`): the site model as plain, versioned JSON. Its schema is
 * documented in README.md; change both together and bump `version`.
 */
import type { SiteArticle, SiteModel } from './briefing.ts';

export const EXPORT_VERSION = 1;

/** The fields an article has in the export, in an event or among the unplaced. */
function exportArticle(a: SiteArticle) {
  return {
    id: a.id,
    seed: a.seed,
    lang: a.lang,
    date: a.date,
    dateSource: a.dateSource,
    title: a.title,
    outlet: a.outlet,
    url: a.url,
    kind: a.kind,
  };
}

export function eventsExport(model: SiteModel) {
  return {
    version: EXPORT_VERSION,
    events: model.events.map((event) => ({
      slug: event.slug,
      title: event.title,
      date: event.date,
      place: event.place,
      generated: event.generated,
      reportCounts: event.reportCounts,
      articles: event.articles.map(exportArticle),
      components: event.components.map((c) => ({
        id: c.id,
        label: c.label,
        status: c.status,
        outlets: c.outlets,
        languages: c.languages,
        evidence: c.evidence.map((e) => ({
          article: e.article,
          sentence: e.sentence,
          quote: e.quote,
          status: e.status,
          lang: e.lang,
        })),
      })),
      facts: event.facts,
    })),
    // Added in version 1 without a bump: a new top-level field, every earlier one unchanged.
    // The articles no event holds, in the model's order, each with why (nothing is lost from the export).
    unplaced: model.unplaced.map((a) => ({ ...exportArticle(a), reason: a.unplaced })),
  };
}
