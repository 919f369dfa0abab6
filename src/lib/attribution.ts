/**
 * What an article's own text says about where it comes from (its outlet and the agencies it cites) and
 * about dates (hints the events module turns into a date the seed does not state).
 *
 * The outlet rule, strongest signal first:
 * 1. Self-reference: "Ранее OBOZ.UA сообщал", "Раніше Укрінформ повідомляв" — an outlet pointing to its
 *    own earlier report names itself.
 * 2. Otherwise the first attribution "сообщает/пишет/передает X", "повідомляє/пише/передає X" (also after
 *    "как"/"як" and after a noun such as "издание"/"видання") that is not relayed by a later one and
 *    whose X looks like an outlet. In a chain "… сообщает Reuters, пишет УНН" the last attribution is
 *    the outlet (УНН) and the earlier ones are its sources (Reuters).
 * 3. Foreign agencies that publish in neither Russian nor Ukrainian (Reuters, AFP, Bloomberg, Sky News …)
 *    are never the outlet of a ru/uk text: "…, сообщает Reuters" alone leaves the outlet unknown (null)
 *    and Reuters a source.
 * X "looks like an outlet" when it is a known outlet or agency, is quoted («Коммерсантъ»), is written in
 * Latin letters, or has an all-capitals part or a dot (УНН, РБК-Украина, OBOZ.UA) — but not when it is a
 * state body (США, ЗСУ, МИД …). Plain Cyrillic words such as "Зеленский" are people, not outlets, so
 * "— пишет Зеленский" names no outlet.
 *
 * Sources: every cited outlet other than the outlet itself — relayed attributions, foreign agencies, names
 * after "со ссылкой на", "по данным", "з посиланням на", "за даними" …, and known agencies mentioned
 * anywhere ("Reuters обнародовало"). Names are returned as written, in reading order, without repeats.
 */
import type { DateHint, Lang } from './types.ts';

// ─── Names ───────────────────────────────────────────────────────────────────────────────────────────────

/** One capitalised word, possibly with inner dots or hyphens: УНН, РБК-Украина, OBOZ.UA, Sky, Би-би-си. */
const TOKEN = String.raw`[\p{Lu}\p{N}][\p{L}\p{N}]*(?:[.\-–][\p{L}\p{N}]+)*`;
/** Outlet names whose later words are lower case, in any case ending. */
const KNOWN_MULTIWORD = [
  String.raw`Укра[иї]нс?ь?к\p{L}*\s+правд\p{L}*`,
  String.raw`(?:Европейск|Європейськ)\p{L}*\s+правд\p{L}*`,
  String.raw`(?:Экономическ|Економічн)\p{L}*\s+правд\p{L}*`,
  String.raw`Рад(?:ио|іо)\s+Свобод\p{L}*`,
  String.raw`Нов(?:ое|е)\s+[Вв]рем\p{L}*`,
  String.raw`(?:Зеркал\p{L}*\s+недел\p{L}*|Дзеркал\p{L}*\s+тижн\p{L}*)`,
].join('|');
const NAME = String.raw`(?:${KNOWN_MULTIWORD}|${TOKEN}(?:[ \u00A0]+${TOKEN}){0,3})`;
const QUOTED_NAME = String.raw`[«"„“](?<quoted>[^«»"„“”\n]{2,60})[»"“”]`;
const NAME_OR_QUOTED = String.raw`(?:${QUOTED_NAME}|(?<name>${NAME}))`;

const KNOWN_OUTLET = new RegExp(
  String.raw`^(?:${KNOWN_MULTIWORD}|(?:Укр[иі]нформ|[ИІ]нтерфакс|Суспільне|Общественное|Громадське|Главком|Обозревател|` +
    String.raw`Коммерсант|Ведомост|Медуз|Фокус|Апостроф|Телеграф|Корреспондент|Цензор|Страна)\p{L}*(?:[.\-–][\p{L}]+)*)$`,
  'u',
);
/** Agencies and papers that publish in neither Russian nor Ukrainian: only ever a source of a ru/uk text. */
const FOREIGN_AGENCIES = [
  'Reuters', String.raw`Рейтер\p{L}*`, 'Associated Press', 'AP', 'AFP', 'Agence France-Presse', 'Bloomberg',
  String.raw`Блумберг\p{L}*`, 'Sky News', 'CNN', 'BBC', 'Би-би-си', 'Бі-бі-сі', '(?:The )?Financial Times', 'FT',
  '(?:The )?Guardian', 'The Times', '(?:The )?Telegraph', '(?:The )?Economist', 'Politico', 'Axios',
  '(?:The )?New York Times', 'NYT', '(?:The )?Washington Post', '(?:The )?Wall Street Journal', 'WSJ', 'Le Monde',
  'Le Figaro', 'Le Parisien', '(?:Der )?Spiegel', 'Bild', 'Die Welt', 'dpa', 'ANSA', 'EFE', 'Al Jazeera',
  'NBC(?: News)?', 'CBS(?: News)?', 'ABC News', 'Fox News', 'CNBC', 'Semafor', 'Newsweek', 'Kyodo', 'Xinhua',
  'Yonhap', 'Euronews',
].join('|');
const FOREIGN_WHOLE = new RegExp(String.raw`^(?:${FOREIGN_AGENCIES})$`, 'u');
const FOREIGN_ANYWHERE = new RegExp(String.raw`(?:${FOREIGN_AGENCIES})(?![\p{L}\p{N}])`, 'gu');

