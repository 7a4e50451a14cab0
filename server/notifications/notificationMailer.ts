import type { i18n as I18n } from 'i18next';
import nodemailer from 'nodemailer';
import { createI18n } from '../../shared/i18n/createI18n.js';
import { defaultLanguage, type Language } from '../../shared/i18n/languages.js';
import { notificationText } from '../../shared/i18n/notificationText.js';
import { notifyCatalogs } from '../../shared/i18n/notifyCatalogs.js';
import { type AccordNotification, notificationHref } from '../../shared/model/notifications.js';

/** One notification, worded for its reader. */
export interface NotificationMessage {
  subject: string;
  text: string;
}

/**
 * The e-mail of a notification, in the reader's language. It says what happened and where
 * (the paragraph's number, a link) and nothing else: drafts are confidential negotiating
 * positions and mail leaves the installation, so no title, no text, no reason or answer —
 * the reader follows the link and signs in to read them.
 */
export function notificationMessage(
  n: Pick<AccordNotification, 'kind' | 'docId' | 'paragraphId' | 'paragraphNumber' | 'label'>,
  language: Language | null,
  publicUrl: string,
): NotificationMessage {
  const lang = language ?? defaultLanguage;
  const t = translator(lang);
  const event = notificationText(t, n, lang, 'UTC');
  const url = publicUrl + notificationHref(n);
  return {
    subject: t('mail.subject', { event }),
    text: `${event}\n\n${t('mail.open', { url })}\n\n${t('mail.why')}\n`,
  };
}

const translators = new Map<Language, I18n['t']>();
/** The `notify` catalog's messages in one language (shared by every mail this server words). */
export function translator(language: Language): I18n['t'] {
  let t = translators.get(language);
  if (!t) {
    t = createI18n(notifyCatalogs, language, 'notify').t;
    translators.set(language, t);
  }
  return t;
}

/** Sends notification mail through the SMTP server of `SMTP_URL` (nodemailer). */
export class NotificationMailer {
  private readonly transport;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    /** Read at each send: with PORT 0 the URL is known only once the server listens. */
    private readonly publicUrl: () => string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(to: string, n: AccordNotification, language: Language | null): Promise<void> {
    await this.sendMessage(to, notificationMessage(n, language, this.publicUrl()));
  }

  /** Any message already worded (a confirmation link, a digest). */
  async sendMessage(to: string, { subject, text }: NotificationMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to, subject, text });
  }

  /** The installation's address as browsers reach it (links in mail). */
  url(): string {
    return this.publicUrl();
  }

  close(): void {
    this.transport.close();
  }
}
