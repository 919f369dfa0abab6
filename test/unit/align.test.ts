import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alignBilingual,
  bestMonotonePairs,
  filterByComponent,
  MIN_PAIR_SCORE,
  orderRows,
  sentenceKeys,
} from '../../src/lib/align.ts';
import type { AlignArticle, AlignedRow, Alignment, Lang, SentenceRef } from '../../src/lib/types.ts';
import { loadSeedArticles, seedTags } from '../fixtures/align/seeds.ts';
import { COMPONENTS, reportsArb, toAlignArticles } from '../fixtures/align/random.ts';

/** A sentence given as its text, or as [text, components]. */
type SentenceSpec = string | [string, string[]];

/** An article whose sentence ids are `s<paragraph>-<sentence>`, as the ingest makes them. */
function article(id: string, lang: Lang, paragraphs: SentenceSpec[][]): AlignArticle {
  return {
    id,
    lang,
    title: id,
    paragraphs: paragraphs.map((sentences, p) => ({
      line: p + 1,
      sentences: sentences.map((spec, i) => {
        const [text, components] = typeof spec === 'string' ? [spec, []] : spec;
        return { id: `s${p + 1}-${i + 1}`, text, components };
      }),
    })),
  };
}

const at = (ref: SentenceRef): string => `${ref.article}#${ref.sentence}`;
/** A row as `ru refs | uk refs`, for comparing layouts at a glance. */
const show = (row: AlignedRow): string => `${row.ru.map(at).join(',')} | ${row.uk.map(at).join(',')}`;
const untaggedRows = (alignment: Alignment): AlignedRow[] => alignment.rows.filter((r) => r.component === null);
const primaries = (alignment: Alignment): SentenceRef[] =>
  alignment.rows.flatMap((r) => [...r.ru, ...r.uk]).filter((ref) => ref.primaryIn === undefined);

interface PairFixture {
  articles: Array<{ id: string; lang: Lang; paragraphs: string[][] }>;
  pairs: Array<[string, string]>;
  alone: string[];
}
const pairFixtures: Record<string, PairFixture> = JSON.parse(
  readFileSync(new URL('../fixtures/align/pairs.json', import.meta.url), 'utf8'),
);

describe('sentenceKeys', () => {
  it('gives Russian and Ukrainian spellings of a name the same key', () => {
    const ru = sentenceKeys('Президент Владимир Зеленский прибыл в Париж.', 'ru');
    const uk = sentenceKeys('Президент Володимир Зеленський прибув до Парижа.', 'uk');
    expect(ru.filter((k) => uk.includes(k)).length).toBeGreaterThanOrEqual(3);
  });

  it('keys numbers whole, with their thousands groups joined', () => {
    const keys = sentenceKeys('Армия в 800 000 человек и более 27 лидеров.', 'ru');
    expect(keys).toContain('#800000');
    expect(keys).toContain('#27');
    expect(keys).not.toContain('#800');
  });

  it('keys acronyms, which are too short to be content words', () => {
    expect(sentenceKeys('США и ООН', 'ru').filter((k) => k.startsWith('@'))).toEqual(
      sentenceKeys('США та ООН', 'uk').filter((k) => k.startsWith('@')),
    );
    expect(sentenceKeys('США и ООН', 'ru').filter((k) => k.startsWith('@'))).toHaveLength(2);
  });

  it('adds a prefix key so cognates with different endings meet', () => {
    const ru = sentenceKeys('евроатлантической', 'ru');
    const uk = sentenceKeys('євроатлантичного', 'uk');
    expect(ru.some((k) => k.startsWith('~') && uk.includes(k))).toBe(true);
  });
});

