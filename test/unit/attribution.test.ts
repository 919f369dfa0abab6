import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inferAttribution, inferDateHints, inferOutlet, inferSources } from '../../src/lib/attribution.ts';
import { parseSeed } from '../../src/lib/seed.ts';
import type { Lang } from '../../src/lib/types.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');
/** The paragraphs of a real seed, as the ingest will pass them. */
const seedParagraphs = (name: string): string[] =>
  parseSeed(name, readFileSync(join(SEEDS, name))).seed!.paragraphs.map((p) => p.text);

describe('outlet and sources of the five seeds', () => {
  it.each<[string, Lang, string | null, string[]]>([
    // "Ранее OBOZ.UA сообщал": the outlet refers to its own earlier report.
    ['000_4e4c541c79a5c744.txt', 'ru', 'OBOZ.UA', []],
    // "повідомляється на офіційному сайті президента": impersonal, no outlet named.
    ['001_92e0b49aec71077b.txt', 'uk', null, []],
    // "со ссылкой на … сообщает Reuters, пишет УНН": УНН relays Reuters.
    ['002_79abbbea140a4896.txt', 'ru', 'УНН', ['Reuters']],
    // "…, сообщает Reuters" alone: Reuters does not publish in Russian, so it is only the source.
    ['003_6a61690f28fb59f0.txt', 'ru', null, ['Reuters']],
    // "Как сообщает РБК-Украина"; "По данным Sky News"; "Reuters обнародовало".
    ['004_0e8e30f65426c530.txt', 'ru', 'РБК-Украина', ['Sky News', 'Reuters']],
  ])('%s (%s): outlet %s, sources %j', (name, lang, outlet, sources) => {
    const paragraphs = seedParagraphs(name);
    expect(inferOutlet(paragraphs, lang)).toBe(outlet);
    expect(inferSources(paragraphs, lang)).toEqual(sources);
    expect(inferAttribution(paragraphs, lang)).toEqual({ outlet, sources });
  });
});

describe('inferOutlet on invented sentences', () => {
  it.each<[string, Lang, string | null]>([
    ['Встреча прошла в Париже, пишет УНН.', 'ru', 'УНН'],
    ['Как сообщает РБК-Украина, лидеры договорились.', 'ru', 'РБК-Украина'],
    ['Зустріч відбулася в Парижі, повідомляє Укрінформ.', 'uk', 'Укрінформ'],
    ['Про це пише «Українська правда».', 'uk', 'Українська правда'],
    ['Про це пише Українська правда.', 'uk', 'Українська правда'],
    ['Об этом передает корреспондент Укринформа.', 'ru', 'Укринформа'],
    ['Об этом сообщает издание NV.', 'ru', 'NV'],
    ['Об этом пишет The Kyiv Independent.', 'ru', 'The Kyiv Independent'],
    ['Об этом сообщает "Коммерсантъ".', 'ru', 'Коммерсантъ'],
    ['Раніше ЛІГА.net повідомляла про підготовку саміту.', 'uk', 'ЛІГА.net'],
    // Relayed: the last attribution of the chain is the outlet.
    ['Лидеры встретятся во вторник, сообщает Bloomberg, передает Интерфакс-Украина.', 'ru', 'Интерфакс-Украина'],
    ['Лідери зустрінуться у вівторок, пише Reuters, повідомляє «Суспільне».', 'uk', 'Суспільне'],
    // A foreign agency alone is a source, not the outlet.
    ['Лидеры согласовали текст, сообщает Reuters.', 'ru', null],
    ['Лідери погодили текст, пише The Guardian.', 'uk', null],
    // People and state bodies are not outlets.
    ['«Мы готовы», — пишет Зеленский в Telegram.', 'ru', null],
    ['Об этом сообщает МИД Франции.', 'ru', null],
    ['Про це повідомляє Генштаб ЗСУ.', 'uk', null],
    // "пишет издание" names nobody.
    ['Военные обещания были расплывчатыми, пишет издание.', 'ru', null],
    ['Текст без ссылок на издания.', 'ru', null],
  ])('%j (%s) → %s', (sentence, lang, outlet) => {
    expect(inferOutlet([sentence], lang)).toBe(outlet);
  });

  it('prefers a self-reference over an earlier attribution', () => {
    const paragraphs = ['Встреча прошла, сообщает Укринформ.', 'Ранее OBOZ.UA сообщал о подготовке встречи.'];
    expect(inferOutlet(paragraphs, 'ru')).toBe('OBOZ.UA');
    expect(inferSources(paragraphs, 'ru')).toEqual(['Укринформ']);
  });

  it('takes the first attribution in reading order; later outlets are sources', () => {
    const paragraphs = ['Саммит начался, пишет УНН.', 'Об этом также сообщает Укринформ.'];
    expect(inferAttribution(paragraphs, 'ru')).toEqual({ outlet: 'УНН', sources: ['Укринформ'] });
  });

  it('uses the patterns of the given language only', () => {
    expect(inferOutlet(['Зустріч відбулася, повідомляє Укрінформ.'], 'ru')).toBeNull();
    expect(inferOutlet(['Встреча прошла, пишет УНН.'], 'uk')).toBeNull();
  });
});

