import { describe, expect, it } from 'vitest';
import { extractFacts, mergeFacts, numberFacts } from '../../src/lib/facts.ts';
import { skeleton } from '../../src/lib/names.ts';
import type { ArticleFacts } from '../../src/lib/types.ts';
import { loadArticles, loadEntities } from '../fixtures/events/load.ts';

const entities = loadEntities();
/** [value, approx, noun, phrase] of each number in a sentence. */
const read = (sentence: string): Array<[number, string | undefined, string, string]> =>
  numberFacts(sentence, 's1-1').map((n) => [n.value, n.approx, n.noun, n.phrase]);

describe('numberFacts', () => {
  it('reads a qualified count: "более 27 лидеров"', () => {
    expect(numberFacts('В саммите принимают участие более 27 лидеров.', 's3-1')).toEqual([
      {
        value: 27,
        approx: 'more-than',
        noun: 'лидеров',
        nounKey: skeleton('лидеров'),
        phrase: 'более 27 лидеров',
        sentenceId: 's3-1',
      },
    ]);
  });

  it('takes the noun after an adjective or participle: "35 приглашенным делегациям"', () => {
    expect(read('согласно ноте, направленной 35 приглашенным делегациям')).toEqual([
      [35, undefined, 'делегациям', '35 приглашенным делегациям'],
    ]);
    expect(read('понад 30 запрошеним делегаціям')).toEqual([
      [30, 'more-than', 'делегаціям', 'понад 30 запрошеним делегаціям'],
    ]);
  });

  it('reads thousands split by a space, a no-break space or a narrow one', () => {
    expect(read('армии, 800 000 человек, тренировки')).toEqual([
      [800000, undefined, 'человек', '800 000 человек'],
    ]);
    expect(read('армії 800\u00A0000 осіб')).toEqual([[800000, undefined, 'осіб', '800\u00A0000 осіб']]);
    expect(read('1\u202F200 солдат')[0]?.[0]).toBe(1200);
  });

  it('multiplies by тыс., млн, млрд and reads decimal commas', () => {
    expect(read('сэкономит около 3 млрд долларов')).toEqual([
      [3e9, 'about', 'долларов', 'около 3 млрд долларов'],
    ]);
    expect(read('виділить 1,5 млрд євро')).toEqual([[1.5e9, undefined, 'євро', '1,5 млрд євро']]);
    expect(read('до 800 тыс. человек')).toEqual([[800000, 'up-to', 'человек', 'до 800 тыс. человек']]);
    expect(read('2 миллиона беженцев')[0]?.[0]).toBe(2e6);
  });

  it('reads percentages, written with a sign or a word', () => {
    expect(read('рост на 5% за год')).toEqual([[5, undefined, '%', '5%']]);
    expect(read('майже 40 % опитаних')).toEqual([[40, 'almost', '%', 'майже 40 %']]);
    expect(read('не менее 10 процентов')).toEqual([[10, 'at-least', 'процентов', 'не менее 10 процентов']]);
  });

  it('knows every qualifier group', () => {
    expect(read('менее 5 стран')[0]?.[1]).toBe('less-than');
    expect(read('щонайменше 12 країн')[0]?.[1]).toBe('at-least');
    expect(read('примерно 7 стран')[0]?.[1]).toBe('about');
    expect(read('більше ніж 12 країн')).toEqual([[12, 'more-than', 'країн', 'більше ніж 12 країн']]);
  });

  it('leaves out dates, years, times, ordinals, scores and numbers inside words', () => {
    expect(read('6 января в Париже, 6 січня у Парижі')).toEqual([]);
    expect(read('до 2027 года, в 2026 році, 6 января 2026 г.')).toEqual([]);
    expect(read('в 18:00, счет 0:1, дата 06.01.2026')).toEqual([]);
    expect(read('на 67-й минуте, Су-27, G7')).toEqual([]);
  });

  it('leaves out numbers that count nothing', () => {
    expect(read('пункты 27 и 28')).toEqual([]);
    expect(read('их было 27')).toEqual([]);
    expect(read('27, 28 и 29')).toEqual([]);
    expect(read('27 G7-2')).toEqual([]);
  });
});

