import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyseNames,
  analysePart,
  buildEntityIndex,
  crossLingualKeys,
  findEntities,
  findNames,
  isContentWord,
  MAX_ENDING,
  parseEntities,
  skeleton,
  words,
  wordsOfPart,
} from '../../src/lib/names.ts';
import { tokenize } from '../../src/lib/text.ts';
import { splitSentences } from '../../src/lib/text.ts';
import type { Entity } from '../../src/lib/types.ts';

/** Russian and Ukrainian spellings of the same name (in the same case), as news sites write them. */
// prettier-ignore
const NAME_PAIRS: Array<[string, string]> = [
  ['Зеленский', 'Зеленський'], ['Зеленского', 'Зеленського'], ['Зеленскому', 'Зеленському'], ['Зеленским', 'Зеленським'],
  ['Уиткофф', 'Віткофф'], ['Уиткоффа', 'Віткоффа'], ['Кушнером', 'Кушнером'], ['Макрона', 'Макрона'],
  ['Кирилл', 'Кирило'], ['Андрей', 'Андрій'], ['Владимир', 'Володимир'], ['Владимиром', 'Володимиром'],
  ['Стив', 'Стів'], ['Эммануэль', 'Еммануель'], ['Фридрих', 'Фрідріх'], ['Мелони', 'Мелоні'],
  ['Ляйен', 'Ляєн'], ['Умеров', 'Умєров'], ['Сибига', 'Сибіга'], ['Ермак', 'Єрмак'],
  ['Шмыгаль', 'Шмигаль'], ['Сырский', 'Сирський'], ['Залужный', 'Залужний'], ['Песков', 'Пєсков'],
  ['Дмитриев', 'Дмитрієв'], ['Рубио', 'Рубіо'], ['Вэнс', 'Венс'], ['Хегсет', 'Гегсет'],
  ['Йенс', 'Єнс'], ['Эрдоган', 'Ердоган'], ['Фидан', 'Фідан'], ['Фицо', 'Фіцо'],
  ['Свитолина', 'Світоліна'], ['Свитолиной', 'Світоліною'], ['Шовковский', 'Шовковський'], ['Михаил', 'Михайло'],
  ['Алексей', 'Олексій'], ['Александр', 'Олександр'], ['Сергей', 'Сергій'], ['Павел', 'Павло'],
  ['Дмитрий', 'Дмитро'], ['Юрий', 'Юрій'], ['Игорь', 'Ігор'], ['Евгений', 'Євген'],
  ['Уинстон', 'Вінстон'], ['Уильям', 'Вільям'], ['Уэльс', 'Уельс'], ['Уолтц', 'Волтц'],
  ['Киев', 'Київ'], ['Киеве', 'Києві'], ['Киева', 'Києва'], ['Харьков', 'Харків'],
  ['Харькове', 'Харкові'], ['Львов', 'Львів'], ['Днепр', 'Дніпро'], ['Одесса', 'Одеса'],
  ['Париже', 'Парижі'], ['Вашингтоне', 'Вашингтоні'], ['Берлине', 'Берліні'], ['Хельсинки', 'Гельсінкі'],
  ['Женеве', 'Женеві'], ['Эр-Рияд', 'Ер-Ріяд'], ['Абу-Даби', 'Абу-Дабі'], ['Пекин', 'Пекін'],
  ['Майами', 'Маямі'], ['Евросоюз', 'Євросоюз'], ['ЕС', 'ЄС'], ['ОАЭ', 'ОАЕ'],
  ['Марьяна', 'Мар’яна'], ['Финляндии', 'Фінляндії'], ['Нидерланды', 'Нідерланди'], ['Рейкьявик', 'Рейк’явік'],
  ['Хантер', 'Гантер'], ['Запорожье', 'Запоріжжя'], ['Херсоне', 'Херсоні'], ['Нарышкин', 'Наришкін'],
  ['Мишустин', 'Мішустін'], ['Блинкен', 'Блінкен'], ['Белоусов', 'Білоусов'], ['Авдеевка', 'Авдіївка'],
  ['Покровск', 'Покровськ'], ['Крым', 'Крим'], ['Мирзиёев', 'Мірзійоєв'], ['Тегеране', 'Тегерані'],
];

