import type { Language } from '../../shared/i18n/languages.js';

/**
 * The date a report or compilation was generated, as the reader of that language writes it
 * ("23 November 2026", "23 novembre 2026", "2026年11月23日", "23 نوفمبر 2026"). Arabic keeps
 * Western digits, as the United Nations' Arabic documents do. The day is the UTC day, so two
 * exports of one revision on two servers carry the same date. Machine formats (AKN) keep ISO.
 */
export function exportDate(date: Date, language: Language): string {
  const locale = language === 'ar' ? 'ar-u-nu-latn' : language;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