describe('alignBilingual: component rows', () => {
  const ru = article('ru1', 'ru', [
    [['Мониторинг прекращения огня.', ['monitoring']], 'Погода была хорошей.'],
    [['Силы и мониторинг.', ['force', 'monitoring']], ['Новая тема.', ['zeta']], ['Ещё тема.', ['alpha']]],
  ]);
  const uk = article('uk1', 'uk', [[['Моніторинг припинення вогню.', ['monitoring']]]]);
  const alignment = alignBilingual([ru, uk], ['monitoring', 'force', 'empty', 'monitoring']);
  const components = alignment.rows.filter((r) => r.component !== null);

  it('makes one row per component in the given order, then unlisted ones by id, skipping empty ones', () => {
    expect(components.map((r) => r.component)).toEqual(['monitoring', 'force', 'alpha', 'zeta']);
  });

  it('holds every ru and uk sentence tagged with the component, in article order', () => {
    expect(show(components[0] as AlignedRow)).toBe('ru1#s1-1,ru1#s2-1 | uk1#s1-1');
  });

  it("shows a sentence with two components in its first component's row, referenced in the other", () => {
    const force = components[1] as AlignedRow;
    expect(force.ru).toEqual([
      { article: 'ru1', sentence: 's2-1', text: 'Силы и мониторинг.', components: ['force', 'monitoring'], primaryIn: 'monitoring' },
    ]);
    expect(components[0]?.ru[1]?.primaryIn).toBeUndefined();
  });

  it('scores 1 when both languages report the component, 0 when one does', () => {
    expect(components.map((r) => r.score)).toEqual([1, 0, 0, 0]);
  });

  it('keeps the status of a mention', () => {
    const tagged = article('a', 'ru', [[['Текст.', ['x']]]]);
    const sentence = tagged.paragraphs[0]?.sentences[0];
    if (sentence) sentence.status = 'draft';
    expect(alignBilingual([tagged], ['x']).rows[0]?.ru[0]?.status).toBe('draft');
  });

  it('puts untagged sentences after the component rows', () => {
    expect(alignment.rows.slice(components.length).map(show)).toEqual(['ru1#s1-2 | ']);
  });
});