/** Different people and places: their skeletons must differ. */
// prettier-ignore
const DISTINCT_NAMES = [
  'Зеленский', 'Уиткофф', 'Кушнер', 'Макрон', 'Туск', 'Трамп', 'Буданов', 'Гнатов', 'Стармер', 'Мерц', 'Мелони',
  'Рютте', 'Умеров', 'Сибига', 'Рубио', 'Путин', 'Лавров', 'Песков', 'Ушаков', 'Дмитриев', 'Келлог', 'Каллас',
  'Орбан', 'Фицо', 'Эрдоган', 'Шольц', 'Байден', 'Вэнс', 'Хегсет', 'Ермак', 'Сырский', 'Залужный', 'Кулеба',
  'Париж', 'Вашингтон', 'Киев', 'Москва', 'Лондон', 'Берлин', 'Брюссель', 'Женева', 'Стамбул', 'Варшава',
  'Харьков', 'Одесса', 'Днепр', 'Херсон', 'Мюнхен', 'Анкара', 'Пекин', 'Давос', 'Ватикан',
];

describe('skeleton', () => {
  it('gives the Russian and the Ukrainian spelling of each name the same key', () => {
    const mismatches = NAME_PAIRS.filter(([ru, uk]) => skeleton(ru) !== skeleton(uk));
    expect(mismatches).toEqual([]);
  });

  it('keeps different names apart', () => {
    const byKey = new Map<string, string[]>();
    for (const name of DISTINCT_NAMES)
      byKey.set(skeleton(name), [...(byKey.get(skeleton(name)) ?? []), name]);
    expect([...byKey.values()].filter((names) => names.length > 1)).toEqual([]);
  });

  it('ignores case endings of nouns and adjectives in both languages', () => {
    const forms = [
      'Зеленский',
      'Зеленского',
      'Зеленскому',
      'Зеленским',
      'Зеленськ',
      'Зеленського',
      'Зеленському',
    ];
    expect(new Set(forms.map(skeleton)).size).toBe(1);
    expect(skeleton('переговоров')).toBe(skeleton('переговори'));
    expect(skeleton('лидеров')).toBe(skeleton('лідерів'));
    expect(skeleton('желающих')).toBe(skeleton('желающие'));
  });

  it('leaves a short stem whole rather than cut it to nothing', () => {
    expect(skeleton('Киев')).toBe(skeleton('Києві'));
    expect(skeleton('Киевом')).toBe(skeleton('Київ'));
    expect(skeleton('Рим')).toBe('rm');
    expect(skeleton('Римом')).toBe('rm');
  });

  it('reads Russian У- before a vowel as the W that Ukrainian writes В-', () => {
    expect(skeleton('Уиткофф')).toBe('vtkf');
    expect(skeleton('Уолл')).toBe(skeleton('Волл'));
    expect(skeleton('Украина')).not.toMatch(/^v/); // У before a consonant stays
  });

  it('merges г and х, as foreign H is written either way', () => {
    expect(skeleton('Хельсинки')).toBe(skeleton('Гельсінкі'));
  });

  it('meets Latin spellings', () => {
    expect(skeleton('Witkoff')).toBe(skeleton('Віткофф'));
    expect(skeleton('Kushner')).toBe(skeleton('Кушнер'));
    expect(skeleton('Macron')).toBe(skeleton('Макрон'));
    expect(skeleton('Kharkiv')).toBe(skeleton('Харків'));
    expect(skeleton('Zelensky')).toBe(skeleton('Зеленский'));
  });

  it('keeps the vowels of a word with fewer than two consonants', () => {
    expect(skeleton('ООН')).toBe('on');
    expect(skeleton('ЕС')).toBe('es');
    expect(skeleton('ОАЭ')).not.toBe(skeleton('ООН'));
  });

  it('collapses doubled letters, also those written with two Latin letters', () => {
    expect(skeleton('Одесса')).toBe(skeleton('Одеса'));
    expect(skeleton('Запоріжжя')).toBe(skeleton('Запорожье'));
  });

  it('is stable when asked again, also after its memo has filled and been cleared', () => {
    const first = skeleton('Світоліна');
    expect(skeleton('Світоліна')).toBe(first);
    for (let i = 0; i <= 50_000; i++) skeleton(`слово${i}`);
    expect(skeleton('Світоліна')).toBe(first);
  });
});

