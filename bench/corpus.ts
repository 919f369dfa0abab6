/**
 * The synthetic corpus for `npm run bench`: N Russian and Ukrainian reports about a handful of dated events,
 * in the seed format, recombined from real material (the five seeds and the grouping fixtures' texts) with
 * a seeded PRNG. The same N always gives the same files; article i is the same whatever N is, so the
 * "add one article" step is simply article N of the same generator.
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
}

const detectLang = (text: string): Lang => (/[іїєґ]/i.test(text) && !/[ыэъё]/i.test(text) ? 'uk' : 'ru');

/** Sentences end at . ! ? … (optionally followed by a closing quote) before a capital or an opening quote. */
function sentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?…]["»”]?)\s+(?=["«„A-ZА-ЯЁІЇЄҐ])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export async function loadMaterial(): Promise<Material> {
  const m: Material = {
    sentences: { ru: [], uk: [] },
    components: { ru: [], uk: [] },
    headlines: { ru: [], uk: [] },
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
  for (const dir of ['seeds', 'test/fixtures/components/extra', 'test/fixtures/components/heldout']) {
    const files = (await readdir(join(ROOT, dir)).catch(() => [] as string[])).filter((f) => f.endsWith('.txt')).sort();
    for (const f of files) await addFile(join(ROOT, dir, f));
  }
  const fixtures = parse(await readFile(join(ROOT, 'test/fixtures/events/articles.yaml'), 'utf8')) as { lang: Lang; text?: string }[];
  for (const a of fixtures) for (const p of (a.text ?? '').split('\n')) add(a.lang, p);
  // Sorted and deduplicated: the material does not depend on file order.
  for (const key of ['sentences', 'components', 'headlines'] as const) {
    for (const lang of ['ru', 'uk'] as const) m[key][lang] = [...new Set(m[key][lang])].sort();
  }
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

/** Article i of the corpus: its own PRNG stream, so it does not depend on N. */
export function makeArticle(material: Material, i: number, attempt = 0): CorpusArticle {
  const rand = prng(0x9e3779b1 ^ (i * 7919 + attempt * 104729));
  const lang: Lang = rand() < 0.6 ? 'ru' : 'uk';
  const event = pickEvent(rand);
  // Most reports are dated (the seeds' ` date ` line) the day of the event or the next; a few are not.
  const dated = rand() >= 0.05;
  const date = dated ? addDays(event.date, pick(rand, [-1, 0, 0, 0, 1, 1, 2])) : null;
  const paragraphs: string[] = [];
  if (rand() < 0.3) paragraphs.push(pick(rand, material.headlines[lang]));
  const count = 3 + Math.floor(rand() * 8); // 3–10 paragraphs, like the seeds
  for (let p = 0; p < count; p++) {
    const n = 1 + Math.floor(rand() * 4);
    const parts: string[] = [];
    for (let s = 0; s < n; s++) {
      // About a third of the sentences come from the component-bearing ones; the lead always does.
      const pool = (p === 0 && s === 0) || rand() < 0.35 ? material.components[lang] : material.sentences[lang];
      parts.push(pick(rand, pool));
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
