/**
 * Which event an article belongs to.
 *
 * At ingest, `articleFeatures` boils an article down to a few dozen JSON strings (entity ids, places,
 * unknown names, topic words, day-month mentions). At build, `assignEvents` places every article:
 * 1. pinned: the seed's `event:` names a defined event — it wins;
 * 2. matched: the article's date (or, for an undated article, a date mentioned in its text, with the
 *    event's year) lies in the event's window AND its features are similar enough to the event: first to
 *    the editor's definition (title, place, keywords), then to the articles already placed there;
 * 3. grouped: the rest are clustered with each other by the same similarity and date proximity into
 *    generated events, to be reviewed by an editor.
 * Similarity is a cosine over language-neutral keys (gazetteer ids, name and word skeletons) weighted by
 * rarity; at least one shared key must be more than a place, so a football match in Paris never joins a
 * summit in Paris. Work grows with the number of articles: candidate events come from a date-sorted list,
 * candidate groups from an inverted index over keys.
 */
import { analyseNames, buildEntityIndex, isContentWord, skeleton, words } from './names.ts';
import type { EntityIndex, NamesAnalysis, Word } from './names.ts';
import { contentHash, slugify } from './slug.ts';
import type {
  ArticleAssignment,
  ArticleFeatures,
  ArticleForGrouping,
  Assignment,
  DateHint,
  EventDef,
  GeneratedEvent,
  Lang,
  Problem,
} from './types.ts';

export type {
  ArticleAssignment,
  ArticleFeatures,
  ArticleForGrouping,
  Assignment,
  EventDef,
  GeneratedEvent,
} from './types.ts';

// ---------------------------------------------------------------------------------------------------------
// features (ingest)

/** How many of each feature an article keeps: about 40 strings in all. */
export const FEATURE_LIMITS = { entities: 10, places: 6, names: 4, terms: 16, days: 4 } as const;
/** The first paragraph (title or lead) says what the article is about: its words count double. */
const LEAD_WEIGHT = 2;

// prettier-ignore
const MONTHS: Readonly<Record<string, number>> = {
  января: 1, февраля: 2, марта: 3, апреля: 4, мая: 5, июня: 6, июля: 7, августа: 8, сентября: 9, октября: 10,
  ноября: 11, декабря: 12, січня: 1, лютого: 2, березня: 3, квітня: 4, травня: 5, червня: 6, липня: 7,
  серпня: 8, вересня: 9, жовтня: 10, листопада: 11, грудня: 12,
};
const DAY_MONTH = new RegExp(
  `(?<![\\p{N}])(\\d{1,2})[ \\u00A0\\u202F]+(${Object.keys(MONTHS).join('|')})(?![\\p{L}])`,
  'giu',
);

/** A tally that remembers first appearance, so ties keep text order. */
class Tally {
  readonly counts = new Map<string, number>();
  add(key: string, weight: number): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + weight);
  }
  top(limit: number): string[] {
    return [...this.counts.entries()]
      .map(([key, count], order) => ({ key, count, order }))
      .sort((a, b) => b.count - a.count || a.order - b.order)
      .slice(0, limit)
      .map((e) => e.key);
  }
}

/**
 * The compact features of an article, stored in its front matter (see `ArticleFeatures`).
 * `names`: `analyseNames` of each paragraph, when the caller has it already.
 */
export function articleFeatures(
  paragraphs: string[],
  lang: Lang,
  entities: EntityIndex,
  names?: readonly NamesAnalysis[],
): ArticleFeatures {
  return collectFeatures(paragraphs, lang, entities, FEATURE_LIMITS, names);
}

