import { isLanguage, type Language } from '../../shared/i18n/languages';
import { api, dataOf } from '../api/apiClient';
import { applyLanguage, browserLanguage } from './i18n';

/**
 * Which language to show. The account's choice wins (GET /api/me, so it follows the person
 * to another browser); before sign-in, the last choice made in this browser; else the
 * browser's own preference (navigator.languages).
 */
const KEY = 'accord.language';

export function initialLanguage(): Language {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(KEY);
  } catch {
    // Storage disabled (private mode, policy): the browser's preference applies.
  }
  return isLanguage(stored) ? stored : browserLanguage();
}

function remember(lang: Language): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // Not remembered on this device; the account still remembers it.
  }
}

/** The person's account language arrived (sign-in, reload): show it. */
export async function adoptAccountLanguage(lang: Language | null | undefined): Promise<void> {
  if (!lang) return;
  remember(lang);
  await applyLanguage(lang);
}

/** The person chose a language in the header: show it, and remember it on the account when signed in. */
export async function chooseLanguage(lang: Language, signedIn: boolean): Promise<void> {
  remember(lang);
  await applyLanguage(lang);
  if (signedIn) await dataOf(api.PATCH('/api/me', { body: { language: lang } }));
}