describe('crossLingualKeys and content words', () => {
  it('lets Russian and Ukrainian wordings of the same thing share keys', () => {
    const ru = new Set(crossLingualKeys('Саммит коалиции: гарантии, санкции, мониторинг, верификация', 'ru'));
    const uk = crossLingualKeys('Саміт коаліції: гарантії, санкції, моніторинг, верифікація', 'uk');
    expect(uk.filter((k) => ru.has(k))).toHaveLength(6);
  });

  it('drops short words, stop words and words with digits, and keeps repeats in text order', () => {
    expect(crossLingualKeys('Он также был в Париже, Париже и G7 2026', 'ru')).toEqual([
      skeleton('Париже'),
      skeleton('Париже'),
    ]);
  });

  it('gives every text, asked once or again, the keys of its whole normalised words (memoised piece by piece)', () => {
    const whole = (text: string) => tokenize(text).filter(isContentWord).map(skeleton);
    const unit = fc.constantFrom(
      'гарантии', 'Гарантії', 'коаліції', 'сил', 'Парижі', 'также', 'G7', '2026', 'за\u0301мок', 'İstanbul', 'Čapek', 'гарантiї',
      "обов'язкова", 'обов’язкова', 'РБК-Україна', ' ', '  ', '\n', '\u00A0', '\u3000', '\uFEFF', '\u200B', ',', '.', '«', '»', '-',
    );
    const text = fc.array(unit, { maxLength: 12 }).map((list) => list.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(crossLingualKeys(t, 'ru')).toEqual(whole(t));
        expect(crossLingualKeys(t, 'uk')).toEqual(whole(t)); // now from the memo
      }),
      { numRuns: 2000 },
    );
  });

  it('tells content words', () => {
    expect(isContentWord('гарантии')).toBe(true);
    expect(isContentWord('также')).toBe(false);
    expect(isContentWord('мир')).toBe(false);
    expect(isContentWord('g7-2026')).toBe(false);
  });
});

describe('words', () => {
  it('gives offsets in the original text, normalised forms and capitals', () => {
    const text = 'Зелёный «Обов’язкова» РБК-Украина';
    const list = words(text);
    expect(list.map((w) => w.norm)).toEqual(['зеленый', "обов'язкова", 'рбк', 'украина']);
    expect(list.map((w) => text.slice(w.start, w.end))).toEqual(['Зелёный', 'Обов’язкова', 'РБК', 'Украина']);
    expect(list.every((w) => w.capital)).toBe(true);
    expect(words('мир')[0]?.capital).toBe(false);
  });

  it('gives a sentence the words of its paragraph that lie in it, in its own offsets', () => {
    const paragraph = ' Сказал В. Зеленский: «Обов’язкова» гарантия.\u00A0Стороны\u200Bсогласны!  РБК-Украина… 800 000 1.5';
    const list = words(paragraph);
    for (const s of splitSentences(paragraph, 'ru')) {
      expect(wordsOfPart(paragraph, list, s.text, s.start)).toEqual(words(s.text));
    }
    expect(wordsOfPart(paragraph, list, paragraph, 0)).toEqual(list);
  });

  it('reads a part afresh when a word could run across its ends, or it is not where it is said to be', () => {
    const text = 'Москва-Киев';
    expect(wordsOfPart(text, words(text), 'сква-Ки', 2)).toEqual(words('сква-Ки'));
    expect(wordsOfPart(text, words(text), 'Киев', 0)).toEqual(words('Киев'));
  });
});

