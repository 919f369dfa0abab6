/**
 * The shared vocabulary of briefing. Every module of src/lib speaks these types,
 * so the ingest script, the pages and the data export agree on one model.
 */

export type Lang = 'ru' | 'uk';
export const LANGS: readonly Lang[] = ['ru', 'uk'];

/** Interface languages (article text is always shown as written, whatever this is). */
export type UiLang = 'uk' | 'ru' | 'en';

/** A problem found in an input file: enough to find it and fix it. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Path as the editor knows it, e.g. `seeds/007_foo.txt`. */
  file: string;
  /** 1-based line in the file, where one applies. */
  line?: number;
  /** What is wrong, in one sentence. */
  message: string;
  /** How to fix it, in one sentence. */
  hint: string;
}

/** Where a value came from: written by the editor, or inferred by briefing from the text. */
export type Provenance = 'front-matter' | 'date-line' | 'inferred';

/** The editor-written metadata a seed may carry in YAML front matter. */
export interface SeedFrontMatter {
  title?: string;
  date?: string; // YYYY-MM-DD
  outlet?: string;
  url?: string;
  lang?: Lang;
  event?: string; // event slug
  components?: { add?: string[]; remove?: string[] };
}

/** One paragraph of a seed, exactly as written (line endings normalised to \n, nothing else changed). */
export interface SeedParagraph {
  text: string;
  /** 1-based line of the paragraph's first character in the original file. */
  line: number;
}

/** A decoded, parsed seed. Pure data: parsing never writes anything. */
export interface ParsedSeed {
  /** Seed file name relative to the seeds folder, e.g. `000_4e4c541c79a5c744.txt`. */
  file: string;
  /** Encoding the bytes were decoded from, e.g. `UTF-8`, `windows-1251`. */
  encoding: string;
  frontMatter: SeedFrontMatter;
  /** Date from the legacy ` date YYYY-MM-DD` first token, if present. */
  dateLine?: string;
  paragraphs: SeedParagraph[];
}

/** Status of one mention of a component, strongest first. */
export type MentionStatus = 'agreed' | 'announced' | 'draft' | 'expected';
export const MENTION_STATUSES: readonly MentionStatus[] = ['agreed', 'announced', 'draft', 'expected'];

/** What kind of report an article is, from its wording and its date relative to the event. */
export type ArticleKind = 'preview' | 'draft' | 'outcome';

/** A sentence of an article, located by paragraph and index, with what it reports. */
export interface AnalysedSentence {
  /** Stable anchor id within the article: `s<paragraph>-<sentence>`, both 1-based. */
  id: string;
  /** The sentence exactly as written (a slice of the paragraph text). */
  text: string;
  /**
   * The whitespace written after the sentence, up to the next sentence (or the paragraph's end),
   * exactly as written; omitted when empty. Concatenating `text + (trailing ?? '')` over a paragraph's
   * sentences gives the paragraph back exactly: nothing is lost between sentences.
   */
  trailing?: string;
  /** Component ids this sentence reports (empty for most sentences). */
  components: string[];
  /** Status of the mention; present only when `components` is non-empty. */
  status?: MentionStatus;
}

export interface AnalysedParagraph {
  /** 1-based line in the seed. */
  line: number;
  sentences: AnalysedSentence[];
}

/** An article as the bilingual source view needs it (see `src/lib/align.ts`). */
export interface AlignArticle {
  id: string;
  lang: Lang;
  title: string;
  paragraphs: AnalysedParagraph[];
}

/** One sentence placed in the bilingual source view. */
export interface SentenceRef {
  /** Article id. */
  article: string;
  /** `AnalysedSentence.id` within that article. */
  sentence: string;
  text: string;
  components: string[];
  status?: MentionStatus;
  /**
   * Set only on a reference: the sentence is tagged with several components and is shown in full in the row
   * of this component (its first one); other rows should link to it there rather than repeat it.
   */
  primaryIn?: string;
}

/** One row of the bilingual view: what the Russian and the Ukrainian reports say about one thing. */
export interface AlignedRow {
  /** The component the row gathers, or null for a row of untagged sentences paired by similarity. */
  component: string | null;
  ru: SentenceRef[];
  uk: SentenceRef[];
  /** 0–1: 1 for a component row with both languages, the sentence similarity for a pair, 0 when one-sided. */
  score: number;
}

/** The bilingual source view of one event. */
export interface Alignment {
  rows: AlignedRow[];
  /** Languages present among the articles, in `LANGS` order; with one, the other column is empty. */
  languages: Lang[];
}

/**
 * An article as its generated MDX file holds it (src/lib/mdx.ts writes and reads it): the front matter as
 * plain JSON-like data, and the analysed paragraphs, every sentence exactly as written.
 */
