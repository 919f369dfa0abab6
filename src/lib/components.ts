/**
 * The security-guarantee components: load the editor-owned taxonomy (content/components.yaml), tag each
 * sentence of an article with the components it reports, give each tagged sentence a status, and decide
 * an article's kind and a component's status for a whole event.
 *
 * How a sentence's status is decided (analyzeArticle):
 *  1. Its own status cues. Cues inside a longer matching cue are dropped ("стороны заявили" is agreed,
 *     not "заявили" announced); a negation before a cue voids it ("не утвержден"); a future word before
 *     it makes it expected ("будет создана"). Several left: draft > agreed > announced > expected.
 *  2. A quoted passage takes the status of its attribution ("…", — говорится в проекте заявления).
 *  3. Context, when the sentence has no cue (or only `expected`, which yields — future tense inside an
 *     agreed or drafted passage describes what was agreed or drafted): the status earlier in the
 *     paragraph; then the status of a list introduction (a paragraph ending in ":", whose status runs
 *     on through the following paragraphs that report components); for cue-less sentences only: a later
 *     sentence of the paragraph ("Об этом говорится в проекте"), then the previous paragraphs' status,
 *     and last the article kind's prior (outcome → agreed, draft → draft, preview → expected).
 *  4. The article kind caps it: in a preview nothing is agreed or announced yet (→ expected); in a draft
 *     report what is "agreed" is the draft's wording (→ draft).
 *
 * Cue context (content/components.yaml documents the syntax): a component cue may name `& term`s, each of
 * which must occur in the sentence or in an earlier sentence of its paragraph (the topic is set before it
 * is referred to: "…прекращения огня. Планируется система мониторинга"), and `! term`s, none of which may
 * occur in the sentence. For status and kind cues the `&` terms must be in the sentence itself.
 *
 * Overrides from the seed's front matter: `remove` drops every mention of a component; `add` attaches
 * the component to the sentence sharing the most cue words with it, or — when none shares any — to the
 * article's first sentence, so every claim still links to a sentence of the article.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node as YamlNode, Pair } from 'yaml';
import { normalizeForAnalysis, normalizesAlone, PIECE_SEPARATOR, splitSentences, stem } from './text.ts';
import {
  LANGS,
  MENTION_STATUSES,
  type AnalysedParagraph,
  type AnalysedSentence,
  type ArticleKind,
  type ComponentDefinition,
  type CuesByLang,
  type Lang,
  type Localised,
  type MentionStatus,
  type Problem,
  type SeedParagraph,
  type Taxonomy,
} from './types.ts';

export type { ComponentDefinition, Taxonomy } from './types.ts';

export const ARTICLE_KINDS: readonly ArticleKind[] = ['preview', 'draft', 'outcome'];
const UI_LANGS = ['en', 'ru', 'uk'] as const;

// ─── Cue syntax ──────────────────────────────────────────────────────────────────────────────────

/** Words allowed between neighbouring cue terms unless the cue says `..`. */
export const DEFAULT_GAP = 2;
const ANY_GAP = Number.POSITIVE_INFINITY;
const MIN_PREFIX = 3;
const MEMO_LIMIT = 200_000;
const ALTERNATIVE = /^(=?)([\p{L}\p{N}'-]+)(\*?)$/u;

type Alternative = { match: 'prefix' | 'stem' | 'exact'; value: string };
interface ParsedCue {
  terms: Alternative[][];
  /** gaps[k]: how many words may stand between term k-1 and term k (gaps[0] is unused). */
  gaps: number[];
  /** `& term`: each must occur in the sentence or earlier in its paragraph (present only when used). */
  require?: Alternative[][];
  /** `! term`: none may occur in the sentence (present only when used). */
  exclude?: Alternative[][];
}

/** Comparable form of a word for cue matching: normalised, apostrophes dropped. */
function bare(word: string): string {
  return word.replace(/'/g, '');
}

/** Parse one cue; a string describing the mistake when it does not follow the syntax. */
export function parseCue(cue: string, lang: Lang): ParsedCue | string {
  const words = normalizeForAnalysis(cue).split(' ').filter((w) => w !== '');
  if (words.length === 0) return 'the cue is empty';
  if (words[0] === '..' || words[words.length - 1] === '..') return 'a cue cannot start or end with ..';
  if (words[0] === '&' || words[0] === '!') return 'a cue cannot start with & or !';
  const terms: Alternative[][] = [];
  const gaps: number[] = [];
  const require: Alternative[][] = [];
  const exclude: Alternative[][] = [];
  let gap = DEFAULT_GAP;
  /** After `&` or `!`: where the next term goes; after that term the cue only takes more `&`/`!` terms. */
  let side: 'require' | 'exclude' | undefined;
  let context = false;
  for (const word of words) {
    if (word === '&' || word === '!') {
      if (side) return `"${word}" must be followed by a term`;
      if (gap === ANY_GAP) return '.. cannot stand before & or !';
      side = word === '&' ? 'require' : 'exclude';
      context = true;
      continue;
    }
    if (word === '..') {
      if (context) return '.. cannot stand after & or !';
      if (gap === ANY_GAP) return 'two .. in a row';
      gap = ANY_GAP;
      continue;
    }
    if (context && !side) return `"${word}" after a context term needs its own & or !`;
    const alternatives: Alternative[] = [];
    for (const alt of word.split('|')) {
      const m = ALTERNATIVE.exec(alt);
      if (!m) return `"${alt}" is not a word, a word* prefix or an =exact word`;
      const [, exact, body = '', star] = m;
      if (exact && star) return `"${alt}" cannot be both =exact and a prefix*`;
      const value = bare(body);
      if (star && [...value].length < MIN_PREFIX) return `the prefix "${alt}" is shorter than ${MIN_PREFIX} letters`;
      alternatives.push(
        star ? { match: 'prefix', value } : exact ? { match: 'exact', value } : { match: 'stem', value: stem(body, lang) },
      );
    }
    if (side) {
      (side === 'require' ? require : exclude).push(alternatives);
      side = undefined;
      continue;
    }
    terms.push(alternatives);
    gaps.push(gap);
    gap = DEFAULT_GAP;
  }
  if (side) return `a cue cannot end with & or !`;
  return { terms, gaps, ...(require.length > 0 ? { require } : {}), ...(exclude.length > 0 ? { exclude } : {}) };
}

// ─── Compiled matcher ────────────────────────────────────────────────────────────────────────────

/** A cue compiled against a language index; `owner` says what it marks (component id, status, kind…). */
interface CompiledCue {
  owner: string;
  terms: number[][];
  gaps: number[];
  length: number;
  /** Context terms (ids of alternatives): each needed in the sentence or earlier in the paragraph. */
  require: number[][];
  /** Terms none of which may occur in the sentence. */
  exclude: number[][];
}

/** Every distinct term alternative of one language, indexed so each token is looked up once. */
class TermIndex {
  private readonly exact = new Map<string, number[]>();
  private readonly stems = new Map<string, number[]>();
  private readonly prefixes = new Map<string, { prefix: string; id: number }[]>();
  private readonly ids = new Map<string, number>();
  private count = 0;

  intern(alt: Alternative): number {
    const key = `${alt.match}:${alt.value}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.count++;
    this.ids.set(key, id);
    if (alt.match === 'prefix') push(this.prefixes, alt.value.slice(0, MIN_PREFIX), { prefix: alt.value, id });
    else push(alt.match === 'exact' ? this.exact : this.stems, alt.value, id);
    return id;
  }

  private readonly memo = new Map<string, number[]>();

  /** Ids of the term alternatives one token matches (memoised per word: news vocabulary repeats). */
  lookup(word: string, lang: Lang): number[] {
    const known = this.memo.get(word);
    if (known) return known;
    const out = this.compute(word, lang);
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(word, out);
    return out;
  }

  private readonly pieces = new Map<string, PieceWords | null>();

  /** The words of a piece of text (see PIECE_SEPARATOR) with their term ids, memoised; null if it cannot be read alone. */
  piece(raw: string, lang: Lang): PieceWords | null {
    let known = this.pieces.get(raw);
    if (known === undefined) {
      if (normalizesAlone(raw)) {
        const tokens = matchableWords(raw);
        known = { tokens, ids: tokens.map((word) => this.lookup(word, lang)) };
      } else known = null;
      if (this.pieces.size >= MEMO_LIMIT) this.pieces.clear();
      this.pieces.set(raw, known);
    }
    return known;
  }

  private compute(word: string, lang: Lang): number[] {
    const out: number[] = [];
    for (const id of this.exact.get(word) ?? []) out.push(id);
    for (const id of this.stems.get(stem(word, lang)) ?? []) out.push(id);
    for (const p of this.prefixes.get(word.slice(0, MIN_PREFIX)) ?? []) {
      if (word.startsWith(p.prefix)) out.push(p.id);
    }
    return out;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Words of a piece of text and, for each, the ids of the term alternatives it matches. */
interface PieceWords {
  tokens: string[];
  ids: number[][];
}

/** A sentence ready for matching: its tokens and, per term id, the token positions it matches. */
interface MatchableSentence {
  /** Normalised words, apostrophes dropped. */
  tokens: string[];
  positions: Map<number, number[]>;
}

interface LanguageMatcher {
  index: TermIndex;
  components: CueGroup;
  statuses: CueGroup;
  kinds: CueGroup;
  negation: Set<string>;
  future: Set<string>;
  /** Per component, every term id of its cues: used to place an `add` override. */
  componentTerms: Map<string, Set<number>>;
}

type CompiledTaxonomy = Record<Lang, LanguageMatcher>;
const compiledCache = new WeakMap<Taxonomy, CompiledTaxonomy>();

/** The taxonomy's cues compiled once per taxonomy object (and remembered for it). */
function compiled(taxonomy: Taxonomy): CompiledTaxonomy {
  let result = compiledCache.get(taxonomy);
  if (!result) {
    result = { ru: compileLanguage(taxonomy, 'ru'), uk: compileLanguage(taxonomy, 'uk') };
    compiledCache.set(taxonomy, result);
  }
  return result;
}

function compileLanguage(taxonomy: Taxonomy, lang: Lang): LanguageMatcher {
  const index = new TermIndex();
  const compile = (owner: string, cues: readonly string[]): CompiledCue[] =>
    cues.flatMap((cue) => {
      const parsed = parseCue(cue, lang);
      if (typeof parsed === 'string') return []; // parseTaxonomy reports it; a hand-made taxonomy skips it
      const ids = (list: Alternative[][] = []) => list.map((alts) => alts.map((a) => index.intern(a)));
      const terms = ids(parsed.terms);
      return [{ owner, terms, gaps: parsed.gaps, length: terms.length, require: ids(parsed.require), exclude: ids(parsed.exclude) }];
    });
  const components = taxonomy.components.flatMap((c) => compile(c.id, c.cues[lang]));
  const componentTerms = new Map<string, Set<number>>();
  for (const cue of components) {
    const set = componentTerms.get(cue.owner) ?? new Set<number>();
    for (const t of cue.terms.flat()) set.add(t);
    componentTerms.set(cue.owner, set);
  }
  const words = (list: readonly string[]) => new Set(list.map((w) => bare(normalizeForAnalysis(w))));
  return {
    index,
    components: cueGroup(components),
    statuses: cueGroup(MENTION_STATUSES.flatMap((s) => compile(s, taxonomy.statusCues[s][lang]))),
    kinds: cueGroup(ARTICLE_KINDS.flatMap((k) => compile(k, taxonomy.kindCues[k][lang]))),
    negation: words(taxonomy.statusModifiers.negation[lang]),
    future: words(taxonomy.statusModifiers.future[lang]),
    componentTerms,
  };
}

/** Words of normalised (lower-case) text; a plain character class is much faster than \p{L}. */
const WORD = /[0-9a-z\u00DF-\u024F\u0400-\u04FF]+(?:['-][0-9a-z\u00DF-\u024F\u0400-\u04FF]+)*/g;

/** Matchable words of a text: normalised, apostrophes dropped. */
function matchableWords(text: string): string[] {
  return (normalizeForAnalysis(text).match(WORD) ?? []).map(bare);
}

/**
 * A sentence's words and term positions. Read piece by piece (whitespace apart; see PIECE_SEPARATOR), each
 * piece's words and term ids memoised: far cheaper than normalising every sentence, with the same words.
 */
function matchable(text: string, lang: Lang, index: TermIndex): MatchableSentence {
  const tokens: string[] = [];
  const positions = new Map<number, number[]>();
  for (const raw of text.split(PIECE_SEPARATOR)) {
    if (raw === '') continue;
    const piece = index.piece(raw, lang);
    if (piece === null) return matchableWhole(text, lang, index);
    for (let k = 0; k < piece.tokens.length; k++) {
      for (const id of piece.ids[k]!) push(positions, id, tokens.length);
      tokens.push(piece.tokens[k]!);
    }
  }
  return { tokens, positions };
}

/** `matchable` for a text whose pieces cannot be read alone: normalised as a whole. */
function matchableWhole(text: string, lang: Lang, index: TermIndex): MatchableSentence {
  const tokens = matchableWords(text);
  const positions = new Map<number, number[]>();
  tokens.forEach((word, i) => {
    for (const id of index.lookup(word, lang)) push(positions, id, i);
  });
  return { tokens, positions };
}

/** A cue found in a sentence, from token `start` to token `end` (inclusive). */
interface CueMatch {
  owner: string;
  start: number;
  end: number;
}

/** Term ids seen in the earlier sentences of a paragraph: the context a `&` term may be found in. */
type ParagraphContext = ReadonlySet<number>;
const NO_CONTEXT: ParagraphContext = new Set();

/** Whether the cue's `&` terms are present (sentence or earlier in the paragraph) and its `!` terms absent. */
function contextAllows(cue: CompiledCue, sentence: MatchableSentence, earlier: ParagraphContext): boolean {
  for (const term of cue.exclude) if (term.some((id) => sentence.positions.has(id))) return false;
  for (const term of cue.require) if (!term.some((id) => sentence.positions.has(id) || earlier.has(id))) return false;
  return true;
}

/** The first (shortest from its earliest start) occurrence of a cue, or undefined. */
function findCue(cue: CompiledCue, sentence: MatchableSentence, earlier: ParagraphContext = NO_CONTEXT): CueMatch | undefined {
  if (!contextAllows(cue, sentence, earlier)) return undefined;
  const positionsOf = (term: number[]): number[] => {
    if (term.length === 1) return sentence.positions.get(term[0]!) ?? [];
    const all: number[] = [];
    for (const id of term) for (const p of sentence.positions.get(id) ?? []) all.push(p);
    return all.length > 1 ? all.sort((a, b) => a - b) : all;
  };
  const firsts = positionsOf(cue.terms[0] ?? []);
  const rest = cue.terms.slice(1).map(positionsOf);
  // Depth-first over the (few) candidate positions: with a bounded gap the earliest next match is not
  // always the one that lets the following term fit.
  const extend = (k: number, at: number): number => {
    if (k > rest.length) return at;
    const gap = cue.gaps[k] ?? DEFAULT_GAP;
    for (const p of rest[k - 1] ?? []) {
      if (p <= at) continue;
      if (p - at - 1 > gap) break;
      const end = extend(k + 1, p);
      if (end >= 0) return end;
    }
    return -1;
  };
  for (const start of firsts) {
    const end = extend(1, start);
    if (end >= 0) return { owner: cue.owner, start, end };
  }
  return undefined;
}

/** Cues grouped by the term ids of their first term, so a sentence only tries cues that can start in it. */
interface CueGroup {
  cues: CompiledCue[];
  byFirstTerm: Map<number, number[]>;
}

function cueGroup(cues: CompiledCue[]): CueGroup {
  const byFirstTerm = new Map<number, number[]>();
  cues.forEach((cue, i) => {
    for (const id of cue.terms[0] ?? []) push(byFirstTerm, id, i);
  });
  return { cues, byFirstTerm };
}

/** Every cue of a group found in the sentence, in cue order. */
function findAll(group: CueGroup, sentence: MatchableSentence, earlier: ParagraphContext = NO_CONTEXT): CueMatch[] {
  // Candidate cue indexes, ascending and each once (an array sorted in place: cheaper than a Set per call).
  const candidates: number[] = [];
  for (const id of sentence.positions.keys()) {
    const cues = group.byFirstTerm.get(id);
    if (cues) for (const i of cues) candidates.push(i);
  }
  const out: CueMatch[] = [];
  if (candidates.length === 0) return out;
  candidates.sort((a, b) => a - b);
  for (let k = 0; k < candidates.length; k++) {
    const i = candidates[k]!;
    if (k > 0 && i === candidates[k - 1]) continue;
    const m = findCue(group.cues[i]!, sentence, earlier);
    if (m) out.push(m);
  }
  return out;
}

// ─── Sentence status ─────────────────────────────────────────────────────────────────────────────

/** Precedence among several status cues of one sentence. */
const CUE_PRECEDENCE: readonly MentionStatus[] = ['draft', 'agreed', 'announced', 'expected'];

/** The status a sentence's own wording gives it, after specificity and modifiers; undefined if none. */
function ownStatus(sentence: MatchableSentence, matcher: LanguageMatcher): MentionStatus | undefined {
  const matches = findAll(matcher.statuses, sentence);
  const specific = matches.filter(
    (m) => !matches.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start),
  );
  const found = new Set<MentionStatus>();
  for (const m of specific) {
    const before = sentence.tokens[m.start - 1];
    if (before !== undefined && matcher.negation.has(before)) continue;
    const status = m.owner as MentionStatus;
    found.add(before !== undefined && matcher.future.has(before) ? 'expected' : status);
  }
  return CUE_PRECEDENCE.find((s) => found.has(s));
}

const KIND_PRIOR: Record<ArticleKind, MentionStatus> = { outcome: 'agreed', draft: 'draft', preview: 'expected' };

/** The article kind's cap on a status (see the header, rule 4). */
function capByKind(status: MentionStatus, kind: ArticleKind): MentionStatus {
  if (kind === 'preview' && (status === 'agreed' || status === 'announced')) return 'expected';
  if (kind === 'draft' && status === 'agreed') return 'draft';
  return status;
}

/** A closing quote followed by an attribution: `…", — сказал он`, `…», - говорится`. */
const ATTRIBUTION = /[»"”]\s*,?\s*[-–—]\s*\p{Ll}/u;
const OPENS_QUOTE = /^\s*[«"„“]/u;

/**
 * For each sentence of a paragraph, the sentence index whose attribution covers it (a quote running
 * over several sentences, attributed at its end), or -1.
 */
function quoteAttributions(texts: readonly string[]): number[] {
  const out = texts.map(() => -1);
  texts.forEach((text, j) => {
    if (!ATTRIBUTION.test(text) || OPENS_QUOTE.test(text)) return;
    for (let k = j - 1; k >= 0 && out[k] === -1; k--) {
      if (!OPENS_QUOTE.test(texts[k]!)) continue;
      for (let q = k; q < j; q++) out[q] = j;
      return;
    }
  });
  return out;
}

interface SentenceFacts {
  text: string;
  start: number;
  end: number;
  sentence: MatchableSentence;
  components: string[];
  own?: MentionStatus;
}

/** Resolve every sentence's status from its own cues and its context (header, rules 2–4). */
function resolveStatuses(paragraphs: SentenceFacts[][], texts: readonly string[], kind: ArticleKind): MentionStatus[][] {
  let carry: MentionStatus | undefined;
  let list: MentionStatus | undefined;
  return paragraphs.map((sentences, p) => {
    const attribution = quoteAttributions(sentences.map((s) => s.text));
    let paragraphContext: MentionStatus | undefined;
    const resolved = sentences.map((s, i) => {
      let status = s.own;
      const quotedBy = attribution[i] ?? -1;
      const attributed = quotedBy >= 0 ? sentences[quotedBy]?.own : undefined;
      if (attributed && attributed !== 'expected' && (status === undefined || status === 'expected')) status = attributed;
      const context = paragraphContext ?? list;
      if (status === 'expected' && context && context !== 'expected') status = context;
      status ??= context ?? laterInParagraph(sentences, i);
      // Only what the paragraph (or its list) says becomes its context; the previous paragraphs' status
      // fills a cue-less sentence but does not override the paragraph's own "expected".
      if (status !== undefined) paragraphContext = status;
      return status ?? carry;
    });
    if (paragraphContext !== undefined) carry = paragraphContext;
    const text = texts[p] ?? '';
    if (text.trimEnd().endsWith(':')) list = paragraphContext ?? carry;
    else if (!sentences.some((s) => s.components.length > 0)) list = undefined;
    return resolved.map((s) => capByKind(s ?? KIND_PRIOR[kind], kind));
  });
}

/** The first decisive (not merely expected) own status later in the paragraph. */
function laterInParagraph(sentences: readonly SentenceFacts[], i: number): MentionStatus | undefined {
  for (const s of sentences.slice(i + 1)) if (s.own && s.own !== 'expected') return s.own;
  return undefined;
}

// ─── Article kind ────────────────────────────────────────────────────────────────────────────────

/** Kind from wording: the kind with most cue matches (first paragraph twice); ties draft > outcome > preview. */
function wordingKind(paragraphs: SentenceFacts[][], matcher: LanguageMatcher): ArticleKind {
  const score: Record<ArticleKind, number> = { preview: 0, draft: 0, outcome: 0 };
  paragraphs.forEach((sentences, p) => {
    const weight = p === 0 ? 2 : 1;
    for (const s of sentences) for (const m of findAll(matcher.kinds, s.sentence)) score[m.owner as ArticleKind] += weight;
  });
  const order: ArticleKind[] = ['draft', 'outcome', 'preview'];
  const best = order.reduce((a, b) => (score[b] > score[a] ? b : a));
  return score[best] > 0 ? best : 'outcome';
}

/** Days between two YYYY-MM-DD dates (b − a). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * Refine the kind read from the wording with the article's date relative to its event's date:
 * a report dated before the event cannot report its outcome (→ preview); a "preview" dated two or more
 * days after the event reports what happened (→ outcome; one day is allowed for publication lag and
 * time zones). Drafts stay drafts: a leaked draft is reported before and after. Unknown dates: unchanged.
 */
export function articleKind(wording: ArticleKind, articleDate: string | null, eventDate: string | null): ArticleKind {
  if (!articleDate || !eventDate) return wording;
  const days = daysBetween(eventDate, articleDate);
  if (Number.isNaN(days)) return wording;
  if (days < 0 && wording === 'outcome') return 'preview';
  if (days >= 2 && wording === 'preview') return 'outcome';
  return wording;
}

// ─── Event status ────────────────────────────────────────────────────────────────────────────────

/**
 * A component's status for an event, from all its mentions: the strongest status (agreed > announced >
 * draft > expected), where `agreed` counts only when an outcome report says so — a preview or a draft
 * report "agreeing" speaks of a text the leaders had not yet adopted, so it counts as `draft`.
 * No mentions: `expected` (the weakest claim; callers normally only ask when there are mentions).
 */
export function eventComponentStatus(mentions: readonly { status: MentionStatus; articleKind: ArticleKind }[]): MentionStatus {
  let best = MENTION_STATUSES.length - 1;
  for (const m of mentions) {
    const status = m.status === 'agreed' && m.articleKind !== 'outcome' ? 'draft' : m.status;
    best = Math.min(best, MENTION_STATUSES.indexOf(status));
  }
  return MENTION_STATUSES[best] ?? 'expected';
}

// ─── Analysis ────────────────────────────────────────────────────────────────────────────────────

export interface ComponentOverrides {
  add?: string[];
  remove?: string[];
}

export interface ArticleAnalysis {
  paragraphs: AnalysedParagraph[];
  /** Kind from the wording alone; refine it with `articleKind` once the dates are known. */
  kind: ArticleKind;
}

/** Segment, tag and give a status to every sentence of an article (see the header for the rules). */
export function analyzeArticle(
  paragraphs: readonly SeedParagraph[],
  lang: Lang,
  taxonomy: Taxonomy,
  overrides: ComponentOverrides = {},
): ArticleAnalysis {
  const matcher = compiled(taxonomy)[lang];
  const texts = paragraphs.map((p) => p.text);
  const facts = texts.map((text) => sentenceFacts(text, lang, matcher));
  const kind = wordingKind(facts, matcher);
  const statuses = resolveStatuses(facts, texts, kind);
  applyOverrides(facts, matcher, overrides, new Set(taxonomy.components.map((c) => c.id)));
  return {
    kind,
    paragraphs: paragraphs.map((paragraph, p) => ({
      line: paragraph.line,
      sentences: analysedSentences(paragraph.text, facts[p] ?? [], statuses[p] ?? [], p),
    })),
  };
}

function sentenceFacts(text: string, lang: Lang, matcher: LanguageMatcher): SentenceFacts[] {
  const spans = splitSentences(text, lang);
  // A paragraph of nothing but spaces still needs one sentence, so that no text is lost.
  const usable = spans.length > 0 ? spans : [{ text, start: 0, end: text.length }];
  const earlier = new Set<number>();
  return usable.map((span) => {
    const sentence = matchable(span.text, lang, matcher.index);
    const components = [...new Set(findAll(matcher.components, sentence, earlier).map((m) => m.owner))];
    for (const id of sentence.positions.keys()) earlier.add(id);
    const own = ownStatus(sentence, matcher);
    return { ...span, sentence, components, ...(own ? { own } : {}) };
  });
}

function applyOverrides(
  facts: SentenceFacts[][],
  matcher: LanguageMatcher,
  overrides: ComponentOverrides,
  known: Set<string>,
): void {
  const remove = new Set(overrides.remove ?? []);
  for (const s of facts.flat()) s.components = s.components.filter((c) => !remove.has(c));
  for (const id of overrides.add ?? []) {
    if (!known.has(id) || remove.has(id) || facts.some((p) => p.some((s) => s.components.includes(id)))) continue;
    const target = bestSentenceFor(id, facts, matcher);
    if (target) target.components = [...target.components, id];
  }
}

/** The sentence sharing the most cue words with a component; the article's first sentence if none does. */
function bestSentenceFor(id: string, facts: SentenceFacts[][], matcher: LanguageMatcher): SentenceFacts | undefined {
  const terms = matcher.componentTerms.get(id) ?? new Set<number>();
  const all = facts.flat();
  let best = all[0];
  let bestScore = 0;
  for (const s of all) {
    let score = 0;
    for (const t of s.sentence.positions.keys()) if (terms.has(t)) score++;
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}

/** The output sentences: ids, exact text with leading space kept on the first, trailing whitespace. */
function analysedSentences(text: string, facts: SentenceFacts[], statuses: MentionStatus[], p: number): AnalysedSentence[] {
  return facts.map((s, i) => {
    const start = i === 0 ? 0 : s.start;
    const next = facts[i + 1];
    const trailing = text.slice(s.end, next ? next.start : text.length);
    const out: AnalysedSentence = { id: `s${p + 1}-${i + 1}`, text: text.slice(start, s.end), components: s.components };
    if (trailing) out.trailing = trailing;
    if (s.components.length > 0) out.status = statuses[i] ?? 'expected';
    return out;
  });
}

// ─── Taxonomy parsing ────────────────────────────────────────────────────────────────────────────

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TOP_KEYS = ['components', 'statusCues', 'statusModifiers', 'kindCues'];
const COMPONENT_KEYS = ['id', 'label', 'description', 'cues'];

/** Validate and read content/components.yaml. The taxonomy is returned only when there is no error. */
export function parseTaxonomy(yamlText: string, file: string): { taxonomy?: Taxonomy; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const problems: Problem[] = [];
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  const report = (severity: Problem['severity'], node: unknown, message: string, hint: string): void => {
    const line = lineOf(node);
    problems.push(line === undefined ? { severity, file, message, hint } : { severity, file, line, message, hint });
  };
  for (const e of doc.errors) {
    const line = lineCounter.linePos(e.pos[0]).line;
    problems.push({ severity: 'error', file, line, message: `YAML syntax: ${e.message.split('\n')[0]}`, hint: 'fix the indentation or quoting on this line' });
  }
  if (problems.length > 0) return { problems };
  const reader = new Reader(report);
  const root = doc.contents;
  if (!isMap(root)) {
    report('error', root, 'the file must be a mapping with `components` and `statusCues`', 'start from the example at the top of the file');
    return { problems };
  }
  const top = reader.mapEntries(root, TOP_KEYS, 'at the top level');
  const components = reader.componentList(top.get('components'), root);
  const statusCues = reader.cueTable(top.get('statusCues'), MENTION_STATUSES, 'statusCues', root, true);
  const kindCues = reader.cueTable(top.get('kindCues'), ARTICLE_KINDS, 'kindCues', root, false);
  const statusModifiers = reader.modifiers(top.get('statusModifiers'));
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return { taxonomy: { components, statusCues, kindCues, statusModifiers }, problems };
}

type Report = (severity: Problem['severity'], node: unknown, message: string, hint: string) => void;

/** Walks the YAML nodes of the taxonomy, reporting each mistake at its line. */
class Reader {
  private readonly report: Report;
  constructor(report: Report) {
    this.report = report;
  }

  /** The entries of a mapping by key; unknown keys are reported. */
  mapEntries(node: YamlNode, allowed: readonly string[], where: string): Map<string, Pair> {
    const out = new Map<string, Pair>();
    if (!isMap(node)) return out;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      // Duplicate keys never get here: the YAML parser reports them as a syntax error.
      if (!allowed.includes(key)) {
        this.report('error', pair.key, `unknown key "${key}" ${where}`, `use one of: ${allowed.join(', ')}`);
      } else out.set(key, pair);
    }
    return out;
  }

  componentList(pair: Pair | undefined, parent: YamlNode): ComponentDefinition[] {
    if (!pair || !isSeq(pair.value)) {
      this.report('error', pair?.key ?? parent, '`components` must be a list of components', 'write `components:` followed by `- id: …` entries');
      return [];
    }
    const seen = new Set<string>();
    const out: ComponentDefinition[] = [];
    for (const item of pair.value.items) {
      const def = this.component(item as YamlNode);
      if (!def) continue;
      if (seen.has(def.id)) {
        this.report('error', item, `the component id "${def.id}" is used twice`, 'give each component its own id');
        continue;
      }
      seen.add(def.id);
      out.push(def);
    }
    return out;
  }

  private component(node: YamlNode): ComponentDefinition | undefined {
    if (!isMap(node)) {
      this.report('error', node, 'a component must be a mapping with id, label, description and cues', 'see the first component for the shape');
      return undefined;
    }
    const entries = this.mapEntries(node, COMPONENT_KEYS, 'in a component');
    const idNode = entries.get('id')?.value;
    const id = isScalar(idNode) && typeof idNode.value === 'string' ? idNode.value : '';
    if (!ID.test(id)) {
      this.report('error', idNode ?? node, `the component id "${id}" is missing or not of the form a-z, 0-9 and dashes`, 'write e.g. `id: ceasefire-monitoring`');
      return undefined;
    }
    const label = this.localised(entries.get('label'), node, `label of "${id}"`);
    const description = this.localised(entries.get('description'), node, `description of "${id}"`);
    const cues = this.cuesByLang(entries.get('cues'), node, `cues of "${id}"`, true);
    return label && description ? { id, label, description, cues } : undefined;
  }

  private localised(pair: Pair | undefined, parent: YamlNode, what: string): Localised | undefined {
    const node = pair?.value;
    if (!pair || !isMap(node)) {
      this.report('error', pair?.key ?? parent, `the ${what} is missing`, 'give it en, ru and uk texts');
      return undefined;
    }
    const entries = this.mapEntries(node, UI_LANGS, `in the ${what}`);
    const out: Partial<Localised> = {};
    for (const lang of UI_LANGS) {
      const value = entries.get(lang)?.value;
      if (isScalar(value) && typeof value.value === 'string' && value.value.trim() !== '') out[lang] = value.value.trim();
      else this.report('error', value ?? pair.key, `the ${what} has no ${lang} text`, `add \`${lang}: …\``);
    }
    return UI_LANGS.every((l) => out[l] !== undefined) ? (out as Localised) : undefined;
  }

  /** Cue lists per language, each cue checked against the syntax. */
  cuesByLang(pair: Pair | undefined, parent: YamlNode, what: string, warnIfEmpty: boolean): CuesByLang {
    const out: CuesByLang = { ru: [], uk: [] };
    if (!pair) {
      if (warnIfEmpty) this.report('error', parent, `the ${what} are missing`, 'add `cues:` with `ru:` and `uk:` lists');
      return out;
    }
    if (!isMap(pair.value)) {
      this.report('error', pair.key, `the ${what} must be a mapping of ru and uk lists`, 'write `ru: [ … ]` and `uk: [ … ]`');
      return out;
    }
    const entries = this.mapEntries(pair.value, LANGS, `in the ${what}`);
    for (const lang of LANGS) {
      const list = entries.get(lang)?.value;
      out[lang] = this.cueList(list as YamlNode | undefined, lang, `${what} (${lang})`);
      if (warnIfEmpty && out[lang].length === 0) {
        this.report('warning', entries.get(lang)?.key ?? pair.key, `the ${what} have no ${lang} cues`, `${lang} articles will never be tagged with it; add a few cues`);
      }
    }
    return out;
  }

  private cueList(node: YamlNode | undefined, lang: Lang, what: string): string[] {
    if (node === undefined || node === null) return [];
    if (!isSeq(node)) {
      this.report('error', node, `the ${what} must be a list`, 'write `[ "cue", "cue" ]` or one `- "cue"` per line');
      return [];
    }
    const out: string[] = [];
    for (const item of node.items) {
      const value = isScalar(item) ? item.value : undefined;
      if (typeof value !== 'string') {
        this.report('error', item, `a cue in the ${what} is not text`, 'quote the cue: "word*"');
        continue;
      }
      const parsed = parseCue(value, lang);
      if (typeof parsed === 'string') {
        this.report('error', item, `bad cue "${value}" in the ${what}: ${parsed}`, 'see the cue syntax at the top of the file');
        continue;
      }
      out.push(value);
    }
    return out;
  }

  cueTable<K extends string>(pair: Pair | undefined, keys: readonly K[], what: string, parent: YamlNode, required: boolean): Record<K, CuesByLang> {
    const out = Object.fromEntries(keys.map((k) => [k, { ru: [], uk: [] }])) as unknown as Record<K, CuesByLang>;
    if (!pair) {
      if (required) this.report('error', parent, `\`${what}\` is missing`, `add \`${what}:\` with ${keys.join(', ')}`);
      return out;
    }
    if (!isMap(pair.value)) {
      this.report('error', pair.key, `\`${what}\` must be a mapping of ${keys.join(', ')}`, 'see the example in the file');
      return out;
    }
    const entries = this.mapEntries(pair.value, keys, `in ${what}`);
    for (const key of keys) out[key] = this.cuesByLang(entries.get(key), pair.value, `${what}.${key} cues`, false);
    return out;
  }

  modifiers(pair: Pair | undefined): Taxonomy['statusModifiers'] {
    const out = { negation: { ru: [], uk: [] } as CuesByLang, future: { ru: [], uk: [] } as CuesByLang };
    if (!pair || !isMap(pair.value)) return out;
    const entries = this.mapEntries(pair.value, ['negation', 'future'], 'in statusModifiers');
    for (const key of ['negation', 'future'] as const) {
      const byLang = entries.get(key)?.value;
      if (!isMap(byLang)) continue;
      const langs = this.mapEntries(byLang, LANGS, `in statusModifiers.${key}`);
      for (const lang of LANGS) {
        const list = langs.get(lang)?.value;
        if (!isSeq(list)) continue;
        for (const item of list.items) {
          const value = isScalar(item) ? item.value : undefined;
          if (typeof value === 'string' && /^[\p{L}'-]+$/u.test(value)) out[key][lang].push(value);
          else this.report('error', item, `statusModifiers.${key}.${lang} must list single words`, 'write one word per entry, e.g. "не"');
        }
      }
    }
    return out;
  }
}
