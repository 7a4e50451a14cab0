import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numberDraft } from '../../shared/model/numbering.js';
import { readDraft } from '../../shared/model/readDraft.js';
import type { RawClient } from '../support/rawClient.js';
import { type Person, silenceDraft, until } from '../support/silenceDraft.js';
import { removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/**
 * Notification mail through a real SMTP server on a local port (smtp-server), read back with
 * mailparser: who gets mail (only those who asked), what it says (the event, the paragraph's
 * number, a link) and what it must never carry (the draft's title, its text, reasons, answers).
 */
describe('notification mail', () => {
  let smtp: SMTPServer;
  const inbox: Array<{ to: string[]; mail: ParsedMail }> = [];
  let server: TestServer;
  let docId: string;
  let chairClient: RawClient;
  let chair: Person;
  let ana: Person;
  let kofi: Person;

  const doc = (path: string, body: unknown, who: Person) =>
    server.api<{ id: string }>('POST', `/api/documents/${docId}${path}`, body, who.token);

  beforeAll(async () => {
    smtp = new SMTPServer({
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
    server = await startTestServer({
      env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Accord <no-reply@accord.test>' },
    });
    ({ docId, chair: chairClient } = await silenceDraft(server));
    chair = await server.addPerson(docId, 'chair', 'Chair Person');
    ana = await server.addPerson(docId, 'member', 'Ana Souza');
    kofi = await server.addPerson(docId, 'member', 'Kofi Otieno');
  });
  afterAll(async () => {
    chairClient.close();
    await server.stop();
    removeDir(server.dataDir);
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('is off by default, and validated when turned on', async () => {
    const settings = await server.api<{ email: string | null }>(
      'GET',
      '/api/notification-settings',
      undefined,
      ana.token,
    );
    expect(settings.body).toEqual({ email: null });
    const bad = await server.api('PUT', '/api/notification-settings', { email: 'not an address' }, ana.token);
    expect(bad.status).toBe(400);
    const set = await server.api('PUT', '/api/notification-settings', { email: 'ana@delegation.test' }, ana.token);
    expect(set.status).toBe(200);
  });

  it('mails the event, the paragraph number and a link, in the reader’s language, and nothing confidential', async () => {
    server.accord.services.accounts.setLanguage(ana.userId, 'fr');
    const [anaObjection, kofiObjection] = await Promise.all([
      doc('/paragraphs/a1/objections', { reason: 'Ana secret reason' }, ana),
      doc('/paragraphs/a2/objections', { reason: 'Kofi secret reason' }, kofi),
    ]).then((r) => r.map((x) => x.body.id));
    await Promise.all([
      doc(`/objections/${anaObjection}/answer`, { text: 'Confidential chair answer' }, chair),
      doc(`/objections/${kofiObjection}/answer`, { text: 'Another confidential answer' }, chair),
    ]);
    await until(() => inbox.length >= 1, 'the mail to arrive');
    await server.accord.notifier.idle();

    // Kofi never asked for mail: one message, to Ana.
    expect(inbox).toHaveLength(1);
    const { to, mail } = inbox[0] as (typeof inbox)[number];
    expect(to).toEqual(['ana@delegation.test']);
    const room = await server.accord.services.rooms.get(docId);
    const number = numberDraft(readDraft(room.doc.getXmlFragment('default'))).get('a1')?.number;
    expect(number).toBeTruthy();
    expect(mail.subject).toBe(`Accord : Votre objection au paragraphe ${number} a reçu une réponse`);
    expect(mail.from?.text).toContain('no-reply@accord.test');
    const text = mail.text ?? '';
    expect(text).toContain(`${server.accord.services.config.PUBLIC_URL}/d/${docId}#a1`);
    const whole = `${mail.subject}\n${text}\n${mail.html || ''}`;
    for (const secret of [
      'Silence draft',
      'First a.',
      'Ana secret reason',
      'Confidential chair answer',
      'Chair Person',
      'Kofi',
    ]) {
      expect(whole).not.toContain(secret);
    }
  });

  it('stops when the person turns it off', async () => {
    const before = inbox.length;
    await server.api('PUT', '/api/notification-settings', { email: null }, ana.token);
    const objection = (await doc('/paragraphs/a3/objections', { reason: 'again' }, ana)).body.id;
    await doc(`/objections/${objection}/answer`, { text: 'answered' }, chair);
    const list = await server.api<{ unread: number }>('GET', '/api/notifications', undefined, ana.token);
    expect(list.body.unread).toBe(2);
    await server.accord.notifier.idle();
    expect(inbox.length).toBe(before);
  });
});