export interface ArticleDocument {
  /** Plain data only: strings, finite numbers, booleans, null, arrays and plain objects. */
  frontMatter: Record<string, unknown>;
  paragraphs: AnalysedParagraph[];
}

/** Where a date mention sits: paragraph index (0-based, in the array given) and the text as written. */
export interface DateHintPlace {
  /** The mention exactly as written, e.g. `6 січня`, `во вторник`, `накануне`. */
  text: string;
  /** 0-based index of the paragraph in the array that was searched. */
  paragraph: number;
  /** Offset of `text` in that paragraph (UTF-16 code units). */
  offset: number;
}

/**
 * A mention of a date in an article's text. Extracted by `attribution`; the events module combines hints
 * with an event's date to infer a date the seed does not state.
 */
export type DateHint =
  /** `6 января`, `6 січня 2026 року`, `06.01.2026`; month is 1–12. */
  | (DateHintPlace & { kind: 'day-month'; day: number; month: number; year?: number })
  /** `во вторник`, `у вівторок`; weekday is ISO: 1 = Monday … 7 = Sunday. */
  | (DateHintPlace & { kind: 'weekday'; weekday: number })
  /**
   * `сегодня` (0), `вчера` (-1), `завтра` (+1), `накануне` (-1) …: days relative to the report's own day,
   * or, when `anchor` names what it is relative to (`накануне саммита`), relative to that named event.
   */
  | (DateHintPlace & { kind: 'relative'; days: number; relativeTo: 'report' | 'named-event'; anchor?: string });

// ---------------------------------------------------------------------------------------------------------
// Names, key facts and events (src/lib/names.ts, facts.ts, events.ts)

export type EntityKind = 'person' | 'organisation' | 'place' | 'outlet';

/** One entry of the editor-owned gazetteer `content/entities.yaml`. */
export interface Entity {
  /** Lower-case slug, e.g. `zelensky`, `coalition-of-the-willing`. */
  id: string;
  kind: EntityKind;
  label: { en: string; ru: string; uk: string };
  /** Forms as written in texts, both languages; a word ending in `*` matches case endings. */
  variants: string[];
}

/** A gazetteer entity found in a text. */
export interface EntityMention {
  id: string;
  /** The words exactly as written, e.g. `Зеленскому`. */
  form: string;
  /** Offset of `form` in the text searched (UTF-16 code units). */
  offset: number;
}

/** A capitalised name the gazetteer does not know, keyed so ru/uk spellings and cases agree. */
export interface NameMention {
  /** Skeletons of its words, space-separated: `stv vtkf` for Стива Уиткоффа and Стів Віткофф. */
  key: string;
  form: string;
  offset: number;
}

/** How a number is qualified in the text: "более 27" is `more-than`; a bare number has none. */
export type Approximation = 'more-than' | 'less-than' | 'about' | 'at-least' | 'up-to' | 'almost';

/** A number with what it counts, from one sentence: "более 27 лидеров", "800 000 человек". */
export interface NumberFact {
  value: number;
  approx?: Approximation;
  /** The counted word as written (`лидеров`, `делегациям`). */
  noun: string;
  /** Language-neutral key of the noun (`skeleton`), equal for лидеров / лідерів. */
  nounKey: string;
  /** The words as written, from the qualifier to the noun: `более 27 лидеров`. */
  phrase: string;
  sentenceId: string;
}

/** Where an entity or name is mentioned in one article. */
export interface ArticleEntityFact {
  id: string;
  kind: EntityKind;
  /** Sentences mentioning it, in text order, without repeats. */
  sentenceIds: string[];
  mentions: number;
}

export interface ArticleNameFact {
  key: string;
  /** The first form as written. */
  form: string;
  sentenceIds: string[];
  mentions: number;
}

/** The key facts of one article. */
export interface ArticleFacts {
  numbers: NumberFact[];
  /** Gazetteer entities, most mentioned first. */
  entities: ArticleEntityFact[];
  /** Capitalised names the gazetteer does not know, most mentioned first. */
  names: ArticleNameFact[];
}

/** Where a fact is stated: article, its language, sentence. */
export interface FactSource {
  articleId: string;
  lang: Lang;
  sentenceId: string;
}

/** One number reported by one or more articles ("27 лидеров" and "27 лідерів" are one fact). */
export interface MergedNumberFact {
  value: number;
  /** The qualifier most sources use (none when most write the bare number). */
  approx?: Approximation;
  nounKey: string;
  /** The noun as each language writes it (first seen). */
  nouns: Partial<Record<Lang, string>>;
  /** Articles stating it, in input order. */
  articleIds: string[];
  sources: Array<FactSource & { phrase: string }>;
}

