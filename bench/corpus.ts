/**
 * The synthetic corpus for `npm run bench`: N Russian and Ukrainian reports about a handful of dated events,
 * in the seed format, built from real material (the five seeds, the component and grouping fixtures' texts)
 * with a seeded PRNG. The same N always gives the same files; article i is the same whatever N is, so the
 * "add one article" step is simply article N of the same generator.
 *
 * The corpus must cost what real news would: a recombination of the material's ~200 sentences repeated
 * them (a few hundred distinct sentences and ~1,500 word forms at any N), which flattered every cache keyed
 * by sentence or word and the search index. So:
 * - component sentences (COMPONENT_CUE: the lead, and as many of the others as the recombination had) are
 *   the material's own, so the component analysis finds what it did;
 * - the other sentences are new text: walks of a per-language word bigram model trained on the material,
 *   towards lengths drawn from the material's sentences, never through a cue word;
 * - in every sentence some names, content words and counts are replaced (the same way throughout an
 *   article) by generated words with the original's case ending, whose stems are drawn from Zipf-distributed
 *   lists: each event's own (its people and things, shared by its reports) and common ones without end, so
 *   distinct word forms keep growing with N (Heaps' law) and few sentences repeat. The cue words of
 *   content/components.yaml, the gazetteer's names, months and the event keywords are never replaced, nor
 *   the words of the first paragraph (the event grouping weighs it double).
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const ROOT = resolve(import.meta.dirname, '..');

export type Lang = 'ru' | 'uk';

export interface BenchEvent {
  slug: string;
  date: string;
  /** Whether content/events already defines it (the Paris summit); the others are written by the bench. */
  existing: boolean;
  title: { en: string; ru: string; uk: string };
  place: { en: string; ru: string; uk: string };
  keywords: string[];
  /** Paris in the material becomes this place (the forms of the cases the material uses). */
  city: { ru: [string, string, string]; uk: [string, string, string] } | null;
  weight: number;
}

export interface CorpusArticle {
  file: string;
  lang: Lang;
  event: string;
  date: string | null;
  text: string;
}

/** Cities as [nominative, locative, genitive], replacing Париж/Париже/Парижа (ru) and Париж/Парижі/Парижа (uk). */
export const EVENTS: BenchEvent[] = [
  {
    slug: '2026-01-06-paris-coalition-summit', date: '2026-01-06', existing: true, city: null, weight: 4,
    title: { en: '', ru: '', uk: '' }, place: { en: '', ru: '', uk: '' }, keywords: [],
  },
  {
    slug: '2025-09-04-paris-coalition-meeting', date: '2025-09-04', existing: false, city: null, weight: 2,
    title: { en: 'Coalition of the Willing meeting in Paris', ru: 'Встреча «коалиции желающих» в Париже', uk: 'Зустріч «коаліції охочих» у Парижі' },
    place: { en: 'Paris', ru: 'Париж', uk: 'Париж' },
    keywords: ['силы заверения', 'сили заспокоєння', 'коалиция желающих', 'коаліція охочих'],
  },
  {
    slug: '2026-02-05-washington-talks', date: '2026-02-05', existing: false, weight: 2,
    city: { ru: ['Вашингтон', 'Вашингтоне', 'Вашингтона'], uk: ['Вашингтон', 'Вашингтоні', 'Вашингтона'] },
    title: { en: 'Ukraine–US talks in Washington', ru: 'Переговоры Украины и США в Вашингтоне', uk: 'Переговори України та США у Вашингтоні' },
    place: { en: 'Washington', ru: 'Вашингтон', uk: 'Вашингтон' },
    keywords: ['переговоры', 'переговори', 'Белый дом', 'Білий дім'],
  },
  {
    slug: '2025-03-02-london-summit', date: '2025-03-02', existing: false, weight: 2,
    city: { ru: ['Лондон', 'Лондоне', 'Лондона'], uk: ['Лондон', 'Лондоні', 'Лондона'] },
    title: { en: 'London summit on Ukraine', ru: 'Саммит по Украине в Лондоне', uk: 'Саміт щодо України в Лондоні' },
    place: { en: 'London, Lancaster House', ru: 'Лондон, Ланкастер-хаус', uk: 'Лондон, Ланкастер-хаус' },
    keywords: ['Лондон', 'Стармер', 'гарантии безопасности', 'гарантії безпеки'],
  },
  {
    slug: '2025-12-15-berlin-talks', date: '2025-12-15', existing: false, weight: 1,
    city: { ru: ['Берлин', 'Берлине', 'Берлина'], uk: ['Берлін', 'Берліні', 'Берліна'] },
    title: { en: 'Talks on Ukraine in Berlin', ru: 'Переговоры по Украине в Берлине', uk: 'Переговори щодо України в Берліні' },
    place: { en: 'Berlin', ru: 'Берлин', uk: 'Берлін' },
    keywords: ['Берлин', 'Берлін', 'Мерц'],
  },
  {
    slug: '2026-03-11-rome-conference', date: '2026-03-11', existing: false, weight: 1,
    city: { ru: ['Рим', 'Риме', 'Рима'], uk: ['Рим', 'Римі', 'Рима'] },
    title: { en: 'Ukraine recovery conference in Rome', ru: 'Конференция по Украине в Риме', uk: 'Конференція щодо України в Римі' },
    place: { en: 'Rome', ru: 'Рим', uk: 'Рим' },
    keywords: ['Рим', 'конференция', 'конференція'],
  },
];

