import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDate, cyrillicPlausibility, parseSeed, statedDate } from '../../src/lib/seed.ts';
import type { Problem } from '../../src/lib/types.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/seeds-unit');
const SEEDS = join(import.meta.dirname, '../../seeds');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const fixture = (name: string): Uint8Array => readFileSync(join(FIXTURES, name));

/** Parses text that must succeed; returns the seed. */
function parseOk(text: string | Uint8Array, file = 'seeds/t.txt') {
  const result = parseSeed(file, typeof text === 'string' ? utf8(text) : text);
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(result.seed).toBeDefined();
  return { seed: result.seed!, problems: result.problems };
}

/** Parses text that must fail; returns its errors. */
function parseErrors(text: string | Uint8Array, file = 'seeds/bad.txt'): Problem[] {
  const result = parseSeed(file, typeof text === 'string' ? utf8(text) : text);
  expect(result.seed).toBeUndefined();
  const errors = result.problems.filter((p) => p.severity === 'error');
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect(e.file).toBe(file);
    expect(e.message.length).toBeGreaterThan(5);
    expect(e.hint.length).toBeGreaterThan(5);
  }
  return errors;
}

describe('parseSeed on the five real seeds', () => {
  const names = readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort();

  it('reads all five as UTF-8 without problems', () => {
    expect(names).toHaveLength(5);
    for (const name of names) {
      const { seed, problems } = parseOk(readFileSync(join(SEEDS, name)), name);
      expect(problems).toEqual([]);
      expect(seed.file).toBe(name);
      expect(seed.encoding).toBe('UTF-8');
      expect(seed.frontMatter).toEqual({});
    }
  });

  it('takes the legacy date token and starts the first paragraph after it, on line 1', () => {
    const { seed } = parseOk(readFileSync(join(SEEDS, '002_79abbbea140a4896.txt')));
    expect(seed.dateLine).toBe('2026-01-06');
    expect(seed.paragraphs[0]).toEqual({
      line: 1,
      text: expect.stringMatching(/^Союзники Украины встречаются в Париже во вторник,.*пишет УНН\.$/),
    });
    expect(seed.paragraphs[1]).toEqual({ line: 3, text: 'Детали' });
  });

  it('has no date line in the undated Ukrainian seed', () => {
    const { seed } = parseOk(readFileSync(join(SEEDS, '001_92e0b49aec71077b.txt')));
    expect(seed.dateLine).toBeUndefined();
    expect(seed.paragraphs).toHaveLength(7);
    expect(seed.paragraphs.map((p) => p.line)).toEqual([1, 3, 5, 7, 9, 11, 13]);
    expect(seed.paragraphs[1]!.text).toContain('обов’язковою'); // typographic apostrophe kept
  });

  it('treats single newlines as paragraph breaks too (seed 004)', () => {
    const { seed } = parseOk(readFileSync(join(SEEDS, '004_0e8e30f65426c530.txt')));
    expect(seed.paragraphs).toHaveLength(11);
    expect(seed.paragraphs.map((p) => p.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(seed.paragraphs[6]!.text).toContain('800 000 человек');
  });
});

describe('decoding', () => {
  const ruLines = [
    'Союзники Украины соглашаются, что будущие гарантии безопасности для Киева должны включать обязательства поддержать страну.',
    'Согласно документу, такие обязательства могут предусматривать "использование военных возможностей" - разведки и логистики.',
    'В саммите принимают участие более 27 лидеров. Съезд, объём, этап.',
  ];
  const ukLines = [
    'У Парижі 6 січня відбулася зустріч за участі представників "коаліції охочих", України та США.',
    "Суверенітет України та сталі гарантії безпеки мають бути обов'язковою складовою будь-якої мирної угоди.",
    'Ґанок, їжак, Європа, ЄС, Ірпінь - і ще щось.',
  ];
  const typographic = (s: string) => s.replace(/"(.*?)"/, '«$1»').replace(' - ', ' — ');

  it.each([
    ['ru-windows-1251.txt', 'windows-1251', ruLines.map(typographic)],
    ['ru-koi8-r.txt', 'KOI8-R', ruLines],
    ['uk-windows-1251.txt', 'windows-1251', ukLines.map(typographic)],
    ['uk-koi8-u.txt', 'KOI8-U', ukLines],
  ])('detects %s as %s', (name, encoding, lines) => {
    const { seed } = parseOk(fixture(name));
    expect(seed.encoding).toBe(encoding);
    expect(seed.paragraphs.map((p) => p.text)).toEqual(lines);
  });

  it('tells KOI8-U from windows-1251 on a one-line Ukrainian text', () => {
    expect(parseOk(fixture('uk-short-koi8-u.txt')).seed).toMatchObject({
      encoding: 'KOI8-U',
      paragraphs: [{ text: 'Їжак і ґанок: Європа є.', line: 1 }],
    });
    expect(parseOk(fixture('uk-short-windows-1251.txt')).seed).toMatchObject({
      encoding: 'windows-1251',
      paragraphs: [{ text: 'Їжак і ґанок: Європа є.', line: 1 }],
    });
  });

  it('reads the date line and CRLF line numbers from a windows-1251 file', () => {
    const { seed } = parseOk(fixture('ru-windows-1251.txt'));
    expect(seed.dateLine).toBe('2026-01-07');
    expect(seed.paragraphs.map((p) => p.line)).toEqual([1, 3, 4]);
  });

  it.each([
    ['uk-utf16le-bom.txt', 'UTF-16LE'],
    ['uk-utf8-bom.txt', 'UTF-8'],
  ])('decodes %s by its BOM as %s', (name, encoding) => {
    const { seed } = parseOk(fixture(name));
    expect(seed.encoding).toBe(encoding);
    expect(seed.paragraphs[0]!.text).toBe('У Парижі 6 січня відбулася зустріч за участі представників «коаліції охочих», України та США.');
    expect(seed.paragraphs[1]!.text).toContain('обов’язковою');
    expect(seed.paragraphs.map((p) => p.line)).toEqual([1, 3, 4]);
  });

  it('decodes UTF-16BE with BOM, CRLF and its date line', () => {
    const { seed } = parseOk(fixture('ru-utf16be-bom.txt'));
    expect(seed.encoding).toBe('UTF-16BE');
    expect(seed.dateLine).toBe('2026-01-07');
    expect(seed.paragraphs[2]!.text).toBe('В саммите принимают участие более 27 лидеров. Съезд, объём, этап.');
  });

  it('reads UTF-16LE without a BOM, with a warning', () => {
    const { seed, problems } = parseOk(fixture('ru-utf16le-no-bom.txt'));
    expect(seed.encoding).toBe('UTF-16LE');
    expect(seed.paragraphs).toHaveLength(3);
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/byte.order mark/) })]);
  });

  it('reads UTF-16BE without a BOM', () => {
    const bytes = new Uint8Array([0x00, 0x41, 0x04, 0x1f, 0x00, 0x20, 0x04, 0x30]); // "AП а"
    expect(parseOk(bytes).seed.paragraphs[0]!.text).toBe('AП а');
  });

  it('refuses a file with a NUL byte, naming the offset', () => {
    const errors = parseErrors(new Uint8Array([0x41, 0x42, 0x00, 0x43, 0x00]));
    expect(errors).toEqual([
      {
        severity: 'error',
        file: 'seeds/bad.txt',
        message: 'is not a text file (found a NUL byte at offset 2)',
        hint: 'save it as UTF-8 text',
      },
    ]);
  });

  it('refuses binary control bytes (a PNG header)', () => {
    const [error] = parseErrors(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(error).toEqual({
      severity: 'error',
      file: 'seeds/bad.txt',
      line: 2,
      message: 'is not a text file (found the control character U+001A on line 2)',
      hint: 'save it as UTF-8 text; if it is text, delete the invisible character on that line',
    });
  });

  it('refuses control characters inside a UTF-16 file', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x07, 0x00]);
    expect(parseErrors(bytes)[0]!.message).toMatch(/^is not a text file \(found .*07/);
  });

  it('refuses a NUL after a UTF-8 BOM', () => {
    expect(parseErrors(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0x00]))[0]!.message).toBe(
      'is not a text file (found a NUL byte at offset 4)',
    );
  });

  it('accepts tabs, vertical tabs and form feeds as text', () => {
    expect(parseOk('a\tb\u000bc\u000cd').seed.paragraphs[0]!.text).toBe('a\tb\u000bc\u000cd');
  });
});