describe('alignBilingual: pairing untagged sentences', () => {
  for (const [name, fixture] of Object.entries(pairFixtures)) {
    it(`pairs the known translations and leaves the rest alone (${name})`, () => {
      const articles = fixture.articles.map((a) => article(a.id, a.lang, a.paragraphs));
      const rows = untaggedRows(alignBilingual(articles, []));
      const pairs = rows.filter((r) => r.ru.length > 0 && r.uk.length > 0);
      expect(pairs.map((r) => [at(r.ru[0] as SentenceRef), at(r.uk[0] as SentenceRef)]).sort()).toEqual(
        [...fixture.pairs].sort(),
      );
      expect(rows.filter((r) => r.ru.length + r.uk.length === 1).map(show).map((s) => s.replace(' | ', '').trim()).sort()).toEqual(
        [...fixture.alone].sort(),
      );
      for (const pair of pairs) expect(pair.score).toBeGreaterThanOrEqual(MIN_PAIR_SCORE);
    });
  }

  it('pairs the uk sentence on the special commission with the ru one on it', () => {
    const fixture = pairFixtures.commission as PairFixture;
    const rows = untaggedRows(alignBilingual(fixture.articles.map((a) => article(a.id, a.lang, a.paragraphs)), []));
    const row = rows.find((r) => r.uk.some((s) => s.text.includes('спеціальній комісії')));
    expect(row?.ru.map((s) => s.text)).toEqual([expect.stringContaining('специальной комиссии')]);
  });

  it('lays a report and its counterpart out in order, unmatched sentences where they stand', () => {
    const fixture = pairFixtures.translation as PairFixture;
    const rows = untaggedRows(alignBilingual(fixture.articles.map((a) => article(a.id, a.lang, a.paragraphs)), []));
    expect(rows.map(show)).toEqual([
      'ru-draft#s1-1 | uk-draft#s1-1',
      'ru-draft#s1-2 | uk-draft#s1-2',
      'ru-draft#s2-1 | uk-draft#s2-1',
      'ru-draft#s2-2 | uk-draft#s2-2',
      ' | uk-draft#s2-3',
      'ru-draft#s3-1 | uk-draft#s3-1',
      'ru-draft#s3-2 | ',
    ]);
  });

  it("places a partner's earlier sentences before the pair, so each report reads in order", () => {
    const fixture = pairFixtures.twoSources as PairFixture;
    const rows = untaggedRows(alignBilingual(fixture.articles.map((a) => article(a.id, a.lang, a.paragraphs)), []));
    expect(rows.map(show)).toEqual([
      'ru-zelensky#s1-1 | uk-summary#s1-1',
      'ru-macron#s1-1 | uk-summary#s1-2',
      'ru-macron#s1-2 | ',
      'ru-macron#s1-3 | uk-summary#s1-3',
      'ru-zelensky#s1-2 | ',
    ]);
  });

  const zelensky: [string, string] = [
    'Президент Владимир Зеленский прибыл в Париж на саммит.',
    'Президент Володимир Зеленський прибув до Парижа на саміт.',
  ];
  const army: [string, string] = [
    'Армия Украины численностью 800 000 человек останется первой линией обороны.',
    'Армія України чисельністю 800 000 осіб залишиться першою лінією оборони.',
  ];

  it('never crosses pairs: of two pairs in opposite orders, only the stronger is kept', () => {
    // The Zelensky pair keys alike word for word and scores higher than the army pair: it wins either way.
    const armySecond = untaggedRows(
      alignBilingual([article('ru', 'ru', [[zelensky[0], army[0]]]), article('uk', 'uk', [[army[1], zelensky[1]]])], []),
    );
    expect(armySecond.map(show)).toEqual([' | uk#s1-1', 'ru#s1-1 | uk#s1-2', 'ru#s1-2 | ']);
    const armyFirst = untaggedRows(
      alignBilingual([article('ru', 'ru', [[army[0], zelensky[0]]]), article('uk', 'uk', [[zelensky[1], army[1]]])], []),
    );
    expect(armyFirst.map(show)).toEqual(['ru#s1-1 | ', 'ru#s1-2 | uk#s1-1', ' | uk#s1-2']);
  });

  it('pairs two translations each with its own, though all four reports are alike', () => {
    const ru1 = article('ru1', 'ru', [[zelensky[0], army[0]]]);
    const uk1 = article('uk1', 'uk', [[zelensky[1], army[1]]]);
    const ru2 = article('ru2', 'ru', [['Макрон заявил, что координационная группа будет работать в Париже вместе со штабом коалиции.', zelensky[0]]]);
    const uk2 = article('uk2', 'uk', [['Макрон заявив, що координаційна група працюватиме в Парижі разом зі штабом коаліції.', zelensky[1]]]);
    const pairs = untaggedRows(alignBilingual([ru1, uk1, ru2, uk2], []))
      .filter((r) => r.ru.length > 0 && r.uk.length > 0)
      .map((r) => `${r.ru[0]?.article}~${r.uk[0]?.article}`);
    expect(pairs.sort()).toEqual(['ru1~uk1', 'ru1~uk1', 'ru2~uk2', 'ru2~uk2']);
  });

  it('does not pair two sentences on one shared word, however short they are', () => {
    const pair = (ru: string, uk: string) =>
      untaggedRows(alignBilingual([article('ru', 'ru', [[ru]]), article('uk', 'uk', [[uk]])], [])).map(show);
    expect(pair('Механизмы контроля работают.', 'Механізми реагування погоджено.')).toEqual(['ru#s1-1 | ', ' | uk#s1-1']);
    expect(pair('Механизмы контроля работают.', 'Механізми контролю погоджено.')).toEqual(['ru#s1-1 | uk#s1-1']);
  });

  it('leaves sentences without words of substance alone', () => {
    const rows = untaggedRows(
      alignBilingual([article('ru', 'ru', [['Да.', zelensky[0]]]), article('uk', 'uk', [['Так.', zelensky[1]]])], []),
    );
    expect(rows.map(show)).toEqual(['ru#s1-1 | ', ' | uk#s1-1', 'ru#s1-2 | uk#s1-2']);
  });

  it('drops one of four pairs that would chain four reports into a circle no order could keep', () => {
    const commission: [string, string] = [
      'Коалиция будет представлена в специальной комиссии по нарушениям режима прекращения огня.',
      'Коаліція буде представлена в спеціальній комісії з порушень режиму припинення вогню.',
    ];
    const group: [string, string] = [
      'Макрон заявил, что координационная группа будет работать в Париже вместе со штабом коалиции.',
      'Макрон заявив, що координаційна група працюватиме в Парижі разом зі штабом коаліції.',
    ];
    // A1~B2, A2~C1, D1~C2, D2~B1: each report's order would force the next, around the circle.
    const a = article('A', 'ru', [[zelensky[0], army[0]]]);
    const b = article('B', 'uk', [[group[1], zelensky[1]]]);
    const c = article('C', 'uk', [[army[1], commission[1]]]);
    const d = article('D', 'ru', [[commission[0], group[0]]]);
    const rows = untaggedRows(alignBilingual([a, b, c, d], []));
    const pairs = rows.filter((r) => r.ru.length > 0 && r.uk.length > 0).map(show);
    expect(pairs).toHaveLength(3);
    expect(rows).toHaveLength(5);
  });

  it('still pairs within a huge shared vocabulary (the neighbour search stops at its budget)', () => {
    const numbers = Array.from({ length: 900 }, (_, i) => String(1000 + i)).join(', ');
    const ru = article('ru', 'ru', [[`Числа ${numbers}.`]]);
    const uks = Array.from({ length: 60 }, (_, i) => article(`uk${i}`, 'uk', [[`Числа ${numbers}.`]]));
    const rows = untaggedRows(alignBilingual([ru, ...uks], []));
    expect(rows).toHaveLength(60);
    expect(show(rows[0] as AlignedRow)).toBe('ru#s1-1 | uk0#s1-1');
  });
});

