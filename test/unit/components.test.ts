import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  analyzeArticle,
  articleKind,
  eventComponentStatus,
  parseCue,
  parseTaxonomy,
  type Taxonomy,
} from '../../src/lib/components.ts';
import { evaluate, formatEvaluation, parseLabels, readArticle, type ArticleReading } from '../../src/lib/evaluation.ts';
import { detectLanguage } from '../../src/lib/language.ts';
import { parseSeed, statedDate } from '../../src/lib/seed.ts';
import type { AnalysedParagraph, Lang } from '../../src/lib/types.ts';

const ROOT = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** A small taxonomy in the real syntax, so each rule is seen on a sentence or two. */
const SMALL = `
components:
  - id: monitoring
    label: { en: Monitoring, ru: Мониторинг, uk: Моніторинг }
    description: { en: M, ru: М, uk: М }
    cues:
      ru: ["мониторинг*", "комисси* .. нарушени*"]
      uk: ["моніторинг*"]
  - id: force
    label: { en: Force, ru: Силы, uk: Сили }
    description: { en: F, ru: С, uk: С }
    cues:
      ru: ["многонациональн* сил*", "=контингент"]
      uk: ["багатонаціональн* сил*"]
statusCues:
  agreed:
    ru: ["договорил*", "=создана", "сторон* заявил*", "утвержден*"]
    uk: ["домовил*"]
  announced:
    ru: ["заявил*", "по .. словам"]
    uk: ["заявив"]
  draft:
    ru: ["проект* заявлени*", "согласно документ*"]
    uk: ["проєкт* заяви"]
  expected:
    ru: ["ожидается", "планиру*"]
    uk: ["очікується"]
statusModifiers:
  negation: { ru: ["не"], uk: ["не"] }
  future: { ru: ["будет"], uk: ["буде"] }
kindCues:
  preview: { ru: ["накануне"], uk: ["напередодні"] }
  draft: { ru: ["проект* заявлени*"], uk: ["проєкт* заяви"] }
  outcome: { ru: ["по итогам"], uk: ["за підсумками"] }
`;

function taxonomyOf(yaml: string): Taxonomy {
  const { taxonomy, problems } = parseTaxonomy(yaml, 'components.yaml');
  expect(problems).toEqual([]);
  return taxonomy!;
}
const small = taxonomyOf(SMALL);

const paragraphs = (...texts: string[]) => texts.map((text, i) => ({ text, line: i * 2 + 1 }));
const tagged = (result: { paragraphs: AnalysedParagraph[] }) =>
  result.paragraphs.flatMap((p) => p.sentences.filter((s) => s.components.length > 0).map((s) => `${s.id} ${s.components.join('+')} ${s.status}`));
const analyse = (lang: Lang, ...texts: string[]) => analyzeArticle(paragraphs(...texts), lang, small);

describe('parseCue', () => {
  it('reads terms, alternatives, gaps, prefixes, stems and exact words', () => {
    const cue = parseCue('Мониторинг*|=контроль .. комиссия', 'ru');
    expect(cue).toEqual({
      terms: [
        [{ match: 'prefix', value: 'мониторинг' }, { match: 'exact', value: 'контроль' }],
        [{ match: 'stem', value: 'комисс' }],
      ],
      gaps: [2, Number.POSITIVE_INFINITY],
    });
    expect(parseCue("зобов’язан*", 'uk')).toEqual({ terms: [[{ match: 'prefix', value: 'зобовязан' }]], gaps: [2] });
  });

  it('names the mistake in a bad cue', () => {
    expect(parseCue('  ', 'ru')).toBe('the cue is empty');
    expect(parseCue('.. слово', 'ru')).toBe('a cue cannot start or end with ..');
    expect(parseCue('слово .. .. слово', 'ru')).toBe('two .. in a row');
    expect(parseCue('слово*x', 'ru')).toMatch(/is not a word/);
    expect(parseCue('=слово*', 'ru')).toMatch(/both =exact and a prefix/);
    expect(parseCue('сл*', 'ru')).toMatch(/shorter than 3 letters/);
  });
});