const MONTHS: Record<Lang, string[]> = {
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  uk: ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'],
};

/** Stems that make a sentence likely to carry a security-guarantee component (so every report has some). */
const COMPONENT_CUE = /(гарант|монитор|моніторинг|многонационал|багатонаціонал|координацион|координаційн|вооруж|збройн|нападени|напад|оборон|сил заверения|сил заспокоєння|развед|розвід|санкци|санкці)/i;

/** Mulberry32: a small, fast, seeded PRNG; the whole corpus hangs off one seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Material {
  sentences: Record<Lang, string[]>;
  components: Record<Lang, string[]>;
  headlines: Record<Lang, string[]>;
  /**
   * Word beginnings that are never replaced: those the cues of content/components.yaml use (components,
   * statuses, kinds) and the gazetteer's names (content/entities.yaml), so the analysis finds what it did.
   */
  keptWords: Record<Lang, string[]>;
}

const detectLang = (text: string): Lang => (/[іїєґ]/i.test(text) && !/[ыэъё]/i.test(text) ? 'uk' : 'ru');

/** Sentences end at . ! ? … (optionally followed by a closing quote) before a capital or an opening quote. */
function sentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?…]["»”]?)\s+(?=["«„A-ZА-ЯЁІЇЄҐ])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The beginnings of the words a cue names ("мониторинг*|контрол* .. верификаци*" → мониторинг, контрол, верификаци). */
function cueWordsOf(cue: string): string[] {
  const out: string[] = [];
  for (const term of fold(cue).split(/\s+/)) {
    for (const alt of term.split('|')) {
      const word = alt.replace(/^[=&!]+|\*$/g, '');
      if (!/^[\p{L}'-]{3,}$/u.test(word)) continue;
      // A term without * or = matches by stem: keep all but the last two letters (its ending).
      out.push(alt.endsWith('*') || alt.startsWith('=') ? word : word.slice(0, Math.max(3, word.length - 2)));
    }
  }
  return out;
}

const fold = (word: string): string => word.toLowerCase().replace(/ё/g, 'е').replace(/[’ʼ`]/g, "'");

function taxonomyCueWords(yamlText: string): Record<Lang, string[]> {
  const doc = parse(yamlText) as { components?: { cues?: unknown }[]; statusCues?: unknown; statusModifiers?: unknown; kindCues?: unknown };
  const found: Record<Lang, Set<string>> = { ru: new Set(), uk: new Set() };
  const visit = (node: unknown, lang: Lang | null): void => {
    if (typeof node === 'string') {
      if (lang) for (const w of cueWordsOf(node)) found[lang].add(w);
    } else if (Array.isArray(node)) {
      for (const x of node) visit(x, lang);
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) visit(v, k === 'ru' || k === 'uk' ? k : lang);
    }
  };
  // Only the cues: labels and descriptions have ru/uk keys too.
  visit([(doc.components ?? []).map((c) => c.cues), doc.statusCues, doc.statusModifiers, doc.kindCues], null);
  return { ru: [...found.ru].sort(), uk: [...found.uk].sort() };
}

/** The words of the gazetteer's variants (Макрон*, Кир Стармер …), folded, without the *. */
function gazetteerWords(yamlText: string): string[] {
  const doc = parse(yamlText) as { entities?: { variants?: string[] }[] };
  return (doc.entities ?? [])
    .flatMap((e) => e.variants ?? [])
    .flatMap((v) => fold(v).split(/[\s.-]+/))
    .map((w) => w.replace(/\*$/, ''))
    .filter((w) => /^[а-яёіїєґ']{3,}$/u.test(w));
}

export async function loadMaterial(): Promise<Material> {
  const m: Material = {
    sentences: { ru: [], uk: [] },
    components: { ru: [], uk: [] },
    headlines: { ru: [], uk: [] },
    keptWords: { ru: [], uk: [] },
  };
  const addFile = async (path: string) => {
    const text = (await readFile(path, 'utf8'))
      .replace(/^\uFEFF/, '')
      .replace(/^---[\s\S]*?\n---\n/, '')
      .replace(/^\s*date \d{4}-\d{2}-\d{2}\s*/, '');
    const lang = detectLang(text);
    for (const p of text.split(/\r\n|\r|\n/)) add(lang, p);
  };
  const add = (lang: Lang, paragraph: string) => {
    const p = paragraph.trim();
    if (!p) return;
    // A short line without final punctuation is a headline or a sub-heading ("Детали").
    if (!/[.!?…"»]$/.test(p) && p.length < 140) {
      m.headlines[lang].push(p);
      return;
    }
    for (const s of sentences(p)) {
      if (s.length < 25) continue;
      m.sentences[lang].push(s);
      if (COMPONENT_CUE.test(s)) m.components[lang].push(s);
    }
  };
  // The five seeds and the component fixtures' reports (same style, more Ukrainian material).
  for (const dir of ['seeds', 'test/fixtures/components/extra', 'test/fixtures/components/heldout', 'test/fixtures/components/heldout2']) {
    const files = (await readdir(join(ROOT, dir)).catch(() => [] as string[])).filter((f) => f.endsWith('.txt')).sort();
    for (const f of files) await addFile(join(ROOT, dir, f));
  }
  const fixtures = parse(await readFile(join(ROOT, 'test/fixtures/events/articles.yaml'), 'utf8')) as { lang: Lang; text?: string }[];
  for (const a of fixtures) for (const p of (a.text ?? '').split('\n')) add(a.lang, p);
  // Sorted and deduplicated: the material does not depend on file order.
  for (const key of ['sentences', 'components', 'headlines'] as const) {
    for (const lang of ['ru', 'uk'] as const) m[key][lang] = [...new Set(m[key][lang])].sort();
  }
  const cues = taxonomyCueWords(await readFile(join(ROOT, 'content/components.yaml'), 'utf8'));
  const names = gazetteerWords(await readFile(join(ROOT, 'content/entities.yaml'), 'utf8'));
  for (const lang of ['ru', 'uk'] as const) m.keptWords[lang] = [...new Set([...cues[lang], ...names])].sort();
  return m;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Moves a Paris sentence to the event's city and its dates to the event's day. */
function localise(text: string, lang: Lang, event: BenchEvent): string {
  let out = text;
  if (event.city) {
    const [nom, loc, gen] = event.city[lang];
    out = out
      .replace(lang === 'ru' ? /Париже/g : /Парижі/g, loc)
      .replace(/Парижа/g, gen)
      .replace(/Париж/g, nom);
  }
  const [, month, day] = event.date.split('-').map(Number) as [number, number, number];
  out = out.replace(/\b6 (января|січня)/g, `${day} ${MONTHS[lang][month - 1]}`);
  return out;
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('bench corpus: empty material');
  return item;
}

function pickEvent(rand: () => number): BenchEvent {
  const total = EVENTS.reduce((s, e) => s + e.weight, 0);
  let r = rand() * total;
  for (const e of EVENTS) {
    r -= e.weight;
    if (r < 0) return e;
  }
  return EVENTS[0]!;
}

// ---------------------------------------------------------------- new text: a word bigram model

/** A token of the material (a word with its punctuation), read once: the chain's state and what `vary` may do. */
interface Tok {
  text: string;
  /** stateKey(text): where a walk goes on from. */
  key: string;
  info: TokenInfo;
  /** The quotes and brackets it holds (see marksOf): 0 for most tokens. */
  marks: number;
  /**
   * How readily the word is replaced: 1 for a word the material uses once, less for its frequent words
   * (the topic's vocabulary, which real reports share), as 3 / (2 + uses).
   */
  odds: number;
}

/** One successor of a word in the material, and whether the sentence ended there. */
interface Step {
  tok: Tok;
  final: boolean;
}

interface Successors {
  all: Step[];
  /** The steps that end the sentence, and those that go on: the walk steers its length with them. */
  end: Step[];
  on: Step[];
}

interface Chain {
  /** Successors by the previous word's key ('' before the first word); cue words are left out. */
  next: Map<string, Successors>;
  /** Word counts of the material's sentences without components: the walks' target lengths. */
  lengths: number[];
  /** The material's sentences without components: the fallback when no walk fits. */
  plain: Tok[][];
  known: Set<string>;
  /** The material's component sentences and headlines, as tokens. */
  components: Tok[][];
  headlines: Tok[][];
  intern: (text: string) => Tok;
}

interface Model {
  chains: Record<Lang, Chain>;
  /** Share of component sentences (after the lead) the old recombination gave: 0.35 + 0.65 × their share. */
  componentShare: Record<Lang, number>;
  /** Words that keep their form: cue words, the gazetteer's names, months and days, event keywords. */
  keep: Record<Lang, Kept>;
}

/** The state a token leads to: lower case, without surrounding punctuation ("Украины»," and "украины" are one). */
function stateKey(token: string): string {
  return fold(token).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '') || token;
}

function trainChain(material: Material, lang: Lang, keep: Kept): Chain {
  const tokens = new Map<string, Tok>();
  const uses = new Map<string, number>();
  const oddsOf = (info: TokenInfo) => ('key' in info ? 3 / (2 + (uses.get(info.key) ?? 1)) : 0);
  const intern = (text: string): Tok => {
    let tok = tokens.get(text);
    if (!tok) {
      const info = tokenInfo(text, keep);
      tokens.set(text, (tok = { text, key: stateKey(text), info, marks: marksOf(text), odds: oddsOf(info) }));
    }
    return tok;
  };
  const split = (sentence: string): Tok[] => sentence.split(/\s+/).filter(Boolean).map(intern);
  for (const sentence of material.sentences[lang]) {
    for (const tok of split(sentence)) if ('key' in tok.info) uses.set(tok.info.key, (uses.get(tok.info.key) ?? 0) + 1);
  }
  for (const tok of tokens.values()) tok.odds = oddsOf(tok.info);
  const next = new Map<string, Successors>();
  const add = (key: string, step: Step) => {
    let s = next.get(key);
    if (!s) next.set(key, (s = { all: [], end: [], on: [] }));
    s.all.push(step);
    (step.final ? s.end : s.on).push(step);
  };
  for (const sentence of material.sentences[lang]) {
    const toks = split(sentence);
    let key = '';
    toks.forEach((tok, k) => {
      // Cue words stay out of new text: component sentences keep the share they had.
      if (!COMPONENT_CUE.test(tok.text)) add(key, { tok, final: k === toks.length - 1 });
      key = tok.key;
    });
  }
  const withComponents = new Set(material.components[lang]);
  const plain = material.sentences[lang].filter((s) => !withComponents.has(s)).map(split);
  return {
    next,
    lengths: plain.map((s) => s.length),
    plain,
    known: new Set(material.sentences[lang]),
    components: material.components[lang].map(split),
    headlines: material.headlines[lang].map(split),
    intern,
  };
}

const PAIRS = [['«', '»'], ['(', ')'], ['„', '“']] as const;

/**
 * A token's quotes and brackets in one number: (opening − closing) of each pair, scaled into a byte of its
 * own, and the parity of its straight quotes in the last bit. Where the sums are zero, every quote a walk
 * opened it also closed (closing before opening, which the full check would catch, is left as it is).
 */
function marksOf(text: string): number {
  let marks = 0;
  PAIRS.forEach(([open, close], k) => {
    for (const c of text) marks += (c === open ? 1 : c === close ? -1 : 0) * 2 ** (8 * k + 1);
  });
  for (const c of text) if (c === '"') marks ^= 1;
  return marks;
}

/** Drops quotes and brackets the walk opened and never closed (or closed without opening). */
function balance(toks: Tok[], chain: Chain): Tok[] {
  let sum = 0;
  let odd = 0;
  for (const t of toks) {
    sum += t.marks - (t.marks & 1);
    odd ^= t.marks & 1;
  }
  if (sum === 0 && odd === 0) return toks;
  const text = toks.map((t) => t.text).join(' ');
  const drop = new Set<number>();
  for (const [open, close] of PAIRS) {
    const stack: number[] = [];
    for (let i = 0; i < text.length; i++) {
      if (text[i] === open) stack.push(i);
      else if (text[i] === close && stack.pop() === undefined) drop.add(i);
    }
    for (const i of stack) drop.add(i);
  }
  const straight: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === '"') straight.push(i);
  if (straight.length % 2) for (const i of straight) drop.add(i);
  if (drop.size === 0) return toks;
  let out = '';
  for (let i = 0; i < text.length; i++) if (!drop.has(i)) out += text[i];
  return out.replace(/\s+([,.:;!?…])/g, '$1').split(/\s+/).filter(Boolean).map(chain.intern);
}

/**
 * A new sentence: a walk of the bigram chain towards a length drawn from the material's sentences. Walks
 * that run too long, stop far from the length or copy a material sentence are retried; the closest one is
 * kept, and a material sentence only when no walk ends at all.
 */
function walk(rand: () => number, chain: Chain, target = pick(rand, chain.lengths)): Tok[] {
  const max = Math.ceil(target * 1.5) + 3;
  let best: { toks: Tok[]; miss: number } | null = null;
  for (let attempt = 0; attempt < 12; attempt++) {
    let toks: Tok[] = [];
    let key = '';
    let ended = false;
    while (toks.length < max) {
      const s = chain.next.get(key);
      if (!s || s.all.length === 0) break;
      const n = toks.length + 1;
      const choices = n < target * 0.75 && s.on.length ? s.on : n >= target && s.end.length ? s.end : s.all;
      const step = pick(rand, choices);
      toks.push(step.tok);
      if (step.final) {
        ended = true;
        break;
      }
      key = step.tok.key;
    }
    if (!ended) continue;
    toks = balance(toks, chain);
    const text = toks.map((t) => t.text).join(' ');
    if (COMPONENT_CUE.test(text) || chain.known.has(text) || !STARTS_SENTENCE.test(text)) continue;
    const miss = Math.abs(toks.length - target);
    if (miss <= Math.max(2, target * 0.25)) return toks;
    if (!best || miss < best.miss) best = { toks, miss };
  }
  return best?.toks ?? pick(rand, chain.plain);
}

const STARTS_SENTENCE = /^["«„(]?[A-ZА-ЯЁІЇЄҐ0-9]/u;

// ---------------------------------------------------------------- open vocabulary: generated words

/**
 * Syllables of generated stems, written the Russian way; Ukrainian writes the same stem with і for и and
 * и for ы (кизеров → кізеров), so a name or word has one consonant skeleton in both languages, as real
 * names do (the event grouping compares skeletons across languages). Codas close a stem before a vowel ending.
 */
const SYLLABLES = ('ба бе бо ва ве ви во га го гу да де ди до ду жа же за зе зо ка ке ки ко ку ла ле ли ло лу ля ' +
  'ма ме ми мо му на не ни но ну ня па пе пи по пу ра ре ри ро ру ря са се си со су та те ти то ту фа фе фо ха хо ' +
  'ца це ча че чи ша ше щи бы вы ды мы ны ры сы ты бла бра вла гра дра кра пла пра ста сто стра тра хра зна сло смо ' +
  'спо скре про').split(' ');
const CODAS = ['н', 'р', 'л', 'в', 'к', 'т', 'д', 'м', 'с', 'ст', 'нт', 'рк', 'рд', 'ч', 'ж', 'ш', 'зд', 'рн', 'вс', 'лк', 'нд', 'мб'];
const UK_SPELLING: Record<string, string> = { и: 'і', ы: 'и' };

interface Stem {
  body: string;
  coda: string;
}

/**
 * Stem number `rank` (0, 1, 2 …) of the list `salt` names: the first |syllables|² ranks have two syllables,
 * the next |syllables|³ three, and so on, so every rank has its own stem and frequent (low) ranks are short.
 * Each syllable also depends on the one before it and on the salt, so the lists look unrelated.
 */
function stem(rank: number, lang: Lang, salt: number): Stem {
  const base = SYLLABLES.length;
  let length = 2;
  let rest = rank;
  while (rest >= base ** length) {
    rest -= base ** length;
    length++;
  }
  let body = '';
  let previous = salt;
  for (let position = 0; position < length; position++) {
    const digit = rest % base;
    rest = Math.floor(rest / base);
    previous = (digit + previous * 7 + position * 17 + salt) % base;
    body += SYLLABLES[previous]!;
  }
  const coda = CODAS[(previous * 13 + length + salt) % CODAS.length]!;
  return lang === 'uk' ? { body: body.replace(/[иы]/g, (c) => UK_SPELLING[c]!), coda } : { body, coda };
}

/**
 * Zipf–Mandelbrot ranks over an unbounded list: P(rank ≥ r) = (1 + r/q)^−a. Past the first q or so ranks the
 * number of distinct ranks in M draws grows like M^(1/(1+a)): Heaps' law.
 */
function zipfRank(rand: () => number, q: number, a: number): number {
  return Math.min(2 ** 31, Math.floor(q * ((1 - rand()) ** (-1 / a) - 1)));
}

/**
 * Where generated stems come from. Each event has a few names and words of its own, which most of its reports
 * use (as real reports share the people, places and things of their event: the grouping needs that); the
 * rest come from lists common to all events, long-tailed so that the vocabulary keeps growing with N.
 */
const NAMES = { q: 40, a: 0.9, salt: 1 };
const WORDS = { q: 200, a: 1.5, salt: 2 };
const OUTLETS = { q: 8, a: 1, salt: 3 };
const EVENT_NAMES = { q: 0.5, a: 2, salt: 11, share: 0.7 };
const EVENT_WORDS = { q: 2, a: 1.5, salt: 31, share: 0.3 };
/**
 * Chance that a name, or a content word, of an article is replaced (decided once per article and word, and
 * scaled by the word's `odds`). The first paragraph keeps its words: it says what the report is about, and
 * the grouping weighs it double.
 */
const NAME_RATE = 0.8;
const WORD_RATE = { generated: 1, component: 0.8 };
/** Chance that a component sentence is attributed to an outlet (", сообщает Ралача."). */
const ATTRIBUTION_RATE = 0.3;
const ATTRIBUTION: Record<Lang, readonly string[]> = {
  ru: ['сообщает', 'пишет', 'передает', 'сообщает агентство', 'пишет издание'],
  uk: ['повідомляє', 'пише', 'передає', 'повідомляє агентство', 'пише видання'],
};

/** Case endings a name keeps ("Стармер|а", "Зелен|ского"). */
const NAME_ENDING = /(?:[сц]ьк|[сц]к)?(?:ими|ыми|ами|ями|ого|его|ому|ему|ий|ый|ій|ой|ая|ое|ую|ої|ою|ею|им|ым|их|ых|ом|ем|ів|ов|ев|а|я|у|ю|е|і|и|ы|о)$/u;
/** Endings a common word keeps: its inflection and the spellings language detection reads (-ського, -ння, -тся). */
const WORD_ENDING = /(?:(?:[сц]ьк|[сц]к)?(?:ими|ыми|ами|ями|ого|его|ому|ему|ий|ый|ій|ой|ая|яя|ое|ее|ые|ие|ую|юю|ої|ою|ею|ом|ем|ам|ям|ах|ях|ів|ов|ев|ей|ия|ие|ии|ию|а|я|у|ю|е|і|и|ы|о|ї)|(?:нн|тт|лл|чч|жж|шш|сс|дд|зз)(?:я|і|ю|ям|ях|ями)|т?ь?ся|л[аои]?|ть|ти|ет|ют|ит|ят|ут|ать|ять)$/u;

/** Base and ending of a word; the base keeps at least three letters. */
function splitWord(word: string, isName: boolean): [string, string] {
  const m = (isName ? NAME_ENDING : WORD_ENDING).exec(word.toLowerCase());
  const cut = Math.min(m ? m[0].length : isName ? 0 : 2, word.length - 3);
  return [word.slice(0, word.length - cut), word.slice(word.length - cut)];
}

const FUNCTION_WORDS = new Set(['который', 'которая', 'которое', 'которые', 'которого', 'которой', 'которому', 'котором',
  'которым', 'которых', 'которую', 'также', 'только', 'сегодня', 'однако', 'поэтому', 'потому', 'несколько', 'именно',
  'вместе', 'против', 'своего', 'своей', 'своих', 'своими', 'будущем', 'тільки', 'сьогодні', 'кілька', 'проте', 'разом',
  'свого', 'своєї', 'своїх', 'цього', 'цієї', 'якого', 'якому', 'якими', 'якої', 'якому', 'також', 'зокрема', 'особливо',
  'частности', 'например', 'наприклад', 'больше', 'більше', 'понад', 'более', 'менее', 'менше', 'между', 'поскольку',
  'оскільки', 'водночас', 'одновременно', 'сейчас', 'наразі', 'теперь', 'тепер', 'всього', 'всего', 'после', 'після']);

/** Capitalised words that name the countries, blocs and places events are grouped by: never replaced. */
const KEPT_NAMES = /^(украин|україн|сполучен|соединен|росси|росі|рф|европ|євро|сша|америк|франц|британ|великобр|герман|німеч|польш|польщ|итал|італ|киев|київ|москв|кремл|бел|біл|коалиц|коаліц|устав|оон|нато|брюссел|елисей|єлисей|ланкастер|париж|вашингтон|лондон|берлин|берлін|рим|ес|єс|всу|зсу)/u;

/** Weekdays and relative days: the dates of undated reports are inferred from them (src/lib/attribution.ts). */
const DATE_WORDS: Record<Lang, readonly string[]> = {
  ru: ['понедельник', 'вторник', 'сред', 'четверг', 'пятниц', 'суббот', 'воскресен', 'позавчера', 'послезавтра', 'сегодня',
    'вчера', 'вчерашн', 'завтра', 'накануне'],
  uk: ['понеділ', 'вівтор', 'серед', 'четвер', "п'ятниц", 'субот', 'неділ', 'позавчора', 'післязавтра', 'сьогодні', 'вчора',
    'учора', 'вчорашн', 'учорашн', 'завтра', 'напередодні'],
};

function buildModel(material: Material): Model {
  const keepWords = (lang: Lang): Kept => {
    const prefixes = new Set([
      ...material.keptWords[lang],
      ...MONTHS[lang],
      ...DATE_WORDS[lang],
      ...EVENTS.flatMap((e) => e.keywords.flatMap((k) => k.split(/\s+/))).map((w) => fold(w).slice(0, Math.max(3, w.length - 2))),
    ]);
    const longest = Math.max(...[...prefixes].map((w) => w.length));
    return (word) => {
      for (let n = 3; n <= Math.min(longest, word.length); n++) if (prefixes.has(word.slice(0, n))) return true;
      return false;
    };
  };
  const keep = { ru: keepWords('ru'), uk: keepWords('uk') };
  const share = (lang: Lang) => 0.35 + 0.65 * (material.components[lang].length / Math.max(1, material.sentences[lang].length));
  return {
    chains: { ru: trainChain(material, 'ru', keep.ru), uk: trainChain(material, 'uk', keep.uk) },
    componentShare: { ru: share('ru'), uk: share('uk') },
    keep,
  };
}

/** Whether a (folded) word starts with one of the kept beginnings. */
type Kept = (word: string) => boolean;

const models = new WeakMap<Material, Model>();

function modelOf(material: Material): Model {
  let model = models.get(material);
  if (!model) models.set(material, (model = buildModel(material)));
  return model;
}

/** One article's choices: each name and content word is replaced (by the same new word) or kept throughout. */
interface Vocabulary {
  rand: () => number;
  lang: Lang;
  keep: Kept;
  /** The event's number in EVENTS: it has names and words of its own. */
  event: number;
  names: Map<string, Stem | null>;
  words: Map<string, Stem | null>;
}

const TOKEN = /^([^\p{L}\p{N}]*)([\p{L}\p{N}'’]+)([^\p{L}\p{N}]*)$/u;
const NAME = /^[А-ЯЁІЇЄҐ][а-яёіїєґ'’]{3,}$/u;
const WORD = /^[а-яёіїєґ'’]{5,}$/u;
const MONTH_OR_YEAR = /^(январ|феврал|март|апрел|ма[яйе]|июн|июл|август|сентябр|октябр|ноябр|декабр|січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд|год|рок|рік|лет)/u;

/** A generated stem for one of an article's names or words. */
function newStem(v: Vocabulary, isName: boolean): Stem {
  const own = isName ? EVENT_NAMES : EVENT_WORDS;
  if (v.rand() < own.share) return stem(zipfRank(v.rand, own.q, own.a), v.lang, own.salt + v.event * 5);
  const { q, a, salt } = isName ? NAMES : WORDS;
  return stem(zipfRank(v.rand, q, a), v.lang, salt);
}

/** ", сообщает Ралача." in place of a sentence's final stop (not after a quote). */
function attribute(sentence: string, v: Vocabulary): string {
  if (!/[\p{L}\p{N}]\.$/u.test(sentence)) return sentence;
  const outlet = glue(stem(zipfRank(v.rand, OUTLETS.q, OUTLETS.a), v.lang, OUTLETS.salt), 'а', true);
  return `${sentence.slice(0, -1)}, ${pick(v.rand, ATTRIBUTION[v.lang])} ${outlet}.`;
}

/** Stem + ending: a vowel ending (or none) follows the stem's closing consonant, a consonant one its last syllable. */
function glue(s: Stem, ending: string, isName: boolean): string {
  const word = ending === '' || /^[аеиоуыэюяіїєё]/u.test(ending) ? s.body + s.coda + ending : s.body + ending;
  return isName ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/** What a token of the material is to `vary`: kept as is, a count, or a name or content word that may be replaced. */
type TokenInfo =
  | { kind: 'keep' }
  | { kind: 'number'; pre: string; post: string; digits: number }
  | { kind: 'name' | 'word'; pre: string; post: string; key: string; ending: string };

function tokenInfo(token: string, keep: Kept): TokenInfo {
  const m = TOKEN.exec(token);
  if (!m) return { kind: 'keep' };
  const [, pre, core, post] = m as unknown as [string, string, string, string];
  if (/^\d{1,3}$/.test(core)) return { kind: 'number', pre, post, digits: core.length };
  const folded = fold(core);
  const isName = NAME.test(core) && !KEPT_NAMES.test(folded);
  if (keep(folded) || (!isName && (!WORD.test(core) || FUNCTION_WORDS.has(folded)))) return { kind: 'keep' };
  const [base, ending] = splitWord(core, isName);
  return { kind: isName ? 'name' : 'word', pre, post, key: fold(base), ending };
}

/** Replaces some names, content words and numbers of a sentence (see Vocabulary); cue words stay. */
function vary(toks: readonly Tok[], v: Vocabulary, wordRate: number): string {
  return toks
    .map(({ text: token, info, odds }, k) => {
      // A capital at the start of a sentence is no sign of a name.
      if (info.kind === 'keep' || (info.kind === 'name' && k === 0)) return token;
      if (info.kind === 'number') {
        // Dates and years stay (the event's day is set later); most other counts change.
        if (MONTH_OR_YEAR.test(toks[k + 1]?.key ?? '') || v.rand() < 0.25) return token;
        const low = info.digits === 1 ? 2 : 10 ** (info.digits - 1);
        return info.pre + String(low + Math.floor(v.rand() * (10 ** info.digits - low))) + info.post;
      }
      const isName = info.kind === 'name';
      const map = isName ? v.names : v.words;
      let chosen = map.get(info.key);
      if (chosen === undefined) {
        chosen = v.rand() < (isName ? NAME_RATE : wordRate) * odds ? newStem(v, isName) : null;
        map.set(info.key, chosen);
      }
      if (chosen === null) return token;
      const word = glue(chosen, info.ending, isName);
      // A generated word that happens to look like a cue or a kept name would change the analysis: keep the original.
      const folded = isName ? fold(word) : word;
      if (COMPONENT_CUE.test(word) || v.keep(folded) || KEPT_NAMES.test(folded)) return token;
      return info.pre + word + info.post;
    })
    .join(' ');
}

/** Article i of the corpus: its own PRNG stream, so it does not depend on N. */
export function makeArticle(material: Material, i: number, attempt = 0): CorpusArticle {
  const model = modelOf(material);
  const rand = prng(0x9e3779b1 ^ (i * 7919 + attempt * 104729));
  const lang: Lang = rand() < 0.6 ? 'ru' : 'uk';
  const event = pickEvent(rand);
  // Most reports are dated (the seeds' ` date ` line) the day of the event or the next; a few are not.
  const dated = rand() >= 0.05;
  const date = dated ? addDays(event.date, pick(rand, [-1, 0, 0, 0, 1, 1, 2])) : null;
  const chain = model.chains[lang];
  const v: Vocabulary = { rand, lang, keep: model.keep[lang], event: EVENTS.indexOf(event), names: new Map(), words: new Map() };
  const paragraphs: string[] = [];
  if (rand() < 0.3) {
    // A headline: the material's few, or a short new sentence without its final stop.
    const headline = rand() < 0.3 ? pick(rand, chain.headlines) : walk(rand, chain, 5 + Math.floor(rand() * 8));
    paragraphs.push(vary(headline, v, 0).replace(/[.!?…]+$/u, ''));
  }
  const count = 3 + Math.floor(rand() * 8); // 3–10 paragraphs, like the seeds
  for (let p = 0; p < count; p++) {
    const n = 1 + Math.floor(rand() * 4);
    const parts: string[] = [];
    for (let s = 0; s < n; s++) {
      // Component sentences come from the material, as often as before; the lead always is one.
      if ((p === 0 && s === 0) || rand() < model.componentShare[lang]) {
        const sentence = vary(pick(rand, chain.components), v, p === 0 ? 0 : WORD_RATE.component);
        parts.push(p > 0 && rand() < ATTRIBUTION_RATE ? attribute(sentence, v) : sentence);
      } else {
        parts.push(vary(walk(rand, chain), v, p === 0 ? 0 : WORD_RATE.generated));
      }
    }
    paragraphs.push(parts.join(' '));
  }
  const body = paragraphs.map((p) => localise(p, lang, event));
  const text = `${date ? ` date ${date} ` : ''}${body.join('\n\n')}\n`;
  return { file: `b${String(i).padStart(6, '0')}-${lang}.txt`, lang, event: event.slug, date, text };
}

export interface Corpus {
  articles: CorpusArticle[];
  /** The article the "add one" rebuild adds: article N of the same generator. */
  extra: CorpusArticle;
}

/** N articles with pairwise different texts (the ingest builds a duplicate text only once). */
export async function generateCorpus(n: number): Promise<Corpus> {
  const material = await loadMaterial();
  const seen = new Set<string>();
  const make = (i: number): CorpusArticle => {
    for (let attempt = 0; ; attempt++) {
      const a = makeArticle(material, i, attempt);
      const key = a.text.replace(/^ date \S+ /, '');
      if (!seen.has(key)) {
        seen.add(key);
        return a;
      }
    }
  };
  const articles = Array.from({ length: n }, (_, i) => make(i));
  return { articles, extra: make(n) };
}

export function eventMdx(e: BenchEvent): string {
  const q = (s: string) => JSON.stringify(s);
  return [
    '---',
    'title:',
    `  en: ${q(e.title.en)}`,
    `  ru: ${q(e.title.ru)}`,
    `  uk: ${q(e.title.uk)}`,
    `date: '${e.date}'`,
    'place:',
    `  en: ${q(e.place.en)}`,
    `  ru: ${q(e.place.ru)}`,
    `  uk: ${q(e.place.uk)}`,
    `keywords: [${e.keywords.map(q).join(', ')}]`,
    '---',
    '',
  ].join('\n');
}

/** Writes the seeds and the event definitions the project does not already have. */
export async function writeCorpus(corpus: Corpus, seedsDir: string, eventsDir: string): Promise<void> {
  await mkdir(seedsDir, { recursive: true });
  await mkdir(eventsDir, { recursive: true });
  for (const a of corpus.articles) await writeFile(join(seedsDir, a.file), a.text);
  for (const e of EVENTS) if (!e.existing) await writeFile(join(eventsDir, `${e.slug}.mdx`), eventMdx(e));
}

/** For the plain Astro baseline: the same text as safe MDX paragraphs (`{ } < >` and Markdown syntax escaped). */
export function baselineMdx(a: CorpusArticle): string {
  const paragraphs = a.text
    .replace(/^ date \S+ /, '')
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
  const title = paragraphs[0]!.slice(0, 80);
  const escape = (s: string) =>
    s.replace(/[\\`*_{}[\]()<>#+\-!|~&]/g, (c) => `&#${c.codePointAt(0)};`).replace(/^(\d+)\./, '$1&#46;');
  return `---\ntitle: ${JSON.stringify(title)}\nlang: ${a.lang}\ndate: ${JSON.stringify(a.date ?? '')}\nevent: ${a.event}\n---\n\n${paragraphs.map(escape).join('\n\n')}\n`;
}
