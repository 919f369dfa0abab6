/**
 * Ids, slugs, titles and hashes derived from seeds.
 *
 * Transliteration is one fixed table for Russian and Ukrainian together (no language parameter, so an id never
 * changes when a detected language does): г → g, и → i, й → y, х → kh, щ → shch, ї → yi, є → ye, ю → yu,
 * я → ya, ь and ъ and apostrophes dropped. Other letters with accents lose their marks (é → e).
 */
import { createHash } from 'node:crypto';
import { splitSentences } from './text.ts';
import type { Lang } from './types.ts';

const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'yo', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i',
  ї: 'yi', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u',
  ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};
const CYRILLIC_LETTER = /[а-яёєіїґў]/g;
/** Apostrophes between letters belong to the word (п'ятниця), so they vanish instead of splitting it. */
const INNER_APOSTROPHE = /(?<=\p{L})['\u2019\u02BC\u02B9\u2018`]+(?=\p{L})/gu;
const COMBINING_MARKS = /\p{M}+/gu;

/** Lower-case Latin transliteration; characters outside the table are kept (the caller replaces them). */
function transliterate(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(INNER_APOSTROPHE, '')
    .replace(CYRILLIC_LETTER, (c) => CYRILLIC_TO_LATIN[c] ?? c)
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '');
}

function hash8(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 8);
}

const ID_MAX = 80;
const NOT_ID_CHAR = /[^a-z0-9_-]+/g;
const NOT_SLUG_CHAR = /[^a-z0-9-]+/g;
const HYPHEN_RUNS = /-{2,}/g;
const EDGE_HYPHENS = /^-+|-+$/g;
const EXTENSION = /(?<=[^/\\])\.[^./\\]*$/;

/**
 * A stable article id from a seed file name: the name without its extension, transliterated and reduced to
 * [a-z0-9_-], at most 80 characters. A name that is already such an id is kept as it is
 * (`000_4e4c541c79a5c744.txt` → `000_4e4c541c79a5c744`); any other name gets `-` and 8 hex characters of the
 * sha256 of the whole original name, so two distinct names never share an id (`Саміт.txt` and `Самит.txt`).
 */
export function articleIdFromSeedName(fileName: string): string {
  const stem = fileName.replace(EXTENSION, '');
  const reduced = transliterate(stem).replace(NOT_ID_CHAR, '-').replace(HYPHEN_RUNS, '-').replace(EDGE_HYPHENS, '');
  if (reduced === stem && reduced.length <= ID_MAX && reduced !== '') return reduced;
  const suffix = hash8(fileName);
  const base = reduced.slice(0, ID_MAX - suffix.length - 1).replace(EDGE_HYPHENS, '');
  return base === '' ? `seed-${suffix}` : `${base}-${suffix}`;
}

/**
 * A URL slug ([a-z0-9-]) for an event or any other label, with the same transliteration, cut at a hyphen
 * so that it is at most `maxLength` long. Never empty: text without letters or digits gives 8 hex characters
 * of its hash.
 */
export function slugify(text: string, maxLength = 60): string {
  const full = transliterate(text).replace(NOT_SLUG_CHAR, '-').replace(HYPHEN_RUNS, '-').replace(EDGE_HYPHENS, '');
  if (full === '') return hash8(text);
  if (full.length <= maxLength) return full;
  const cut = full.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf('-');
  // Cut at a word boundary unless that would throw most of the slug away.
  const kept = lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : full.slice(0, maxLength);
  return kept.replace(EDGE_HYPHENS, '');
}

const ELLIPSIS = '…';
/** Punctuation that should not be left dangling before the ellipsis. */
const DANGLING_END = /[\s,;:\-–—(«"„“]+$/u;
/** Where a title may be cut: any space except the no-break ones that hold "800 000" together. */
const SPACE = /[^\S\u00A0\u2007\u202F]/u;

/**
 * A title from an article's first paragraph: its lead sentence, without a final full stop. Longer than
 * `maxLength`: shortened at the last breaking space that fits, dangling punctuation dropped, '…' appended. A single
 * word longer than `maxLength` is kept whole (a title never ends inside a word). Otherwise the text is
 * kept exactly as written.
 */
export function deriveTitle(firstParagraph: string, lang: Lang, maxLength = 110): string {
  const lead = splitSentences(firstParagraph, lang)[0]?.text.trim() ?? '';
  const sentence = /[^.]\.$/u.test(lead) ? lead.slice(0, -1) : lead;
  if (sentence.length <= maxLength) return sentence;
  const room = maxLength - ELLIPSIS.length;
  let cut = -1;
  for (let i = room; i > 0; i--) {
    if (SPACE.test(sentence.charAt(i))) {
      cut = i;
      break;
    }
  }
  if (cut < 0) {
    const firstSpace = sentence.search(SPACE);
    return firstSpace < 0 ? sentence : sentence.slice(0, firstSpace).replace(DANGLING_END, '') + ELLIPSIS;
  }
  return sentence.slice(0, cut).replace(DANGLING_END, '') + ELLIPSIS;
}

/** sha256 hex of a text as UTF-8: the identity of exact content (caching, exact duplicates). */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const WHITESPACE_RUNS = /\s+/g;

/**
 * sha256 hex of an article's text that ignores how it is laid out: NFC, invisible characters removed,
 * every run of whitespace (including line and paragraph breaks, NBSP) as one space, ends trimmed.
 * Two seeds that differ only in whitespace or paragraph breaks share it (duplicate detection).
 */
export function normalizedTextHash(paragraphs: string[]): string {
  const text = paragraphs.join(' ').normalize('NFC').replace(INVISIBLE, '').replace(WHITESPACE_RUNS, ' ').trim();
  return contentHash(text);
}
