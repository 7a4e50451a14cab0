import type { Resource } from 'i18next';
import ar from './locales/ar/notify.json';
import en from './locales/en/notify.json';
import es from './locales/es/notify.json';
import fr from './locales/fr/notify.json';
import ru from './locales/ru/notify.json';
import zh from './locales/zh/notify.json';

/**
 * The `notify` namespace (notifications: the bell, its list, the e-mail) in the six languages.
 * The server words its mail from the same messages the client shows, imported statically so
 * the server bundle carries them.
 */
export const notifyCatalogs = {
  ar: { notify: ar },
  zh: { notify: zh },
  en: { notify: en },
  fr: { notify: fr },
  ru: { notify: ru },
  es: { notify: es },
} satisfies Resource;
