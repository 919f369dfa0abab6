/**
 * The model of the site: events with their articles, the security-guarantee components each event's
 * reports support (status and one quote per source), key facts, and the bilingual alignment.
 * Pages and `dist/data/events.json` are both rendered from this one model; they compute nothing it lacks.
 */
import { alignBilingual } from './align.ts';
import { articleKind, eventComponentStatus, type Taxonomy } from './components.ts';
import { assignEvents, unplacedReason, type EventDef, type UnplacedReason } from './events.ts';
import { mergeFacts, type EventFacts } from './facts.ts';
import type { ArticleRecord } from './article.ts';
import type { EntityIndex } from './names.ts';
import type {
  Alignment,
  ArticleKind,
  DateHint,
  Lang,
  MentionStatus,
  Problem,
} from './types.ts';
import { LANGS, MENTION_STATUSES } from './types.ts';

export interface Labels {
  en: string;
  ru: string;
  uk: string;
}

/** An article as it stands in its event: its kind refined by its date relative to the event. */
export interface EventArticle extends ArticleRecord {
  kind: ArticleKind;
  event: string;
}

/**
 * An article no event holds: it has no date, and its text names none or only days that match no event.
 * Nothing is lost: it keeps its page, its place in search, and a line on the list of unplaced reports.
 */
export interface UnplacedArticle extends ArticleRecord {
  kind: ArticleKind;
  /** No event (also when the seed pins one nobody defined: that is reported as an error). */
  event: null;
  unplaced: UnplacedReason;
}

/** Every article of the site: in its event, or in none. */
export type SiteArticle = EventArticle | UnplacedArticle;

export interface ComponentEvidence {
  article: string;
  lang: Lang;
  outlet: string | null;
  sentence: string;
  /** The sentence exactly as written, shortened with '…' at a word boundary when long. */
  quote: string;
  status: MentionStatus;
  kind: ArticleKind;
}

export interface ComponentSummary {
  id: string;
  label: Labels;
  description: Labels;
  status: MentionStatus;
  /** Distinct outlets (an article with no known outlet counts as its own source). */
  outlets: number;
  languages: Lang[];
  /** One quote per supporting article, strongest status first, then in the event's article order. */
  evidence: ComponentEvidence[];
}

/** What the preview and draft reports expected of a component, and whether outcome reports confirmed it. */
export interface Transition {
  component: string;
  expectedIn: string[];
  confirmedIn: string[];
}

export interface EventModel {
  slug: string;
  title: Labels;
  date: string | null;
  place: Labels | null;
  /** Grouped automatically, not yet reviewed and named by an editor. */
  generated: boolean;
  articles: EventArticle[];
  reportCounts: Record<Lang, number>;
  components: ComponentSummary[];
  /** Status of each component in each article (null: not reported there). */
  matrix: { component: string; cells: (MentionStatus | null)[] }[];
  transitions: Transition[];
  facts: EventFacts;
  alignment: Alignment;
  prev: string | null;
  next: string | null;
}

export interface SiteModel {
  /** Newest first; undated events last. */
  events: EventModel[];
  /** How pages name each gazetteer entity in each interface language. */
  entityLabels: Map<string, Labels>;
  /** Every article, placed (`event` is its slug) or not (`event` is null). */
  articles: Map<string, SiteArticle>;
  /** The articles no event holds: those whose text names a day first (earliest first), then by id. */
  unplaced: UnplacedArticle[];
  problems: Problem[];
}

export interface SiteInputs {
  articles: ArticleRecord[];
  events: EventDef[];
  taxonomy: Taxonomy;
  entities: EntityIndex;
  /**
   * How an event's bilingual view is computed: `alignBilingual`, or a caller's memo of it (the build keeps
   * the views of unchanged events between builds: aligning every event is most of the model's time).
   */
  align?: typeof alignBilingual;
}

const QUOTE_MAX = 240;

export function buildSiteModel({ articles, events, taxonomy, entities, align = alignBilingual }: SiteInputs): SiteModel {
  const assignment = assignEvents(
    articles.map((a) => ({
      id: a.id,
      lang: a.lang,
      date: a.date,
      pinnedEvent: a.event,
      features: a.features,
      dateHints: a.dateHints,
    })),
    events,
    { entities },
  );
  const defined = new Map(events.map((e) => [e.slug, e]));
  const generated = new Map(assignment.generated.map((e) => [e.slug, e]));
  const bySlug = new Map<string, EventArticle[]>();
  const all = new Map<string, SiteArticle>();
  const unplaced: UnplacedArticle[] = [];
  for (const article of articles) {
    const placed = assignment.byArticle[article.id];
    if (!placed) {
      const entry: UnplacedArticle = { ...article, event: null, unplaced: unplacedReason(article.dateHints) };
      all.set(article.id, entry);
      unplaced.push(entry);
      continue;
    }
    const eventDate = defined.get(placed.event)?.date ?? generated.get(placed.event)?.date ?? null;
    const inferred = article.date === null && placed.inferredDate ? placed.inferredDate : null;
    const date = inferred ?? article.date;
    const entry: EventArticle = {
      ...article,
      date,
      dateSource: inferred ? 'inferred' : article.dateSource,
      event: placed.event,
      kind: articleKind(article.kind, date, eventDate),
    };
    all.set(article.id, entry);
    const list = bySlug.get(placed.event) ?? [];
    list.push(entry);
    bySlug.set(placed.event, list);
  }

  const models: EventModel[] = [];
  for (const [slug, list] of bySlug) {
    list.sort(byDateThenId);
    const def = defined.get(slug);
    const gen = generated.get(slug);
    models.push(
      eventModel({
        slug,
        title: def?.title ?? gen!.title,
        date: def?.date ?? gen?.date ?? null,
        place: def?.place ?? null,
        generated: !def,
        articles: list,
        taxonomy,
        align,
      }),
    );
  }
  // Events defined by editors but with no article yet still get a page.
  for (const def of events) {
    if (!bySlug.has(def.slug)) {
      models.push(eventModel({ slug: def.slug, title: def.title, date: def.date, place: def.place, generated: false, articles: [], taxonomy, align }));
    }
  }
  models.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.slug.localeCompare(b.slug));
  // Timeline neighbours: previous = older, next = newer.
  models.forEach((m, i) => {
    m.next = models[i - 1]?.slug ?? null;
    m.prev = models[i + 1]?.slug ?? null;
  });
  const entityLabels = new Map(entities.entities.map((e) => [e.id, e.label]));
  unplaced.sort((a, b) => compareDays(firstDay(a.dateHints), firstDay(b.dateHints)) || a.id.localeCompare(b.id));
  return { events: models, entityLabels, articles: all, unplaced, problems: assignment.problems };
}