describe('lines and paragraphs', () => {
  it('normalises CRLF, CR and mixed line endings and counts lines across them', () => {
    const { seed } = parseOk('один\r\nдва\rтри\n\r\nчотири\r\r');
    expect(seed.paragraphs).toEqual([
      { text: 'один', line: 1 },
      { text: 'два', line: 2 },
      { text: 'три', line: 3 },
      { text: 'чотири', line: 5 },
    ]);
  });

  it('keeps NBSP, zero-width spaces, apostrophes and combining characters exactly', () => {
    const line = 'м’яч\u00a0800\u00a0000 п\u02bcять з\u200bайвий и\u0306 сім\'я';
    expect(parseOk(line).seed.paragraphs[0]!.text).toBe(line);
  });

  it('trims only leading and trailing ASCII spaces and tabs', () => {
    expect(parseOk(' \t\u00a0текст \u200b \t').seed.paragraphs[0]!.text).toBe('\u00a0текст \u200b');
  });

  it('skips lines of whitespace only, NBSP and zero-width included', () => {
    const { seed } = parseOk('a\n \t\n\u00a0\u200b\u3000\nb');
    expect(seed.paragraphs).toEqual([
      { text: 'a', line: 1 },
      { text: 'b', line: 4 },
    ]);
  });

  it.each([
    ['an empty file', ''],
    ['only whitespace', ' \n\t\r\n \u00a0'],
    ['only a date line', ' date 2026-01-06   \n\n'],
    ['only front matter', '---\ntitle: Заголовок\n---\n\n'],
    ['empty front matter', '---\n---\n'],
  ])('says %s has no article text', (_, text) => {
    expect(parseErrors(text)).toEqual([
      expect.objectContaining({ message: 'has no article text', hint: expect.stringContaining('article text') }),
    ]);
  });

  it('parses a 5 MB article with a 200,000-character line (linear work)', () => {
    const longLine = 'Слово, ще слово. '.repeat(12_000).slice(0, 200_000);
    const paragraph = 'Коаліція охочих зібралася в Парижі.\r\n'.repeat(130_000);
    const text = ` date 2026-01-06 ${longLine}\n\n${paragraph}`;
    expect(text.length).toBeGreaterThan(5_000_000 / 2);
    const bytes = utf8(text);
    expect(bytes.length).toBeGreaterThan(5_000_000);
    const { seed } = parseOk(bytes);
    expect(seed.paragraphs[0]!.text).toHaveLength(longLine.trimEnd().length);
    expect(seed.paragraphs).toHaveLength(130_001);
    expect(seed.paragraphs.at(-1)!.line).toBe(130_002);
  });

  it('decodes a large windows-1251 file whole, not just the detection sample', () => {
    const iconvText = 'Союзники Украины встречаются в Париже.\n'.repeat(5_000);
    const bytes = new Uint8Array(iconvText.length);
    // windows-1251: а–я are 0xE0–0xFF, А–Я 0xC0–0xDF
    for (let i = 0; i < iconvText.length; i++) {
      const code = iconvText.charCodeAt(i);
      bytes[i] = code >= 0x410 && code <= 0x44f ? code - 0x410 + 0xc0 : code;
    }
    const { seed } = parseOk(bytes);
    expect(seed.encoding).toBe('windows-1251');
    expect(seed.paragraphs).toHaveLength(5_000);
    expect(seed.paragraphs.at(-1)!.text).toBe('Союзники Украины встречаются в Париже.');
  });
});

