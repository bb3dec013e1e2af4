import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { fill, localized, stringsFor, type Lang, type Strings } from '../i18n/strings.ts';

/** The language in use and its dictionary. */
export interface I18n {
  readonly lang: Lang;
  readonly s: Strings;
  setLang(lang: Lang): void;
  /** A dictionary entry with its placeholders filled. */
  f(template: string, params?: Readonly<Record<string, string | number>>): string;
  /** A localized text from the procedure (Vietnamese when there is no English). */
  t(text: { vi: string; en?: string } | undefined, fallback?: string): string;
}

const Context = createContext<I18n | undefined>(undefined);
const STORAGE_KEY = 'motcua.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Provide the language (Vietnamese by default, remembered in the browser). */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const value = useMemo<I18n>(() => {
    const s = stringsFor(lang);
    return {
      lang,
      s,
      setLang(next) {
        setLangState(next);
        try {
          localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // private mode: the choice lasts for the session only
        }
        document.documentElement.lang = next;
      },
      f: (template, params) => fill(template, params, lang),
      t: (text, fallback = '') => localized(text, lang, fallback),
    };
  }, [lang]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The current language and dictionary. */
export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
