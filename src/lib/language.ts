/**
 * Russian or Ukrainian? Evidence is counted word by word:
 * - letters only one language has: і ї є ґ (and an apostrophe inside a word, обов'язково) for Ukrainian;
 *   ы э ъ ё for Russian; a Latin i typed inside a Cyrillic word counts as і;
 * - spellings typical of one language: uk -ський/-цький and питання/життя; ru -ие/-ия, -ая/-ое, -тся, -ский;
 * - frequent function words only one language uses (ru что, это, как, его …; uk що, це, як, його …);
 *   в and у occur in both, so they count only a little.
 * Each word votes at most once per language. Quoted text («…», „…“, "…") counts a quarter: a Ukrainian
 * report quoting a Russian phrase stays Ukrainian.
 * Confidence is |uk − ru| / (uk + ru + 1): 0 without evidence, near 1 for a long one-sided text.
 * With no evidence at all the answer is 'ru' with confidence 0 (callers should prefer an editor's `lang`).
 */
import type { Lang } from './types.ts';

export interface LanguageGuess {
  lang: Lang;
  /** 0 (no evidence either way) … 1 (all evidence for `lang`). */
  confidence: number;
}

const UK_LETTER = /[ієїґ]/u;
const RU_LETTER = /[ыэъё]/u;
const CYRILLIC = /[а-яёієїґ]/u;
const LATIN_I_IN_CYRILLIC = /i/u;
const INNER_APOSTROPHE = /\p{L}'\p{L}/u;
/** Ukrainian spellings: -ський/-цький, and the doubled consonant before a final я (питання, життя). */
const UK_SPELLING = /[сц]ьк|([нтлчжшцсдз])\1я$/u;
/**
 * Russian endings: -ие/-ия/-ии/-ию (заявление, Россия), -ая/-яя/-ое/-ее (новая, новое), -тся (является),
 * -ский/-ского without the Ukrainian soft sign (Зеленский).
 */
const RU_SPELLING = /(?:и[еяию]|[ая]я|[ое]е|тся|[^ь]ск(?:ий|ого|ому|им|их|ой))$/u;

const RU_WORDS = new Set(['и', 'что', 'это', 'как', 'был', 'была', 'было', 'были', 'также', 'его', 'ее', 'её', 'он', 'она',
  'они', 'мы', 'вы', 'с', 'со', 'от', 'из', 'уже', 'но', 'или', 'когда', 'который', 'которая', 'которые', 'этого',
  'будет', 'ни', 'если', 'только', 'чтобы', 'тоже', 'где', 'после', 'сегодня', 'году', 'года']);
const UK_WORDS = new Set(['й', 'що', 'це', 'та', 'з', 'із', 'зі', 'від', 'як', 'був', 'була', 'було', 'були', 'також',
  'його', 'її', 'він', 'вона', 'вони', 'ми', 'ви', 'щодо', 'вже', 'але', 'або', 'коли', 'який', 'яка', 'які', 'цього',
  'буде', 'якщо', 'тільки', 'щоб', 'теж', 'під', 'де', 'після', 'сьогодні', 'році', 'року']);
/** Prepositions both languages use; each is only a weak hint. */
const WEAK: Readonly<Record<string, { lang: Lang; weight: number }>> = {
  в: { lang: 'ru', weight: 0.3 },
  во: { lang: 'ru', weight: 0.3 },
  у: { lang: 'uk', weight: 0.3 },
};

const QUOTED = /«[^«»]*»|„[^„“”]*[“”]|“[^“”]*”|"[^"\n]*"/gu;
/**
 * Words made of the letters that carry evidence (Cyrillic, Latin for look-alikes, combining marks), with inner
 * apostrophes. A plain class without the u flag: four times faster than \p{L} on long texts.
 */
const WORD = /[a-zа-яёієїґў\u0300-\u036f]+(?:'[a-zа-яёієїґў\u0300-\u036f]+)*/g;
const APOSTROPHES = /[\u2019\u02BC\u02B9\u2018`]/gu;
/** Quotes are the speaker's words, the narration is the article's language. */
const QUOTED_WEIGHT = 0.25;

export function detectLanguage(text: string): LanguageGuess {
  const outside = text.replace(QUOTED, ' ');
  const inside = (text.match(QUOTED) ?? []).join(' ');
  const score = { ru: 0, uk: 0 };
  addEvidence(score, outside, 1);
  addEvidence(score, inside, QUOTED_WEIGHT);
  const lang: Lang = score.uk > score.ru ? 'uk' : 'ru';
  const confidence = Math.abs(score.uk - score.ru) / (score.uk + score.ru + 1);
  return { lang, confidence: Math.round(confidence * 1000) / 1000 };
}

/** One vote per word, however many Ukrainian marks it has. */
function isUkrainianWord(word: string): boolean {
  return (
    UK_LETTER.test(word) || UK_SPELLING.test(word) || UK_WORDS.has(word) || INNER_APOSTROPHE.test(word) ||
    (CYRILLIC.test(word) && LATIN_I_IN_CYRILLIC.test(word))
  );
}

function addEvidence(score: Record<Lang, number>, text: string, weight: number): void {
  for (const piece of text.split(PIECE_SEPARATOR)) {
    if (piece === '') continue;
    // One by one, in text order, so the sums are exactly what adding up the text's words gives.
    for (const vote of votesOf(piece)) {
      score.uk += vote.uk * weight;
      score.ru += vote.ru * weight;
    }
  }
}

/**
 * Whitespace cuts a text into pieces whose words are the text's words: NFC, lower-casing and the apostrophe
 * step all work within them (U+FEFF, which lower-casing may see through, stays inside a piece).
 */
const PIECE_SEPARATOR = /[^\S\uFEFF]+/;
const PIECE_CACHE_LIMIT = 200_000;
/** The votes of a piece's words, memoised: normalising every text afresh cost more than all the voting. */
const pieceVotes = new Map<string, readonly Vote[]>();

function votesOf(piece: string): readonly Vote[] {
  let votes = pieceVotes.get(piece);
  if (votes === undefined) {
    votes = (piece.normalize('NFC').toLowerCase().replace(APOSTROPHES, "'").match(WORD) ?? []).map(voteOf);
    if (pieceVotes.size >= PIECE_CACHE_LIMIT) pieceVotes.clear();
    pieceVotes.set(piece, votes);
  }
  return votes;
}

type Vote = Readonly<Record<Lang, number>>;

const VOTE_CACHE_LIMIT = 200_000;
/** News vocabulary repeats: remembering each word's vote makes 10,000 articles cheap. */
const voteCache = new Map<string, Vote>();

function voteOf(word: string): Vote {
  const cached = voteCache.get(word);
  if (cached) return cached;
  const weak = WEAK[word];
  const vote: Vote = {
    uk: (isUkrainianWord(word) ? 1 : 0) + (weak?.lang === 'uk' ? weak.weight : 0),
    ru: (RU_LETTER.test(word) || RU_SPELLING.test(word) || RU_WORDS.has(word) ? 1 : 0) + (weak?.lang === 'ru' ? weak.weight : 0),
  };
  if (voteCache.size >= VOTE_CACHE_LIMIT) voteCache.clear();
  voteCache.set(word, vote);
  return vote;
}
