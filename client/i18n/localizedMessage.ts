import { currentLanguage, i18n } from './i18n';

/**
 * A server error or refusal in the interface language, from its stable code. In English the
 * server's own sentence is shown (it is often more specific, e.g. which field is wrong); in
 * another language the catalog's sentence for the code, and the English sentence when the
 * catalog has none (a code newer than this client).
 */
export function localizedMessage(keys: readonly string[], english: string, values?: Record<string, unknown>): string {
  if (currentLanguage() === 'en' && english) return english;
  for (const key of keys) if (i18n.exists(key)) return i18n.t(key, values);
  return english || i18n.t('errors.generic');
}