describe('alignBilingual: one language, or none', () => {
  it('lists the one language present and leaves the other column empty', () => {
    const alignment = alignBilingual(
      [article('a', 'uk', [['Перше.', 'Друге.']]), article('b', 'uk', [[['Третє.', ['x']]]])],
      ['x'],
    );
    expect(alignment.languages).toEqual(['uk']);
    expect(alignment.rows.map(show)).toEqual([' | b#s1-1', ' | a#s1-1', ' | a#s1-2']);
  });

  it('gives no rows and no languages for no articles', () => {
    expect(alignBilingual([], ['x'])).toEqual({ rows: [], languages: [] });
  });
});

describe('filterByComponent', () => {
  it('keeps the rows of one component and the languages', () => {
    const alignment = alignBilingual(
      [article('r', 'ru', [[['Один.', ['a']], ['Два.', ['b', 'a']], 'Три.']])],
      ['a', 'b'],
    );
    const b = filterByComponent(alignment, 'b');
    expect(b.languages).toEqual(['ru']);
    expect(b.rows.map((r) => [r.component, r.ru.map((s) => s.primaryIn ?? 'primary')])).toEqual([['b', ['a']]]);
    expect(filterByComponent(alignment, 'none').rows).toEqual([]);
  });
});

describe('bestMonotonePairs', () => {
  const table = (scores: Record<string, number>) => (r: number, u: number) => scores[`${r}:${u}`] ?? 0;

  it('prefers two good pairs in order to one better pair that would block them', () => {
    const similarity = table({ '0:3': 0.5, '0:2': 0.3, '1:3': 0.3 });
    expect(bestMonotonePairs([0, 1], [2, 3], similarity)).toEqual([[0, 2, 0.3], [1, 3, 0.3]]);
  });

  it('skips sentences on either side that have no partner good enough', () => {
    const similarity = table({ '1:5': 0.4, '2:7': 0.2, '0:6': MIN_PAIR_SCORE / 2 });
    expect(bestMonotonePairs([0, 1, 2], [4, 5, 6, 7], similarity)).toEqual([[1, 5, 0.4], [2, 7, 0.2]]);
  });

  it('does not count a pair below the threshold towards the total', () => {
    const similarity = table({ '0:5': 0.3, '0:4': MIN_PAIR_SCORE / 2, '1:5': 0.28 });
    expect(bestMonotonePairs([0, 1], [4, 5], similarity)).toEqual([[0, 5, 0.3]]);
  });

  it('pairs nothing when a side is empty', () => {
    expect(bestMonotonePairs([], [1, 2], () => 1)).toEqual([]);
  });
});

describe('orderRows', () => {
  it('walks sequences in order and places pairs once', () => {
    expect(orderRows([[0, 1], [2, 3]], [-1, 3, -1, 1])).toEqual([[0], [2], [1, 3]]);
  });

  it("places the items before a partner first, even when they come from a third sequence", () => {
    // 0 pairs with 3, which follows 2; 2 pairs with 5, which follows 4.
    expect(orderRows([[0, 1], [2, 3], [4, 5]], [3, -1, 5, 0, -1, 2])).toEqual([[4], [2, 5], [0, 3], [1]]);
  });

  it('throws when crossing pairs leave no order', () => {
    expect(() => orderRows([[0, 1], [2, 3]], [3, 2, 1, 0])).toThrow(/crossing pairs/);
  });
});

