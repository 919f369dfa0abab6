/**
 * Key facts of articles and of events: numbers with what they count ("более 27 лидеров",
 * "800 000 человек") and who and what is mentioned where. `extractFacts` reads one article's sentences;
 * `mergeFacts` joins the facts of an event's articles, treating 27 лидеров and 27 лідерів as one fact.
 */
import { analyseNames, skeleton, words } from './names.ts';
import type { EntityIndex, NamesAnalysis, Word } from './names.ts';
import type {
  Approximation,
  ArticleEntityFact,
  ArticleFacts,
  ArticleNameFact,
  EntityKind,
  EventFacts,
  FactSource,
  Lang,
  MergedEntityFact,
  MergedNumberFact,
  NumberFact,
} from './types.ts';

export type { ArticleFacts, EventFacts } from './types.ts';

// ---------------------------------------------------------------------------------------------------------
// numbers

/**
 * A number as written: digit groups split by (no-break, narrow) spaces (`800 000`), or digits with a decimal
 * comma or point (`1,5`). Not part of a word (Су-27), a date (06.01.2026) or a time (18:00).
 */
const NUMBER =
  /(?<![\p{L}\p{N}.,:/\-])(?:\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?!\d)|\d+(?:[.,]\d+)?)(?![\p{N}:]|[.,]\d|-?\p{L})/gu;
const GROUP_SPACES = /[ \u00A0\u202F]/g;
/** Only spaces may stand between a number, its qualifier and its noun. */
const SPACE_GAP = /^[ \u00A0\u202F]+$/;

/** Qualifiers before a number, as normalised words; longer phrases are tried first. */
// prettier-ignore
const QUALIFIERS: ReadonlyArray<[string[], Approximation]> = (
  [
    ['не менее', 'at-least'], ['не менше', 'at-least'], ['по меньшей мере', 'at-least'], ['щонайменше', 'at-least'],
    ['минимум', 'at-least'], ['принаймні', 'at-least'], ['как минимум', 'at-least'],
    ['более чем', 'more-than'], ['больше чем', 'more-than'], ['більш ніж', 'more-than'], ['більше ніж', 'more-than'],
    ['более', 'more-than'], ['больше', 'more-than'], ['свыше', 'more-than'], ['понад', 'more-than'], ['більше', 'more-than'],
    ['менее чем', 'less-than'], ['меньше чем', 'less-than'], ['менш ніж', 'less-than'], ['менше ніж', 'less-than'],
    ['менее', 'less-than'], ['меньше', 'less-than'], ['менше', 'less-than'],
    ['около', 'about'], ['примерно', 'about'], ['приблизно', 'about'], ['близько', 'about'], ['порядка', 'about'],
    ['почти', 'almost'], ['майже', 'almost'], ['практически', 'almost'], ['практично', 'almost'],
    ['вплоть до', 'up-to'], ['аж до', 'up-to'], ['до', 'up-to'],
  ] as Array<[string, Approximation]>
)
  .map(([phrase, approx]): [string[], Approximation] => [phrase.split(' '), approx])
  .sort((a, b) => b[0].length - a[0].length);
const MAX_QUALIFIER_WORDS = 3;

/** Words that multiply the number: `800 тысяч`, `1,5 млрд`. */
const MULTIPLIERS: ReadonlyArray<[RegExp, number]> = [
  [/^(?:тыс|тис|тысяч\p{L}*|тисяч\p{L}*)$/u, 1e3],
  [/^(?:млн|миллион\p{L}*|мільйон\p{L}*)$/u, 1e6],
  [/^(?:млрд|миллиард\p{L}*|мільярд\p{L}*)$/u, 1e9],
];
const ABBREVIATED_MULTIPLIERS = new Set(['тыс', 'тис', 'млн', 'млрд']);
const ABBREVIATION_GAP = /^\.[ \u00A0\u202F]+$/;
const PERCENT = /^(?:процент\p{L}*|відсот\p{L}*)$/u;
/** A percent sign right after the number (or after one space). */
const PERCENT_SIGN = /^[ \u00A0\u202F]?%/;
/** Genitive and nominative month names: a number before one is a date, not a count. */
const MONTH =
  /^(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд)\p{L}*$/u;
