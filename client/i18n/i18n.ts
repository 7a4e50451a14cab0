import type { i18n as I18n, ResourceLanguage } from 'i18next';
import { createI18n } from '../../shared/i18n/createI18n';
import { directionOf, type Language, languages, pickLanguage } from '../../shared/i18n/languages';
import enNotify from '../../shared/i18n/locales/en/notify.json';
import en from '../../shared/i18n/locales/en/ui.json';

/**
 * The client's one i18next instance, shared by React (react-i18next) and the Lit components
 * (LocalizeController). English is in the main bundle because it is the fallback of every key;
 * the other catalogs are separate chunks loaded when their language is chosen.
 */
export const i18n: I18n = createI18n({ en: { ui: en, notify: enNotify } }, 'en', 'ui');

type Catalog = { default: ResourceLanguage };
const loaders: Record<Exclude<Language, 'en'>, () => Promise<Catalog>> = {
  ar: () => import('../../shared/i18n/locales/ar/ui.json'),
  zh: () => import('../../shared/i18n/locales/zh/ui.json'),
  fr: () => import('../../shared/i18n/locales/fr/ui.json'),
  ru: () => import('../../shared/i18n/locales/ru/ui.json'),
  es: () => import('../../shared/i18n/locales/es/ui.json'),
};
/** The notifications' namespace (shared with the server's mail), loaded with `ui`. */
const notifyLoaders: Record<Exclude<Language, 'en'>, () => Promise<Catalog>> = {
  ar: () => import('../../shared/i18n/locales/ar/notify.json'),
  zh: () => import('../../shared/i18n/locales/zh/notify.json'),
  fr: () => import('../../shared/i18n/locales/fr/notify.json'),
  ru: () => import('../../shared/i18n/locales/ru/notify.json'),
  es: () => import('../../shared/i18n/locales/es/notify.json'),
};

/** The language the interface shows now (i18next's current one, narrowed to ours). */
export function currentLanguage(): Language {
  const lng = i18n.language;
  return (languages as readonly string[]).includes(lng) ? (lng as Language) : 'en';
}

/** The browser's preference among our six languages, for someone who has not chosen one. */
export function browserLanguage(): Language {
  return pickLanguage(typeof navigator === 'undefined' ? [] : navigator.languages);
}

/**
 * Switches the interface: loads the catalog if needed, then changes i18next's language (React
 * and Lit re-render on `languageChanged`) and sets `lang`/`dir` on <html>, so the whole layout
 * mirrors for Arabic and screen readers pronounce the page in the right language.
 */
export async function applyLanguage(lang: Language): Promise<void> {
  if (lang !== 'en' && !i18n.hasResourceBundle(lang, 'ui')) {
    const [catalog, notify] = await Promise.all([loaders[lang](), notifyLoaders[lang]()]);
    i18n.addResourceBundle(lang, 'ui', catalog.default, true, true);
    i18n.addResourceBundle(lang, 'notify', notify.default, true, true);
  }
  await i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}