function collectFeatures(
  paragraphs: readonly string[],
  lang: Lang,
  index: EntityIndex,
  limits: Readonly<Record<keyof ArticleFeatures, number>>,
  names?: readonly NamesAnalysis[],
): ArticleFeatures {
  const entityTally = new Tally();
  const placeTally = new Tally();
  const nameTally = new Tally();
  const nameForm = new Map<string, string>();
  const termTally = new Tally();
  const termForm = new Map<string, string>();
  const days: string[] = [];
  paragraphs.forEach((paragraph, i) => {
    const weight = i === 0 ? LEAD_WEIGHT : 1;
    const covered: Array<[number, number]> = [];
    const found = names?.[i] ?? analyseNames(paragraph, lang, index);
    for (const m of found.entities) {
      const kind = index.byId.get(m.id)?.kind;
      (kind === 'place' ? placeTally : entityTally).add(m.id, weight);
      covered.push([m.offset, m.offset + m.form.length]);
    }
    for (const n of found.names) {
      if (!nameForm.has(n.key)) nameForm.set(n.key, normalisedName(n.form));
      nameTally.add(n.key, weight);
      covered.push([n.offset, n.offset + n.form.length]);
    }
    for (const word of uncoveredWords(found.words, covered)) {
      const key = termKey(word.norm);
      if (key === null) continue;
      if (!termForm.has(key)) termForm.set(key, word.norm);
      termTally.add(key, weight);
    }
    for (const m of paragraph.matchAll(DAY_MONTH)) {
      const day = Number(m[1]);
      const month = MONTHS[m[2]!.toLowerCase()]!;
      const mmdd = `${pad(month)}-${pad(day)}`;
      if (day >= 1 && day <= 31 && !days.includes(mmdd)) days.push(mmdd);
    }
  });
  return {
    entities: entityTally.top(limits.entities),
    places: placeTally.top(limits.places),
    names: nameTally.top(limits.names).map((key) => nameForm.get(key)!),
    terms: termTally.top(limits.terms).map((key) => termForm.get(key)!),
    days: days.slice(0, limits.days),
  };
}

const TERM_KEY_CACHE_SIZE = 100_000;
const termKeys = new Map<string, string | null>();

/** The key a normalised word counts under as a topic term, or null if it is none; memoised (every article repeats them). */
function termKey(norm: string): string | null {
  let key = termKeys.get(norm);
  if (key === undefined) {
    key = !isContentWord(norm) || Object.hasOwn(MONTHS, norm) ? null : skeleton(norm);
    if (termKeys.size >= TERM_KEY_CACHE_SIZE) termKeys.clear();
    termKeys.set(norm, key);
  }
  return key;
}

/** A name as its normalised words, one space apart (`Стива  Уиткоффа` → `стива уиткоффа`). */
function normalisedName(form: string): string {
  return words(form)
    .map((w) => w.norm)
    .join(' ');
}

/** Words outside the given ranges (ranges arrive in text order per source, so sort them once). */
function uncoveredWords(list: Word[], covered: Array<[number, number]>): Word[] {
  covered.sort((a, b) => a[0] - b[0]);
  let r = 0;
  return list.filter((w) => {
    while (r < covered.length && covered[r]![1] <= w.start) r++;
    const range = covered[r];
    return !(range && range[0] <= w.start && w.start < range[1]);
  });
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// ---------------------------------------------------------------------------------------------------------
// keys and similarity

/** A sparse vector over key ids: parallel arrays, ids ascending. */
interface Vector {
  ids: number[];
  weights: number[];
  norm: number;
}

/** Key strings → dense ids, with document frequencies over the articles. */
class KeySpace {
  readonly ids = new Map<string, number>();
  readonly df: number[] = [];
  readonly isPlace: boolean[] = [];
  /** Entities and names: who acts, as opposed to where (places) and what is said (words). */
  readonly isActor: boolean[] = [];
  idf: Float64Array = new Float64Array(0);

  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
      this.df.push(0);
      this.isPlace.push(key.startsWith('p:'));
      this.isActor.push(key.startsWith('e:') || key.startsWith('n:'));
    }
    return id;
  }

  /** Rarer keys weigh more: see `keyWeight`. */
  freeze(articleCount: number): void {
    this.idf = Float64Array.from(this.df, (df) => keyWeight(df, articleCount));
  }
}

/**
 * How much a key weighs: ln(1 + N / df), where df is how many articles have it and N is the archive's size
 * rounded up to a power of two. Rounding keeps the weights of every other key as they were when one article
 * is added or removed: with the exact size, each new article shifted every weight a little, and that moved
 * borderline articles between generated events months away from it (13 at 10,000 articles in the benchmark).
 * The weights shift only when the archive crosses a power of two.
 */
export function keyWeight(df: number, articleCount: number): number {
  const size = 2 ** Math.ceil(Math.log2(Math.max(articleCount, 1)));
  return Math.log(1 + size / Math.max(df, 1));
}

/** Shorter word skeletons (сил → sl) collide too often to tell topics apart. */
const MIN_TERM_KEY = 3;

/** The keys of a feature set: entity and place ids, name and word skeletons. */
function featureKeys(features: ArticleFeatures): string[] {
  const keys = new Set<string>();
  for (const id of features.entities) keys.add(`e:${id}`);
  for (const id of features.places) keys.add(`p:${id}`);
  for (const name of features.names) keys.add(`n:${name.split(' ').map(skeleton).join(' ')}`);
  for (const term of features.terms) {
    const key = skeleton(term);
    if (key.length >= MIN_TERM_KEY) keys.add(`t:${key}`);
  }
  return [...keys];
}