describe('alignBilingual on the seeds (4 ru, 1 uk)', () => {
  const articles = loadSeedArticles();
  const alignment = alignBilingual(articles, seedTags.componentOrder);
  const rows = untaggedRows(alignment);
  const rowOfUk = (snippet: string): AlignedRow | undefined => rows.find((r) => r.uk.some((s) => s.text.includes(snippet)));

  it('shows every sentence of every report once, in full', () => {
    const all = articles.flatMap((a) => a.paragraphs.flatMap((p) => p.sentences.map((s) => `${a.id}#${s.id}`)));
    expect(primaries(alignment).map(at).sort()).toEqual(all.sort());
  });

  it('makes a row for every component, both languages in each', () => {
    const components = alignment.rows.filter((r) => r.component !== null);
    expect(components.map((r) => r.component)).toEqual(seedTags.componentOrder);
    expect(components.every((r) => r.ru.length > 0 && r.uk.length === (r.component === 'attack-response' ? 2 : 1))).toBe(true);
  });

  it('references a draft sentence on two components from the second row', () => {
    const force = alignment.rows.find((r) => r.component === 'multinational-force');
    const reference = force?.ru.find((s) => s.text.includes('продолжение долгосрочной военной помощи'));
    expect(reference?.primaryIn).toBe('armed-forces-support');
    expect(reference?.status).toBe('draft');
  });

  it('pairs the untagged uk sentences with their ru counterparts in the official statement', () => {
    expect(rowOfUk('Суверенітет України')?.ru.map((s) => s.text)).toEqual([expect.stringContaining('обеспечение суверенитета')]);
    expect(rowOfUk('відзначили прогрес')?.ru.map((s) => s.text)).toEqual([expect.stringContaining('отметили прогресс')]);
    expect(rowOfUk('У Парижі 6 січня')?.ru.map((s) => s.text)).toEqual([expect.stringContaining('справедливому и длительному миру')]);
    // Worded differently (спроможність/способность), it shares one word with its counterpart at most: paired
    // with that counterpart or left alone, never with the heading "Ключевые акценты безопасности".
    expect(rowOfUk('захищати себе')?.ru.every((s) => s.text.includes('защищать себя'))).toBe(true);
    // A transition with no counterpart stays alone.
    expect(rowOfUk('Окрему увагу')?.ru).toEqual([]);
  });

  it('reads the official statement in order, with the uk report interleaved', () => {
    const official = rows.flatMap((r) => r.ru.filter((s) => s.article === articles[0]?.id).map((s) => s.text));
    const all = articles[0]?.paragraphs.flatMap((p) => p.sentences.filter((s) => s.components.length === 0).map((s) => s.text));
    expect(official).toEqual(all);
  });
});

describe('alignBilingual: properties', () => {
  const inputArb = fc.record({
    articles: reportsArb({ articles: 6, sentences: 4 }),
    order: fc.shuffledSubarray([...COMPONENTS, 'x']),
  });

  it('shows every sentence exactly once in full, in its own column, keeping each article in order', () => {
    fc.assert(
      fc.property(inputArb, ({ articles: specs, order }) => {
        const articles = toAlignArticles(specs);
        const alignment = alignBilingual(articles, order);
        const index = new Map<string, number>();
        const lang = new Map<string, Lang>();
        for (const a of articles) {
          lang.set(a.id, a.lang);
          a.paragraphs.flatMap((p) => p.sentences).forEach((s, i) => index.set(`${a.id}#${s.id}`, i));
        }
        // Exactly once as a primary entry.
        expect(primaries(alignment).map(at).sort()).toEqual([...index.keys()].sort());
        // Languages present, in order.
        expect(alignment.languages).toEqual((['ru', 'uk'] as const).filter((l) => articles.some((a) => a.lang === l)));
        for (const row of alignment.rows) {
          // Each column holds only its language; a row is never empty.
          expect(row.ru.every((s) => lang.get(s.article) === 'ru') && row.uk.every((s) => lang.get(s.article) === 'uk')).toBe(true);
          expect(row.ru.length + row.uk.length).toBeGreaterThan(0);
          // References only in component rows, pointing to a component of the sentence shown there.
          for (const ref of [...row.ru, ...row.uk]) {
            if (ref.primaryIn === undefined) continue;
            expect(row.component !== null && ref.components.includes(row.component)).toBe(true);
            const home = alignment.rows.find((r) => r.component === ref.primaryIn);
            expect([...(home?.ru ?? []), ...(home?.uk ?? [])].some((s) => at(s) === at(ref) && s.primaryIn === undefined)).toBe(true);
          }
        }
        // Order within each row, and across the untagged rows, for every article.
        const inOrder = (refs: SentenceRef[]): boolean =>
          articles.every((a) => {
            const seen = refs.filter((s) => s.article === a.id).map((s) => index.get(at(s)) ?? -1);
            return seen.every((v, i) => i === 0 || v > (seen[i - 1] ?? -1));
          });
        for (const row of alignment.rows) expect(inOrder([...row.ru, ...row.uk])).toBe(true);
        const untagged = untaggedRows(alignment);
        expect(untagged.every((r) => r.ru.length <= 1 && r.uk.length <= 1)).toBe(true);
        expect(inOrder(untagged.flatMap((r) => [...r.ru, ...r.uk]))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