describe('parseTaxonomy', () => {
  it('accepts content/components.yaml with the six components of the first event', () => {
    const { taxonomy, problems } = parseTaxonomy(read('content/components.yaml'), 'content/components.yaml');
    expect(problems).toEqual([]);
    expect(taxonomy?.components.map((c) => c.id)).toEqual([
      'ceasefire-monitoring', 'armed-forces-support', 'multinational-force',
      'armed-attack-commitments', 'defence-cooperation', 'coordination-group',
    ]);
    for (const c of taxonomy?.components ?? []) {
      expect(c.cues.ru.length).toBeGreaterThan(0);
      expect(c.cues.uk.length).toBeGreaterThan(0);
    }
  });

  const problemsOf = (yaml: string) => parseTaxonomy(yaml, 'c.yaml').problems.map((p) => `${p.severity} ${p.line}: ${p.message}`);

  it('reports unknown keys, missing labels, duplicate ids and bad cues at their lines', () => {
    const yaml = SMALL.replace('    label: { en: Force, ru: Силы, uk: Сили }\n', '    colour: red\n')
      .replace('id: force', 'id: monitoring')
      .replace('"=контингент"', '"сл*"')
      .replace('label: { en: Monitoring, ru: Мониторинг, uk: Моніторинг }', 'label: { en: Monitoring, ru: Мониторинг }');
    expect(problemsOf(yaml)).toEqual([
      'error 4: the label of "monitoring" has no uk text',
      'error 10: unknown key "colour" in a component',
      'error 9: the label of "monitoring" is missing',
      'error 13: bad cue "сл*" in the cues of "monitoring" (ru): the prefix "сл*" is shorter than 3 letters',
    ]);
    const dup = SMALL.replace('id: force', 'id: monitoring');
    expect(problemsOf(dup)).toEqual(['error 9: the component id "monitoring" is used twice']);
    expect(parseTaxonomy(dup, 'c.yaml').taxonomy).toBeUndefined();
  });

  it('reports YAML syntax, a wrong shape and missing parts', () => {
    expect(problemsOf('components: [\n')[0]).toMatch(/^error \d: YAML syntax/);
    expect(problemsOf('- a\n- b\n')).toEqual(['error 1: the file must be a mapping with `components` and `statusCues`']);
    expect(problemsOf('components: 3\nextra: 1\n')).toEqual([
      'error 2: unknown key "extra" at the top level',
      'error 1: `components` must be a list of components',
      'error 1: `statusCues` is missing',
    ]);
    expect(problemsOf('statusCues: {}\n')).toEqual(['error 1: `components` must be a list of components']);
  });

  it('reports bad components, ids, texts and cue lists', () => {
    const head = 'statusCues: {}\ncomponents:\n';
    expect(problemsOf(`${head}  - just text\n`)).toEqual(['error 3: a component must be a mapping with id, label, description and cues']);
    expect(problemsOf(`${head}  - id: Bad_Id\n`)).toEqual(['error 3: the component id "Bad_Id" is missing or not of the form a-z, 0-9 and dashes']);
    const texts = 'label: { en: A, ru: А, uk: А }\n    description: { en: A, ru: А, uk: "" }\n';
    expect(problemsOf(`${head}  - id: a\n    ${texts}`)).toEqual([
      'error 5: the description of "a" has no uk text',
      'error 3: the cues of "a" are missing',
    ]);
    const good = 'label: { en: A, ru: А, uk: А }\n    description: { en: A, ru: А, uk: А }\n';
    expect(problemsOf(`${head}  - id: a\n    ${good}    cues: [x]\n`)).toEqual(['error 6: the cues of "a" must be a mapping of ru and uk lists']);
    expect(problemsOf(`${head}  - id: a\n    ${good}    cues: { ru: "слово", uk: [3] }\n`)).toEqual([
      'error 6: the cues of "a" (ru) must be a list',
      'warning 6: the cues of "a" have no ru cues',
      'error 6: a cue in the cues of "a" (uk) is not text',
      'warning 6: the cues of "a" have no uk cues',
    ]);
    expect(problemsOf(`${head}  - id: a\n    ${good}    cues: { ru: ["слово"] }\n`)).toEqual([
      'warning 6: the cues of "a" have no uk cues',
    ]);
  });

  it('reports a malformed cue table and modifier list, and skips the optional parts when absent', () => {
    expect(problemsOf('components: []\nstatusCues: [1]\n')).toEqual(['error 2: `statusCues` must be a mapping of agreed, announced, draft, expected']);
    expect(problemsOf('components: []\nstatusCues: { agreed: { ru: ["да"] }, other: {} }\n')).toEqual([
      'error 2: unknown key "other" in statusCues',
    ]);
    expect(problemsOf('components: []\nstatusCues: {}\nstatusModifiers: { negation: { ru: ["не так"] }, future: 3 }\n')).toEqual([
      'error 3: statusModifiers.negation.ru must list single words',
    ]);
    expect(problemsOf('components: []\nstatusCues: {}\nstatusModifiers: { negation: { ru: "не" } }\n')).toEqual([]);
    expect(problemsOf('components: []\nstatusCues: {}\nstatusCues: {}\n')).toEqual(['error 3: YAML syntax: Map keys must be unique']);
  });
});