/** An article's vector: every key present once, weighted by its rarity. */
function articleVector(ids: number[], space: KeySpace): Vector {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const weights = sorted.map((id) => space.idf[id]!);
  return { ids: sorted, weights, norm: Math.hypot(...weights) };
}

interface Similarity {
  score: number;
  shared: number;
  sharedBeyondPlaces: number;
  sharedActors: number;
}

/**
 * A group profile (an event's definition and members, or a generated group): per key, how many of its
 * sources have it. The profile vector is idf × share of sources; its squared length is kept up to date.
 */
class Profile {
  readonly counts = new Map<number, number>();
  sources = 0;
  private sumSquares = 0; // Σ (idf · count)²; the sources² factor cancels in the cosine
  private readonly space: KeySpace;
  constructor(space: KeySpace) {
    this.space = space;
  }

  add(ids: readonly number[]): void {
    this.sources++;
    for (const id of ids) {
      const count = this.counts.get(id) ?? 0;
      const w = this.space.idf[id]!;
      this.sumSquares += w * w * (2 * count + 1);
      this.counts.set(id, count + 1);
    }
  }

  /** Share of this profile's weight (idf × share of sources) that the article vector holds. */
  coverage(v: Vector): number {
    let covered = 0;
    let total = 0;
    for (const [id, count] of this.counts) total += this.space.idf[id]! * count;
    for (const id of v.ids) covered += this.space.idf[id]! * (this.counts.get(id) ?? 0);
    return total > 0 ? covered / total : 0;
  }

  /** Cosine between an article vector and this profile, and how many keys (of each sort) they share. */
  similarity(v: Vector): Similarity {
    let dot = 0;
    let shared = 0;
    let sharedBeyondPlaces = 0;
    let sharedActors = 0;
    v.ids.forEach((id, i) => {
      const count = this.counts.get(id);
      if (count === undefined) return;
      dot += v.weights[i]! * this.space.idf[id]! * count;
      shared++;
      if (!this.space.isPlace[id]) sharedBeyondPlaces++;
      if (this.space.isActor[id]) sharedActors++;
    });
    const denominator = v.norm * Math.sqrt(this.sumSquares);
    return { score: denominator > 0 ? dot / denominator : 0, shared, sharedBeyondPlaces, sharedActors };
  }
}

// ---------------------------------------------------------------------------------------------------------
// dates

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid YYYY-MM-DD, else undefined. */
function dayNumber(date: string): number | undefined {
  const m = ISO_DATE.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  return ms / DAY_MS;
}

