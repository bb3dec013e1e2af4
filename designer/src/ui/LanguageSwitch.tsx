import { useI18n } from './I18n.tsx';

/** Switch between Vietnamese and English. */
export function LanguageSwitch() {
  const { lang, setLang, s } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={s.language}>
      <button
        type="button"
        className={lang === 'vi' ? 'on' : ''}
        aria-pressed={lang === 'vi'}
        onClick={() => setLang('vi')}
        title={s.switchToVietnamese}
      >
        VI
      </button>
      <button
        type="button"
        className={lang === 'en' ? 'on' : ''}
        aria-pressed={lang === 'en'}
        onClick={() => setLang('en')}
        title={s.switchToEnglish}
      >
        EN
      </button>
    </div>
  );
}
