import type { Resource } from 'i18next';
import ar from './locales/ar/export.json';
import en from './locales/en/export.json';
import es from './locales/es/export.json';
import fr from './locales/fr/export.json';
import ru from './locales/ru/export.json';
import zh from './locales/zh/export.json';

/**
 * The `export` namespace in the six languages, imported statically so that the server bundle
 * (esbuild) and a worker carry them without reading files at run time.
 */
export const exportCatalogs = {
  ar: { export: ar },
  zh: { export: zh },
  en: { export: en },
  fr: { export: fr },
  ru: { export: ru },
  es: { export: es },
} satisfies Resource;