function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function dayOfYear(year: number, month: number, day: number): number | undefined {
  return dayNumber(`${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number; 1970-01-01 was a Thursday. */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

// ---------------------------------------------------------------------------------------------------------
// assignment (build)

/** An article may report an event from `before` days ahead to `after` days later. */
export const EVENT_WINDOW = { before: 7, after: 3 } as const;
/**
 * Least share of an event's definition (title and place in the article's language, keywords; weighted by
 * rarity) an article must mention to match it.
 */
export const MIN_DEFINITION_SCORE = 0.3;
/** Least cosine similarity to an event's definition and members, for articles the definition alone missed. */
export const MIN_MEMBER_SCORE = 0.2;
/** Least similarity for an article to join a generated group. */
export const MIN_GROUP_SCORE = 0.2;
/** Added to the score when the article names the event's day ("6 января"). */
export const DAY_MENTION_BONUS = 0.1;
/** A generated group takes articles at most this many days after its last one, and spans at most SPAN. */
export const GROUP_GAP_DAYS = 3;
export const GROUP_SPAN_DAYS = 7;
/**
 * A key held by more open generated groups than this is too common to find candidate groups by (Украина);
 * it still counts in scores. This keeps grouping linear in the number of articles.
 */
export const MAX_OPEN_GROUPS_PER_KEY = 64;

export interface AssignOptions {
  /**
   * The gazetteer, so event titles, places and keywords are read as entity ids (as article features are)
   * and generated titles use its labels. Without it, definitions match by words only — much weaker.
   */
  entities?: EntityIndex;
  window?: { before: number; after: number };
  /** See MAX_OPEN_GROUPS_PER_KEY. */
  maxOpenGroupsPerKey?: number;
}

const NO_ENTITIES = buildEntityIndex([]);

/** A defined event ready for matching. */
interface DefinedEvent {
  def: EventDef;
  day: number;
  mmdd: string;
  /** The definition as an article in each language can word it. */
  definition: Record<Lang, Profile>;
  /** What the title names beyond the place (Коалиция желающих, саммит), per language: an article must name one. */
  titleKeys: Record<Lang, ReadonlySet<number>>;
  /** Definition in both languages plus members; members are added after the first pass. */
  full: Profile;
}

/** An article ready for matching. */
interface Prepared {
  article: ArticleForGrouping;
  order: number;
  day: number | undefined;
  keyIds: number[];
  vector: Vector;
}

interface Placement {
  event: DefinedEvent;
  score: number;
  inferredDay?: number;
}

/** Place every article in an event; see the module header for the rules. */
export function assignEvents(
  articles: readonly ArticleForGrouping[],
  events: readonly EventDef[],
  options: AssignOptions = {},
): Assignment {
  const index = options.entities ?? NO_ENTITIES;
  const window = options.window ?? EVENT_WINDOW;
  const problems: Problem[] = [];
  const space = new KeySpace();
  const prepared = prepareArticles(articles, space, problems);
  const definitions = readDefinitions(events, index, space, problems);
  space.freeze(articles.length);
  for (const p of prepared) p.vector = articleVector(p.keyIds, space);
  const defined = definitions.map((d) => definedEvent(d, space));
  const bySlug = new Map(defined.map((e) => [e.def.slug, e]));

  const placed = new Map<number, ArticleAssignment>();
  const members = new Map<DefinedEvent, Prepared[]>(defined.map((e) => [e, []]));
  const open: Prepared[] = [];
  for (const p of prepared) {
    const pinned = p.article.pinnedEvent;
    if (pinned === null) {
      open.push(p);
      continue;
    }
    const event = bySlug.get(pinned);
    if (!event) {
      problems.push(
        problem(
          p.article,
          'error',
          `Article ${p.article.id} is pinned to event "${pinned}", which is not defined.`,
          `Correct the slug in its \`event:\` or add content/events/${pinned}.mdx.`,
        ),
      );
      open.push(p);
      continue;
    }
    const inferredDay = p.day === undefined ? inferDay(p.article.dateHints, event, window) : undefined;
    placed.set(
      p.order,
      withInferred({ event: pinned, generated: false, via: 'pinned', score: 1 }, inferredDay),
    );
    members.get(event)!.push(p);
  }

  const sortedEvents = [...defined].sort((a, b) => a.day - b.day || a.def.slug.localeCompare(b.def.slug));
  const years = [...new Set(defined.map((e) => new Date(e.day * DAY_MS).getUTCFullYear()))];
  const candidatesOf = (p: Prepared): Array<{ event: DefinedEvent; day: number; inferred: boolean }> =>
    candidateEvents(p, sortedEvents, years, window);

  // Pass 1: against the definitions. Pass 2: against definitions and the members found so far.
  const matchPass = (scorer: Scorer): void => {
    for (const p of open) {
      if (placed.has(p.order)) continue;
      const best = bestEvent(p, candidatesOf(p), scorer);
      if (!best) continue;
      placed.set(
        p.order,
        withInferred(
          { event: best.event.def.slug, generated: false, via: 'matched', score: round(best.score) },
          best.inferredDay,
        ),
      );
      members.get(best.event)!.push(p);
    }
  };
  matchPass(definitionScore);
  for (const [event, list] of members) for (const m of list) event.full.add(m.keyIds);
  matchPass(memberScore);

  const rest = open.filter((p) => !placed.has(p.order));
  const generated = groupTheRest(
    rest.filter((p) => p.day !== undefined),
    {
      space,
      index,
      taken: new Set(bySlug.keys()),
      maxOpenGroupsPerKey: options.maxOpenGroupsPerKey ?? MAX_OPEN_GROUPS_PER_KEY,
    },
  );
  for (const group of generated) {
    group.members.forEach((p, i) => {
      placed.set(p.order, {
        event: group.event.slug,
        generated: true,
        via: 'grouped',
        score: round(group.scores[i]!),
      });
    });
  }
  for (const p of rest) if (p.day === undefined) problems.push(undatedProblem(p.article));

  const byArticle: Record<string, ArticleAssignment> = {};
  for (const p of prepared) {
    const a = placed.get(p.order);
    if (a) byArticle[p.article.id] = a;
  }
  return { byArticle, generated: generated.map((g) => g.event), problems };
}