const PROJECT_GAZETTEER = readFileSync(new URL('../../content/entities.yaml', import.meta.url), 'utf8');

  it('finds the same words in plain text (fast path) as the Unicode pattern does', () => {
    // Every character class the plain path must agree on: ASCII letters and digits, Cyrillic letters and
    // combining marks (U+0483), the Cyrillic thousands sign (U+0482, no letter), apostrophes, typographic
    // punctuation and no-break spaces.
    const plain = 'Зелёный «Обов’язкова» РБК-Украина 2026 г. OBOZ.UA — п\'ять…\u00A0№5 а\u0483б ҂7 “x” „y“ ‘z’ Ї ґ';
    // A character outside the plain set (a Greek letter) sends the same text through the Unicode pattern.
    const unicode = `${plain} λ`;
    const fast = words(plain);
    expect(words(unicode).slice(0, fast.length)).toEqual(fast);
    expect(words(unicode).at(-1)?.norm).toBe('λ');
    expect(fast.map((w) => plain.slice(w.start, w.end))).toEqual([
      'Зелёный', 'Обов’язкова', 'РБК', 'Украина', '2026', 'г', 'OBOZ', 'UA', "п'ять", '5', 'а\u0483б', '7', 'x',
      'y', 'z', 'Ї', 'ґ',
    ]);
  });

