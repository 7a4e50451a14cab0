import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { endonyms, isLanguage, languages } from '../../shared/i18n/languages';
import { currentLanguage } from '../i18n/i18n';
import { chooseLanguage } from '../i18n/languagePreference';

/**
 * The language switch: a native <select> (keyboard, screen readers and phones handle it),
 * each language named in itself and marked with its own `lang`, so "العربية" is read in Arabic.
 */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('app.language')}</label>
      <select
        id={id}
        value={currentLanguage()}
        onChange={(e) => {
          const lang = e.target.value;
          if (isLanguage(lang)) void chooseLanguage(lang, signedIn).catch(() => undefined);
        }}
      >
        {languages.map((l) => (
          <option key={l} value={l} lang={l}>
            {endonyms[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