/** An entity (or unknown name) across an event's articles. */
export interface MergedEntityFact {
  /** Gazetteer id, or `~` + the name key for names the gazetteer does not know. */
  id: string;
  kind: EntityKind | 'name';
  /** For unknown names: the forms as written (first per language). */
  forms?: Partial<Record<Lang, string>>;
  articleIds: string[];
  sources: FactSource[];
}

/** The key facts of an event, each ordered by how many articles report it (most first). */
export interface EventFacts {
  numbers: MergedNumberFact[];
  people: MergedEntityFact[];
  organisations: MergedEntityFact[];
  places: MergedEntityFact[];
  outlets: MergedEntityFact[];
  /** Capitalised names not in the gazetteer; noisy, so shown apart (candidates for the gazetteer). */
  otherNames: MergedEntityFact[];
}

/** An editor-defined event (front matter of `content/events/<slug>.mdx`). */
export interface EventDef {
  slug: string;
  title: { en: string; ru: string; uk: string };
  /** YYYY-MM-DD */
  date: string;
  place: { en: string; ru: string; uk: string };
  /** Optional extra cues, any language. */
  keywords?: string[];
}

/**
 * What the grouping needs to know about an article, computed once at ingest and stored in its front
 * matter: plain JSON, at most ~40 short strings.
 */
export interface ArticleFeatures {
  /** Gazetteer ids of people, organisations and outlets, most mentioned first. */
  entities: string[];
  /** Gazetteer ids of places, most mentioned first. */
  places: string[];
  /** Capitalised names not in the gazetteer, normalised as written (`стив уиткофф`), most mentioned first. */
  names: string[];
  /** Topic words, normalised as written (`коалиции`, `саммит`), most frequent first; keyed by `skeleton`. */
  terms: string[];
  /** Day-month mentions as `MM-DD`, in text order. */
  days: string[];
}

export interface ArticleForGrouping {
  id: string;
  lang: Lang;
  /** YYYY-MM-DD from front matter or the date line; null when the seed has none. */
  date: string | null;
  /** `event:` from the seed's front matter. */
  pinnedEvent: string | null;
  features: ArticleFeatures;
  dateHints: DateHint[];
  /** The file the editor would fix (for problems); `seeds/<id>.txt` when absent. */
  file?: string;
}

/** Where one article went (articles that could not be placed are left out and reported as problems). */
export interface ArticleAssignment {
  /** Event slug, defined or generated. */
  event: string;
  /** True when `event` is a generated (unreviewed) event. */
  generated: boolean;
  /** How the article was placed. */
  via: 'pinned' | 'matched' | 'grouped';
  /** Similarity to the event, 0–1 (1 when pinned). */
  score: number;
  /** The article's date inferred from its date hints and the event's date, when the seed gives none. */
  inferredDate?: string;
}

/** An event briefing made up from articles that match no defined event; an editor should review it. */
export interface GeneratedEvent {
  slug: string;
  /**
   * Derived from the most shared entities (gazetteer labels in each language) and words (as the articles
   * write them, so in `lang` whatever the interface language).
   */
  title: { en: string; ru: string; uk: string };
  /** The language most of its articles are written in. */
  lang: Lang;
  /** YYYY-MM-DD: the median date of its articles. */
  date: string;
  /** Label of the place most of its articles name, when the gazetteer knows it. */
  place: { en: string; ru: string; uk: string } | null;
  articleIds: string[];
  generated: true;
}

export interface Assignment {
  /** Placed articles by id, in input order. */
  byArticle: Record<string, ArticleAssignment>;
  /** Generated events, by date then slug. */
  generated: GeneratedEvent[];
  problems: Problem[];
}

/** A text in every interface language. */
export type Localised = Record<UiLang, string>;

/** One security-guarantee component of the editor-owned taxonomy (content/components.yaml). */
export interface ComponentDefinition {
  /** Stable id, `[a-z0-9-]`, used in links and in seed front matter. */
  id: string;
  label: Localised;
  description: Localised;
  /** Cues per language, in the cue syntax documented in content/components.yaml. */
  cues: Record<Lang, string[]>;
}

/** Cue lists per language. */
export type CuesByLang = Record<Lang, string[]>;

/** The validated taxonomy: components in file order, plus the status and article-kind cues. */
export interface Taxonomy {
  components: ComponentDefinition[];
  statusCues: Record<MentionStatus, CuesByLang>;
  /** Single words that void (negation) or weaken to `expected` (future) the status cue after them. */
  statusModifiers: { negation: CuesByLang; future: CuesByLang };
  kindCues: Record<ArticleKind, CuesByLang>;
}