describe('analyzeArticle: tagging and text', () => {
  it('tags sentences with components and keeps every character, ids s<paragraph>-<sentence>', () => {
    const texts = ['  Стороны договорились о мониторинге.  Погода хорошая.', 'Создан контингент. ', '   '];
    const result = analyzeArticle(paragraphs(...texts), 'ru', small);
    expect(result.paragraphs.map((p) => p.line)).toEqual([1, 3, 5]);
    result.paragraphs.forEach((p, i) => {
      expect(p.sentences.map((s) => s.text + (s.trailing ?? '')).join('')).toBe(texts[i]);
    });
    const [first, second] = result.paragraphs[0]!.sentences;
    expect(first).toEqual({ id: 's1-1', text: '  Стороны договорились о мониторинге.', trailing: '  ', components: ['monitoring'], status: 'agreed' });
    expect(second).toEqual({ id: 's1-2', text: 'Погода хорошая.', components: [] });
    expect(result.paragraphs[1]!.sentences[0]).toMatchObject({ id: 's2-1', components: ['force'], trailing: ' ' });
  });

  it('matches terms in order, within two words unless the cue says ..', () => {
    expect(tagged(analyse('ru', 'Многонациональных миротворческих сил не будет.'))).toHaveLength(1);
    expect(tagged(analyse('ru', 'Многонациональных и очень крупных сил.'))).toEqual([]);
    expect(tagged(analyse('ru', 'Силы многонациональные.'))).toEqual([]);
    expect(tagged(analyse('ru', 'Комиссия, как сказано выше, будет рассматривать все нарушения.'))).toHaveLength(1);
  });

  it('finds a cue whose first fitting continuation is not the earliest one', () => {
    const three = taxonomyOf(SMALL.replace('"комисси* .. нарушени*"', '"альфа* бета* гамма*"'));
    const result = analyzeArticle(paragraphs('Альфа бета раз бета два три гамма.'), 'ru', three);
    expect(tagged(result)).toEqual(['s1-1 monitoring agreed']);
  });

  it('tags the same after its word memo is full and cleared', () => {
    const many = Array.from({ length: 200_001 }, (_, i) => `слово${i}`).join(' ');
    expect(tagged(analyse('ru', `${many} мониторинг.`, 'Мониторинг.'))).toEqual(['s1-1 monitoring agreed', 's2-1 monitoring agreed']);
  });

  it('tags Ukrainian with the Ukrainian cues', () => {
    expect(tagged(analyse('uk', 'Сторони домовилися про формування багатонаціональних сил.'))).toEqual(['s1-1 force agreed']);
  });
});