describe('inferSources on invented sentences', () => {
  it('lists names after "со ссылкой на", "по данным", "за даними", "з посиланням на"', () => {
    expect(inferSources(['По данным Sky News, союзники готовы. Со ссылкой на ТАСС пишет УНН.'], 'ru')).toEqual(['Sky News', 'ТАСС']);
    expect(inferSources(['За даними Bloomberg, з посиланням на агентство AFP.'], 'uk')).toEqual(['Bloomberg', 'AFP']);
  });

  it('finds known agencies mentioned anywhere, once each, in reading order, as written', () => {
    const paragraphs = ['Проект увидело агентство Bloomberg.', 'Его пересмотрело Reuters, позже — снова Reuters и reuters.'];
    expect(inferSources(paragraphs, 'ru')).toEqual(['Bloomberg', 'Reuters']);
  });

  it('does not list the outlet itself, people or state bodies', () => {
    const paragraphs = ['По данным СБУ, атака отражена, пишет УНН.', 'По словам Зеленского, пишет УНН, всё спокойно.'];
    expect(inferAttribution(paragraphs, 'ru')).toEqual({ outlet: 'УНН', sources: [] });
  });

  it('is empty for a text without citations', () => {
    expect(inferSources(['Просто текст.'], 'uk')).toEqual([]);
    expect(inferSources([], 'ru')).toEqual([]);
  });
});