describe('parseEntities', () => {
  it('reads the project gazetteer without problems', () => {
    const { entities, problems } = parseEntities(PROJECT_GAZETTEER, 'content/entities.yaml');
    expect(problems).toEqual([]);
    expect(entities?.byId.get('witkoff')?.label.uk).toBe('Стів Віткофф');
    expect(entities?.entities.length).toBeGreaterThan(40);
  });

  it('reads a bare list as well as `entities:`', () => {
    const { entities, problems } = parseEntities(
      '- id: tusk\n  kind: person\n  label: { en: Donald Tusk, ru: Дональд Туск, uk: Дональд Туск }\n  variants: [Туск*]\n',
      'e.yaml',
    );
    expect(problems).toEqual([]);
    expect(entities?.entities.map((e) => e.id)).toEqual(['tusk']);
  });

  it('reports a YAML syntax error with its line, and gives no index', () => {
    const { entities, problems } = parseEntities('entities:\n  - id: a\n    kind: [person\n', 'e.yaml');
    expect(entities).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: 'error',
      file: 'e.yaml',
      message: expect.stringMatching(/not valid YAML/),
    });
    expect(problems[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('reports a file without a list', () => {
    const { entities, problems } = parseEntities('entities: 3\n', 'e.yaml');
    expect(entities).toBeUndefined();
    expect(problems[0]?.message).toMatch(/no list of entities/);
  });

  it('reports each broken entry with its line and keeps the good ones', () => {
    const yaml = [
      'entities:',
      '  - just text',
      '  - { id: Bad Id, kind: person, label: { en: a, ru: a, uk: a }, variants: [Аа] }',
      '  - { id: k, kind: animal, label: { en: a, ru: a, uk: a }, variants: [Аа] }',
      '  - { id: l, kind: person, label: { en: a, ru: a }, variants: [Аа] }',
      '  - { id: m, kind: person, label: Paris, variants: [Аа] }',
      '  - { id: v, kind: person, label: { en: a, ru: a, uk: a }, variants: [] }',
      '  - { id: w, kind: person, label: { en: a, ru: a, uk: a }, variants: [Аа, 3] }',
      '  - { id: ok, kind: place, label: { en: Paris, ru: Париж, uk: Париж }, variants: [Париж*, "Па*риж", Па*, "Париж Ы"] }',
      '  - { id: ok, kind: place, label: { en: P, ru: П, uk: П }, variants: [Пари] }',
      '  - { id: none, kind: place, label: { en: P, ru: П, uk: П }, variants: [Ы*] }',
    ].join('\n');
    const { entities, problems } = parseEntities(yaml, 'e.yaml');
    expect(entities?.entities.map((e) => e.id)).toEqual(['ok']);
    expect(entities?.entities[0]?.variants).toEqual(['Париж*']);
    const at = (line: number): string[] =>
      problems.filter((p) => p.line === line).map((p) => `${p.severity}: ${p.message}`);
    expect(at(2)).toEqual(['error: An entry of the gazetteer is not a mapping.']);
    expect(at(3)[0]).toMatch(/^error: Entity id "Bad Id" is not a lower-case slug/);
    expect(at(4)[0]).toMatch(/^error: Entity "k" has kind "animal"/);
    expect(at(5)[0]).toMatch(/^error: Entity "l" needs a label in en, ru and uk/);
    expect(at(6)[0]).toMatch(/^error: Entity "m" needs a label in en, ru and uk/);
    expect(at(7)[0]).toMatch(/^error: Entity "v" needs a list of variants/);
    expect(at(8)[0]).toMatch(/^error: Entity "w" needs a list of variants/);
    expect(at(9)).toEqual([
      'warning: Variant "Па*риж" of "ok" has "Па*риж": a word may only end with *, not contain it.',
      'warning: Variant "Па*" of "ok" has "Па*": a * word needs at least 3 letters.',
      'warning: Variant "Париж Ы" of "ok" has "Ы": a word needs at least 2 letters.',
    ]);
    expect(at(10)).toEqual(['error: Entity id "ok" is used twice.']);
    expect(at(11)[0]).toMatch(/^warning: Variant "Ы\*"/);
    expect(problems.every((p) => p.hint.length > 0)).toBe(true);
  });
});

const index = parseEntities(PROJECT_GAZETTEER, 'content/entities.yaml').entities!;
const ids = (text: string): string[] => findEntities(text, 'ru', index).map((m) => m.id);

describe('findEntities', () => {
  it('finds people with their given names, in any case, with the form and offset as written', () => {
    const text = 'прибыли Стив Уиткофф и зять Трампа Джаред Кушнер.';
    const found = findEntities(text, 'ru', index);
    expect(found.map((m) => [m.id, m.form])).toEqual([
      ['witkoff', 'Стив Уиткофф'],
      ['trump', 'Трампа'],
      ['kushner', 'Джаред Кушнер'],
    ]);
    for (const m of found) expect(text.slice(m.offset, m.offset + m.form.length)).toBe(m.form);
  });

  it('does not take just any capitalised word before a surname as a given name', () => {
    expect(findEntities('Вчера Макрон заявил', 'ru', index)[0]?.form).toBe('Макрон');
    expect(findEntities('Макрон Туск', 'ru', index).map((m) => m.form)).toEqual(['Макрон', 'Туск']);
  });

  it('matches the Ukrainian spelling and the Latin one', () => {
    expect(ids('Стів Віткофф, Witkoff, Зеленському')).toEqual(['witkoff', 'witkoff', 'zelensky']);
  });

  it('requires a capital where the variant has one', () => {
    expect(ids('тусклый свет, Туска')).toEqual(['tusk']);
  });

  it(`allows at most ${MAX_ENDING} letters after a * stem`, () => {
    expect(ids('Зеленскому')).toEqual(['zelensky']);
    expect(ids('Зеленскийовичи')).toEqual([]);
  });

  it('matches phrases across spaces, hyphens and dots but not across commas', () => {
    expect(ids('члены коалиции желающих')).toEqual(['coalition-of-the-willing']);
    expect(ids('коалиции, желающих')).toEqual([]);
    expect(ids('в рамках коалиции')).toEqual([]); // the phrase runs past the end
    expect(ids('Ранее OBOZ.UA сообщал')).toEqual(['oboz-ua']);
    expect(ids('по данным «РБК-Украина»')).toEqual(['rbc-ukraine']);
  });

  it('prefers the longer variant where two could match', () => {
    expect(ids('с Парижским клубом кредиторов в Париже')).toEqual(['paris-club', 'paris']);
  });

  it('matches apostrophes whichever way they are written', () => {
    expect(findEntities('Організації Об’єднаних Націй', 'uk', index).map((m) => m.id)).toEqual(['un']);
  });

  it('finds nothing with an empty gazetteer, and skips an empty variant', () => {
    expect(findEntities('Зеленский', 'ru', buildEntityIndex([]))).toEqual([]);
    const empty: Entity = {
      id: 'e',
      kind: 'place',
      label: { en: 'E', ru: 'Е', uk: 'Е' },
      variants: [' ', 'Ерих'],
    };
    expect(findEntities('Ерих', 'ru', buildEntityIndex([empty])).map((m) => m.id)).toEqual(['e']);
  });

  it('keeps the first entity that lists a variant', () => {
    const a: Entity = { id: 'a', kind: 'place', label: { en: 'A', ru: 'А', uk: 'А' }, variants: ['Аляск*'] };
    const b: Entity = { ...a, id: 'b', variants: ['Аляск*', 'Анкоридж'] };
    expect(findEntities('Аляска, Анкоридж', 'ru', buildEntityIndex([a, b])).map((m) => m.id)).toEqual([
      'a',
      'b',
    ]);
  });
});

describe('findNames', () => {
  const none = buildEntityIndex([]);

  it('keys unknown names so ru and uk spellings and cases agree', () => {
    const ru = findNames('Тренер Александра Шовковского доволен', 'ru', none);
    const uk = findNames('Тренер Олександр Шовковський задоволений', 'uk', none);
    expect(ru.map((n) => n.form)).toEqual(['Александра Шовковского']);
    expect(ru.map((n) => n.key)).toEqual(uk.map((n) => n.key));
  });

  it('skips the capital of a sentence start but keeps the name after it', () => {
    const text = 'Стив Уиткофф прибыл. «Встреча» была. Затем говорил Кушнер.\nИтог: Мерц';
    expect(findNames(text, 'ru', none).map((n) => n.form)).toEqual(['Уиткофф', 'Кушнер']);
  });

  it('leaves out names the gazetteer knows', () => {
    expect(findNames('В Париже Стив Уиткофф встретил Джона Смита', 'ru', index).map((n) => n.form)).toEqual([
      'Джона Смита',
    ]);
  });

  it('returns words, entities and names from one pass', () => {
    const result = analyseNames('где Джон Смит и Макрон', 'ru', index);
    expect(result.words).toHaveLength(5);
    expect(result.entities.map((e) => e.id)).toEqual(['macron']);
    expect(result.names.map((n) => n.form)).toEqual(['Джон Смит']);
    expect(result.names[0]?.offset).toBe(4);
  });

  it('reads a sentence from its paragraph as it reads the sentence alone', () => {
    const paragraph = 'Макрон приехал. Париж. Джон Смит встретил Макрона в Париже, сообщает Reuters.';
    const whole = analyseNames(paragraph, 'ru', index);
    for (const s of splitSentences(paragraph, 'ru')) {
      expect(analysePart(paragraph, whole, s.text, s.start, 'ru', index)).toEqual(analyseNames(s.text, 'ru', index));
    }
    expect(analysePart(paragraph, whole, paragraph, 0, 'ru', index)).toBe(whole);
  });
});