function prepareArticles(
  articles: readonly ArticleForGrouping[],
  space: KeySpace,
  problems: Problem[],
): Prepared[] {
  return articles.map((article, order) => {
    let day = article.date === null ? undefined : dayNumber(article.date);
    if (article.date !== null && day === undefined) {
      problems.push(
        problem(
          article,
          'error',
          `Article ${article.id} has date "${article.date}", which is not a YYYY-MM-DD date.`,
          'Write the date as YYYY-MM-DD in the seed’s `date:`.',
        ),
      );
    }
    const keyIds = featureKeys(article.features).map((k) => space.id(k));
    for (const id of keyIds) space.df[id]!++;
    return { article, order, day, keyIds, vector: { ids: [], weights: [], norm: 0 } };
  });
}

interface DefinitionKeyIds {
  def: EventDef;
  day: number;
  keys: Record<Lang, number[]>;
  titleKeys: Record<Lang, number[]>;
}

/** Valid, distinct event definitions with their key ids (before the key space is frozen). */
function readDefinitions(
  events: readonly EventDef[],
  index: EntityIndex,
  space: KeySpace,
  problems: Problem[],
): DefinitionKeyIds[] {
  const out: DefinitionKeyIds[] = [];
  const seen = new Set<string>();
  for (const def of events) {
    const file = `content/events/${def.slug}.mdx`;
    const day = dayNumber(def.date);
    if (day === undefined) {
      problems.push({
        severity: 'error',
        file,
        message: `Event ${def.slug} has date "${def.date}", which is not a YYYY-MM-DD date.`,
        hint: 'Write the event’s `date:` as YYYY-MM-DD.',
      });
      continue;
    }
    if (seen.has(def.slug)) {
      problems.push({
        severity: 'error',
        file,
        message: `Event slug ${def.slug} is defined twice.`,
        hint: 'Give each event file its own slug.',
      });
      continue;
    }
    seen.add(def.slug);
    const { keys, titleKeys } = definitionKeys(def, index);
    const ids = (list: Record<Lang, string[]>): Record<Lang, number[]> => ({
      ru: list.ru.map((k) => space.id(k)),
      uk: list.uk.map((k) => space.id(k)),
    });
    out.push({ def, day, keys: ids(keys), titleKeys: ids(titleKeys) });
  }
  return out;
}

function definedEvent({ def, day, keys, titleKeys }: DefinitionKeyIds, space: KeySpace): DefinedEvent {
  const profile = (ids: number[]): Profile => {
    const p = new Profile(space);
    p.add(ids);
    return p;
  };
  return {
    def,
    day,
    mmdd: def.date.slice(5),
    definition: { ru: profile(keys.ru), uk: profile(keys.uk) },
    titleKeys: { ru: new Set(titleKeys.ru), uk: new Set(titleKeys.uk) },
    full: profile([...new Set([...keys.ru, ...keys.uk])]),
  };
}

/**
 * Keys of an event definition per article language: its title and place in that language, read like
 * article text, plus its keywords (any language) and the gazetteer entities of its English title and place.
 */
function definitionKeys(
  def: EventDef,
  index: EntityIndex,
): { keys: Record<Lang, string[]>; titleKeys: Record<Lang, string[]> } {
  const unlimited = { entities: 99, places: 99, names: 99, terms: 99, days: 99 };
  // Each piece is its own paragraph, so no word of one sits at the "sentence start" of another.
  const keysOf = (pieces: string[], lang: Lang): string[] =>
    featureKeys(collectFeatures(pieces, lang, index, unlimited));
  const notPlace = (k: string): boolean => !k.startsWith('p:');
  const english = keysOf([def.title.en], 'ru').filter((k) => k.startsWith('e:'));
  const place = [
    ...keysOf([def.place.ru], 'ru'),
    ...keysOf([def.place.uk], 'uk'),
    ...keysOf([def.place.en], 'ru'),
  ].filter((k) => k.startsWith('p:'));
  const keywords = (def.keywords ?? []).flatMap((k) => keysOf([k], 'ru'));
  const title = {
    ru: [...keysOf([def.title.ru], 'ru'), ...english],
    uk: [...keysOf([def.title.uk], 'uk'), ...english],
  };
  const unique = (list: string[]): string[] => [...new Set(list)];
  // What an article must name: the gazetteer entities of the title (Коалиция желающих) when it has any — its common
  // words ("гарантии безопасности") also fit an investment story — else its other words.
  const named = (list: string[]): string[] => {
    const actors = list.filter((k) => k.startsWith('e:'));
    return unique(actors.length > 0 ? actors : list.filter(notPlace));
  };
  return {
    keys: {
      ru: unique([...title.ru, ...place, ...keywords]),
      uk: unique([...title.uk, ...place, ...keywords]),
    },
    titleKeys: { ru: named(title.ru), uk: named(title.uk) },
  };
}

