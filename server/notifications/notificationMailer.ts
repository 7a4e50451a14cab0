import type { i18n as I18n } from 'i18next';
import nodemailer from 'nodemailer';
import { createI18n } from '../../shared/i18n/createI18n.js';
import { defaultLanguage, type Language } from '../../shared/i18n/languages.js';
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
  const t = translator(language ?? defaultLanguage);
  const event = t(`event.${n.kind}`, { number: n.paragraphNumber ?? '—', label: n.label ?? '' });
  const url = publicUrl + notificationHref(n);
  return {
    subject: t('mail.subject', { event }),
    text: `${event}\n\n${t('mail.open', { url })}\n\n${t('mail.why')}\n`,
  };
}

const translators = new Map<Language, I18n['t']>();
function translator(language: Language): I18n['t'] {
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
    const { subject, text } = notificationMessage(n, language, this.publicUrl());
    await this.transport.sendMail({ from: this.from, to, subject, text });
  }

  close(): void {
    this.transport.close();
  }
}
