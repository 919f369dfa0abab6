/**
 * Text analysis shared by every other module: normalisation, tokens, stems.
 * Analysis always works on a normalised copy; the text shown to readers is never changed.
 */
import { stemmer as stemRussian } from '@orama/stemmers/russian';
import { stemmer as stemUkrainian } from '@orama/stemmers/ukrainian';
import type { Lang } from './types.ts';

const APOSTROPHES = /[\u2019\u02BC\u02B9\u2018\u0060\u00B4\uFF07]/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SPACES = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

/**
 * A comparable form of text: NFC (so и + combining breve is й), lower case, ё → е,
 * every apostrophe as ', zero-width characters removed, runs of spaces as one space.
 */
export function normalizeForAnalysis(text: string): string {
  return text
    .normalize('NFC')
    .replace(ZERO_WIDTH, '')
    .replace(APOSTROPHES, "'")
    .replace(SPACES, ' ')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .trim();
}

const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

/** Words of a text, normalised; a Ukrainian apostrophe stays inside its word (обов'язкова). */
export function tokenize(text: string): string[] {
  return normalizeForAnalysis(text).match(WORD) ?? [];
}

/** Stem of one normalised word: Snowball for Russian, Orama's light stemmer for Ukrainian. */
export function stem(word: string, lang: Lang): string {
  return lang === 'ru' ? stemRussian(word) : stemUkrainian(word);
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
 * Split a paragraph into sentences. Placeholder on Intl.Segmenter; refined in its own change
 * (abbreviations, initials, quotes, "800 000").
 */
export function splitSentences(paragraph: string, lang: Lang): SentenceSpan[] {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
  const out: SentenceSpan[] = [];
  for (const s of segmenter.segment(paragraph)) {
    const trimmed = s.segment.trimEnd();
    if (trimmed.trim() === '') continue;
    const lead = trimmed.length - trimmed.trimStart().length;
    out.push({ text: trimmed.trimStart(), start: s.index + lead, end: s.index + trimmed.length });
  }
  return out;
}