/**
 * Defined events an article may belong to by date: those whose window holds its date; for an undated
 * article, those whose window holds a date its text mentions (day-month with the event's year, or a weekday).
 */
function candidateEvents(
  p: Prepared,
  sorted: readonly DefinedEvent[],
  years: readonly number[],
  window: { before: number; after: number },
): Array<{ event: DefinedEvent; day: number; inferred: boolean }> {
  if (p.day !== undefined) {
    return eventsAround(sorted, p.day - window.after, p.day + window.before).map((event) => ({
      event,
      day: p.day!,
      inferred: false,
    }));
  }
  const out = new Map<DefinedEvent, number>();
  for (const hint of p.article.dateHints) {
    if (hint.kind !== 'day-month') continue;
    for (const year of hint.year !== undefined ? [hint.year] : years.flatMap((y) => [y - 1, y, y + 1])) {
      const day = dayOfYear(year, hint.month, hint.day);
      if (day === undefined) continue;
      for (const event of eventsAround(sorted, day - window.after, day + window.before)) {
        if (!out.has(event)) out.set(event, day);
      }
    }
  }
  if (out.size === 0 && p.article.dateHints.some((h) => h.kind === 'weekday')) {
    for (const event of sorted) {
      const day = inferDay(p.article.dateHints, event, window);
      if (day !== undefined) out.set(event, day);
    }
  }
  return [...out].map(([event, day]) => ({ event, day, inferred: true }));
}

/** Events dated from `from` to `to` (day numbers), by binary search in the date-sorted list. */
function eventsAround(sorted: readonly DefinedEvent[], from: number, to: number): DefinedEvent[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.day < from) lo = mid + 1;
    else hi = mid;
  }
  const out: DefinedEvent[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.day <= to; i++) out.push(sorted[i]!);
  return out;
}

/**
 * The date an undated article most likely has, for a given event: a day-month it mentions that falls in
 * the event's window (nearest the event first), else the day in the window with a weekday it mentions.
 */
function inferDay(
  hints: readonly DateHint[],
  event: DefinedEvent,
  window: { before: number; after: number },
): number | undefined {
  const inWindow = (day: number): boolean =>
    day >= event.day - window.before && day <= event.day + window.after;
  const year = new Date(event.day * DAY_MS).getUTCFullYear();
  const byDate = hints
    .flatMap((h) =>
      h.kind === 'day-month'
        ? (h.year !== undefined ? [h.year] : [year - 1, year, year + 1]).map((y) =>
            dayOfYear(y, h.month, h.day),
          )
        : [],
    )
    .filter((d): d is number => d !== undefined && inWindow(d))
    .sort((a, b) => Math.abs(a - event.day) - Math.abs(b - event.day) || a - b);
  if (byDate[0] !== undefined) return byDate[0];
  const weekdays = new Set(hints.flatMap((h) => (h.kind === 'weekday' ? [h.weekday] : [])));
  if (weekdays.size === 0) return undefined;
  // Nearest the event's day first, earlier before later: reports usually come on the day or before.
  for (let distance = 0; distance <= Math.max(window.before, window.after); distance++) {
    for (const day of [event.day - distance, event.day + distance]) {
      if (inWindow(day) && weekdays.has(isoWeekday(day))) return day;
    }
  }
  return undefined;
}

/** How well an article fits an event: a score, or undefined when it must not join it at all. */
type Scorer = (p: Prepared, event: DefinedEvent) => number | undefined;

/** Enough shared keys, and not only places: a football match in Paris shares Paris with a Paris summit. */
function sharesTopic(sim: Similarity): boolean {
  return sim.shared >= 2 && sim.sharedBeyondPlaces >= 1;
}

function namesTitle(p: Prepared, event: DefinedEvent): boolean {
  const title = event.titleKeys[p.article.lang];
  return p.vector.ids.some((id) => title.has(id));
}

/**
 * Pass 1: the share of the definition (in the article's language) the article mentions; it must name
 * something of the title besides the place (keywords alone — "гарантии безопасности" — are too common).
 */
const definitionScore: Scorer = (p, event) => {
  const definition = event.definition[p.article.lang];
  if (!namesTitle(p, event) || !sharesTopic(definition.similarity(p.vector))) return undefined;
  const score = definition.coverage(p.vector) + dayBonus(p, event);
  return score >= MIN_DEFINITION_SCORE ? score : undefined;
};