/** State bodies and countries written in capitals: they issue statements, they are not outlets. */
const INSTITUTIONS = new Set(
  ('США ЕС ЄС НАТО ООН МИД МЗС ВСУ ЗСУ СБУ ГУР ОП МВД МВС ФСБ РФ РНБО СНБО НБУ МАГАТЭ МАГАТЕ ОБСЕ ОБСЄ ЦРУ ДСНС ' +
    'ГСЧС ДПСУ ГПСУ НАБУ САП ОВА ОГА ВР ВРУ КГГА КМДА ЕК ЄК МВФ ВОЗ ВООЗ ЕСПЧ ЄСПЛ МУС ЦИК ЦВК ФРГ КНР КНДР ГШ ' +
    'NATO EU UN US USA UK IAEA OSCE CIA FBI IMF WHO').split(' '),
);
const CAPITALS = /\p{Lu}{2,}/u;
const LATIN = /[A-Za-z]/;

function looksLikeOutlet(name: string, quoted: boolean): boolean {
  if (KNOWN_OUTLET.test(name) || FOREIGN_WHOLE.test(name)) return true;
  const tokens = name.split(/[\s.\-–]+/u);
  if (tokens.some((t) => INSTITUTIONS.has(t))) return false;
  return quoted || LATIN.test(name) || CAPITALS.test(name) || name.includes('.');
}

// ─── Attribution phrases ─────────────────────────────────────────────────────────────────────────────────

interface Phrases {
  attribution: RegExp;
  chained: RegExp;
  selfReference: RegExp;
  sourceMarker: RegExp;
}

const VERBS: Record<Lang, string> = {
  ru: 'сообщает|сообщают|пишет|пишут|передает|передаёт|информирует',
  uk: 'повідомляє|повідомляють|пише|пишуть|передає|інформує',
};
const OUTLET_NOUNS: Record<Lang, string> = {
  ru: 'агентство|информагентство|издание|интернет-издание|газета|телеканал|портал|сайт|корреспондент|журналисты?',
  uk: 'агенція|агентство|інформагенція|видання|інтернет-видання|газета|телеканал|портал|сайт|кореспондент|журналісти?',
};
const SELF_REFERENCE_VERBS: Record<Lang, string> = {
  ru: '(?:сообща|писа|информирова|рассказыва)л[аио]?',
  uk: '(?:повідомля|писа|інформува|розповіда)(?:в|ла|ло|ли)',
};
const SELF_REFERENCE_LEAD: Record<Lang, string> = { ru: '[Рр]анее', uk: '[Рр]аніше' };
const SOURCE_MARKERS: Record<Lang, string> = {
  ru: 'со ссылкой на|по данным|по информации|согласно',
  uk: 'з посиланням на|за даними|за інформацією|згідно з|відповідно до',
};

const NOT_BEFORE_LETTER = String.raw`(?![\p{L}\p{N}])`;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Matches of a global pattern that start a word. Checking the character before in code instead of a leading
 * lookbehind lets the regex engine skip ahead to the pattern's first letters: several times faster.
 */
function wordStartMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m.index > 0 && LETTER_OR_DIGIT.test(text.charAt(m.index - 1))) {
      pattern.lastIndex = m.index + 1; // a match may still start later inside this stretch
      continue;
    }
    found.push(m);
  }
  return found;
}

/**
 * Each alternative may also start with a capital ("Со ссылкой на …", "Накануне …"), without the slow
 * case-insensitive flag. A leading character class gets the capitals of its letters.
 */