describe('legacy date line', () => {
  it.each([
    [' date 2026-01-06 Текст', '2026-01-06', 'Текст'],
    ['date 2026-01-06 Текст', '2026-01-06', 'Текст'],
    ['   date \t 2026-01-06    Текст  статті', '2026-01-06', 'Текст  статті'],
    ['Date: 2026-01-06 Текст', '2026-01-06', 'Текст'],
  ])('reads %j', (line, date, text) => {
    const { seed } = parseOk(line);
    expect(seed.dateLine).toBe(date);
    expect(seed.paragraphs[0]).toEqual({ text, line: 1 });
  });

  it('takes a date line alone on its line, the text starting below it', () => {
    const { seed } = parseOk('\n date 2026-01-06\n\nТекст');
    expect(seed.dateLine).toBe('2026-01-06');
    expect(seed.paragraphs).toEqual([{ text: 'Текст', line: 4 }]);
  });

  it('reads a date token only at the start of the first paragraph', () => {
    const { seed } = parseOk('Текст\n date 2026-01-06 ще');
    expect(seed.dateLine).toBeUndefined();
    expect(seed.paragraphs[1]!.text).toBe('date 2026-01-06 ще');
  });

  it('reports a date that does not exist, with its line', () => {
    expect(parseErrors('\n\n date 2026-02-30 Текст')).toEqual([
      {
        severity: 'error',
        file: 'seeds/bad.txt',
        line: 3,
        message: 'date 2026-02-30 does not exist',
        hint: 'use a real calendar date, YYYY-MM-DD',
      },
    ]);
  });

  it('reports a malformed date', () => {
    expect(parseErrors(' date 6.01.2026 Текст')[0]).toMatchObject({ line: 1, message: expect.stringMatching(/6\.01\.2026.*YYYY-MM-DD/) });
  });
});

