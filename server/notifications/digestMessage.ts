import { defaultLanguage, type Language } from '../../shared/i18n/languages.js';
import { notificationText } from '../../shared/i18n/notificationText.js';
import { type AccordNotification, notificationHref } from '../../shared/model/notifications.js';
import { type NotificationMessage, translator } from './notificationMailer.js';

/**
 * A person's daily digest: each notification on one line with its link, in their language and
 * time zone. Like every mail it names events and paragraph numbers only — no draft title, text,
 * reason, answer or comment: the reader follows a link and signs in to read them.
 */
export function digestMessage(
  items: readonly AccordNotification[],
  language: Language | null,
  timeZone: string | null,
  publicUrl: string,
): NotificationMessage {
  const lang = language ?? defaultLanguage;
  const t = translator(lang);
  const lines = items.map(
    (n) => `- ${notificationText(t, n, lang, timeZone ?? 'UTC')}\n  ${publicUrl}${notificationHref(n)}`,
  );
  return {
    subject: t('mail.digestSubject', { count: items.length }),
    text: `${t('mail.digestIntro')}\n\n${lines.join('\n')}\n\n${t('mail.digestWhy')}\n`,
  };
}