function capitalisable(alternatives: string): string {
  return topLevelAlternatives(alternatives)
    .map((a) => {
      if (a.startsWith('(')) return a; // a lookbehind or group spells its own capitals
      const klass = /^\[([^\]]+)\]/.exec(a);
      if (klass) return `[${klass[1]!.toUpperCase()}${klass[1]}]${a.slice(klass[0].length)}`;
      return `[${a.charAt(0).toUpperCase()}${a.charAt(0)}]${a.slice(1)}`;
    })
    .join('|');
}

/** Split a pattern at the `|` that are outside groups and classes. */
function topLevelAlternatives(pattern: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(pattern.slice(start));
  return parts;
}

function compilePhrases(lang: Lang): Phrases {
  const verb = `(?:${capitalisable(VERBS[lang])})`;
  return {
    attribution: new RegExp(
      String.raw`${verb}(?:\s+(?:${OUTLET_NOUNS[lang]}))?\s+${NAME_OR_QUOTED}${NOT_BEFORE_LETTER}`,
      'gu',
    ),
    chained: new RegExp(String.raw`^[»"“”]?\s*,\s*${verb}${NOT_BEFORE_LETTER}`, 'u'),
    selfReference: new RegExp(
      String.raw`${SELF_REFERENCE_LEAD[lang]}\s+${NAME_OR_QUOTED}\s+${SELF_REFERENCE_VERBS[lang]}${NOT_BEFORE_LETTER}`,
      'gu',
    ),
    sourceMarker: new RegExp(
      String.raw`(?:${capitalisable(SOURCE_MARKERS[lang])})\s+(?:(?:${OUTLET_NOUNS[lang]})\s+)?${NAME_OR_QUOTED}${NOT_BEFORE_LETTER}`,
      'gu',
    ),
  };
}

const PHRASES: Record<Lang, Phrases> = { ru: compilePhrases('ru'), uk: compilePhrases('uk') };

interface Mention {
  name: string;
  quoted: boolean;
  paragraph: number;
  offset: number;
}

function mentions(pattern: RegExp, paragraphs: string[]): (Mention & { end: number })[] {
  const found: (Mention & { end: number })[] = [];
  paragraphs.forEach((text, paragraph) => {
    for (const m of wordStartMatches(pattern, text)) {
      const quoted = m.groups?.quoted;
      const name = (quoted ?? m.groups?.name ?? '').trim();
      const nameOffset = (m.index ?? 0) + m[0].lastIndexOf(name);
      found.push({ name, quoted: quoted !== undefined, paragraph, offset: nameOffset, end: (m.index ?? 0) + m[0].length });
    }
  });
  return found;
}

interface Attribution {
  outlet: string | null;
  sources: string[];
}

/** Outlet and sources together: both come from the same phrases. */
export function inferAttribution(paragraphs: string[], lang: Lang): Attribution {
  const phrases = PHRASES[lang];
  const selfReferences = mentions(phrases.selfReference, paragraphs).filter((m) => looksLikeOutlet(m.name, m.quoted));
  const attributions = mentions(phrases.attribution, paragraphs).filter((m) => looksLikeOutlet(m.name, m.quoted));
  const isRelayed = (m: Mention & { end: number }): boolean => phrases.chained.test((paragraphs[m.paragraph] ?? '').slice(m.end));
  const outletMention =
    selfReferences[0] ?? attributions.find((m) => !isRelayed(m) && !FOREIGN_WHOLE.test(m.name));
  const outlet = outletMention?.name ?? null;

  const cited: Mention[] = [
    ...attributions,
    ...mentions(phrases.sourceMarker, paragraphs).filter((m) => looksLikeOutlet(m.name, m.quoted)),
    ...foreignAgencyMentions(paragraphs),
  ];
  return { outlet, sources: distinctInReadingOrder(cited, outlet) };
}

/** The publication that wrote the report (see the rule in this module's header), as written; null if unknown. */
export function inferOutlet(paragraphs: string[], lang: Lang): string | null {
  return inferAttribution(paragraphs, lang).outlet;
}

/** The agencies and outlets the report cites, as written, in reading order, without the outlet itself. */
export function inferSources(paragraphs: string[], lang: Lang): string[] {
  return inferAttribution(paragraphs, lang).sources;
}

function foreignAgencyMentions(paragraphs: string[]): Mention[] {
  return paragraphs.flatMap((text, paragraph) =>
    wordStartMatches(FOREIGN_ANYWHERE, text).map((m) => ({ name: m[0], quoted: false, paragraph, offset: m.index ?? 0 })),
  );
}

