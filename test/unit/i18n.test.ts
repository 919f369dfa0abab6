import { describe, expect, it } from 'vitest';
import en from '../../src/translations/en.json' with { type: 'json' };
import ru from '../../src/translations/ru.json' with { type: 'json' };
import uk from '../../src/translations/uk.json' with { type: 'json' };
import { formatDate, translator, uiLangFrom } from '../../src/i18n.ts';

describe('translations', () => {
  it('every interface language has every key, with the same placeholders', () => {
    const keys = Object.keys(uk).sort();
    for (const catalogue of [ru, en] as Record<string, string>[]) {
      expect(Object.keys(catalogue).sort()).toEqual(keys);
      for (const key of keys) {
        const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(placeholders(catalogue[key]!), key).toEqual(placeholders((uk as Record<string, string>)[key]!));
      }
    }
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    const t = translator('en');
    expect(t('home.reports', { count: 3 })).toBe('Reports: 3');
    expect(t('home.reports')).toBe('Reports: {count}');
  });

  it('formats dates in the interface language, independent of the machine time zone', () => {
    expect(formatDate('2026-01-06', 'uk')).toBe('6 січня 2026 р.');
    expect(formatDate('2026-01-06', 'en')).toBe('6 January 2026');
  });

  it('accepts only known interface languages', () => {
    expect(uiLangFrom(undefined)).toBe('uk');
    expect(uiLangFrom('ru')).toBe('ru');
    expect(() => uiLangFrom('de')).toThrow(/uk, ru or en/);
  });
});
