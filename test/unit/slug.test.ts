import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../src/lib/seed.ts';
import { articleIdFromSeedName, contentHash, deriveTitle, normalizedTextHash, slugify } from '../../src/lib/slug.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');
const hash8 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex').slice(0, 8);

describe('articleIdFromSeedName', () => {
  it('keeps the seed names that are already ids', () => {
    expect(articleIdFromSeedName('000_4e4c541c79a5c744.txt')).toBe('000_4e4c541c79a5c744');
    for (const name of readdirSync(SEEDS)) expect(articleIdFromSeedName(name)).toBe(name.replace(/\.txt$/, ''));
  });

  it('transliterates Cyrillic, lower-cases and appends a hash of the original name when it changed the name', () => {
    expect(articleIdFromSeedName('Саміт у Парижі.txt')).toBe(`samit-u-parizhi-${hash8('Саміт у Парижі.txt')}`);
    expect(articleIdFromSeedName('Report.txt')).toBe(`report-${hash8('Report.txt')}`);
  });

  it('gives distinct ids to names that transliterate alike', () => {
    const names = ['Саміт.txt', 'Самит.txt', 'samit.txt', 'SAMIT.txt', 'samit .txt', 'samit!.txt'];
    expect(new Set(names.map(articleIdFromSeedName)).size).toBe(names.length);
  });

  it('never returns an empty, dot or path-like id', () => {
    for (const name of ['.txt', '..txt', '...', '.', '..', '«»!.txt', '/etc/passwd', 'a/../b.txt', '..\\..\\x.txt', '']) {
      const id = articleIdFromSeedName(name);
      expect(id).toMatch(/^[a-z0-9_-]+$/);
      expect(id).not.toMatch(/^\.{1,2}$/);
    }
  });

  it('hashes any name it had to change: collapsed hyphens, upper case, length, a lone extension', () => {
    expect(articleIdFromSeedName('a--b.txt')).toBe(`a-b-${hash8('a--b.txt')}`);
    expect(articleIdFromSeedName('ABC.txt')).toBe(`abc-${hash8('ABC.txt')}`);
    expect(articleIdFromSeedName('.txt')).toBe(`txt-${hash8('.txt')}`);
    expect(articleIdFromSeedName('«»!.txt')).toBe(`seed-${hash8('«»!.txt')}`);
    const long = 'a'.repeat(81);
    expect(articleIdFromSeedName(`${long}.txt`)).toBe(`${'a'.repeat(71)}-${hash8(`${long}.txt`)}`);
    expect(articleIdFromSeedName(`${'a'.repeat(80)}.txt`)).toBe('a'.repeat(80));
  });

  it('drops apostrophes inside words instead of splitting them', () => {
    expect(articleIdFromSeedName('п’ятниця.txt')).toBe(`pyatnitsya-${hash8('п’ятниця.txt')}`);
  });

  it('caps ids at 80 characters, still unique', () => {
    const a = articleIdFromSeedName(`${'дуже-довга-назва-'.repeat(10)}a.txt`);
    const b = articleIdFromSeedName(`${'дуже-довга-назва-'.repeat(10)}b.txt`);
    expect(a.length).toBeLessThanOrEqual(80);
    expect(a).not.toBe(b);
  });

  it('is a safe, stable id for any name (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (name) => {
        const id = articleIdFromSeedName(name);
        expect(id).toMatch(/^[a-z0-9_-]{1,80}$/);
        expect(articleIdFromSeedName(name)).toBe(id);
      }),
    );
  });
});

describe('slugify', () => {
  it('transliterates Russian and Ukrainian', () => {
    expect(slugify('Саммит в Париже')).toBe('sammit-v-parizhe');
    expect(slugify('Зустріч «коаліції охочих» у Парижі')).toBe('zustrich-koalitsiyi-okhochikh-u-parizhi');
    expect(slugify('Щедрий Ґанок, Єва, п’ятниця')).toBe('shchedriy-ganok-yeva-pyatnitsya');
  });

  it('reads a decomposed й (и + combining breve) like a composed one', () => {
    expect(slugify('Киї\u0306в и\u0306')).toBe(slugify('Київ й'));
  });

  it('drops accents of Latin letters and keeps digits', () => {
    expect(slugify('Élysée 2026: Paris!')).toBe('elysee-2026-paris');
  });

  it('is at most maxLength long, cut at a hyphen, with no hyphen at either end', () => {
    const slug = slugify('Коаліція охочих узгодила гарантії безпеки для України в Парижі шостого січня', 30);
    expect(slug.length).toBeLessThanOrEqual(30);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect('koalitsiya-okhochikh-uzgodila-garantiyi'.startsWith(slug)).toBe(true);
  });

  it('is never empty', () => {
    expect(slugify('«—»')).toMatch(/^[a-z0-9-]+$/);
    expect(slugify('')).toMatch(/^[a-z0-9-]+$/);
  });

  it('always gives a valid event slug (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 8, max: 80 }), (text, max) => {
        const slug = slugify(text, max);
        expect(slug).toMatch(/^[a-z0-9-]+$/);
        expect(slug.length).toBeLessThanOrEqual(max);
      }),
    );
  });
});

