import { i18n } from './i18n';

/** A moment as people of the interface language write it (Intl, never a hand-made format). */
export function formatDateTime(at: number): string {
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
