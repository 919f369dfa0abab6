/**
 * Names across Russian and Ukrainian spellings. Placeholder for `skeleton`; refined in its own change.
 */
import { normalizeForAnalysis, stems } from './text.ts';
import type { Lang } from './types.ts';

const LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', є: 'e', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'i',
  й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh',
  ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia', "'": '',
};

/**
 * A spelling-insensitive key for a word: transliterated to Latin, vowels dropped after the first letter,
 * doubled letters collapsed. Зеленский and Зеленський share a key.
 */
export function skeleton(word: string): string {
  const latin = [...normalizeForAnalysis(word)].map((c) => LATIN[c] ?? c).join('');
  const head = latin.slice(0, 1);
  const rest = latin.slice(1).replace(/[aeiouy]/g, '');
  return (head + rest).replace(/(.)\1+/g, '$1');
}

/**
 * Language-neutral keys for a text, so Russian and Ukrainian wordings of the same thing overlap:
 * the skeletons of the stems of its content words. Placeholder; refined in its own change.
 */
export function crossLingualKeys(text: string, lang: Lang): string[] {
  return stems(text, lang)
    .filter((s) => s.length > 3)
    .map(skeleton);
}
