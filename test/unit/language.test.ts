import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/lib/language.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');
const seed = (name: string) => readFileSync(join(SEEDS, name), 'utf8');

describe('detectLanguage on the five seeds', () => {
  it.each([
    ['000_4e4c541c79a5c744.txt', 'ru'],
    ['001_92e0b49aec71077b.txt', 'uk'],
    ['002_79abbbea140a4896.txt', 'ru'],
    ['003_6a61690f28fb59f0.txt', 'ru'],
    ['004_0e8e30f65426c530.txt', 'ru'],
  ])('%s is %s, confidently', (name, lang) => {
    const guess = detectLanguage(seed(name));
    expect(guess.lang).toBe(lang);
    expect(guess.confidence).toBeGreaterThan(0.6);
  });

  it('gets every paragraph of every seed right', () => {
    const expected: Record<string, string> = { '001_92e0b49aec71077b.txt': 'uk' };
    for (const name of ['000_4e4c541c79a5c744.txt', '001_92e0b49aec71077b.txt', '002_79abbbea140a4896.txt', '003_6a61690f28fb59f0.txt', '004_0e8e30f65426c530.txt']) {
      const paragraphs = seed(name).split('\n').filter((p) => p.split(' ').length >= 6);
      for (const p of paragraphs) expect([name, p, detectLanguage(p).lang]).toEqual([name, p, expected[name] ?? 'ru']);
    }
  });
});

describe('detectLanguage on short texts', () => {
  it.each([
    ['Україна і Європа.', 'uk'],
    ['Зустріч відбулася у Парижі.', 'uk'],
    ["Обов'язкова умова миру.", 'uk'],
    ['Обов’язкова умова миру.', 'uk'],
    ['Ґрунт.', 'uk'],
    ['Что это было?', 'ru'],
    ['Съезд объявил итоги.', 'ru'],
    ['Мы готовы.', 'ru'],
    ['Это так.', 'ru'],
    ['Він сказав, що це так.', 'uk'],
    ['Он сказал, что это так.', 'ru'],
  ])('%j is %s', (text, lang) => {
    expect(detectLanguage(text).lang).toBe(lang);
  });

  it('has zero confidence without evidence, and some with it', () => {
    expect(detectLanguage('').confidence).toBe(0);
    expect(detectLanguage('США — НАТО 2026').confidence).toBe(0);
    expect(detectLanguage('Україна').confidence).toBeGreaterThan(0);
  });

  it('keeps confidence within 0..1 and grows with evidence', () => {
    const short = detectLanguage('Зустріч відбулася у Парижі.');
    const long = detectLanguage(seed('001_92e0b49aec71077b.txt'));
    expect(short.confidence).toBeGreaterThan(0);
    expect(long.confidence).toBeLessThanOrEqual(1);
    expect(long.confidence).toBeGreaterThan(short.confidence);
  });
});

describe('detectLanguage on mixed texts', () => {
  it('keeps a Ukrainian report that quotes a Russian phrase Ukrainian', () => {
    const text = 'Речник Кремля заявив, що «мы не видим никаких предпосылок для этого», проте Київ наполягає на переговорах.';
    expect(detectLanguage(text).lang).toBe('uk');
  });

  it('keeps a Russian report that quotes a Ukrainian phrase Russian', () => {
    const text = 'Президент написал в соцсетях: «Україна ніколи не визнає окупацію», после чего встреча завершилась.';
    expect(detectLanguage(text).lang).toBe('ru');
  });

  it('keeps a Russian report naming Ukrainian outlets Russian', () => {
    const text = 'Как сообщает РБК-Україна со ссылкой на Укрінформ, встреча прошла в Париже во вторник.';
    expect(detectLanguage(text).lang).toBe('ru');
  });

  it('reads a composed and a decomposed й alike', () => {
    expect(detectLanguage('Київ и\u0306 Europe')).toEqual(detectLanguage('Київ й Europe'));
  });
});

describe('detectLanguage: the weaker signs', () => {
  it.each([
    ['Мiсто', 'uk'], // a Latin i typed inside a Cyrillic word
    ['питання', 'uk'],
    ['Зеленський', 'uk'],
    ['Зеленский', 'ru'],
    ['является', 'ru'],
    ['Россия', 'ru'],
    ['новое', 'ru'],
  ])('%j is %s', (text, lang) => {
    expect(detectLanguage(text)).toEqual({ lang, confidence: 0.5 });
  });

  it('counts в and у only a little', () => {
    expect(detectLanguage('у нас')).toEqual({ lang: 'uk', confidence: 0.231 });
    expect(detectLanguage('в нас')).toEqual({ lang: 'ru', confidence: 0.231 });
    expect(detectLanguage('у нас, что')).toEqual({ lang: 'ru', confidence: 0.304 });
  });

  it('counts quoted words a quarter', () => {
    expect(detectLanguage('«что это»')).toEqual({ lang: 'ru', confidence: 0.333 });
    expect(detectLanguage('Він сказав: «что это»')).toEqual({ lang: 'uk', confidence: 0.2 });
  });

  it('answers ru with no confidence when there is no evidence', () => {
    expect(detectLanguage('Привет')).toEqual({ lang: 'ru', confidence: 0 });
  });
});