const YEAR_WORD = /^(?:год\p{L}*|г|рок\p{L}*|рік|році|р)$/u;
/** Adjective and participle endings (ru, uk): `35 приглашенным делегациям` counts делегациям. */
const ADJECTIVE = /(?:ых|их|ым|им|ыми|ими|ый|ий|ій|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ую|юю|ої|ою|ьох)$/u;
const MIN_ADJECTIVE = 5;
const MAX_ADJECTIVES = 2;
/** A counted noun is a word of letters, not a preposition or conjunction (`27 и 28`, `35 из 40`). */
const NOT_NOUNS = new Set(
  'и а но или из от до на по за при для про со без над под через та й але або від із зі на за при для про без над під через'.split(
    ' ',
  ),
);
const LETTERS = /^\p{L}[\p{L}'-]*$/u;

/** Numbers with what they count in one sentence, in text order (`list`: its words, if already at hand). */
export function numberFacts(
  sentence: string,
  sentenceId: string,
  list: Word[] = words(sentence),
): NumberFact[] {
  const out: NumberFact[] = [];
  for (const m of sentence.matchAll(NUMBER)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = wordsBefore(sentence, list, start);
    const after = wordsAfter(sentence, list, end);
    const percent = PERCENT_SIGN.exec(sentence.slice(end, end + 2));
    const fact = percent
      ? {
          value: readValue(m[0]),
          noun: { start: end + percent[0].length - 1, end: end + percent[0].length },
          nounKey: '%',
        }
      : readNumber(m[0], before, after);
    if (!fact) continue;
    const qualifier = qualifierOf(before);
    const phraseStart = qualifier ? qualifier.start : start;
    const result: NumberFact = {
      value: fact.value,
      noun: sentence.slice(fact.noun.start, fact.noun.end),
      nounKey: fact.nounKey,
      phrase: sentence.slice(phraseStart, fact.noun.end),
      sentenceId,
    };
    if (qualifier) result.approx = qualifier.approx;
    out.push(result);
  }
  return out;
}

/** Up to a few words right before `offset`, nearest last, joined to it by spaces only. */
function wordsBefore(text: string, list: Word[], offset: number): Word[] {
  const out: Word[] = [];
  let edge = offset;
  for (let i = lastIndexBefore(list, offset); i >= 0 && out.length < MAX_QUALIFIER_WORDS; i--) {
    const word = list[i]!;
    if (!SPACE_GAP.test(text.slice(word.end, edge))) break;
    out.unshift(word);
    edge = word.start;
  }
  return out;
}

/** Up to a few words right after `offset`, joined to it and to each other by spaces (or `тыс. `) only. */
function wordsAfter(text: string, list: Word[], offset: number): Word[] {
  const out: Word[] = [];
  let edge = offset;
  for (let i = lastIndexBefore(list, offset) + 1; i < list.length && out.length < MAX_ADJECTIVES + 2; i++) {
    const word = list[i]!;
    const gap = text.slice(edge, word.start);
    const afterAbbreviation = ABBREVIATED_MULTIPLIERS.has(out[out.length - 1]?.norm ?? '');
    if (!SPACE_GAP.test(gap) && !(afterAbbreviation && ABBREVIATION_GAP.test(gap))) break;
    out.push(word);
    edge = word.end;
  }
  return out;
}

function lastIndexBefore(list: Word[], offset: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.end <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function qualifierOf(before: Word[]): { approx: Approximation; start: number } | undefined {
  for (const [phrase, approx] of QUALIFIERS) {
    if (phrase.length > before.length) continue;
    const tail = before.slice(before.length - phrase.length);
    if (tail.every((w, i) => w.norm === phrase[i])) return { approx, start: tail[0]!.start };
  }
  return undefined;
}

interface ReadNumber {
  value: number;
  noun: { start: number; end: number };
  nounKey: string;
}

/** The value and counted noun of a number, or undefined when it is a date, a year or counts nothing. */
function readNumber(digits: string, before: Word[], after: Word[]): ReadNumber | undefined {
  let value = readValue(digits);
  const previous = before[before.length - 1];
  if (previous && MONTH.test(previous.norm)) return undefined; // 6 января 2026
  let rest = after;
  const multiplier = rest[0] ? MULTIPLIERS.find(([re]) => re.test(rest[0]!.norm)) : undefined;
  if (multiplier) {
    value *= multiplier[1];
    rest = rest.slice(1);
  }
  const first = rest[0];
  if (!first) return undefined;
  if (MONTH.test(first.norm) || YEAR_WORD.test(first.norm)) return undefined;
  if (PERCENT.test(first.norm)) return { value, noun: first, nounKey: '%' };
  if (!LETTERS.test(first.norm) || NOT_NOUNS.has(first.norm)) return undefined;
  let nounAt = 0;
  while (
    nounAt < MAX_ADJECTIVES &&
    isAdjective(rest[nounAt]) &&
    rest[nounAt + 1] &&
    LETTERS.test(rest[nounAt + 1]!.norm)
  )
    nounAt++;
  const noun = rest[nounAt]!;
  return { value, noun, nounKey: skeleton(noun.norm) };
}

function readValue(digits: string): number {
  return Number(digits.replace(GROUP_SPACES, '').replace(',', '.'));
}

function isAdjective(word: Word | undefined): boolean {
  return word !== undefined && word.norm.length >= MIN_ADJECTIVE && ADJECTIVE.test(word.norm);
}

// ---------------------------------------------------------------------------------------------------------
// one article

/**
 * The numbers, entities and other names of one article's sentences. A sentence's `names`, when given, is
 * `analyseNames` of its text (the caller may have it at hand).
 */
export function extractFacts(
  sentences: ReadonlyArray<{ id: string; text: string; names?: NamesAnalysis }>,
  lang: Lang,
  entities: EntityIndex,
): ArticleFacts {
  const numbers: NumberFact[] = [];
  const byEntity = new Map<string, ArticleEntityFact>();
  const byName = new Map<string, ArticleNameFact>();
  for (const { id, text, names } of sentences) {
    const found = names ?? analyseNames(text, lang, entities);
    numbers.push(...numberFacts(text, id, found.words));
    for (const mention of found.entities) {
      const kind = entities.byId.get(mention.id)!.kind; // mentions come from this index
      const fact = byEntity.get(mention.id) ?? { id: mention.id, kind, sentenceIds: [], mentions: 0 };
      countIn(fact, id);
      byEntity.set(mention.id, fact);
    }
    for (const name of found.names) {
      const fact = byName.get(name.key) ?? { key: name.key, form: name.form, sentenceIds: [], mentions: 0 };
      countIn(fact, id);
      byName.set(name.key, fact);
    }
  }
  return {
    numbers,
    entities: mostMentioned([...byEntity.values()]),
    names: mostMentioned([...byName.values()]),
  };
}

function countIn(fact: { sentenceIds: string[]; mentions: number }, sentenceId: string): void {
  fact.mentions++;
  if (fact.sentenceIds[fact.sentenceIds.length - 1] !== sentenceId) fact.sentenceIds.push(sentenceId);
}

/** Most mentioned first; ties keep text order (the sort is stable). */
function mostMentioned<T extends { mentions: number }>(list: T[]): T[] {
  return list.sort((a, b) => b.mentions - a.mentions);
}

// ---------------------------------------------------------------------------------------------------------
// an event

export interface ArticleFactsInput {
  articleId: string;
  lang: Lang;
  facts: ArticleFacts;
}

/**
 * The facts of an event's articles merged: a number is one fact when value and counted noun agree
 * (whatever the language and case); entities and names list the articles that mention them. Every list is
 * ordered by how many articles report it, then by first appearance.
 */
export function mergeFacts(perArticle: readonly ArticleFactsInput[]): EventFacts {
  const numbers = new Map<string, MergedNumberFact & { approxCounts: Map<string, number> }>();
  const entities = new Map<string, MergedEntityFact>();
  for (const { articleId, lang, facts } of perArticle) {
    for (const n of facts.numbers) {
      const key = `${n.value}|${n.nounKey}`;
      const merged = numbers.get(key) ?? {
        value: n.value,
        nounKey: n.nounKey,
        nouns: {},
        articleIds: [],
        sources: [],
        approxCounts: new Map<string, number>(),
      };
      merged.nouns[lang] ??= n.noun;
      addArticle(merged.articleIds, articleId);
      merged.sources.push({ articleId, lang, sentenceId: n.sentenceId, phrase: n.phrase });
      const approx = n.approx ?? '';
      merged.approxCounts.set(approx, (merged.approxCounts.get(approx) ?? 0) + 1);
      numbers.set(key, merged);
    }
    for (const e of facts.entities) mergeEntity(entities, e.id, e.kind, articleId, lang, e.sentenceIds);
    for (const n of facts.names)
      mergeEntity(entities, `~${n.key}`, 'name', articleId, lang, n.sentenceIds, n.form);
  }
  const all = byArticleCount([...entities.values()]);
  const ofKind = (kind: MergedEntityFact['kind']): MergedEntityFact[] => all.filter((e) => e.kind === kind);
  return {
    numbers: byArticleCount([...numbers.values()]).map(({ approxCounts, ...rest }) => {
      const approx = mostCommon(approxCounts);
      return approx ? { ...rest, approx: approx as Approximation } : rest;
    }),
    people: ofKind('person'),
    organisations: ofKind('organisation'),
    places: ofKind('place'),
    outlets: ofKind('outlet'),
    otherNames: ofKind('name'),
  };
}

function mergeEntity(
  into: Map<string, MergedEntityFact>,
  id: string,
  kind: EntityKind | 'name',
  articleId: string,
  lang: Lang,
  sentenceIds: string[],
  form?: string,
): void {
  const merged = into.get(id) ?? { id, kind, articleIds: [], sources: [] };
  if (form !== undefined) {
    merged.forms ??= {};
    merged.forms[lang] ??= form;
  }
  addArticle(merged.articleIds, articleId);
  merged.sources.push(...sentenceIds.map((sentenceId): FactSource => ({ articleId, lang, sentenceId })));
  into.set(id, merged);
}

/** Articles come one after another, so a repeat can only be the last one added. */
function addArticle(list: string[], articleId: string): void {
  if (list[list.length - 1] !== articleId) list.push(articleId);
}

/** Most articles first, then most sources; ties keep first appearance (the sort is stable). */
function byArticleCount<T extends { articleIds: string[]; sources: unknown[] }>(list: T[]): T[] {
  return list.sort(
    (a, b) => b.articleIds.length - a.articleIds.length || b.sources.length - a.sources.length,
  );
}

/** The most frequent key; the first seen wins a tie. */
function mostCommon(counts: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [key, count] of counts) {
    if (count > bestCount) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}
