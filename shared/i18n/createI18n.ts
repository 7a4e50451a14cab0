import i18next, { type i18n, type Resource } from 'i18next';
import ICU from 'i18next-icu';
import { defaultLanguage, type Language, languages } from './languages.js';

/**
 * An i18next instance of its own (never the global one: the server formats exports in
 * several languages at once) with ICU MessageFormat, over the given catalogs.
 * Missing keys fall back to English, so a gap shows English rather than a key.
 */
export function createI18n(resources: Resource, lng: Language = defaultLanguage, defaultNS = 'ui'): i18n {
  const instance = i18next.createInstance();
  void instance.use(ICU).init({
    resources,
    lng,
    fallbackLng: defaultLanguage,
    supportedLngs: [...languages],
    defaultNS,
    ns: Object.keys(resources[defaultLanguage] ?? {}),
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