describe('checkDate', () => {
  it.each(['2026-01-06', '2024-02-29', '1990-01-01', '2100-12-31'])('accepts %s', (date) => {
    expect(checkDate(date)).toBeUndefined();
  });
  it.each([
    ['2026-02-29', 'date 2026-02-29 does not exist'],
    ['2100-02-29', 'date 2100-02-29 does not exist'],
    ['2026-13-01', 'date 2026-13-01 does not exist'],
    ['2026-00-10', 'date 2026-00-10 does not exist'],
    ['2026-04-31', 'date 2026-04-31 does not exist'],
    ['2026-01-00', 'date 2026-01-00 does not exist'],
    ['1989-12-31', 'date 1989-12-31 is outside the years 1990–2100'],
    ['2101-01-01', 'date 2101-01-01 is outside the years 1990–2100'],
  ])('rejects %s', (date, message) => {
    expect(checkDate(date)).toEqual({ message, hint: expect.any(String) });
  });
  it.each(['26-01-06', '2026-1-6', '06.01.2026'])('rejects the malformed %s, naming it and the form', (date) => {
    expect(checkDate(date)?.message).toMatch(new RegExp(`"${date.replace(/\./g, '\\.')}".*YYYY-MM-DD`));
    expect(checkDate(date)?.hint).toMatch(/YYYY-MM-DD/);
  });
});