describe('analyzeArticle: status of a sentence', () => {
  it('reads its own cue, the most specific one first', () => {
    expect(tagged(analyse('ru', 'Стороны заявили о мониторинге.'))).toEqual(['s1-1 monitoring agreed']);
    expect(tagged(analyse('ru', 'Министр заявил о мониторинге.'))).toEqual(['s1-1 monitoring announced']);
    expect(tagged(analyse('ru', 'По его словам, ожидается мониторинг.'))).toEqual(['s1-1 monitoring announced']);
  });

  it('voids a negated cue and makes a future one expected', () => {
    expect(tagged(analyse('ru', 'Договорились о мониторинге.', 'Контингент не утвержден.'))).toEqual([
      's1-1 monitoring agreed',
      's2-1 force agreed',
    ]);
    expect(tagged(analyse('ru', 'Мониторинг ожидается.', 'Контингент не утвержден.'))).toEqual([
      's1-1 monitoring expected',
      's2-1 force expected',
    ]);
    expect(tagged(analyse('ru', 'Министр заявил, что будет создана система мониторинга.'))).toEqual(['s1-1 monitoring announced']);
  });

  it('gives a quoted passage the status of its attribution', () => {
    const text = '"Будет создан мониторинг. Его возглавят США", - говорится в проекте заявления.';
    expect(tagged(analyse('ru', 'По итогам встречи.', text))).toEqual(['s2-1 monitoring draft']);
    // An attribution with no opening quote before it covers nothing.
    expect(tagged(analyse('ru', 'По итогам встречи.', 'Ожидается мониторинг. Цитата", - заявил он.'))).toEqual(['s2-1 monitoring expected']);
  });

  it('lets a cue-less sentence follow its paragraph, then a later decisive sentence, then earlier paragraphs', () => {
    expect(tagged(analyse('ru', 'Министр заявил об успехе. Мониторинг начнется.'))).toEqual(['s1-2 monitoring announced']);
    expect(tagged(analyse('ru', 'Мониторинг начнется. Об этом говорится согласно документу.'))).toEqual(['s1-1 monitoring draft']);
    expect(tagged(analyse('ru', 'Мониторинг начнется. Это ожидается.'))).toEqual(['s1-1 monitoring agreed']);
    expect(tagged(analyse('ru', 'Министр заявил об успехе.', 'Мониторинг начнется.'))).toEqual(['s2-1 monitoring announced']);
  });

  it('lets expected wording yield to an agreed passage, but not to earlier paragraphs', () => {
    expect(tagged(analyse('ru', 'Стороны договорились. Планируется мониторинг.'))).toEqual(['s1-2 monitoring agreed']);
    expect(tagged(analyse('ru', 'Стороны договорились.', 'Планируется мониторинг.'))).toEqual(['s2-1 monitoring expected']);
  });

  it('carries the status of a list introduction to the items that follow it', () => {
    const result = analyse('ru', 'Стороны договорились о гарантиях.', 'Они включают:', 'Мониторинг.', 'Планируется контингент.', 'Погода.', 'Ожидается мониторинг.');
    expect(tagged(result)).toEqual(['s3-1 monitoring agreed', 's4-1 force agreed', 's6-1 monitoring expected']);
  });

  it('falls back on the article kind, which also caps what a preview or a draft can say', () => {
    expect(tagged(analyse('ru', 'Мониторинг.'))).toEqual(['s1-1 monitoring agreed']);
    expect(tagged(analyse('ru', 'Накануне встречи.', 'Мониторинг.', 'Министр заявил: контингент.'))).toEqual([
      's2-1 monitoring expected',
      's3-1 force expected',
    ]);
    expect(tagged(analyse('ru', 'Текст проекта заявления.', 'Договорились о мониторинге.'))).toEqual(['s2-1 monitoring draft']);
  });
});

describe('analyzeArticle: kind from wording', () => {
  it('takes the kind with most cues, the lead counting twice, outcome when nothing says otherwise', () => {
    expect(analyse('ru', 'Погода.').kind).toBe('outcome');
    expect(analyse('ru', 'Накануне встречи.').kind).toBe('preview');
    expect(analyse('ru', 'Накануне встречи.', 'По итогам. По итогам. По итогам.').kind).toBe('outcome');
    expect(analyse('ru', 'Накануне встречи.', 'По итогам. По итогам.').kind).toBe('outcome');
    expect(analyse('ru', 'Проект заявления.', 'По итогам. По итогам.').kind).toBe('draft');
    expect(analyse('uk', 'Напередодні зустрічі.').kind).toBe('preview');
  });
});