describe('extractFacts', () => {
  const sentences = [
    { id: 's1-1', text: 'В Елисейский дворец прибыли Стив Уиткофф и Джаред Кушнер.' },
    { id: 's1-2', text: 'В саммите принимают участие более 27 лидеров, сообщил Уиткофф.' },
    { id: 's2-1', text: 'Премьер Польши Дональд Туск говорил с Джоном Смитом и Джоном Смитом.' },
  ];
  const facts = extractFacts(sentences, 'ru', entities);

  it('collects the numbers of every sentence', () => {
    expect(facts.numbers.map((n) => [n.value, n.sentenceId])).toEqual([[27, 's1-2']]);
  });

  it('lists entities most mentioned first, with their kind and sentences', () => {
    expect(facts.entities[0]).toEqual({
      id: 'witkoff',
      kind: 'person',
      sentenceIds: ['s1-1', 's1-2'],
      mentions: 2,
    });
    expect(facts.entities.map((e) => e.id)).toEqual([
      'witkoff',
      'elysee-palace',
      'kushner',
      'poland',
      'tusk',
    ]);
  });

  it('lists other capitalised names apart, once per sentence', () => {
    expect(facts.names).toEqual([
      {
        key: skeleton('Джоном') + ' ' + skeleton('Смитом'),
        form: 'Джоном Смитом',
        sentenceIds: ['s2-1'],
        mentions: 2,
      },
    ]);
  });
});

