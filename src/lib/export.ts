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

/** One event as the export gives it. */
function exportEvent(event: SiteModel['events'][number]) {
  return {
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
  };
}

/** An article no event holds, with why. */
const exportUnplaced = (a: SiteModel['unplaced'][number]) => ({ ...exportArticle(a), reason: a.unplaced });

export function eventsExport(model: SiteModel) {
  return {
    version: EXPORT_VERSION,
    events: model.events.map(exportEvent),
    // Added in version 1 without a bump: a new top-level field, every earlier one unchanged.
    // The articles no event holds, in the model's order, each with why (nothing is lost from the export).
    unplaced: model.unplaced.map(exportUnplaced),
  };
}

/** A piece of the export's text; the piece of one event (its JSON, without the comma and line break after it) names the event. */
export interface ExportPiece {
  text: string | Uint8Array;
  event?: SiteModel['events'][number];
}

/**
 * The export as the text of `JSON.stringify(eventsExport(model), null, 2)` and a newline, in pieces: an event
 * at a time. At 10,000 articles the whole text is 80 MB (160 MB as a JavaScript string), which, made at once,
 * raised the build's peak by ~460 MB. `reused(event)`: the bytes of that event's piece written by an earlier
 * export of the same event with the same code, to give instead of serialising it again (a rebuild's).
 */
export function* eventsExportPieces(
  model: SiteModel,
  reused: (event: SiteModel['events'][number]) => Uint8Array | undefined = () => undefined,
): Generator<ExportPiece> {
  yield { text: `{\n  "version": ${JSON.stringify(EXPORT_VERSION)},\n` };
  for (const { text, item } of arrayField('events', model.events, exportEvent, ',', reused)) yield { text, event: item };
  for (const { text } of arrayField('unplaced', model.unplaced, exportUnplaced, '')) yield { text };
  yield { text: '}\n' };
}

/** The export's text in pieces, all of it made here. */
export function* eventsExportText(model: SiteModel): Generator<string> {
  for (const piece of eventsExportPieces(model)) yield piece.text as string;
}

/** `  "name": [ … ]` of the top-level object, as JSON.stringify indents it; `after` ends the line. Each item's own piece names it. */
function* arrayField<T>(
  name: string,
  items: readonly T[],
  toJson: (item: T) => unknown,
  after: string,
  reused: (item: T) => Uint8Array | undefined = () => undefined,
): Generator<{ text: string | Uint8Array; item?: T }> {
  if (items.length === 0) {
    yield { text: `  ${JSON.stringify(name)}: []${after}\n` };
    return;
  }
  yield { text: `  ${JSON.stringify(name)}: [\n` };
  for (const [i, item] of items.entries()) {
    // A JSON text has no raw line break inside a string, so every line break is one of the indentation's.
    yield { text: reused(item) ?? `    ${JSON.stringify(toJson(item), null, 2).replaceAll('\n', '\n    ')}`, item };
    yield { text: `${i + 1 < items.length ? ',' : ''}\n` };
  }
  yield { text: `  ]${after}\n` };
}
