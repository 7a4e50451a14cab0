import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SunkMail {
  to: string[];
  mail: ParsedMail;
}

/** A real SMTP server on a local port (smtp-server) that keeps what it receives, parsed (mailparser). */
export async function startSmtpSink(): Promise<{ url: string; inbox: SunkMail[]; close(): Promise<void> }> {
  const inbox: SunkMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

/** The secret of the confirmation link in a mail (`/verify-email#<secret>`). */
export function linkSecret(m: SunkMail): string {
  const found = /\/verify-email#([A-Za-z0-9_-]+)/.exec(m.mail.text ?? '');
  if (!found?.[1]) throw new Error(`no confirmation link in: ${m.mail.text}`);
  return found[1];
}