/** The earliest day an article's text names, as `YYYY-MM-DD` (year 0000 when not named); weekdays name none. */
function firstDay(hints: readonly DateHint[]): string | undefined {
  let first: string | undefined;
  for (const h of hints) {
    if (h.kind !== 'day-month') continue;
    const day = `${String(h.year ?? 0).padStart(4, '0')}-${String(h.month).padStart(2, '0')}-${String(h.day).padStart(2, '0')}`;
    if (first === undefined || day < first) first = day;
  }
  return first;
}

/** Named days first, earliest first. */
function compareDays(a: string | undefined, b: string | undefined): number {
  return a === b ? 0 : a === undefined ? 1 : b === undefined ? -1 : a.localeCompare(b);
}

function byDateThenId(a: { date: string | null; id: string }, b: { date: string | null; id: string }): number {
  return (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id);
}

type EventParts = Pick<EventModel, 'slug' | 'title' | 'date' | 'place' | 'generated' | 'articles'> & {
  taxonomy: Taxonomy;
  align: typeof alignBilingual;
};

function eventModel(parts: EventParts): EventModel {
  const { articles, taxonomy, align } = parts;
  const components: ComponentSummary[] = [];
  const matrix: EventModel['matrix'] = [];
  const transitions: Transition[] = [];
  // Each article's sentences are read once for all components, not once per component.
  const mentions = articles.map(strongestMentions);
  for (const def of taxonomy.components) {
    const evidence: ComponentEvidence[] = [];
    const cells: (MentionStatus | null)[] = [];
    for (const [i, article] of articles.entries()) {
      const best = mentions[i]?.get(def.id);
      cells.push(best?.status ?? null);
      if (best) {
        evidence.push({
          article: article.id,
          lang: article.lang,
          outlet: article.outlet,
          sentence: best.id,
          quote: shorten(best.text, QUOTE_MAX),
          status: best.status,
          kind: article.kind,
        });
      }
    }
    if (evidence.length === 0) continue;
    // Strongest first (agreed before expected), then in the event's article order.
    evidence.sort((a, b) => MENTION_STATUSES.indexOf(a.status) - MENTION_STATUSES.indexOf(b.status));
    matrix.push({ component: def.id, cells });
    components.push({
      id: def.id,
      label: def.label,
      description: def.description,
      status: eventComponentStatus(evidence.map((e) => ({ status: e.status, articleKind: e.kind }))),
      outlets: new Set(evidence.map((e) => e.outlet ?? `article:${e.article}`)).size,
      languages: LANGS.filter((l) => evidence.some((e) => e.lang === l)),
      evidence,
    });
    const expectedIn = evidence.filter((e) => e.kind !== 'outcome').map((e) => e.article);
    const confirmedIn = evidence.filter((e) => e.kind === 'outcome').map((e) => e.article);
    transitions.push({ component: def.id, expectedIn, confirmedIn });
  }
  const reportCounts = { ru: 0, uk: 0 } as Record<Lang, number>;
  for (const a of articles) reportCounts[a.lang] += 1;
  return {
    slug: parts.slug,
    title: parts.title,
    date: parts.date,
    place: parts.place,
    generated: parts.generated,
    articles,
    reportCounts,
    components,
    matrix,
    transitions,
    facts: mergeFacts(articles.map((a) => ({ articleId: a.id, lang: a.lang, facts: a.facts }))),
    alignment: align(
      articles.map((a) => ({ id: a.id, lang: a.lang, title: a.title, paragraphs: a.paragraphs })),
      taxonomy.components.map((c) => c.id),
    ),
    prev: null,
    next: null,
  };
}

interface Mention {
  id: string;
  text: string;
  status: MentionStatus;
}

/**
 * The article's strongest mention of each component it mentions (agreed > announced > draft > expected),
 * first on ties.
 */
function strongestMentions(article: ArticleRecord): Map<string, Mention> {
  const best = new Map<string, Mention>();
  for (const p of article.paragraphs) {
    for (const s of p.sentences) {
      if (!s.status) continue;
      const rank = MENTION_STATUSES.indexOf(s.status);
      for (const component of s.components) {
        const current = best.get(component);
        if (!current || rank < MENTION_STATUSES.indexOf(current.status)) {
          best.set(component, { id: s.id, text: s.text, status: s.status });
        }
      }
    }
  }
  return best;
}

/** Shorten at a word boundary; the quote stays an exact prefix of the sentence. */
export function shorten(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const cut = trimmed.slice(0, max);
  const space = cut.search(/\s\S*$/);
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