describe('analyzeArticle: overrides', () => {
  it('removes every mention of a component', () => {
    expect(tagged(analyzeArticle(paragraphs('Мониторинг и контингент.', 'Мониторинг.'), 'ru', small, { remove: ['monitoring'] }))).toEqual([
      's1-1 force agreed',
    ]);
  });

  it('adds a component to the sentence sharing most cue words, else to the first sentence', () => {
    const texts = paragraphs('Погода.', 'Комиссия рассмотрит жалобы.', 'Стороны заявили: контингент.');
    expect(tagged(analyzeArticle(texts, 'ru', small, { add: ['monitoring'] }))).toEqual([
      's2-1 monitoring agreed',
      's3-1 force agreed',
    ]);
    const none = paragraphs('Министр заявил о погоде.', 'Дождь.');
    expect(tagged(analyzeArticle(none, 'ru', small, { add: ['monitoring'] }))).toEqual(['s1-1 monitoring announced']);
  });

  it('ignores unknown, removed or already present components in add', () => {
    const texts = paragraphs('Мониторинг.');
    expect(tagged(analyzeArticle(texts, 'ru', small, { add: ['nothing', 'monitoring'] }))).toEqual(['s1-1 monitoring agreed']);
    expect(tagged(analyzeArticle(texts, 'ru', small, { add: ['force'], remove: ['force'] }))).toEqual(['s1-1 monitoring agreed']);
  });
});

describe('articleKind', () => {
  it('refines the wording with the dates', () => {
    expect(articleKind('outcome', '2026-01-05', '2026-01-06')).toBe('preview');
    expect(articleKind('draft', '2026-01-05', '2026-01-06')).toBe('draft');
    expect(articleKind('preview', '2026-01-07', '2026-01-06')).toBe('preview');
    expect(articleKind('preview', '2026-01-08', '2026-01-06')).toBe('outcome');
    expect(articleKind('outcome', '2026-01-06', '2026-01-06')).toBe('outcome');
    expect(articleKind('preview', null, '2026-01-06')).toBe('preview');
    expect(articleKind('outcome', '2026-01-05', null)).toBe('outcome');
    expect(articleKind('outcome', 'soon', '2026-01-06')).toBe('outcome');
  });
});

describe('eventComponentStatus', () => {
  it('is the strongest status, agreed only from an outcome report', () => {
    expect(eventComponentStatus([{ status: 'expected', articleKind: 'preview' }, { status: 'agreed', articleKind: 'outcome' }])).toBe('agreed');
    expect(eventComponentStatus([{ status: 'agreed', articleKind: 'draft' }, { status: 'expected', articleKind: 'preview' }])).toBe('draft');
    expect(eventComponentStatus([{ status: 'agreed', articleKind: 'preview' }, { status: 'announced', articleKind: 'outcome' }])).toBe('announced');
    expect(eventComponentStatus([])).toBe('expected');
  });
});

