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