describe('deriveTitle', () => {
  it('takes the lead sentence of a short paragraph as written, without its final full stop', () => {
    expect(deriveTitle('Коаліція зібралася в Парижі. Інше речення.', 'uk')).toBe('Коаліція зібралася в Парижі');
    expect(deriveTitle('Кто подпишет документ?', 'ru')).toBe('Кто подпишет документ?');
  });

  it('shortens a long lead at a word boundary with an ellipsis, never inside a word', () => {
    const paragraph = readFileSync(join(SEEDS, '001_92e0b49aec71077b.txt'), 'utf8').split('\n')[0]!;
    const title = deriveTitle(paragraph, 'uk');
    expect(title.length).toBeLessThanOrEqual(110);
    expect(title.endsWith('…')).toBe(true);
    const kept = title.slice(0, -1);
    expect(paragraph.startsWith(kept)).toBe(true);
    expect(paragraph.charAt(kept.length)).toMatch(/[\s,]/); // the cut falls between words
  });

  it('derives titles for every seed from its first paragraph', () => {
    for (const name of readdirSync(SEEDS).sort()) {
      const { seed } = parseSeed(name, readFileSync(join(SEEDS, name)));
      const title = deriveTitle(seed!.paragraphs[0]!.text, 'ru', 110);
      expect(title.length).toBeGreaterThan(20);
      expect(title.length).toBeLessThanOrEqual(110);
    }
  });

  it('respects a custom maxLength and drops punctuation left dangling before the ellipsis', () => {
    expect(deriveTitle('Союзники Украины, США и Европа встречаются в Париже во вторник.', 'ru', 20)).toBe('Союзники Украины…');
  });

  it('does not break a number written with a no-break space', () => {
    const title = deriveTitle('Армия в 800\u00a0000 человек готова сдержать любую новую агрессию.', 'ru', 16);
    expect(title).not.toMatch(/800…$/);
  });

  it('never cuts at a no-break space', () => {
    expect(deriveTitle('Армия в 800\u00a0000 человек готова.', 'ru', 13)).toBe('Армия в…');
  });

  it('keeps an ellipsis, a question or exclamation mark, and gives an empty title for an empty paragraph', () => {
    expect(deriveTitle('Что дальше...', 'ru')).toBe('Что дальше...');
    expect(deriveTitle('Мир близко!', 'ru')).toBe('Мир близко!');
    expect(deriveTitle('', 'uk')).toBe('');
  });

  it('keeps a long first word whole and marks the rest as cut', () => {
    const word = 'б'.repeat(30);
    expect(deriveTitle(`${word}, и еще слова.`, 'ru', 20)).toBe(`${word}…`);
  });

  it('keeps a single over-long word whole', () => {
    const word = 'а'.repeat(150);
    expect(deriveTitle(word, 'ru')).toBe(word);
  });
});

describe('hashes', () => {
  it('contentHash is the sha256 hex of the UTF-8 text', () => {
    expect(contentHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(contentHash('Київ')).toBe(createHash('sha256').update(Buffer.from('Київ', 'utf8')).digest('hex'));
    expect(contentHash('a ')).not.toBe(contentHash('a'));
  });

  it('normalizedTextHash ignores whitespace layout and Unicode composition', () => {
    const base = normalizedTextHash(['Коаліція зібралася в Парижі.', 'Другий абзац.']);
    expect(normalizedTextHash(['  Коаліція   зібралася\u00a0в Парижі.\t', '', 'Другий абзац. '])).toBe(base);
    expect(normalizedTextHash(['Коаліція зібралася в Парижі. Другий абзац.'])).toBe(base);
    expect(normalizedTextHash(['Коаліція зібралася в Парижі.', 'Другий абзац.'].map((p) => p.normalize('NFD')))).toBe(base);
  });

  it('normalizedTextHash still tells different words apart', () => {
    expect(normalizedTextHash(['Коаліція зібралася в Парижі.'])).not.toBe(normalizedTextHash(['Коаліція зібралася у Парижі.']));
  });
});