/**
 * Pass 2: cosine similarity to definition and members, for events that have members (keywords and place
 * alone never suffice); the article must still share a topic key with the definition.
 */
const memberScore: Scorer = (p, event) => {
  if (event.full.sources < 2) return undefined;
  const sim = event.full.similarity(p.vector);
  if (!sharesTopic(sim) || event.definition[p.article.lang].similarity(p.vector).sharedBeyondPlaces < 1)
    return undefined;
  const score = sim.score + dayBonus(p, event);
  return score >= MIN_MEMBER_SCORE ? score : undefined;
};

function dayBonus(p: Prepared, event: DefinedEvent): number {
  return p.article.features.days.includes(event.mmdd) ? DAY_MENTION_BONUS : 0;
}

/** The best-scoring candidate event; ties go to the nearer date, then the slug. */
function bestEvent(
  p: Prepared,
  candidates: Array<{ event: DefinedEvent; day: number; inferred: boolean }>,
  scorer: Scorer,
): Placement | undefined {
  let best: (Placement & { distance: number }) | undefined;
  for (const { event, day, inferred } of candidates) {
    const raw = scorer(p, event);
    if (raw === undefined) continue;
    const score = Math.min(1, raw);
    const distance = Math.abs(day - event.day);
    const better =
      !best ||
      score > best.score ||
      (score === best.score &&
        (distance < best.distance || (distance === best.distance && event.def.slug < best.event.def.slug)));
    if (better) best = { event, score, distance, ...(inferred ? { inferredDay: day } : {}) };
  }
  return best;
}

