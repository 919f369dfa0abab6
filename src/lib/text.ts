/**
 * Text analysis shared by every other module: normalisation, tokens, stems, sentences.
 * Analysis always works on a normalised copy; the text shown to readers is never changed.
 *
 * Stemming: Russian uses @orama/stemmers/russian (a Snowball port) as is. Ukrainian uses
 * @orama/stemmers/ukrainian followed by a small light post-step (`ukrainianPostStep`), because the
 * Orama stemmer leaves the -ія/-ії/-ією nouns and common verb endings split over several stems
 * (гарантії → гаранті but гарантій → гарант; заявив → заяв but заявили → заявил).
 * Every stem is memoised: news vocabulary is small, and 10,000 articles repeat the same words.
 */
import { stemmer as stemRussian } from '@orama/stemmers/russian';
import { stemmer as stemUkrainian } from '@orama/stemmers/ukrainian';
import type { Lang } from './types.ts';

/** One pass for the one-character fixes: apostrophes as ', ё as е, zero-width characters dropped. */
const SINGLE_CHARACTER_FIXES = /[\u2019\u02BC\u02B9\u2018\u0060\u00B4\uFF07ё\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const CHARACTER_FIX: Record<string, string> = {
  '\u2019': "'", '\u02BC': "'", '\u02B9': "'", '\u2018': "'", '\u0060': "'", '\u00B4': "'", '\uFF07': "'", ё: 'е',
};
const SPACES = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;
/** Combining marks other than the breve (й) and diaeresis (ё, ї), which NFC folds back into letters. */
const STRAY_MARKS = /[\u0300-\u0305\u0307\u0309-\u036F]/g;
const ANY_MARK = /[\u0300-\u036F]/;
/** Precomposed Cyrillic letters with a stress-like accent, which NFC keeps whole. */
const ACCENTED = /[ѐѝ]/g;
const UNACCENTED: Record<string, string> = { ѐ: 'е', ѝ: 'и' };
const HAS_LATIN = /[a-z]/;
const LETTER_RUN = /[\p{L}']+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN_LOOKALIKE: Record<string, string> = {
  a: 'а', c: 'с', e: 'е', i: 'і', k: 'к', m: 'м', o: 'о', p: 'р', x: 'х', y: 'у', h: 'н', t: 'т', b: 'в',
};

/** Latin look-alike letters inside a Cyrillic word made Cyrillic ("гарантiї" typed with a Latin i). */
function cyrillicLookalikes(text: string): string {
  if (!HAS_LATIN.test(text)) return text;
  return text.replace(LETTER_RUN, (word) =>
    HAS_LATIN.test(word) && CYRILLIC.test(word) ? word.replace(/[a-z]/g, (c) => LATIN_LOOKALIKE[c] ?? c) : word,
  );
}

/** Lower case without stress marks, in NFC: decomposing only when there is a mark to remove (fast path). */
function withoutMarks(text: string): string {
  const lower = text.toLowerCase().replace(ACCENTED, (c) => UNACCENTED[c] ?? c);
  if (!ANY_MARK.test(lower)) return lower.normalize('NFC');
  return lower.normalize('NFD').replace(STRAY_MARKS, '').normalize('NFC');
}

/**
 * A comparable form of text: lower case, stress and other stray combining marks removed, NFC (so и +
 * combining breve is й), ё → е, every apostrophe as ', Latin look-alike letters inside Cyrillic words
 * made Cyrillic, zero-width characters removed, runs of spaces as one space.
 */
export function normalizeForAnalysis(text: string): string {
  const plain = withoutMarks(text).replace(SINGLE_CHARACTER_FIXES, (c) => CHARACTER_FIX[c] ?? '').replace(SPACES, ' ');
  return cyrillicLookalikes(plain).trim();
}

/**
 * Whitespace at which a text can be cut before normalising it: when every piece `normalizesAlone`, the words
 * of `normalizeForAnalysis(text)` are those of its pieces' normalised forms, in order (every step works
 * within the pieces, and whitespace ends every word). U+FEFF is no separator: normalising removes it, joining
 * its neighbours. So callers can memoise words per piece: news vocabulary repeats.
 */
export const PIECE_SEPARATOR = /[^\S\uFEFF]+/;

/** Whether a piece normalises as it would inside a longer text: no combining mark (one anywhere sends the whole text through NFD). */
export function normalizesAlone(piece: string): boolean {
  return !ANY_MARK.test(piece.toLowerCase());
}

const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

/** Words of a text, normalised; a Ukrainian apostrophe stays inside its word (обов'язкова). */
export function tokenize(text: string): string[] {
  return normalizeForAnalysis(text).match(WORD) ?? [];
}

// The light Ukrainian post-step. Each rule keeps at least three letters of stem.
const UK_IA_NOUN = /(?<=^.{2,}[^аеиоуюяіїє'])(?:і[єїюя]?|ї)$/u;
const UK_PRESENT_VERB = /(?<=.{3,})(?:ют|ут|ят|єт)$/u;
const UK_PAST_VERB = /(?<=.{4,})(?:ил|ив)$/u;

/**
 * Folds what the Orama Ukrainian stemmer leaves apart: гаранті/гарантіє → гарант (like гарантій),
 * коміс(і) → коміс, плануєт/плануют → плану, заявил/заяв → заяв.
 */
export function ukrainianPostStep(orama: string): string {
  const noun = orama.replace(UK_IA_NOUN, '');
  if (noun !== orama) return noun;
  return orama.replace(UK_PRESENT_VERB, '').replace(UK_PAST_VERB, '');
}

const STEM_CACHE_LIMIT = 200_000;
const stemCache: Record<Lang, Map<string, string>> = { ru: new Map(), uk: new Map() };

/**
 * Stem of one normalised word (apostrophes dropped, so зобовязання and зобов'язання agree):
 * Snowball for Russian, Orama plus the light post-step for Ukrainian.
 */
export function stem(word: string, lang: Lang): string {
  const cache = stemCache[lang];
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const bare = word.replace(/'/g, '');
  const result = lang === 'ru' ? stemRussian(bare) : ukrainianPostStep(stemUkrainian(bare));
  // A bounded memo: clearing keeps memory flat on huge inputs, results are the same either way.
  if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
  cache.set(word, result);
  return result;
}

/** Stems of every word in a text. */
export function stems(text: string, lang: Lang): string[] {
  return tokenize(text).map((w) => stem(w, lang));
}

/** A sentence located in its paragraph: `text === paragraph.slice(start, end)`. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/**
 * Abbreviations that never end a sentence: a title, a place word or a reference comes next
 * ("им. Шевченко", "проф. Иванов", "ст. 5"). Others (млн., млрд., тис., т.е., т.д., ін., др., гг.) are
 * left alone by the capital rule: before a capital they end the sentence, before a small letter not.
 */
const NEVER_FINAL = new Set([
  'им', 'ім', 'ст', 'проф', 'акад', 'доц', 'ген', 'ул', 'вул', 'пл', 'пер', 'просп', 'бул', 'пос', 'с', 'см',
  'напр', 'п', 'пп', 'гл', 'рис', 'табл', 'св', 'оз', 'о', 'м', 'тов', 'гр', 'д', 'кв', 'корп', 'обл', 'р-н',
  'зам', 'пред', 'ред', 'изд', 'вид', 'англ', 'рус', 'укр', 'франц', 'нем', 'лат', 'тел', 'ср', 'див',
]);
/** "г." and "р." mean a year after a number ("2026 г.") and may end it; otherwise "г. Киев" — a city. */
const YEAR_ABBREVIATIONS = new Set(['г', 'р']);

const TERMINAL = /[.!?…]/u;
const CLOSERS = /["»“”'’)\]]/u;
const OPENERS = /["«„“'(\[]/u;
const DASHES = /[-–—]/u;
const UPPER_START = /[\p{Lu}\p{N}]/u;
const SPACE = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]/u;
const WORD_CHAR = /[\p{L}\p{N}-]/u;

/** Where the next sentence would start: the first character after `from` that is not a space. */
function nextVisible(text: string, from: number): number {
  let i = from;
  while (i < text.length && SPACE.test(text[i]!)) i++;
  return i;
}

/** Whether the text from `i` opens a sentence: a capital or digit, possibly after quotes or a dash. */
function opensSentence(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && (OPENERS.test(text[j]!) || DASHES.test(text[j]!) || SPACE.test(text[j]!))) j++;
  const first = text[j];
  if (first === undefined) return false;
  return UPPER_START.test(first);
}

/** Whether a single "." at `dot` belongs to an abbreviation, initial or list number rather than ending. */
function dotIsNotFinal(text: string, dot: number, sentenceStart: number): boolean {
  let from = dot;
  while (from > sentenceStart && WORD_CHAR.test(text[from - 1]!)) from--;
  if (from === dot) return false;
  const word = text.slice(from, dot);
  const lower = word.toLowerCase();
  const before = text[from - 1];
  // An initial: "В. Зеленский", "Д. Трамп", "В. В. Путин".
  if (/^\p{Lu}$/u.test(word)) return true;
  // A list number at the start of a sentence: "1. Перше…".
  if (/^\d+$/.test(word)) return text.slice(sentenceStart, from).trim() === '';
  // "т.е.", "т.д.", "и т.п.": the last part of a dotted abbreviation may end a sentence.
  if (before === '.' && lower.length <= 2) return false;
  if (YEAR_ABBREVIATIONS.has(lower)) return !/\d\s*$/.test(text.slice(Math.max(sentenceStart, from - 8), from));
  return NEVER_FINAL.has(lower);
}

/**
 * End of a sentence ending with the terminal punctuation run starting at `i`, or -1 when it goes on.
 * The end includes the punctuation run and any closing quotes or brackets right after it.
 */
function sentenceEndAt(text: string, i: number, sentenceStart: number): number {
  let end = i;
  while (end < text.length && TERMINAL.test(text[end]!)) end++;
  while (end < text.length && CLOSERS.test(text[end]!)) end++;
  // Mid-token dots ("1.5", "т.е", "OBOZ.UA") and punctuation followed by a comma do not end anything.
  if (end < text.length && !SPACE.test(text[end]!)) return -1;
  const next = nextVisible(text, end);
  if (next >= text.length) return end;
  if (!opensSentence(text, next)) return -1;
  const run = text.slice(i, end);
  if (run.startsWith('.') && !run.startsWith('..') && dotIsNotFinal(text, i, sentenceStart)) return -1;
  return end;
}

/** A line break ends a sentence when a capital starts the next line (a heading, a new item). */
function lineBreakEnd(text: string, i: number): number {
  let end = i;
  while (end > 0 && SPACE.test(text[end - 1]!)) end--;
  const next = nextVisible(text, i);
  return next < text.length && opensSentence(text, next) ? end : -1;
}

/**
 * Split a paragraph into sentences (Russian and Ukrainian news prose). A sentence ends at . ! ? … (or a
 * run of them, "?!", "...") followed by a space and a capital, digit, opening quote or dash; closing
 * quotes and brackets after the punctuation stay with the sentence. Abbreviations, initials, numbers
 * ("1.5", "800 000") and quote attributions ("Текст", — сказал он.) do not end one.
 * Spans are trimmed, in order, and cover every non-space character of the paragraph.
 */
export function splitSentences(paragraph: string, _lang: Lang): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = nextVisible(paragraph, 0);
  const push = (end: number): void => {
    let trimmedEnd = end;
    while (trimmedEnd > start && SPACE.test(paragraph[trimmedEnd - 1]!)) trimmedEnd--;
    if (trimmedEnd > start) out.push({ text: paragraph.slice(start, trimmedEnd), start, end: trimmedEnd });
    start = nextVisible(paragraph, end);
  };
  const candidates = /[.!?…]+|\n/g;
  for (let m = candidates.exec(paragraph); m !== null; m = candidates.exec(paragraph)) {
    if (m.index < start) continue;
    const end = m[0] === '\n' ? lineBreakEnd(paragraph, m.index) : sentenceEndAt(paragraph, m.index, start);
    if (end < 0) continue;
    push(end);
    candidates.lastIndex = Math.max(start, end);
  }
  if (start < paragraph.length) push(paragraph.length);
  return out;
}