describe('front matter', () => {
  const full = [
    '---',
    'title: "Саміт у Парижі: гарантії"',
    'date: 2026-01-06',
    'outlet: РБК-Україна',
    'url: https://www.rbc.ua/ukr/news/1.html',
    'lang: uk',
    'event: 2026-01-06-paris-coalition-summit',
    'components:',
    '  add: [ceasefire-monitoring, multinational-force]',
    '  remove:',
    '    - long-term-support',
    '---',
    '',
    'Перший абзац.',
    'Другий абзац.',
  ].join('\n');

  it('reads every allowed key and counts paragraph lines from the top of the file', () => {
    const { seed, problems } = parseOk(full);
    expect(problems).toEqual([]);
    expect(seed.frontMatter).toEqual({
      title: 'Саміт у Парижі: гарантії',
      date: '2026-01-06',
      outlet: 'РБК-Україна',
      url: 'https://www.rbc.ua/ukr/news/1.html',
      lang: 'uk',
      event: '2026-01-06-paris-coalition-summit',
      components: { add: ['ceasefire-monitoring', 'multinational-force'], remove: ['long-term-support'] },
    });
    expect(seed.paragraphs).toEqual([
      { text: 'Перший абзац.', line: 14 },
      { text: 'Другий абзац.', line: 15 },
    ]);
  });

  it('accepts "..." as the closing fence and a BOM before the opening one', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('---\nlang: ru\n...\nТекст')]);
    const { seed } = parseOk(bytes);
    expect(seed.frontMatter).toEqual({ lang: 'ru' });
    expect(seed.paragraphs).toEqual([{ text: 'Текст', line: 4 }]);
  });

  it('accepts empty front matter and a YAML comment', () => {
    expect(parseOk('---\n---\nТекст').seed.frontMatter).toEqual({});
    expect(parseOk('---\n# just a note\n---\nТекст').seed.frontMatter).toEqual({});
  });

  it('reads a legacy date line after front matter; the front matter date wins, with a warning', () => {
    const { seed, problems } = parseOk('---\ndate: 2026-01-06\n---\n date 2026-01-07 Текст');
    expect(seed.frontMatter.date).toBe('2026-01-06');
    expect(seed.dateLine).toBe('2026-01-07');
    expect(seed.paragraphs).toEqual([{ text: 'Текст', line: 4 }]);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'seeds/t.txt',
        line: expect.any(Number),
        message: expect.stringMatching(/2026-01-07.*2026-01-06|2026-01-06.*2026-01-07/),
      }),
    ]);
  });

  it('is silent when the front matter and date line agree', () => {
    expect(parseOk('---\ndate: 2026-01-06\n---\n date 2026-01-06 Текст').problems).toEqual([]);
  });

  it('does not take a --- line below the top as front matter', () => {
    const { seed } = parseOk('Текст\n---\ntitle: x\n---');
    expect(seed.frontMatter).toEqual({});
    expect(seed.paragraphs.map((p) => p.text)).toEqual(['Текст', '---', 'title: x', '---']);
  });

  it('reports unclosed front matter', () => {
    expect(parseErrors('---\ntitle: x\nТекст')).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringMatching(/front matter.*never closed/) }),
    ]);
  });

  it('reports an unknown key with its line and the allowed keys', () => {
    expect(parseErrors('---\ntitle: x\nautor: Іван\n---\nТекст')).toEqual([
      {
        severity: 'error',
        file: 'seeds/bad.txt',
        line: 3,
        message: expect.stringMatching(/unknown .*key "autor"/),
        hint: expect.stringContaining('title, date, outlet, url, lang, event, components'),
      },
    ]);
  });

  it('reports invalid YAML with the line in the file', () => {
    const [error] = parseErrors('---\ntitle: x\nurl: [unclosed\nlang: ru\n---\nТекст');
    expect(error!.message).toMatch(/front matter is not valid YAML: \S/);
    expect(error!.line).toBeGreaterThanOrEqual(3);
    expect(error!.line).toBeLessThanOrEqual(5);
  });

  it('reports a duplicate key on its line', () => {
    const [error] = parseErrors('---\ntitle: x\nlang: ru\ntitle: y\n---\nТекст');
    expect(error).toMatchObject({ line: 4, message: expect.stringMatching(/not valid YAML: Map keys must be unique/) });
  });

  it('reports front matter that is not key: value pairs', () => {
    expect(parseErrors('---\n- title\n- date\n---\nТекст')[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/front matter .*"key: value" lines/),
    });
  });

  it.each([
    ['title: 2026', 3, /"title" must be text/],
    ['title: ""', 3, /"title" must be text/],
    ['outlet: "  "', 3, /"outlet" must be text/],
    ['date: 2026-02-30', 3, /^date 2026-02-30 does not exist$/],
    ['date: 06.01.2026', 3, /"06\.01\.2026" .*YYYY-MM-DD/],
    ['date: 1900-01-01', 3, /^date 1900-01-01 is outside the years 1990–2100$/],
    ['url: ftp://example.com/a', 3, /url "ftp:\/\/example\.com\/a" .*https?/],
    ['url: www.example.com', 3, /url "www\.example\.com" .*https?/],
    ['lang: en', 3, /lang "en" .*ru .*uk/],
    ['event: Paris Summit', 3, /event "Paris Summit" is not an event slug/],
    ['lang: [ru]', 3, /"lang" must be text/],
    ['components: [a]', 3, /"components" must be a map/],
    ['components:\n  add: one', 4, /components\.add must be a list of component ids/],
    ['components:\n  add: [1]', 4, /components\.add contains a number/],
    ['components:\n  keep: [a]', 4, /unknown key "keep" under components/],
  ])('reports %j on line %i', (yamlLine, line, message) => {
    const errors = parseErrors(`---\n# editor note\n${yamlLine}\n---\nТекст`);
    expect(errors).toEqual([expect.objectContaining({ line, message: expect.stringMatching(message) })]);
  });

  it('reports a key without a value on its line', () => {
    const { problems } = parseSeed('seeds/t.txt', utf8('---\nlang: ru\ntitle:\n---\nТекст'));
    expect(problems).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('"title" has no value') })]);
  });

  it('reports every bad key, not only the first', () => {
    const errors = parseErrors('---\nlang: xx\nfoo: 1\nurl: nope\n---\nТекст');
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4]);
  });

  it('reports a bad date line after good front matter', () => {
    expect(parseErrors('---\nlang: ru\n---\n date 2026-02-30 Текст')).toEqual([
      expect.objectContaining({ line: 4, message: 'date 2026-02-30 does not exist' }),
    ]);
  });
});

