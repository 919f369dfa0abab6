/**
 * Interface text. Every string a reader sees around the articles comes from src/translations/*.json;
 * the interface language is one setting (BRIEFING_UI_LANG, default `uk`). Article text is never translated.
 */
import en from './translations/en.json' with { type: 'json' };
import ru from './translations/ru.json' with { type: 'json' };
import uk from './translations/uk.json' with { type: 'json' };
import type { UiLang } from './lib/types.ts';

export type MessageKey = keyof typeof uk;
const CATALOGUES: Record<UiLang, Record<MessageKey, string>> = { uk, ru, en };

export function isUiLang(value: unknown): value is UiLang {
  return value === 'uk' || value === 'ru' || value === 'en';
}

export function uiLangFrom(value: string | undefined): UiLang {
  if (value === undefined || value === '') return 'uk';
  if (!isUiLang(value)) throw new Error(`BRIEFING_UI_LANG=${value} is not an interface language; use uk, ru or en.`);
  return value;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: UiLang): Translate {
  const catalogue = CATALOGUES[lang];
  return (key, params) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params?.[name] ?? whole));
}

/** Dates as readers of the interface language write them (UTC, so the output never depends on the machine). */
export function formatDate(isoDate: string, lang: UiLang): string {
  return dateFormat(lang).format(new Date(`${isoDate}T00:00:00Z`));
}

// Building an Intl.DateTimeFormat is slow; thousands of pages share one per language.
const formats = new Map<UiLang, Intl.DateTimeFormat>();
function dateFormat(lang: UiLang): Intl.DateTimeFormat {
  let format = formats.get(lang);
  if (!format) {
    const locale = lang === 'en' ? 'en-GB' : lang;
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    formats.set(lang, format);
  }
  return format;
}