function withInferred(a: ArticleAssignment, inferredDay: number | undefined): ArticleAssignment {
  return inferredDay === undefined ? a : { ...a, inferredDate: isoDate(inferredDay) };
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

function problem(
  article: ArticleForGrouping,
  severity: Problem['severity'],
  message: string,
  hint: string,
): Problem {
  return { severity, file: article.file ?? `seeds/${article.id}.txt`, message, hint };
}

/**
 * Why an article is in no event (assignEvents places every dated one): `no-date` — its text names no day
 * either (words like "вчера" alone say nothing without a date to count from); `no-event` — the days or
 * weekdays it names match no event.
 */
export type UnplacedReason = 'no-date' | 'no-event';

export function unplacedReason(dateHints: readonly DateHint[]): UnplacedReason {
  return dateHints.some((h) => h.kind !== 'relative') ? 'no-event' : 'no-date';
}

function undatedProblem(article: ArticleForGrouping): Problem {
  return unplacedReason(article.dateHints) === 'no-date'
    ? problem(
        article,
        'warning',
        `Article ${article.id} has no date and no date in its text, so it is in no event.`,
        'Pin it with `event:` or add `date:` to the seed’s front matter.',
      )
    : problem(
        article,
        'warning',
        `Article ${article.id} has no date, and the dates in its text match no event.`,
        'Pin it with `event:`, add `date:` to the seed’s front matter, or define the event it reports.',
      );
}

// ---------------------------------------------------------------------------------------------------------
// generated events

interface Group {
  profile: Profile;
  members: Prepared[];
  scores: number[];
  firstDay: number;
  lastDay: number;
}

interface GroupingContext {
  space: KeySpace;
  index: EntityIndex;
  /** Slugs already in use. */
  taken: Set<string>;
  maxOpenGroupsPerKey: number;
}

/**
 * Leader clustering in date order: each article joins the most similar open group (found through the
 * open groups that share one of its keys, common keys aside), or starts a new one.
 */
function groupTheRest(
  rest: Prepared[],
  { space, index, taken, maxOpenGroupsPerKey }: GroupingContext,
): Array<{ event: GeneratedEvent; members: Prepared[]; scores: number[] }> {
  const sorted = [...rest].sort((a, b) => a.day! - b.day! || a.article.id.localeCompare(b.article.id));
  const groups: Group[] = [];
  const postings = new Map<number, number[]>();
  for (const p of sorted) {
    const day = p.day!;
    const isOpen = (g: Group): boolean =>
      day - g.lastDay <= GROUP_GAP_DAYS && day - g.firstDay <= GROUP_SPAN_DAYS;
    let best: { group: number; score: number } | undefined;
    const seen = new Set<number>();
    for (const id of p.keyIds) {
      const list = postings.get(id);
      if (!list) continue;
      pruneClosed(list, (g) => isOpen(groups[g]!));
      if (list.length > maxOpenGroupsPerKey) continue;
      for (const g of list) {
        if (seen.has(g)) continue;
        seen.add(g);
        const sim = groups[g]!.profile.similarity(p.vector);
        // The same event involves the same actors: a shared entity or name, not just words.
        if (!sharesTopic(sim) || sim.sharedActors < 1 || sim.score < MIN_GROUP_SCORE) continue;
        if (!best || sim.score > best.score || (sim.score === best.score && g < best.group))
          best = { group: g, score: sim.score };
      }
    }
    const g = best?.group ?? groups.length;
    if (!best)
      groups.push({ profile: new Profile(space), members: [], scores: [], firstDay: day, lastDay: day });
    const group = groups[g]!;
    group.profile.add(p.keyIds);
    group.members.push(p);
    group.scores.push(best?.score ?? 1);
    group.lastDay = day;
    for (const id of p.keyIds) {
      const list = postings.get(id) ?? [];
      if (list[list.length - 1] !== g) list.push(g);
      postings.set(id, list);
    }
  }
  return groups.map((group) => {
    const event = describeGroup(group, index, taken);
    taken.add(event.slug);
    return { event, members: group.members, scores: group.scores };
  });
}

/** Remove closed groups from a posting list in place (once closed, a group never reopens: days only grow). */
function pruneClosed(list: number[], isOpen: (g: number) => boolean): void {
  let w = 0;
  for (const g of list) if (isOpen(g)) list[w++] = g;
  list.length = w;
}

const UNTITLED = { en: 'Untitled event', ru: 'Событие без названия', uk: 'Подія без назви' } as const;
const TITLE_PARTS = 2;
const SLUG_WORDS_MAX = 50;

/**
 * A generated event's description: the most shared entities (gazetteer labels, in each language) or else
 * names and words (as its articles write them), the most shared place, the median date.
 */
function describeGroup(
  group: Group,
  index: EntityIndex,
  taken: Set<string>,
): GeneratedEvent {
  const members = group.members;
  const lang = majorityLang(members);
  const days = members.map((m) => m.day!).sort((a, b) => a - b);
  const date = isoDate(days[(days.length - 1) >> 1]!);
  const quorum = Math.ceil(members.length / 2);
  const shared = (pick: (f: ArticleFeatures) => string[], from = members): string[] => {
    const tally = new Tally();
    for (const m of from) for (const v of new Set(pick(m.article.features))) tally.add(v, 1);
    return tally.top(Infinity).filter((v) => tally.counts.get(v)! >= Math.min(quorum, from.length));
  };
  const entityIds = shared((f) => f.entities).slice(0, TITLE_PARTS);
  const placeId = shared((f) => f.places)[0];
  const sameLang = members.filter((m) => m.article.lang === lang);
  const words = [...shared((f) => f.names, sameLang), ...shared((f) => f.terms, sameLang)]
    .slice(0, TITLE_PARTS - entityIds.length)
    .map(capitalise);
  const place = placeId === undefined ? null : labelOf(placeId, index);
  const title = { en: '', ru: '', uk: '' };
  for (const ui of ['en', 'ru', 'uk'] as const) {
    const parts = [...entityIds.map((id) => labelOf(id, index)[ui]), ...words];
    const head = parts.length > 0 ? parts.join(', ') : place ? '' : UNTITLED[ui];
    title[ui] = place ? (head ? `${head} — ${place[ui]}` : place[ui]) : head;
  }
  const slug = generatedSlug(`${date}-${slugify(title.en, SLUG_WORDS_MAX)}`, members[0]!.article.id, taken);
  return { slug, title, lang, date, place, articleIds: members.map((m) => m.article.id), generated: true };
}

function labelOf(id: string, index: EntityIndex): { en: string; ru: string; uk: string } {
  return index.byId.get(id)?.label ?? { en: id, ru: id, uk: id };
}

function majorityLang(members: readonly Prepared[]): Lang {
  const ru = members.filter((m) => m.article.lang === 'ru').length;
  const uk = members.length - ru;
  return ru === uk ? members[0]!.article.lang : ru > uk ? 'ru' : 'uk';
}

function capitalise(text: string): string {
  return text.replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase());
}

/**
 * A generated event's slug: its date and title, and when an event before it has that already, a suffix made
 * from the id of the article that started it. Numbering the repeats (-2, -3, …), as before, renamed every later
 * one when one of them came or went: at 10,000 articles, removing one report renamed the events of 117 others.
 */
function generatedSlug(base: string, firstArticleId: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  const hash = contentHash(firstArticleId);
  for (let length = 6; length <= hash.length; length += 2) {
    const slug = `${base}-${hash.slice(0, length)}`;
    if (!taken.has(slug)) return slug;
  }
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}