/** Names in reading order; the same name (ignoring case) once; the outlet left out. */
function distinctInReadingOrder(cited: Mention[], outlet: string | null): string[] {
  const seen = new Set<string>(outlet ? [outlet.toLowerCase()] : []);
  const names: string[] = [];
  for (const m of [...cited].sort((a, b) => a.paragraph - b.paragraph || a.offset - b.offset)) {
    const key = m.name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(m.name);
  }
  return names;
}

// ─── Date hints ──────────────────────────────────────────────────────────────────────────────────────────

const MONTHS: Record<Lang, string[]> = {
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  uk: ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'],
};
const YEAR_WORD: Record<Lang, string> = { ru: String.raw`года|г\.`, uk: String.raw`року|р\.` };

/** Weekday patterns, Monday first. Wednesday needs a preposition: среда/середа also mean "environment". */
const WEEKDAYS: Record<Lang, string[]> = {
  ru: [
    String.raw`понедельник\p{L}*`, String.raw`вторник\p{L}*`, String.raw`(?<=(?:[Вв]о?|[Нн]а|[Кк]|[Дд]о|[Сс]о?)\s+)сред[уы]`,
    String.raw`четверг\p{L}*`, String.raw`пятниц\p{L}*`, String.raw`суббот\p{L}*`, String.raw`воскресень\p{L}*`,
  ],
  uk: [
    'понеділ(?:ок|ка|ку)', 'вівтор(?:ок|ка|ку)', String.raw`(?<=(?:[ВвУу]|[Нн]а|[Дд]о|[Зз]|[Іі]з|[Вв]ід)\s+)серед[уи]`,
    'четвер(?:га|гу|і)?', String.raw`п['’ʼ]?ятниц\p{L}*`, String.raw`субот\p{L}*`, 'неділ(?:я|і|ю|ею)',
  ],
};
const WEEKDAY_PREPOSITION: Record<Lang, string> = { ru: 'во|в|на|к|до|со|с|по', uk: 'у|в|на|до|з|із|від|по' };

const RELATIVE: Record<Lang, [pattern: string, days: number][]> = {
  ru: [
    [String.raw`позавчера`, -2], [String.raw`послезавтра`, 2], [String.raw`сегодня|сегодняшн\p{L}*`, 0],
    [String.raw`вчера|вчерашн\p{L}*`, -1], [String.raw`завтра|завтрашн\p{L}*`, 1], ['накануне', -1],
  ],
  uk: [
    [String.raw`позавчора`, -2], [String.raw`післязавтра`, 2], [String.raw`сьогодні|сьогоднішн\p{L}*`, 0],
    [String.raw`[ву]чора|[ву]чорашн\p{L}*`, -1], [String.raw`завтра|завтрашн\p{L}*`, 1], ['напередодні', -1],
  ],
};
const EVE: Record<Lang, string> = { ru: 'накануне', uk: 'напередодні' };
/** After "накануне"/"напередодні": a verb, adverb or function word means "the day before the report". */
const EVE_NOT_ANCHOR: Record<Lang, RegExp> = {
  ru: /^(?:.*(?:л|ла|ли|ло|лся|лась|лись|лось|ет|ит|ют|ят|ут|ат)|вечером|утром|днем|днём|ночью|в|во|и|на|с|по|уже|также|он|она|они|это|же)$/u,
  uk: /^(?:.*(?:ав|ив|ув|яв|ла|ли|ло|вся|лася|лися|лося|ють|ять|ить|уть|ать|ає|ує)|ввечері|увечері|вранці|вдень|вночі|у|в|і|й|та|на|з|по|вже|також|він|вона|вони|це|ж)$/u,
};
/** A following word in a genitive-looking form: накануне саммита, напередодні саміту, накануне переговоров. */
const GENITIVE_LIKE: Record<Lang, RegExp> = {
  ru: /(?:а|я|ы|и|ов|ев|ей|ий)$/u,
  uk: /(?:а|я|и|і|у|ю|ів|їв|ей)$/u,
};

interface DatePatterns {
  dayMonth: RegExp;
  numeric: RegExp;
  weekday: RegExp;
  relative: RegExp;
  nextWord: RegExp;
}