describe('inferDateHints', () => {
  it('finds the hints in the five seeds', () => {
    const summarise = (name: string, lang: Lang) =>
      inferDateHints(seedParagraphs(name), lang).map((h) => [h.kind, h.text, h.paragraph]);
    expect(summarise('000_4e4c541c79a5c744.txt', 'ru')).toEqual([['relative', 'сегодня', 0]]);
    expect(summarise('001_92e0b49aec71077b.txt', 'uk')).toEqual([['day-month', '6 січня', 0]]);
    expect(summarise('002_79abbbea140a4896.txt', 'ru')).toEqual([
      ['weekday', 'во вторник', 0],
      ['relative', 'Накануне', 5],
      ['weekday', 'во вторник', 5],
    ]);
    expect(summarise('003_6a61690f28fb59f0.txt', 'ru')).toEqual([['relative', 'накануне', 0]]);
    expect(summarise('004_0e8e30f65426c530.txt', 'ru')).toEqual([
      ['day-month', '6 января', 7],
      ['relative', 'Накануне', 10],
    ]);
  });

  it('gives day, month, year, place and text as written', () => {
    const text = 'Саммит прошел 6 января 2026 года, а 31 декабря — нет.';
    expect(inferDateHints([text], 'ru')).toEqual([
      { kind: 'day-month', day: 6, month: 1, year: 2026, text: '6 января 2026 года', paragraph: 0, offset: 14 },
      { kind: 'day-month', day: 31, month: 12, text: '31 декабря', paragraph: 0, offset: 36 },
    ]);
    expect(inferDateHints(['', 'Зустріч 6 СІЧНЯ 2026 р. і 15 лютого.'], 'uk')).toEqual([
      { kind: 'day-month', day: 6, month: 1, year: 2026, text: '6 СІЧНЯ 2026 р.', paragraph: 1, offset: 8 },
      { kind: 'day-month', day: 15, month: 2, text: '15 лютого', paragraph: 1, offset: 26 },
    ]);
  });

  it('reads numeric dates and skips days that cannot exist', () => {
    expect(inferDateHints(['Документ от 06.01.2026. И 31 февраля, 32 января, 40.13.2026.'], 'ru')).toEqual([
      { kind: 'day-month', day: 6, month: 1, year: 2026, text: '06.01.2026', paragraph: 0, offset: 12 },
    ]);
  });

  it('does not read a day inside a longer number', () => {
    expect(inferDateHints(['Армия в 800 000 человек, 2026 января — опечатка.'], 'ru')).toEqual([]);
  });

  it.each<[string, Lang, number, string]>([
    ['Встреча пройдет в понедельник.', 'ru', 1, 'в понедельник'],
    ['Союзники встречаются во вторник.', 'ru', 2, 'во вторник'],
    ['Заседание пройдет в среду.', 'ru', 3, 'в среду'],
    ['Четверг был тихим.', 'ru', 4, 'Четверг'],
    ['В пятницу лидеры подпишут.', 'ru', 5, 'В пятницу'],
    ['До субботы ответа не будет.', 'ru', 6, 'До субботы'],
    ['В воскресенье всё решится.', 'ru', 7, 'В воскресенье'],
    ['Зустріч відбудеться у понеділок.', 'uk', 1, 'у понеділок'],
    ['Союзники зустрічаються у вівторок.', 'uk', 2, 'у вівторок'],
    ['Саміт перенесли на середу.', 'uk', 3, 'на середу'],
    ['У четвер буде рішення.', 'uk', 4, 'У четвер'],
    ['У п’ятницю лідери підпишуть.', 'uk', 5, 'У п’ятницю'],
    ["У п'ятницю лідери підпишуть.", 'uk', 5, "У п'ятницю"],
    ['До суботи відповіді не буде.', 'uk', 6, 'До суботи'],
    ['У неділю все вирішиться.', 'uk', 7, 'У неділю'],
  ])('%j (%s) has weekday %i', (sentence, lang, weekday, text) => {
    expect(inferDateHints([sentence], lang)).toEqual([
      { kind: 'weekday', weekday, text, paragraph: 0, offset: sentence.indexOf(text) },
    ]);
  });

  it('does not take "среда"/"середа"/"серед" without a preposition, nor "четвертий", for a weekday', () => {
    expect(inferDateHints(['Окружающая среда и среды обитания.'], 'ru')).toEqual([]);
    expect(inferDateHints(['Серед учасників — четвертий делегат, середа не згадана.'], 'uk')).toEqual([]);
  });

  it.each<[string, Lang, number]>([
    ['Встреча состоялась сегодня.', 'ru', 0],
    ['По итогам сегодняшней встречи.', 'ru', 0],
    ['Вчера лидеры прибыли.', 'ru', -1],
    ['После вчерашних переговоров.', 'ru', -1],
    ['Позавчера был звонок.', 'ru', -2],
    ['Завтра подпишут.', 'ru', 1],
    ['Послезавтра подпишут.', 'ru', 2],
    ['Зустріч відбулася сьогодні.', 'uk', 0],
    ['Вчора лідери прибули.', 'uk', -1],
    ['Учора лідери прибули.', 'uk', -1],
    ['Позавчора був дзвінок.', 'uk', -2],
    ['Завтра підпишуть.', 'uk', 1],
    ['Післязавтра підпишуть.', 'uk', 2],
  ])('%j (%s) is %i days from the report', (sentence, lang, days) => {
    expect(inferDateHints([sentence], lang)).toEqual([
      expect.objectContaining({ kind: 'relative', days, relativeTo: 'report' }),
    ]);
  });

  it('does not read "завтрак" as tomorrow', () => {
    expect(inferDateHints(['Рабочий завтрак лидеров.'], 'ru')).toEqual([]);
  });

  it('anchors "накануне"/"напередодні" to the event it names', () => {
    expect(inferDateHints(['Накануне саммита Reuters обнародовало проект.'], 'ru')).toEqual([
      { kind: 'relative', days: -1, relativeTo: 'named-event', anchor: 'саммита', text: 'Накануне', paragraph: 0, offset: 0 },
    ]);
    expect(inferDateHints(['Це сталося напередодні саміту.'], 'uk')).toEqual([
      { kind: 'relative', days: -1, relativeTo: 'named-event', anchor: 'саміту', text: 'напередодні', paragraph: 0, offset: 11 },
    ]);
  });

  it.each<[string, Lang]>([
    ['Накануне заявил президент.', 'ru'],
    ['Накануне вечером лидеры прибыли.', 'ru'],
    ['Это стало известно накануне.', 'ru'],
    ['Накануне, 5 января, лидеры прибыли.', 'ru'],
    ['Накануне президент прибыл.', 'ru'],
    ['Напередодні заявив президент.', 'uk'],
    ['Напередодні ввечері лідери прибули.', 'uk'],
    ['Про це стало відомо напередодні.', 'uk'],
  ])('reads a lone %j (%s) as the day before the report', (sentence, lang) => {
    const [eve] = inferDateHints([sentence], lang).filter((h) => h.kind === 'relative');
    expect(eve).toEqual(expect.objectContaining({ days: -1, relativeTo: 'report' }));
    expect(eve).not.toHaveProperty('anchor');
  });

  it('returns hints in reading order across kinds', () => {
    const hints = inferDateHints(['Вчера, во вторник 6 января, лидеры встретились.'], 'ru');
    expect(hints.map((h) => h.kind)).toEqual(['relative', 'weekday', 'day-month']);
  });

  it('uses the month names of the given language only', () => {
    expect(inferDateHints(['6 січня'], 'ru')).toEqual([]);
    expect(inferDateHints(['6 января'], 'uk')).toEqual([]);
  });
});
