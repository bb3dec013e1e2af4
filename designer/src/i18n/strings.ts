/**
 * Every string the designer shows, in Vietnamese (the default) and English. Components read them
 * through `useI18n()`; pure modules receive a `Strings` object. Placeholders are `{name}`.
 */
import { en } from './en.ts';
import { vi, type Strings } from './vi.ts';

export { en, vi };
export type { StringKey, Strings } from './vi.ts';

/** The supported languages. */
export type Lang = 'vi' | 'en';

/** The dictionary of a language. */
export function stringsFor(lang: Lang): Strings {
  return lang === 'en' ? en : vi;
}

/** Fill `{name}` placeholders. */
export function fill(
  template: string,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) =>
    params[k] === undefined ? m : String(params[k]),
  );
}

/** A localized text in the chosen language (Vietnamese when the English is missing). */
export function localized(
  text: { vi: string; en?: string } | undefined,
  lang: Lang,
  fallback = '',
): string {
  if (!text) return fallback;
  return lang === 'en' ? text.en || text.vi : text.vi;
}