describe('evaluation', () => {
  const labels = parseLabels(`
eventDate: 2026-01-06
articles:
  a.txt: { kind: outcome, components: { monitoring: agreed, force: announced } }
  b.txt: { kind: preview, eventDate: 2026-02-01, components: {} }
  c.txt: { kind: draft, components: { force: draft } }
`);

  it('reads labels with a default and a per-article event date', () => {
    expect(labels['a.txt']).toEqual({ kind: 'outcome', components: { monitoring: 'agreed', force: 'announced' }, eventDate: '2026-01-06' });
    expect(labels['b.txt']?.eventDate).toBe('2026-02-01');
    expect(parseLabels('articles:\n  x.txt: { kind: outcome }\n')['x.txt']).toEqual({ kind: 'outcome', components: {}, eventDate: null });
    expect(parseLabels('')).toEqual({});
    expect(() => parseLabels('articles:\n  x.txt: { kind: later }\n')).toThrow(/kind "later"/);
    expect(() => parseLabels('articles:\n  x.txt: { kind: draft, components: { a: maybe } }\n')).toThrow(/status "maybe"/);
  });

  it('reads an analysed article as article-level statuses', () => {
    const analysed = analyse('ru', 'Накануне.', 'Ожидается мониторинг.', 'Стороны договорились о мониторинге.');
    expect(readArticle(analysed.paragraphs, 'outcome')).toEqual({ kind: 'outcome', components: { monitoring: 'expected' } });
    const outcome = analyse('ru', 'Стороны договорились: мониторинг и контингент. Мониторинг.');
    expect(readArticle(outcome.paragraphs, 'outcome')).toEqual({ kind: 'outcome', components: { force: 'agreed', monitoring: 'agreed' } });
  });

  it('counts presence, status and kind, and prints a table with the disagreements', () => {
    const predictions: Record<string, ArticleReading> = {
      'a.txt': { kind: 'outcome', components: { monitoring: 'agreed', force: 'agreed' } },
      'b.txt': { kind: 'outcome', components: { monitoring: 'expected' } },
    };
    const e = evaluate(labels, predictions, ['monitoring', 'force', 'group']);
    expect(e.components.map((c) => [c.id, c.truePositives, c.falsePositives, c.falseNegatives, c.precision, c.recall, c.f1, c.statusCorrect])).toEqual([
      ['monitoring', 1, 1, 0, 0.5, 1, 2 / 3, 1],
      ['force', 1, 0, 1, 1, 0.5, 2 / 3, 0],
      ['group', 0, 0, 0, null, null, null, 0],
    ]);
    expect(e.overall).toMatchObject({ truePositives: 2, falsePositives: 1, falseNegatives: 1, precision: 2 / 3, recall: 2 / 3 });
    expect(e.statusAccuracy).toBe(0.5);
    expect(e.kindCorrect).toBe(1);
    expect(e.errors).toEqual([
      'a.txt: force status announced → agreed',
      'b.txt: kind preview → outcome',
      'b.txt: monitoring not labelled, found as expected',
      'c.txt: kind draft → outcome',
      'c.txt: force labelled draft, not found',
    ]);
    const table = formatEvaluation('Test', e);
    expect(table).toContain('Test (3 articles)');
    expect(table).toMatch(/monitoring\s+1\s+1\s+0\s+0\.50\s+1\.00\s+0\.67\s+1\/1/);
    expect(table).toMatch(/group\s+0\s+0\s+0\s+—\s+—\s+—\s+—/);
    expect(table).toContain('status accuracy 0.50   article kind 1/3');
    expect(evaluate({}, {}, ['x']).statusAccuracy).toBeNull();
    const allWrong = evaluate({ 'a.txt': { kind: 'outcome', components: { x: 'agreed' }, eventDate: null } }, { 'a.txt': { kind: 'outcome', components: { y: 'agreed' } } }, ['x', 'y']);
    expect(allWrong.overall.f1).toBe(0);
  });
});

