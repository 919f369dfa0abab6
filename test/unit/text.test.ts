import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalizeForAnalysis,
  normalizesAlone,
  PIECE_SEPARATOR,
  splitSentences,
  stem,
  stems,
  tokenize,
  ukrainianPostStep,
} from '../../src/lib/text.ts';
import type { Lang } from '../../src/lib/types.ts';

const texts = (paragraph: string, lang: Lang = 'ru') => splitSentences(paragraph, lang).map((s) => s.text);

/** The two promises of splitSentences: exact slices, and every non-space character kept, in order. */
function expectLossless(paragraph: string, lang: Lang = 'ru'): void {
  const spans = splitSentences(paragraph, lang);
  let last = 0;
  for (const s of spans) {
    expect(paragraph.slice(s.start, s.end)).toBe(s.text);
    expect(s.start).toBeGreaterThanOrEqual(last);
    expect(paragraph.slice(last, s.start).trim()).toBe('');
    last = s.end;
  }
  expect(paragraph.slice(last).trim()).toBe('');
}

describe('normalizeForAnalysis', () => {
  it('ignores case, ё/е, the kind of apostrophe and runs of spaces', () => {
    expect(normalizeForAnalysis('  Её  ЗОБОВ’ЯЗАННЯ\u00A0зобовʼязання ')).toBe("ее зобов'язання зобов'язання");
  });

  it('removes stress marks and zero-width characters but keeps й, ї and ё folded to е', () => {
    expect(normalizeForAnalysis('за\u0301мок\u200B')).toBe('замок');
    expect(normalizeForAnalysis('и\u0306 і\u0308 е\u0308')).toBe('й ї е');
    expect(normalizeForAnalysis('ѐ ѝ')).toBe('е и');
  });

  it('makes Latin look-alike letters inside Cyrillic words Cyrillic, and leaves Latin words alone', () => {
    expect(normalizeForAnalysis('гарантiї Reuters OBOZ.UA')).toBe('гарантії reuters oboz.ua');
    expect(normalizeForAnalysis('Cоюзники')).toBe('союзники');
  });

  // Callers memoise the words of whitespace-separated pieces; they must be the words of the whole text.
  const PIECE_CHARACTERS = [
    ...'aAcCeEiIoOpPxXmMаАеЕоОіІїЇєЄґҐёЁйЙиИ19', 'ΑΣ', 'Σ', 'ς', 'İ', 'ß', 'é', 'ѐ', 'Ѝ', '\u0301', '\u0306', '\u0308',
    "'", '’', 'ʼ', '`', '´', '-', '.', '«', '»', ' ', ' ', '\t', '\n', '\u00A0', '\u2000', '\u2001', '\u3000', '\u2028',
    '\u200B', '\u2060', '\uFEFF', '\u00AD', '\u0483', '\uD835\uDC00',
  ];
  const words = (text: string): string[] => normalizeForAnalysis(text).match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? [];

  it('has the words of its whitespace-separated pieces when each normalises alone', () => {
    const textArb = fc.array(fc.constantFrom(...PIECE_CHARACTERS), { maxLength: 14 }).map((list) => list.join(''));
    fc.assert(
      fc.property(textArb, (text) => {
        const pieces = text.split(PIECE_SEPARATOR).filter((p) => p !== '');
        fc.pre(pieces.every(normalizesAlone));
        expect(pieces.flatMap(words)).toEqual(words(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('does not let a piece with a combining mark normalise alone', () => {
    expect(normalizesAlone('за\u0301мок')).toBe(false);
    expect(normalizesAlone('İ')).toBe(false); // lower-cases to i and a combining dot
    expect(normalizesAlone('замок')).toBe(true);
  });
});

describe('tokenize and stems', () => {
  it('keeps apostrophes and hyphens inside words', () => {
    expect(tokenize("Зобов’язання стран-участниц, 800 000.")).toEqual(["зобов'язання", 'стран-участниц', '800', '000']);
  });

  it('gives Russian word forms one Snowball stem', () => {
    const forms = ['гарантии', 'гарантий', 'гарантиями'];
    expect(new Set(forms.map((w) => stem(w, 'ru'))).size).toBe(1);
    expect(stems('Многонациональных сил', 'ru')).toEqual(['многонациональн', 'сил']);
  });

  it('gives Ukrainian word forms one stem (Orama plus the light post-step)', () => {
    for (const forms of [
      ['гарантії', 'гарантій', 'гарантіями', 'гарантія', 'гарантією', 'гарантіям'],
      ['сили', 'сил', 'силами', 'силою'],
      ["зобов'язання", 'зобов’язань', 'зобовязаннями'],
      ['комісії', 'комісія', 'комісією'],
      ['заявив', 'заявили', 'заявила'],
      ['планується', 'планують'],
    ]) {
      expect(new Set(forms.map((w) => stem(normalizeForAnalysis(w), 'uk'))).size, forms.join(' ')).toBe(1);
    }
  });

  it('post-step: folds -ія nouns and verb endings, and keeps short stems whole', () => {
    expect(ukrainianPostStep('гаранті')).toBe('гарант');
    expect(ukrainianPostStep('енергіє')).toBe('енерг');
    expect(ukrainianPostStep('плануют')).toBe('плану');
    expect(ukrainianPostStep('підтвердил')).toBe('підтверд');
    expect(ukrainianPostStep('сил')).toBe('сил');
    expect(ukrainianPostStep('ці')).toBe('ці');
    expect(ukrainianPostStep('україн')).toBe('україн');
  });

  it('stems the same after its memo is full and cleared', () => {
    const before = stem('гарантіями', 'uk');
    for (let i = 0; i < 200_001; i++) stem(`слово${i}`, 'uk');
    expect(stem('гарантіями', 'uk')).toBe(before);
  });
});

describe('splitSentences', () => {
  it('splits at . ! ? … and their runs before a capital', () => {
    expect(texts('Первое. Второе! Третье? Четвертое?! Пятое... Шестое… Седьмое')).toEqual([
      'Первое.', 'Второе!', 'Третье?', 'Четвертое?!', 'Пятое...', 'Шестое…', 'Седьмое',
    ]);
  });

  it('does not split before a small letter (ellipsis, abbreviation)', () => {
    expect(texts('Он сказал... и ушел. Всё т.е. ничего. Было 5 млн. евро.')).toEqual([
      'Он сказал... и ушел.', 'Всё т.е. ничего.', 'Было 5 млн. евро.',
    ]);
  });

  it('keeps abbreviations that precede a name or number, and ends at those that may end a sentence', () => {
    expect(texts('Улица им. Шевченко. Ст. 5 гласит. Проф. Иванов и др. Петров пришли.')).toEqual([
      'Улица им. Шевченко.', 'Ст. 5 гласит.', 'Проф. Иванов и др.', 'Петров пришли.',
    ]);
    expect(texts('Выделено 5 млрд. Деньги пойдут на ремонт. И т.д. Далее.')).toEqual([
      'Выделено 5 млрд.', 'Деньги пойдут на ремонт.', 'И т.д.', 'Далее.',
    ]);
    expect(texts('Уряд виділив 3 млн. грн. та ін. Решта пізніше. Тис. осіб.', 'uk')).toEqual([
      'Уряд виділив 3 млн. грн. та ін.', 'Решта пізніше.', 'Тис. осіб.',
    ]);
  });

  it('reads г./р. after a year as a possible end, and before a name as a city', () => {
    expect(texts('Это было в 2025 г. Зеленский заявил иное. Он живет в г. Киев.')).toEqual([
      'Это было в 2025 г.', 'Зеленский заявил иное.', 'Он живет в г. Киев.',
    ]);
    expect(texts('Це сталося у 2022 р. Частина повернулася.', 'uk')).toEqual(['Це сталося у 2022 р.', 'Частина повернулася.']);
  });

  it('keeps initials with their names', () => {
    expect(texts('В. Зеленский встретился с Д. Трампом. В. В. Путин промолчал.')).toEqual([
      'В. Зеленский встретился с Д. Трампом.', 'В. В. Путин промолчал.',
    ]);
  });

  it('keeps numbers whole and a leading list number with its item', () => {
    expect(texts('Армия в 800 000 человек. Рост 1.5 процента. 1. Первый пункт.')).toEqual([
      'Армия в 800 000 человек.', 'Рост 1.5 процента.', '1. Первый пункт.',
    ]);
  });

  it('keeps a closing quote with its sentence and a quote attribution with the quote', () => {
    expect(texts('"Мы готовы", - сказал он. «Это важно!» — заявил Макрон. Далее.')).toEqual([
      '"Мы готовы", - сказал он.', '«Это важно!» — заявил Макрон.', 'Далее.',
    ]);
    expect(texts('Он сказал: «Мы готовы.» Потом ушел.')).toEqual(['Он сказал: «Мы готовы.»', 'Потом ушел.']);
    expect(texts('Итог. "Новая цитата". Конец.')).toEqual(['Итог.', '"Новая цитата".', 'Конец.']);
  });

  it('splits before a dash that opens a new sentence, not before one that continues it', () => {
    expect(texts('Это так. — Нет, не так. Ладно.')).toEqual(['Это так.', '— Нет, не так.', 'Ладно.']);
    expect(texts('"Да!" — ответил он.')).toEqual(['"Да!" — ответил он.']);
  });

  it('ends a sentence at a line break before a capital, not before a small letter', () => {
    expect(texts('Заголовок\nПервое предложение.\nпродолжение строки.')).toEqual([
      'Заголовок', 'Первое предложение.\nпродолжение строки.',
    ]);
  });

  it('returns nothing for an empty or blank paragraph, and trims the spans', () => {
    expect(splitSentences('', 'ru')).toEqual([]);
    expect(splitSentences('   ', 'ru')).toEqual([]);
    expect(splitSentences('  Раз.  Два.  ', 'ru')).toEqual([
      { text: 'Раз.', start: 2, end: 6 },
      { text: 'Два.', start: 8, end: 12 },
    ]);
    expect(texts('Конец. ')).toEqual(['Конец.']);
    expect(texts('Вопрос?»')).toEqual(['Вопрос?»']);
  });

  it('loses no text in any paragraph of the five seeds, and splits them as a reader would', () => {
    const seeds = join(import.meta.dirname, '../../seeds');
    let sentences = 0;
    for (const file of readdirSync(seeds)) {
      for (const paragraph of readFileSync(join(seeds, file), 'utf8').split('\n')) {
        expectLossless(paragraph);
        sentences += splitSentences(paragraph, 'ru').length;
      }
    }
    expect(sentences).toBe(86); // every split of the seeds was read and checked by eye
    const quote = readFileSync(join(seeds, '003_6a61690f28fb59f0.txt'), 'utf8').split('\n').find((l) => l.startsWith('"Будет'));
    expect(texts(quote ?? '')).toHaveLength(2);
    expect(texts(quote ?? '')[1]).toMatch(/", - говорится в проекте заявления\.$/);
  });

  it('loses no text on arbitrary input', () => {
    const alphabet = fc.constantFrom(...'аБв Г. д! е? «ж» "з", — и… 1.5 т.е. \n'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }), (chars) => {
        expectLossless(chars.join(''));
      }),
      { numRuns: 500 },
    );
  });
});
