import { defaultLanguage, type Language } from '../../shared/i18n/languages.js';
import { type NotificationMessage, translator } from './notificationMailer.js';

/**
 * The mail that confirms an address before any notification goes there. The link carries the
 * secret in the fragment (`/verify-email#<secret>`): never in a server log or a Referer; the page
 * posts it while its reader is signed in, and only the account that asked can redeem it.
 */
export function verificationMessage(
  language: Language | null,
  publicUrl: string,
  secret: string,
  hours: number,
): NotificationMessage {
  const t = translator(language ?? defaultLanguage);
  const url = `${publicUrl}/verify-email#${secret}`;
  return {
    subject: t('mail.verifySubject'),
    text: `${t('mail.verifyText', { hours })}\n\n${url}\n\n${t('mail.verifyIgnore')}\n`,
  };
}