function compileDatePatterns(lang: Lang): DatePatterns {
  const months = MONTHS[lang].join('|');
  const weekdays = WEEKDAYS[lang].map((p, i) => `(?<w${i + 1}>${capitalisable(p)})`).join('|');
  const relative = RELATIVE[lang].map(([p], i) => `(?<r${i}>${capitalisable(p)})`).join('|');
  return {
    dayMonth: new RegExp(
      String.raw`(?<day>\d{1,2})(?:-?(?:го|е|ое|ого))?[ \u00A0]+(?<month>${months})(?:[ \u00A0]+(?<year>\d{4})(?:[ \u00A0]*(?:${YEAR_WORD[lang]}))?)?${NOT_BEFORE_LETTER}`,
      'giu',
    ),
    numeric: /(?<![\d.])(?<day>\d{1,2})\.(?<month>\d{1,2})\.(?<year>\d{4})(?!\d|\.\d)/gu,
    weekday: new RegExp(
      String.raw`(?:(?:${capitalisable(WEEKDAY_PREPOSITION[lang])})[ \u00A0]+)?(?:${weekdays})${NOT_BEFORE_LETTER}`,
      'gu',
    ),
    relative: new RegExp(String.raw`(?:${relative})${NOT_BEFORE_LETTER}`, 'gu'),
    nextWord: /^[ \u00A0]+([\p{L}][\p{L}-]*)/u,
  };
}

const DATE_PATTERNS: Record<Lang, DatePatterns> = { ru: compileDatePatterns('ru'), uk: compileDatePatterns('uk') };

/**
 * Every mention of a date in the paragraphs: day and month (`6 января`, `6 січня 2026 року`, `06.01.2026`),
 * weekdays (`во вторник`, `у вівторок`) and relative words (`сегодня`, `вчера`, `накануне`, `сьогодні`,
 * `напередодні`), in reading order. Day-month mentions of days that cannot exist (31 февраля) are skipped.
 */
export function inferDateHints(paragraphs: string[], lang: Lang): DateHint[] {
  const patterns = DATE_PATTERNS[lang];
  const hints: DateHint[] = [];
  paragraphs.forEach((text, paragraph) => {
    hints.push(
      ...dayMonthHints(text, paragraph, patterns, lang),
      ...weekdayHints(text, paragraph, patterns),
      ...relativeHints(text, paragraph, patterns, lang),
    );
  });
  return hints.sort((a, b) => a.paragraph - b.paragraph || a.offset - b.offset);
}

function dayMonthHints(text: string, paragraph: number, patterns: DatePatterns, lang: Lang): DateHint[] {
  const hints: DateHint[] = [];
  for (const m of wordStartMatches(patterns.dayMonth, text)) {
    const month = MONTHS[lang].indexOf((m.groups?.month ?? '').toLowerCase()) + 1;
    pushDayMonth(hints, m, paragraph, Number(m.groups?.day), month);
  }
  for (const m of text.matchAll(patterns.numeric)) pushDayMonth(hints, m, paragraph, Number(m.groups?.day), Number(m.groups?.month));
  return hints;
}

const MAX_DAY = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function pushDayMonth(hints: DateHint[], m: RegExpMatchArray, paragraph: number, day: number, month: number): void {
  if (month < 1 || month > 12 || day < 1 || day > (MAX_DAY[month - 1] ?? 0)) return;
  const year = m.groups?.year ? Number(m.groups.year) : undefined;
  const place = { text: m[0], paragraph, offset: m.index ?? 0 };
  hints.push(year === undefined ? { ...place, kind: 'day-month', day, month } : { ...place, kind: 'day-month', day, month, year });
}

function weekdayHints(text: string, paragraph: number, patterns: DatePatterns): DateHint[] {
  return wordStartMatches(patterns.weekday, text).map((m) => {
    const weekday = Number(Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0].slice(1));
    return { kind: 'weekday', weekday, text: m[0], paragraph, offset: m.index ?? 0 };
  });
}

function relativeHints(text: string, paragraph: number, patterns: DatePatterns, lang: Lang): DateHint[] {
  return wordStartMatches(patterns.relative, text).map((m) => {
    const index = Number(Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0].slice(1));
    const days = RELATIVE[lang][index]?.[1] ?? 0;
    const place = { text: m[0], paragraph, offset: m.index ?? 0 };
    const anchor = m[0].toLowerCase() === EVE[lang] ? eveAnchor(text.slice(place.offset + m[0].length), patterns, lang) : undefined;
    return anchor === undefined
      ? { ...place, kind: 'relative', days, relativeTo: 'report' }
      : { ...place, kind: 'relative', days, relativeTo: 'named-event', anchor };
  });
}

/** The event "накануне саммита" is relative to, or undefined when "накануне" stands alone. */
function eveAnchor(after: string, patterns: DatePatterns, lang: Lang): string | undefined {
  const word = patterns.nextWord.exec(after)?.[1];
  if (word === undefined) return undefined;
  const lower = word.toLowerCase();
  return EVE_NOT_ANCHOR[lang].test(lower) || !GENITIVE_LIKE[lang].test(lower) ? undefined : word;
}
