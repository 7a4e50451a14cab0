import { i18n } from './i18n';

/** A moment as people of the interface language write it (Intl, never a hand-made format). */
export function formatDateTime(at: number): string {
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** A moment on the clock of a given time zone (the zone a deadline was chosen in). */
export function formatDateTimeIn(at: number, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at);
  } catch {
    return formatDateTime(at);
  }
}