describe('the seeds against their hand labels', () => {
  it('reaches F1 ≥ 0.95 on presence and ≥ 0.9 status accuracy with content/components.yaml', () => {
    const taxonomy = taxonomyOf(read('content/components.yaml'));
    const labels = parseLabels(read('test/fixtures/components/seed-labels.yaml'));
    const predictions: Record<string, ArticleReading> = {};
    for (const file of readdirSync(join(ROOT, 'seeds'))) {
      const lines = read(`seeds/${file}`).split('\n');
      const date = /^ date (\d{4}-\d{2}-\d{2}) /.exec(lines[0] ?? '')?.[1] ?? null;
      const paras = lines.map((text, i) => ({ text: i === 0 ? text.replace(/^ date \S+ /, '') : text, line: i + 1 })).filter((p) => p.text.trim());
      const lang: Lang = file.startsWith('001') ? 'uk' : 'ru';
      const analysis = analyzeArticle(paras, lang, taxonomy);
      predictions[file] = readArticle(analysis.paragraphs, articleKind(analysis.kind, date, labels[file]?.eventDate ?? null));
    }
    const e = evaluate(labels, predictions, taxonomy.components.map((c) => c.id));
    expect(e.errors).toEqual([]);
    expect(e.overall.f1).toBeGreaterThanOrEqual(0.95);
    expect(e.statusAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});

describe('cue context: & (needed nearby) and ! (voids the cue)', () => {
  it('parses & and ! terms apart from the cue terms, and names misplaced ones', () => {
    expect(parseCue('мониторинг* & перемири*|огн* ! цен*', 'ru')).toEqual({
      terms: [[{ match: 'prefix', value: 'мониторинг' }]],
      gaps: [2],
      require: [[{ match: 'prefix', value: 'перемири' }, { match: 'prefix', value: 'огн' }]],
      exclude: [[{ match: 'prefix', value: 'цен' }]],
    });
    expect(parseCue('& слово', 'ru')).toMatch(/cannot start with & or !/);
    expect(parseCue('слово &', 'ru')).toMatch(/cannot end with & or !/);
    expect(parseCue('слово & ! другое', 'ru')).toMatch(/"!" must be followed by a term/);
    expect(parseCue('слово & другое третье', 'ru')).toMatch(/needs its own & or !/);
    expect(parseCue('слово .. & другое', 'ru')).toMatch(/.. cannot stand before & or !/);
    expect(parseCue('слово & другое .. третье', 'ru')).toMatch(/.. cannot stand after & or !/);
  });

  const ctx = taxonomyOf(SMALL.replace('ru: ["мониторинг*", "комисси* .. нарушени*"]', 'ru: ["мониторинг* & перемири* ! цен*"]'));
  const run = (...texts: string[]) => tagged(analyzeArticle(paragraphs(...texts), 'ru', ctx));

  it('needs an & term in the sentence or an earlier sentence of the same paragraph', () => {
    expect(run('Мониторинг перемирия.')).toEqual(['s1-1 monitoring agreed']);
    expect(run('Стороны обсудили перемирие. Мониторинг возглавят США.')).toEqual(['s1-2 monitoring agreed']);
    // A later sentence or another paragraph is not context: the topic is set before it is referred to.
    expect(run('Мониторинг возглавят США. Речь о перемирии.')).toEqual([]);
    expect(run('Стороны обсудили перемирие.', 'Мониторинг возглавят США.')).toEqual([]);
  });

  it('drops the cue when a ! term is in the sentence', () => {
    expect(run('Мониторинг цен во время перемирия.')).toEqual([]);
  });
});

/** What the real taxonomy tags in one sentence: component ids, sorted. */
function realTags(lang: Lang, ...texts: string[]): string[] {
  const result = analyzeArticle(paragraphs(...texts), lang, taxonomyOf(read('content/components.yaml')));
  return [...new Set(result.paragraphs.flatMap((p) => p.sentences.flatMap((s) => s.components)))].sort();
}

describe('content/components.yaml: synonyms and near misses', () => {
  // Sentences written for these tests in the wording outlets use; none is copied from a fixture article.
  it('finds each component under other wordings, in both languages', () => {
    expect(realTags('ru', 'Наблюдатели ОБСЕ будут следить за соблюдением перемирия вдоль линии фронта.')).toEqual(['ceasefire-monitoring']);
    expect(realTags('uk', 'Верифікацію режиму припинення вогню здійснюватиме місія під егідою США.')).toEqual(['ceasefire-monitoring']);
    expect(realTags('ru', 'Германия передаст Украине еще две системы Patriot.')).toEqual(['armed-forces-support']);
    expect(realTags('uk', 'Партнери продовжать фінансування Сил оборони України щонайменше до 2030 року.')).toEqual(['armed-forces-support']);
    expect(realTags('ru', 'После прекращения огня в Украине могут быть размещены британские и французские войска.')).toEqual(['multinational-force']);
    expect(realTags('uk', 'Сили запевнення розташуються в тилу, далеко від лінії зіткнення.')).toEqual(['multinational-force']);
    expect(realTags('ru', 'Речь идет об обязательствах, аналогичных статье 5 Устава НАТО.')).toEqual(['armed-attack-commitments']);
    expect(realTags('uk', 'У разі відновлення агресії союзники нададуть Києву зброю та запровадять санкції.')).toEqual(['armed-attack-commitments']);
    expect(realTags('ru', 'Стороны договорились о совместном выпуске снарядов и обмене разведывательной информацией.')).toEqual(['defence-cooperation']);
    expect(realTags('uk', 'Британські інструктори продовжать навчання українських екіпажів.')).toEqual(['defence-cooperation']);
    expect(realTags('ru', 'Координационная ячейка с участием США и Коалиции начнет работу в Париже.')).toEqual(['coordination-group']);
  });

  it('does not take prices, trade, prisoners or the war itself for a component', () => {
    expect(realTags('uk', 'Уряд посилить моніторинг цін на пальне та ліки.')).toEqual([]);
    expect(realTags('ru', 'Министерство создало совместную группу по контролю за экспортом зерна.')).toEqual([]);
    expect(realTags('ru', 'Координационный штаб по вопросам обращения с военнопленными сообщил об обмене.')).toEqual([]);
    expect(realTags('ru', 'Силы ПВО сбили 40 из 55 беспилотников, сообщили Воздушные силы ВСУ.')).toEqual([]);
    expect(realTags('ru', 'Евросоюз ввел новые санкции против России за агрессию против Украины.')).toEqual([]);
    expect(realTags('ru', 'Россия снова атаковала энергетику Украины.')).toEqual([]);
    expect(realTags('uk', 'Росія наростила виробництво ракет і дронів, заявили в розвідці.')).toEqual([]);
    expect(realTags('uk', 'Уряд створив координаційний центр з питань енергетики.')).toEqual([]);
  });

  it('counts military aid promised for a new attack as a commitment, not as ongoing support', () => {
    expect(realTags('uk', 'У разі нового вторгнення партнери нададуть Україні військову допомогу.')).toEqual(['armed-attack-commitments']);
  });
});

describe('the fixture sets against their hand labels', () => {
  const taxonomy = taxonomyOf(read('content/components.yaml'));
  const ids = taxonomy.components.map((c) => c.id);
  function evaluateSet(folder: string, labelsFile: string) {
    const labels = parseLabels(read(labelsFile));
    const predictions: Record<string, ArticleReading> = {};
    for (const file of readdirSync(join(ROOT, folder)).filter((f) => f.endsWith('.txt'))) {
      const { seed } = parseSeed(file, readFileSync(join(ROOT, folder, file)));
      const lang = detectLanguage(seed!.paragraphs.map((p) => p.text).join('\n')).lang;
      const analysis = analyzeArticle(seed!.paragraphs, lang, taxonomy);
      const kind = articleKind(analysis.kind, statedDate(seed!)?.date ?? null, labels[file]?.eventDate ?? null);
      predictions[file] = readArticle(analysis.paragraphs, kind);
    }
    expect(Object.keys(predictions).sort()).toEqual(Object.keys(labels).sort());
    return evaluate(labels, predictions, ids);
  }

  it('agrees with every label of the dev sets (extra, first held-out)', () => {
    expect(evaluateSet('test/fixtures/components/extra', 'test/fixtures/components/extra-labels.yaml').errors).toEqual([]);
    expect(evaluateSet('test/fixtures/components/heldout', 'test/fixtures/components/heldout-labels.yaml').errors).toEqual([]);
  });

  it('stays above a floor on the second held-out set (not tuned on: a floor, not its exact errors)', () => {
    const e = evaluateSet('test/fixtures/components/heldout2', 'test/fixtures/components/heldout2-labels.yaml');
    expect(e.overall.f1).toBeGreaterThanOrEqual(0.85);
    expect(e.statusAccuracy).toBeGreaterThanOrEqual(0.75);
  });
});