describe('mergeFacts', () => {
  const facts = (partial: Partial<ArticleFacts>): ArticleFacts => ({
    numbers: [],
    entities: [],
    names: [],
    ...partial,
  });
  const number = (value: number, noun: string, sentenceId: string, approx?: 'more-than') => ({
    value,
    noun,
    nounKey: skeleton(noun),
    phrase: `${approx ? 'более ' : ''}${value} ${noun}`,
    sentenceId,
    ...(approx ? { approx } : {}),
  });

  it('merges the same number of the same thing across languages and cases', () => {
    const merged = mergeFacts([
      {
        articleId: 'ru1',
        lang: 'ru',
        facts: facts({ numbers: [number(27, 'лидеров', 's1', 'more-than'), number(35, 'делегациям', 's2')] }),
      },
      { articleId: 'uk1', lang: 'uk', facts: facts({ numbers: [number(27, 'лідерів', 's4', 'more-than')] }) },
      {
        articleId: 'ru2',
        lang: 'ru',
        facts: facts({ numbers: [number(27, 'лидеров', 's1'), number(27, 'стран', 's2')] }),
      },
    ]);
    expect(merged.numbers.map((n) => [n.value, n.approx, n.nouns, n.articleIds])).toEqual([
      [27, 'more-than', { ru: 'лидеров', uk: 'лідерів' }, ['ru1', 'uk1', 'ru2']],
      [35, undefined, { ru: 'делегациям' }, ['ru1']],
      [27, undefined, { ru: 'стран' }, ['ru2']],
    ]);
    expect(merged.numbers[0]?.sources).toEqual([
      { articleId: 'ru1', lang: 'ru', sentenceId: 's1', phrase: 'более 27 лидеров' },
      { articleId: 'uk1', lang: 'uk', sentenceId: 's4', phrase: 'более 27 лідерів' },
      { articleId: 'ru2', lang: 'ru', sentenceId: 's1', phrase: '27 лидеров' },
    ]);
  });

  it('counts a number stated twice in one article as one article', () => {
    const merged = mergeFacts([
      {
        articleId: 'a',
        lang: 'ru',
        facts: facts({ numbers: [number(5, 'стран', 's1'), number(5, 'странам', 's2')] }),
      },
    ]);
    expect(merged.numbers).toHaveLength(1);
    expect(merged.numbers[0]?.articleIds).toEqual(['a']);
    expect(merged.numbers[0]?.sources).toHaveLength(2);
  });

  it('sorts people, organisations, places, outlets and other names by the articles that mention them', () => {
    const person = (id: string, sentenceIds: string[]) => ({
      id,
      kind: 'person' as const,
      sentenceIds,
      mentions: sentenceIds.length,
    });
    const merged = mergeFacts([
      {
        articleId: 'a',
        lang: 'ru',
        facts: facts({
          entities: [
            person('macron', ['s1', 's2', 's3']),
            person('witkoff', ['s1']),
            { id: 'paris', kind: 'place', sentenceIds: ['s1'], mentions: 1 },
          ],
          names: [{ key: 'smt', form: 'Смит', sentenceIds: ['s2'], mentions: 1 }],
        }),
      },
      {
        articleId: 'b',
        lang: 'uk',
        facts: facts({
          entities: [
            person('witkoff', ['s5']),
            { id: 'reuters', kind: 'outlet', sentenceIds: ['s1'], mentions: 1 },
            { id: 'nato', kind: 'organisation', sentenceIds: ['s2'], mentions: 1 },
          ],
          names: [{ key: 'smt', form: 'Сміт', sentenceIds: ['s3'], mentions: 1 }],
        }),
      },
    ]);
    expect(merged.people.map((p) => [p.id, p.articleIds])).toEqual([
      ['witkoff', ['a', 'b']],
      ['macron', ['a']],
    ]);
    expect(merged.people[0]?.sources).toEqual([
      { articleId: 'a', lang: 'ru', sentenceId: 's1' },
      { articleId: 'b', lang: 'uk', sentenceId: 's5' },
    ]);
    expect(merged.places.map((p) => p.id)).toEqual(['paris']);
    expect(merged.outlets.map((p) => p.id)).toEqual(['reuters']);
    expect(merged.organisations.map((p) => p.id)).toEqual(['nato']);
    expect(merged.otherNames).toEqual([
      {
        id: '~smt',
        kind: 'name',
        forms: { ru: 'Смит', uk: 'Сміт' },
        articleIds: ['a', 'b'],
        sources: [
          { articleId: 'a', lang: 'ru', sentenceId: 's2' },
          { articleId: 'b', lang: 'uk', sentenceId: 's3' },
        ],
      },
    ]);
  });

  it('gives empty lists for no articles', () => {
    expect(mergeFacts([])).toEqual({
      numbers: [],
      people: [],
      organisations: [],
      places: [],
      outlets: [],
      otherNames: [],
    });
  });
});

describe('facts of the five seeds', () => {
  const seeds = loadArticles().filter((a) => /^\d{3}_/.test(a.id));
  const perArticle = seeds.map((a) => ({
    articleId: a.id,
    lang: a.lang,
    facts: extractFacts(
      a.paragraphs.map((text, i) => ({ id: `p${i + 1}`, text })),
      a.lang,
      entities,
    ),
  }));
  const merged = mergeFacts(perArticle);

  it('finds the numbers the reports give, and no dates', () => {
    expect(merged.numbers.map((n) => [n.value, n.approx, n.nouns.ru, n.articleIds.length])).toEqual([
      [27, 'more-than', 'лидеров', 2],
      [35, undefined, 'делегациям', 1],
      [800000, undefined, 'человек', 1],
    ]);
  });

  it('puts the coalition first among organisations and the American negotiators first among people', () => {
    expect(merged.organisations[0]).toMatchObject({
      id: 'coalition-of-the-willing',
      articleIds: seeds.map((s) => s.id),
    });
    expect(merged.people.slice(0, 2).map((p) => [p.id, p.articleIds.length])).toEqual([
      ['witkoff', 3],
      ['kushner', 3],
    ]);
  });
});
