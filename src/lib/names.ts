/**
 * Names across Russian and Ukrainian spellings.
 *
 * Two tools, both pure:
 * - `skeleton(word)`: a spelling- and case-form-insensitive key, so Зеленский / Зеленського / Зеленський,
 *   Уиткофф / Віткофф / Witkoff, Киев / Київ compare equal without any list of names.
 * - the gazetteer (`content/entities.yaml`, parsed by `parseEntities`) and `findEntities`, which find the
 *   people, organisations, places and outlets an editor has listed; `findNames` finds the other
 *   capitalised names (not at a sentence start) and keys them with `skeleton`.
 *
 * Variant syntax in the gazetteer: words separated by spaces, hyphens or dots; a word ending in `*` matches
 * any word that starts with it and has at most MAX_ENDING more letters (a case ending, not a derived word);
 * a word written with a capital letter matches only words written with a capital (so `Туск*` finds Туска
 * but not тусклый).
 */
import { isMap, isNode, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { normalizeForAnalysis, normalizesAlone, PIECE_SEPARATOR, tokenize } from './text.ts';
import type { Entity, EntityKind, EntityMention, Lang, NameMention, Problem } from './types.ts';

// ---------------------------------------------------------------------------------------------------------
// skeleton

/**
 * Letters kept as consonants (ж ч ш щ ц as single letters, so Запоріжжя's жж collapses like any double);
 * vowels map to a class letter, used only when a word has too few consonants.
 */
// prettier-ignore
const TRANSLIT: Record<string, string> = {
  б: 'b', в: 'v', г: 'h', ґ: 'h', д: 'd', ж: 'ž', з: 'z', к: 'k', л: 'l', м: 'm', н: 'n', п: 'p', р: 'r',
  с: 's', т: 't', ф: 'f', х: 'h', ц: 'c', ч: 'č', ш: 'š', щ: 'šč',
  а: 'A', я: 'A', о: 'O', у: 'U', ю: 'U', е: 'E', є: 'E', э: 'E', и: 'I', і: 'I', ї: 'I', ы: 'I', й: 'I',
  ь: '', ъ: '', "'": '', '-': '',
  // Latin, so Witkoff, Kushner, Macron meet their Cyrillic spellings.
  a: 'A', e: 'E', i: 'I', o: 'O', u: 'U', y: 'I', b: 'b', c: 'k', d: 'd', f: 'f', g: 'h', h: 'h', j: 'dž',
  k: 'k', l: 'l', m: 'm', n: 'n', p: 'p', q: 'k', r: 'r', s: 's', t: 't', v: 'v', w: 'v', x: 'ks', z: 'z',
};
const LATIN_DIGRAPHS = /kh|ck|ph|zh|ch|sh|ts/g;
const LATIN_DIGRAPH_SOUND: Record<string, string> = {
  kh: 'h',
  ck: 'k',
  ph: 'f',
  zh: 'ž',
  ch: 'č',
  sh: 'š',
  ts: 'c',
};

/** A case ending is only stripped when this much of the word remains. */
const MIN_STEM_AFTER_VOWELS = 3;
const MIN_STEM_AFTER_ENDING = 4;
const FINAL_VOWELS = /[аяоуюеєэиіїыйьъ']+$/;
/** Consonant-bearing case endings of nouns and adjectives, ru and uk, once their final vowels are gone. */
const CONSONANT_ENDING = /(?:[оеаяыиіїє]м|[аяыиі]х|ьог|[ое]г)$/;
/**
 * Plural -ов/-ев/-ів only from long words (переговоров = переговоры = переговори): on short ones it ends a
 * surname (Буданов ≠ Байден, Дмитриев ≠ Дмитрий), and ru -ов / uk -ів agree there anyway.
 */
const PLURAL_V_ENDING = /[оеіїє]в$/;
const MIN_CONSONANTS_AFTER_PLURAL_V = 5;
const NOT_CONSONANTS = /[аяоуюеєэиіїыйьъ'\-]/g;
/** Russian writes English W- as У- before a vowel (Уиткофф, Уэльс); Ukrainian as В- (Віткофф). */
const INITIAL_U_AS_W = /^у(?=[аеиоуыэюяіїє])/;
const VOWEL_CLASSES = /[AEIOU]/g;
const VOWEL_RUNS = /[AEIOU]+/g;

/**
 * A spelling-insensitive key for one word: the case ending stripped, transliterated, vowels (whose
 * spelling differs most between ru and uk: и/і/ї/ы, е/є/э, й, ь, ') dropped, г/х merged (Хегсет/Гегсет),
 * doubled letters collapsed. A word with fewer than two consonants keeps its vowels (ООН, ЄС, ОАЭ).
 */
export function skeleton(word: string): string {
  let key = skeletonCache.get(word);
  if (key === undefined) {
    if (skeletonCache.size >= SKELETON_CACHE_SIZE) skeletonCache.clear();
    key = computeSkeleton(word);
    skeletonCache.set(word, key);
  }
  return key;
}

// Skeletons are asked for the same words again and again (every article says Украина); a bounded memo.
const SKELETON_CACHE_SIZE = 50_000;
const skeletonCache = new Map<string, string>();

function computeSkeleton(word: string): string {
  const base = stripEnding(normalizeForAnalysis(word).replace(INITIAL_U_AS_W, 'в'));
  const latin = [...base.replace(LATIN_DIGRAPHS, (d) => LATIN_DIGRAPH_SOUND[d] ?? d)]
    .map((c) => TRANSLIT[c] ?? c)
    .join('');
  const consonants = collapseDoubles(latin.replace(VOWEL_CLASSES, ''));
  if (consonants.length >= 2) return consonants;
  return collapseDoubles(latin.replace(VOWEL_RUNS, (run) => run[0]!)).toLowerCase();
}

function stripEnding(word: string): string {
  const withoutVowels = word.replace(FINAL_VOWELS, '');
  if (withoutVowels.length < MIN_STEM_AFTER_VOWELS) return word;
  const withoutEnding = withoutVowels.replace(CONSONANT_ENDING, '');
  if (withoutEnding !== withoutVowels)
    return withoutEnding.length >= MIN_STEM_AFTER_ENDING ? withoutEnding : withoutVowels;
  const withoutPlural = withoutVowels.replace(PLURAL_V_ENDING, '');
  const consonants = withoutPlural.replace(NOT_CONSONANTS, '').length;
  return consonants >= MIN_CONSONANTS_AFTER_PLURAL_V ? withoutPlural : withoutVowels;
}

function collapseDoubles(s: string): string {
  return s.replace(/(.)\1+/g, '$1');
}

// ---------------------------------------------------------------------------------------------------------
// cross-lingual keys of ordinary text

/** Frequent words that say nothing about the topic (ru and uk, normalised); shorter words are dropped anyway. */
// prettier-ignore
const STOP_WORDS = new Set(
  (
    'этот этого этой этом эти этих этим также более менее может могут было были была будет будут быть ' +
    'который которая которое которые которых которым которой после перед между через около однако потому ' +
    'поэтому всех всего весь вся свои своей своих свой своим него неё нее них ними теперь только уже даже ' +
    'если чтобы того тому тем том есть нужно очень когда чего сейчас здесь ранее позже сообщает сообщил ' +
    'сообщила заявил заявила заявили отметил отметила отметили отмечается говорится пишет издание рамках ' +
    'время году года день дня также кроме именно словам этом этого числе том стороны сторон ' +
    'цей цього цієї цьому цих цим також більше менше може можуть було були була буде будуть бути який яка ' +
    'яке які яких яким якої після перед через близько однак тому всіх всього свої своєї своїх свій своїм ' +
    'його неї нього ними тепер тільки лише навіть якщо щоб того тому тим також треба дуже коли чого ' +
    'зараз раніше пізніше повідомляє повідомив повідомила заявив заявила заявили зазначив зазначила ' +
    'зазначили зазначається йдеться пише видання рамках році року зокрема крім саме словами сторони сторін ' +
    'понад щодо мають має мати случае случай должны должно должен'
  ).split(' '),
);
const MIN_CONTENT_WORD = 4;
const HAS_DIGIT = /\d/;

/** Whether a normalised word carries topic: long enough, no digits, not a stop word. */
export function isContentWord(word: string): boolean {
  return word.length >= MIN_CONTENT_WORD && !HAS_DIGIT.test(word) && !STOP_WORDS.has(word);
}

/**
 * Language-neutral keys for a text, so Russian and Ukrainian wordings of the same thing overlap
 * (коалиции / коаліції, саммит / саміт, гарантии / гарантії): the skeletons of its content words, in
 * text order, repeats kept. `lang` is accepted for symmetry; skeletons need no language.
 */
export function crossLingualKeys(text: string, _lang: Lang): string[] {
  // Piece by piece (see PIECE_SEPARATOR), each memoised: news text repeats its words, and normalising every
  // sentence afresh was most of the bilingual view's time (2.1 of 2.5 s at 10,000 articles).
  const keys: string[] = [];
  for (const piece of text.split(PIECE_SEPARATOR)) {
    if (piece === '') continue;
    let own = pieceKeys.get(piece);
    if (own === undefined) {
      if (!normalizesAlone(piece)) return keysOfText(text);
      own = keysOfText(piece);
      if (pieceKeys.size >= PIECE_KEYS_CACHE_SIZE) pieceKeys.clear();
      pieceKeys.set(piece, own);
    }
    for (const key of own) keys.push(key);
  }
  return keys;
}

const keysOfText = (text: string): string[] => tokenize(text).filter(isContentWord).map(skeleton);
// A bounded memo, like skeleton's: a piece is a word or two with punctuation (about 150 bytes an entry).
const PIECE_KEYS_CACHE_SIZE = 100_000;
const pieceKeys = new Map<string, readonly string[]>();

// ---------------------------------------------------------------------------------------------------------
// words with their place in the original text

/** A word of the original text: where it is, its normalised form, whether it was written with a capital. */
export interface Word {
  start: number;
  end: number;
  norm: string;
  capital: boolean;
}

// Hyphens split words here, so РБК-Украина is two words and Україна inside it is still found.
const WORD = /[\p{L}\p{N}\p{M}\u00AD\u200B-\u200D\u2060]+(?:['\u2019\u02BC][\p{L}\p{M}]+)*/gu;
const UPPER_START = /^[\u00AD\u200B-\u200D\u2060]*\p{Lu}/u;

/** A word that lower-casing alone normalises (no ё, apostrophe, combining or invisible character). */
const PLAIN_WORD = /^[a-z0-9а-яєіїґ]+$/;

/**
 * Text made only of ASCII, the Cyrillic block and common typographic punctuation and spaces (most news
 * text). In it, \p{L}, \p{N} and \p{M} are exactly the characters of PLAIN_TEXT_WORD's plain classes (ASCII
 * letters and digits; the Cyrillic block but U+0482, a symbol), and PLAIN_TEXT_WORD finds the same words as
 * WORD: a class without the u flag is several times faster than the Unicode properties.
 */
const PLAIN_TEXT = /^[\u0000-\u007F\u0400-\u04FF\u00A0\u00AB\u00BB\u2013\u2014\u2018\u2019\u201C-\u201E\u2026\u2116]*$/;
const PLAIN_TEXT_WORD = /[0-9A-Za-z\u0400-\u0481\u0483-\u04FF]+(?:['\u2019][A-Za-z\u0400-\u0481\u0483-\u04FF]+)*/g;

/** The words of a text with their offsets in it (not in its normalised copy). */
export function words(text: string): Word[] {
  const out: Word[] = [];
  const pattern = PLAIN_TEXT.test(text) ? PLAIN_TEXT_WORD : WORD;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const form = wordForm(m[0]);
    out.push({ start: m.index, end: m.index + m[0].length, norm: form.norm, capital: form.capital });
  }
  return out;
}

// A word's normalised form and capital, memoised (bounded): news vocabulary repeats across articles.
const WORD_FORM_CACHE_SIZE = 100_000;
const wordFormCache = new Map<string, { norm: string; capital: boolean }>();

function wordForm(written: string): { norm: string; capital: boolean } {
  let form = wordFormCache.get(written);
  if (form === undefined) {
    const lower = written.toLowerCase();
    form = { norm: PLAIN_WORD.test(lower) ? lower : normalizeForAnalysis(written), capital: UPPER_START.test(written) };
    if (wordFormCache.size >= WORD_FORM_CACHE_SIZE) wordFormCache.clear();
    wordFormCache.set(written, form);
  }
  return form;
}

const SPACE = /\s/;

/**
 * The words of `part`, which stands in `text` at `offset` (a sentence of a paragraph), taken from `list`, the
 * words of `text`, when `part` has whitespace or the text's ends on both sides (no word can run across it then);
 * else read afresh. Offsets are in `part`.
 */
export function wordsOfPart(text: string, list: readonly Word[], part: string, offset: number): Word[] {
  const end = offset + part.length;
  const bounded =
    text.startsWith(part, offset) &&
    (offset === 0 || SPACE.test(text[offset - 1]!)) &&
    (end === text.length || SPACE.test(text[end]!));
  if (!bounded) return words(part);
  const out: Word[] = [];
  for (let i = firstWordFrom(list, offset); i < list.length && list[i]!.end <= end; i++) {
    const w = list[i]!;
    out.push({ start: w.start - offset, end: w.end - offset, norm: w.norm, capital: w.capital });
  }
  return out;
}

/** Index of the first word starting at or after `offset` (binary search: words are in text order). */
function firstWordFrom(list: readonly Word[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------------------
// gazetteer

/** A word of a variant: normalised text, prefix match or exact, capital required or not. */
interface PatternWord {
  text: string;
  prefix: boolean;
  capital: boolean;
}

interface Pattern {
  entityId: string;
  words: PatternWord[];
}

/** The parsed gazetteer, ready for matching. Build it with `parseEntities` or `buildEntityIndex`. */
export interface EntityIndex {
  readonly entities: readonly Entity[];
  readonly byId: ReadonlyMap<string, Entity>;
  /** Patterns by the first two letters of their first word, longest first. */
  readonly buckets: ReadonlyMap<string, readonly Pattern[]>;
  /** Skeletons of the given names in a person's labels (Стив, Стів, Steve → stv), by entity id. */
  readonly givenNames: ReadonlyMap<string, ReadonlySet<string>>;
}

export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'organisation', 'place', 'outlet'];
/** At most this many letters may follow the stem of a `*` word (Зеленск* → Зеленскому, not Зеленскость). */
export const MAX_ENDING = 4;
const MIN_PREFIX = 3;
const BUCKET = 2;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Only spaces, hyphens, dots and no-break spaces may stand between the words of one mention. */
const WORD_GAP = /^[\s\u00A0.\-\u2010\u2011]{1,3}$/;
const VARIANT_WORD = /^[\p{L}\p{N}'\u2019\u02BC]+\*?$/u;

/** Index a list of valid entities; the first entity listing a variant keeps it. */
export function buildEntityIndex(entities: readonly Entity[]): EntityIndex {
  const buckets = new Map<string, Pattern[]>();
  const seen = new Set<string>();
  for (const entity of entities) {
    for (const variant of entity.variants) {
      const words = compileVariant(variant);
      const signature = words.map((w) => `${w.text}${w.prefix ? '*' : ''}`).join(' ');
      if (words.length === 0 || seen.has(signature)) continue;
      seen.add(signature);
      const key = words[0]!.text.slice(0, BUCKET);
      const list = buckets.get(key) ?? [];
      list.push({ entityId: entity.id, words });
      buckets.set(key, list);
    }
  }
  // Longest first, so "Парижский клуб" wins over "Париж*"; the sort is stable, so file order breaks ties.
  for (const list of buckets.values()) list.sort((a, b) => b.words.length - a.words.length);
  return {
    entities,
    byId: new Map(entities.map((e) => [e.id, e])),
    buckets,
    givenNames: givenNamesOf(entities),
  };
}

/** A person's label words before the surname, as skeletons: the given names written before a surname. */
function givenNamesOf(entities: readonly Entity[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const entity of entities) {
    if (entity.kind !== 'person') continue;
    const names = new Set<string>();
    for (const label of [entity.label.en, entity.label.ru, entity.label.uk]) {
      for (const word of label.split(/\s+/).slice(0, -1)) names.add(skeleton(word));
    }
    out.set(entity.id, names);
  }
  return out;
}

function compileVariant(variant: string): PatternWord[] {
  return variant
    .split(/[\s.\-\u2010\u2011]+/)
    .filter((w) => w !== '')
    .map((raw) => {
      const prefix = raw.endsWith('*');
      const text = normalizeForAnalysis(prefix ? raw.slice(0, -1) : raw);
      return { text, prefix, capital: UPPER_START.test(raw) };
    });
}

/** Why a variant cannot be used, or undefined when it can. */
function variantError(variant: string): string | undefined {
  const parts = variant.split(/[\s.\-\u2010\u2011]+/).filter((w) => w !== '');
  if (parts.length === 0) return 'is empty';
  for (const part of parts) {
    if (!VARIANT_WORD.test(part)) return `has "${part}": a word may only end with *, not contain it`;
    const prefix = part.endsWith('*');
    const letters = prefix ? part.length - 1 : part.length;
    if (prefix && letters < MIN_PREFIX) return `has "${part}": a * word needs at least ${MIN_PREFIX} letters`;
    if (!prefix && letters < BUCKET) return `has "${part}": a word needs at least ${BUCKET} letters`;
  }
  return undefined;
}

/**
 * Parse `content/entities.yaml`. Entries with mistakes are reported (with their line) and left out;
 * `entities` is missing only when the file as a whole cannot be read as a list of entities.
 */
export function parseEntities(
  yamlText: string,
  file: string,
): { entities?: EntityIndex; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter });
  const lineOf = (node: YamlNode | null | undefined): number | undefined =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  const problems: Problem[] = [];
  const [syntaxError] = doc.errors;
  if (syntaxError) {
    const line = syntaxError.linePos?.[0]?.line;
    problems.push({
      severity: 'error',
      file,
      ...(line === undefined ? {} : { line }),
      message: `The gazetteer is not valid YAML: ${syntaxError.message.split('\n')[0]}`,
      hint: 'Fix the YAML syntax at that line (indentation, a missing colon or an unclosed quote).',
    });
    return { problems };
  }
  const root = doc.contents;
  const list = isMap(root) ? root.get('entities', true) : root;
  if (!isSeq(list)) {
    problems.push({
      severity: 'error',
      file,
      message: 'The gazetteer has no list of entities.',
      hint: 'Write `entities:` followed by a list of entries, each starting with `- id:`.',
    });
    return { problems };
  }
  const entities: Entity[] = [];
  const ids = new Set<string>();
  for (const item of list.items) {
    const line = lineOf(item as YamlNode);
    const report = (message: string, hint: string, severity: Problem['severity'] = 'error'): void => {
      problems.push({ severity, file, ...(line === undefined ? {} : { line }), message, hint });
    };
    const entity = readEntity(isNode(item) ? item.toJSON() : item, report);
    if (!entity) continue;
    if (ids.has(entity.id)) {
      report(
        `Entity id "${entity.id}" is used twice.`,
        'Give each entity its own id, or merge the two entries.',
      );
      continue;
    }
    ids.add(entity.id);
    entities.push(entity);
  }
  return { entities: buildEntityIndex(entities), problems };
}

type Report = (message: string, hint: string, severity?: Problem['severity']) => void;

/** One entry of the gazetteer as an Entity, or undefined (after reporting why) when it is not usable. */
function readEntity(raw: unknown, report: Report): Entity | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    report(
      'An entry of the gazetteer is not a mapping.',
      'Write each entry as `- id: …` with kind, label and variants.',
    );
    return undefined;
  }
  const entry = raw as Record<string, unknown>;
  const id = entry['id'];
  if (typeof id !== 'string' || !ID.test(id)) {
    report(
      `Entity id ${JSON.stringify(id)} is not a lower-case slug.`,
      'Use an id like `zelensky` or `sky-news`.',
    );
    return undefined;
  }
  const kind = entry['kind'];
  if (typeof kind !== 'string' || !(ENTITY_KINDS as readonly string[]).includes(kind)) {
    report(`Entity "${id}" has kind ${JSON.stringify(kind)}.`, `Use one of: ${ENTITY_KINDS.join(', ')}.`);
    return undefined;
  }
  const label = readLabel(entry['label']);
  if (!label) {
    report(`Entity "${id}" needs a label in en, ru and uk.`, 'Write `label: { en: …, ru: …, uk: … }`.');
    return undefined;
  }
  const rawVariants = entry['variants'];
  const variants = Array.isArray(rawVariants)
    ? rawVariants.filter((v): v is string => typeof v === 'string')
    : [];
  if (variants.length === 0 || variants.length !== (rawVariants as unknown[]).length) {
    report(`Entity "${id}" needs a list of variants (text).`, 'Write `variants: [Зеленск*, Зеленськ*]`.');
    return undefined;
  }
  const usable: string[] = [];
  for (const variant of variants) {
    const error = variantError(variant);
    if (error)
      report(`Variant "${variant}" of "${id}" ${error}.`, 'Correct the variant or remove it.', 'warning');
    else usable.push(variant);
  }
  if (usable.length === 0) return undefined;
  return { id, kind: kind as EntityKind, label, variants: usable };
}

function readLabel(raw: unknown): Entity['label'] | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { en, ru, uk } = raw as Record<string, unknown>;
  const ok = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
  return ok(en) && ok(ru) && ok(uk) ? { en, ru, uk } : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// finding entities and names

function wordMatches(word: Word, pattern: PatternWord): boolean {
  if (pattern.capital && !word.capital) return false;
  if (!pattern.prefix) return word.norm === pattern.text;
  return word.norm.startsWith(pattern.text) && word.norm.length - pattern.text.length <= MAX_ENDING;
}

/** The number of words a pattern covers from position i, or 0 when it does not match there. */
function matchAt(text: string, list: Word[], i: number, pattern: Pattern): number {
  for (let j = 0; j < pattern.words.length; j++) {
    const word = list[i + j];
    if (!word || !wordMatches(word, pattern.words[j]!)) return 0;
    if (j > 0 && !WORD_GAP.test(text.slice(list[i + j - 1]!.end, word.start))) return 0;
  }
  return pattern.words.length;
}

/**
 * Gazetteer matches over a word list: [first word, word count, entity id], left to right, longest first.
 * A person's given name written right before the surname joins the mention (Стива Уиткоффа).
 */
function matchEntities(text: string, list: Word[], index: EntityIndex): Array<[number, number, string]> {
  const found: Array<[number, number, string]> = [];
  let free = 0; // first word not yet inside a mention
  for (let i = 0; i < list.length;) {
    const candidates = index.buckets.get(list[i]!.norm.slice(0, BUCKET)) ?? [];
    let taken = 0;
    for (const pattern of candidates) {
      taken = matchAt(text, list, i, pattern);
      if (taken > 0) {
        const given = i > free && isGivenName(text, list, i - 1, index.givenNames.get(pattern.entityId));
        found.push(given ? [i - 1, taken + 1, pattern.entityId] : [i, taken, pattern.entityId]);
        free = i + taken;
        break;
      }
    }
    i += Math.max(taken, 1);
  }
  return found;
}

function isGivenName(
  text: string,
  list: Word[],
  at: number,
  names: ReadonlySet<string> | undefined,
): boolean {
  const word = list[at]!;
  return (
    names !== undefined &&
    word.capital &&
    WORD_GAP.test(text.slice(word.end, list[at + 1]!.start)) &&
    names.has(skeleton(word.norm))
  );
}

/**
 * Mentions of gazetteer entities in a text, in text order: the entity id, the words as written and their
 * offset in `text`. `lang` is accepted for symmetry: variants of both languages apply to every text.
 */
export function findEntities(text: string, lang: Lang, index: EntityIndex): EntityMention[] {
  return analyseNames(text, lang, index).entities;
}

/**
 * Capitalised names the gazetteer does not know, as sequences of capitalised words (Стив Уиткофф,
 * Свитолина). A word at a sentence start is not taken as a name on its own account, since any word is
 * capitalised there. Each name gets a key of its words' skeletons, equal across ru/uk spellings and cases.
 */
export function findNames(text: string, lang: Lang, index: EntityIndex): NameMention[] {
  return analyseNames(text, lang, index).names;
}

/** What `analyseNames` finds in a text. */
export interface NamesAnalysis {
  words: Word[];
  entities: EntityMention[];
  names: NameMention[];
}

/**
 * Entities and names of a text in one pass, with its words (for callers that look at the rest).
 * `list`: the text's words, when the caller has them already.
 */
export function analyseNames(text: string, _lang: Lang, index: EntityIndex, list: Word[] = words(text)): NamesAnalysis {
  const matches = matchEntities(text, list, index);
  const entities = matches.map(([i, n, id]) => {
    const start = list[i]!.start;
    return { id, form: text.slice(start, list[i + n - 1]!.end), offset: start };
  });
  return { words: list, entities, names: namesOf(text, list, matches) };
}

/**
 * `analyseNames` of `part`, which stands in `text` at `offset` (a sentence of a paragraph), given the
 * analysis of `text`: the same analysis when the part is the whole text, else one reusing its words.
 */
export function analysePart(
  text: string,
  analysis: NamesAnalysis,
  part: string,
  offset: number,
  lang: Lang,
  index: EntityIndex,
): NamesAnalysis {
  if (offset === 0 && part === text) return analysis;
  return analyseNames(part, lang, index, wordsOfPart(text, analysis.words, part, offset));
}

/** Between a sentence's end and its first word there may be spaces, quotes, brackets and dashes. */
const SENTENCE_LEAD = new Set([...' \u00A0\t«»"„“”\'‘’()[]-–—']);
const SENTENCE_END = new Set([...'.!?…:\n']);
const NAME_GAP = /^[\s\u00A0\-\u2010\u2011]{1,2}$/;
const HAS_LETTER = /\p{L}/u;

function namesOf(text: string, list: Word[], matches: Array<[number, number, string]>): NameMention[] {
  const known = new Set<number>();
  for (const [i, n] of matches) for (let j = i; j < i + n; j++) known.add(j);
  const out: NameMention[] = [];
  let run: number[] = [];
  const flush = (): void => {
    if (run.length > 0) {
      const first = list[run[0]!]!;
      const last = list[run[run.length - 1]!]!;
      const key = run.map((j) => skeleton(list[j]!.norm)).join(' ');
      out.push({ key, form: text.slice(first.start, last.end), offset: first.start });
    }
    run = [];
  };
  list.forEach((word, i) => {
    const nameLike = word.capital && !known.has(i) && HAS_LETTER.test(word.norm);
    const joins = run.length > 0 && NAME_GAP.test(text.slice(list[i - 1]!.end, word.start));
    if (!nameLike || !joins) flush();
    if (!nameLike) return;
    if (run.length === 0 && atSentenceStart(text, word.start)) return;
    run.push(i);
  });
  flush();
  return out;
}

/** Whether the word at `start` begins a sentence (or the text): looks back past quotes and spaces only. */
function atSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && SENTENCE_LEAD.has(text[i]!)) i--;
  return i < 0 || SENTENCE_END.has(text[i]!);
}