describe('more decoding and front matter branches', () => {
  const windows1251 = (text: string): Uint8Array =>
    Uint8Array.from([...text].map((c) => {
      const code = c.charCodeAt(0);
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      return code;
    }));

  it('reads a stray control character in otherwise good text as an error on its line', () => {
    expect(parseErrors('Перший рядок\nТекст\u0001 тут')).toEqual([
      expect.objectContaining({ line: 2, message: 'is not a text file (found the control character U+0001 on line 2)' }),
    ]);
  });

  it('refuses an even-length binary file with NUL bytes rather than guessing UTF-16', () => {
    expect(parseErrors(new Uint8Array([0x00, 0x01, 0x02, 0x03]))[0]!.message).toBe('is not a text file (found a NUL byte at offset 0)');
  });

  it('refuses a NUL character in a UTF-16 file, naming its byte offset', () => {
    expect(parseErrors(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0x00]))[0]!.message).toBe(
      'is not a text file (found a NUL character at offset 4)',
    );
  });

  it('reads a UTF-8 BOM followed by windows-1251 bytes as windows-1251', () => {
    const { seed } = parseOk(new Uint8Array([0xef, 0xbb, 0xbf, ...windows1251('Привет')]));
    expect(seed).toMatchObject({ encoding: 'windows-1251', paragraphs: [{ text: 'Привет', line: 1 }] });
  });

  it('warns when a short legacy text gives no clear answer (capitals only)', () => {
    const { problems } = parseOk(windows1251('МИР'));
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/^is not UTF-8 and its encoding is uncertain; it was read as /) }),
    ]);
  });

  it('scores Cyrillic prose above its KOI8/windows-1251 mix-ups', () => {
    expect(cyrillicPlausibility('Привет, мир')).toBeGreaterThan(cyrillicPlausibility('пРИВЕТ, МИР'));
    expect(cyrillicPlausibility('мир')).toBeGreaterThan(cyrillicPlausibility('╨╩╘'));
    expect(cyrillicPlausibility('мир')).toBeGreaterThan(cyrillicPlausibility('ми\u0098р'));
  });

  it('says which date a seed states, front matter first', () => {
    expect(statedDate(parseOk('---\ndate: 2026-01-06\n---\n date 2026-01-07 Т').seed)).toEqual({ date: '2026-01-06', provenance: 'front-matter' });
    expect(statedDate(parseOk(' date 2026-01-07 Т').seed)).toEqual({ date: '2026-01-07', provenance: 'date-line' });
    expect(statedDate(parseOk('Т').seed)).toBeUndefined();
  });

  it('reports a date line without a date', () => {
    expect(parseErrors(' date Члены коалиции')).toEqual([
      expect.objectContaining({ line: 1, message: 'the first line starts with "date" but no date follows' }),
    ]);
  });

  it.each([
    ['06.01.2026', 'write it as YYYY-MM-DD, e.g. 2026-01-06'],
    ['6/1/2026', 'write it as YYYY-MM-DD, e.g. 2026-01-06'],
    ['2026-1-6', 'write it as YYYY-MM-DD, e.g. 2026-01-06'],
    ['26-01-06', 'write it as YYYY-MM-DD, e.g. 2026-01-06'],
  ])('suggests the YYYY-MM-DD form of %s', (date, hint) => {
    expect(checkDate(date)?.hint).toBe(hint);
  });

  it('accepts a null document and an empty components map as front matter', () => {
    expect(parseOk('---\n~\n---\nТекст').seed.frontMatter).toEqual({});
    expect(parseOk('---\ncomponents: {}\n---\nТекст').seed.frontMatter).toEqual({ components: {} });
  });

  it('passes YAML warnings on as warnings with their line', () => {
    const { seed, problems } = parseOk('---\nlang: ru\ntitle: !custom Заголовок\n---\nТекст');
    expect(seed.frontMatter.title).toBe('Заголовок');
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', line: 3, message: expect.stringContaining('!custom') })]);
  });

  it.each([
    ['Title: x', 3, 'unknown front matter key "Title" (did you mean "title"?)'],
    ['? [a]\n: b', 3, 'unknown front matter key "a complex key"'],
    ['title: true', 3, 'front matter key "title" must be text, not true/false'],
    ['url: {a: 1}', 3, 'front matter key "url" must be text, not a nested map'],
    ['outlet: &x y\nlang: *x', 4, 'front matter key "lang" must be text, not an alias or tag'],
    ['components:\n  add: [a, b]\n  remove: [b]', 4, 'component "b" is both added and removed'],
    ['components:\n  add: [a, ~]', 4, 'components.add contains an empty item instead of a component id'],
    ['components:\n  remove: [[a]]', 4, 'components.remove contains a list instead of a component id'],
    ['components:\n  add:', 4, 'components.add must be a list of component ids, not nothing'],
  ])('reports %j on line %i', (yaml, line, message) => {
    expect(parseErrors(`---\n# editor note\n${yaml}\n---\nТекст`)).toEqual([expect.objectContaining({ line, message })]);
  });
});

describe('parseSeed on any input (property)', () => {
  const checkShape = (file: string, bytes: Uint8Array): void => {
    const { seed, problems } = parseSeed(file, bytes);
    const hasError = problems.some((p) => p.severity === 'error');
    expect(seed === undefined).toBe(hasError);
    for (const p of problems) {
      expect(p.file).toBe(file);
      expect(p.message).not.toBe('');
      expect(p.hint).not.toBe('');
    }
    for (const paragraph of seed?.paragraphs ?? []) {
      expect(paragraph.text.trim()).not.toBe('');
      expect(paragraph.text).not.toContain('\n');
      expect(paragraph.line).toBeGreaterThanOrEqual(1);
    }
  };

  it('never throws and returns either a seed or an error, for random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => checkShape('seeds/x.txt', bytes)));
  });

  it('never throws on random text with front matter and date-line pieces', () => {
    const piece = fc.constantFrom('---', 'title: x', 'date: 2026-01-06', ' date 2026-01-07 ', 'lang: uk', ': :', '- a', '\r\n', '\n', 'Текст', '[', '{', '#');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => checkShape('seeds/y.txt', utf8(pieces.join('\n')))));
  });
});
