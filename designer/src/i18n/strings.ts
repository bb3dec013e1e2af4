/**
 * Every string the designer shows, in Vietnamese (the default) and English. Components read them
 * through `useI18n()`; pure modules receive a `Strings` object. Placeholders are `{name}`.
 */
import { formatNumber } from '../../../engine/format/numbers.ts';
import { accountEn } from './accountEn.ts';
import { accountVi, type AccountStrings } from './accountVi.ts';
import { citizenEn } from './citizenEn.ts';
import { citizenVi, type CitizenStrings } from './citizenVi.ts';
import { en as designerEn } from './en.ts';
import { noticesEn } from './noticesEn.ts';
import { noticesVi, type NoticesStrings } from './noticesVi.ts';
import { officeEn } from './officeEn.ts';
import { officeVi, type OfficeStrings } from './officeVi.ts';
import { vi as designerVi, type Strings as DesignerStrings } from './vi.ts';

/** Every string of the app: the designer's, the one-stop office's, the accounts' and notices'. */
export type Strings = DesignerStrings &
  OfficeStrings &
  AccountStrings &
  NoticesStrings &
  CitizenStrings;

/** A key of the dictionary. */
export type StringKey = keyof Strings;

/** The Vietnamese dictionary (the first language). */
export const vi: Strings = {
  ...designerVi,
  ...officeVi,
  ...accountVi,
  ...noticesVi,
  ...citizenVi,
};
/** The English dictionary. */
export const en: Strings = {
  ...designerEn,
  ...officeEn,
  ...accountEn,
  ...noticesEn,
  ...citizenEn,
};

/** The supported languages. */
export type Lang = 'vi' | 'en';

/** The dictionary of a language. */
export function stringsFor(lang: Lang): Strings {
  return lang === 'en' ? en : vi;
}

/**
 * Fill `{name}` placeholders; a number is written as the language writes it (12.345 and 1,5 in
 * Vietnamese), so that no message shows `1.5 ngày` or `12345`.
 */
export function fill(
  template: string,
  params: Readonly<Record<string, string | number>> = {},
  lang: Lang = 'vi',
): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = params[k];
    return v === undefined ? m : typeof v === 'number' ? formatNumber(v, lang) : v;
  });
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
