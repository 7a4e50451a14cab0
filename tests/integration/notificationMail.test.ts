import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numberDraft } from '../../shared/model/numbering.js';
import { readDraft } from '../../shared/model/readDraft.js';
import type { RawClient } from '../support/rawClient.js';
import { type Person, silenceDraft, until } from '../support/silenceDraft.js';
import { linkSecret, type SunkMail, startSmtpSink } from '../support/smtpSink.js';
import { TestClock } from '../support/testClock.js';
import { removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/**
 * Notification mail through a real SMTP server on a local port (smtp-server), read back with
 * mailparser: who gets mail (only those who asked), what it says (the event, the paragraph's
 * number, a link) and what it must never carry (the draft's title, its text, reasons, answers).
 */
describe('notification mail', () => {
  let inbox: SunkMail[] = [];
  let server: TestServer;
  let docId: string;
  let chairClient: RawClient;
  let chair: Person;
  let ana: Person;
  let kofi: Person;

  const doc = (path: string, body: unknown, who: Person) =>
    server.api<{ id: string }>('POST', `/api/documents/${docId}${path}`, body, who.token);

  let sink: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    inbox = sink.inbox;
    server = await startTestServer({
      env: { SMTP_URL: sink.url, MAIL_FROM: 'Accord <no-reply@accord.test>' },
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
    await sink.close();
  });

  it('is off by default, and validated when turned on', async () => {
    const settings = await server.api<{ email: string | null }>(
      'GET',
      '/api/notification-settings',
      undefined,
      ana.token,
    );
    expect(settings.body).toEqual({
      email: null,
      verified: false,
      delivery: 'immediate',
      timeZone: null,
      mailEnabled: true,
    });
    const bad = await server.api('PUT', '/api/notification-settings', { email: 'not an address' }, ana.token);
    expect(bad.status).toBe(400);
    const set = await server.api('PUT', '/api/notification-settings', { email: 'ana@delegation.test' }, ana.token);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ email: 'ana@delegation.test', verified: false });
    // The confirmation link, then confirmed: mail may go there from now on.
    await until(() => inbox.length === 1, 'the confirmation mail');
    const token = linkSecret(inbox[0] as SunkMail);
    const confirmed = await server.api('POST', '/api/notification-settings/confirm', { token }, ana.token);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ email: 'ana@delegation.test', verified: true });
    inbox.length = 0;
  });

  it('mails the event, the paragraph number and a link, in the reader’s language, and nothing confidential', async () => {
    await server.accord.store.users.setLanguage(ana.userId, 'fr');
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

/**
 * Addresses are confirmed before any notification mail goes there: the confirmation link is the
 * only mail an unconfirmed address gets, and the link works once, in time, for its own account,
 * while the address is still the one set. Attackers: another member with a token of their own,
 * a forged token, a replay, a stale link, and someone who sets their victim's address.
 */
describe('notification addresses are confirmed first', () => {
  const clock = new TestClock();
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let server: TestServer;
  let docId: string;
  let chairClient: RawClient;
  let chair: Person;
  let ana: Person;
  let mallory: Person;
  const settings = (body: unknown, who: Person) =>
    server.api<{ verified: boolean; error?: { details?: { reason?: string } } }>(
      'PUT',
      '/api/notification-settings',
      body,
      who.token,
    );
  const confirm = (token: string, who: Person) =>
    server.api<{ verified: boolean; error?: { details?: { reason?: string } } }>(
      'POST',
      '/api/notification-settings/confirm',
      { token },
      who.token,
    );
  const mailTo = (address: string) => sink.inbox.filter((m) => m.to.includes(address));
  const objectAndAnswer = async (paragraphId: string) => {
    const o = await server.api<{ id: string }>(
      'POST',
      `/api/documents/${docId}/paragraphs/${paragraphId}/objections`,
      { reason: 'secret reason' },
      ana.token,
    );
    expect(o.status).toBe(201);
    expect(
      (
        await server.api(
          'POST',
          `/api/documents/${docId}/objections/${o.body.id}/answer`,
          { text: 'secret answer' },
          chair.token,
        )
      ).status,
    ).toBe(200);
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startTestServer({ env: { SMTP_URL: sink.url }, clock: clock.now });
    ({ docId, chair: chairClient } = await silenceDraft(server));
    chair = await server.addPerson(docId, 'chair', 'Chair Person');
    ana = await server.addPerson(docId, 'member', 'Ana Souza');
    mallory = await server.addPerson(docId, 'member', 'Mallory');
  });
  afterAll(async () => {
    chairClient.close();
    await server.stop();
    removeDir(server.dataDir);
    await sink.close();
  });

  it('sends an unconfirmed address only its link; refuses forged, foreign, stale and reused links', async () => {
    expect((await settings({ email: 'ana@delegation.test' }, ana)).body.verified).toBe(false);
    await until(() => mailTo('ana@delegation.test').length === 1, 'the link');
    const anaLink = linkSecret(mailTo('ana@delegation.test')[0] as SunkMail);
    // Events while unconfirmed: nothing but the link reaches the address.
    await objectAndAnswer('a1');
    await server.accord.notifier.idle();
    expect(mailTo('ana@delegation.test')).toHaveLength(1);
    expect(mailTo('ana@delegation.test')[0]?.mail.subject).toBe('Accord: confirm your e-mail address');

    // Mallory asks for mail at an address of her own, then tries Ana's link, a forged one, her own for Ana.
    expect((await settings({ email: 'mallory@evil.test' }, mallory)).status).toBe(200);
    await until(() => mailTo('mallory@evil.test').length === 1, 'Mallory’s link');
    const malloryLink = linkSecret(mailTo('mallory@evil.test')[0] as SunkMail);
    const forged = anaLink.slice(0, -4) + (anaLink.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const [token, who] of [
      [anaLink, mallory],
      [forged, ana],
      [malloryLink, ana],
      ['x'.repeat(43), ana],
    ] as const) {
      const res = await confirm(token, who);
      expect(res.status).toBe(400);
      expect(res.body.error?.details?.reason).toBe('link_invalid');
    }
    // Mallory's attempt used nothing up: Ana's link still works, once.
    expect((await confirm(anaLink, ana)).body.verified).toBe(true);
    expect((await confirm(anaLink, ana)).status).toBe(400);
    await objectAndAnswer('a2');
    await until(() => mailTo('ana@delegation.test').length === 2, 'the first notification mail');

    // A link past its 24 hours is refused, and the address stays unconfirmed.
    clock.advance(61_000);
    expect((await settings({ email: 'ana@capital.test' }, ana)).body.verified).toBe(false);
    await until(() => mailTo('ana@capital.test').length === 1, 'the second link');
    clock.advance(24 * 3_600_000 + 1);
    expect((await confirm(linkSecret(mailTo('ana@capital.test')[0] as SunkMail), ana)).status).toBe(400);
    expect(
      (await server.api<{ verified: boolean }>('GET', '/api/notification-settings', undefined, ana.token)).body
        .verified,
    ).toBe(false);
    // Within a minute, no second link (a mailbox cannot be flooded through the settings).
    expect((await settings({ email: 'ana@capital.test' }, ana)).status).toBe(200);
    expect((await settings({ email: 'ana@capital.test' }, ana)).status).toBe(429);
  });

  it('lets no one confirm someone else’s address: a link sent for another account does not work for the owner either', async () => {
    clock.advance(61_000);
    // Mallory sets the victim's address as hers: the victim gets a link, which is Mallory's.
    expect((await settings({ email: 'victim@delegation.test' }, mallory)).status).toBe(200);
    await until(() => mailTo('victim@delegation.test').length === 1, 'the link to the victim');
    const link = linkSecret(mailTo('victim@delegation.test')[0] as SunkMail);
    const res = await confirm(link, ana);
    expect(res.status).toBe(400);
    // Mallory cannot confirm it without the link: the address stays unconfirmed, and gets nothing more.
    const hers = await server.api<{ verified: boolean }>('GET', '/api/notification-settings', undefined, mallory.token);
    expect(hers.body.verified).toBe(false);
    const o = await server.api<{ id: string }>(
      'POST',
      `/api/documents/${docId}/paragraphs/a3/objections`,
      { reason: 'r' },
      mallory.token,
    );
    await server.api('POST', `/api/documents/${docId}/objections/${o.body.id}/answer`, { text: 'a' }, chair.token);
    await server.accord.notifier.idle();
    expect(mailTo('victim@delegation.test')).toHaveLength(1);
  });
});

/**
 * The daily digest from the jobs table, on a clock the test moves: at 07:00 in each person's
 * zone, each unread notification once, in their language, with nothing private; two pollers at
 * once send it once; a person who switched back to immediate mail gets no digest.
 */
describe('daily digest', () => {
  const clock = new TestClock(Date.parse('2026-03-05T10:00:00Z'));
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let server: TestServer;
  let docId: string;
  let chairClient: RawClient;
  let chair: Person;
  let ana: Person;
  let kofi: Person;
  const mailTo = (address: string) => sink.inbox.filter((m) => m.to.includes(address));
  const confirmed = async (who: Person, email: string, body: Record<string, unknown>) => {
    expect((await server.api('PUT', '/api/notification-settings', { email, ...body }, who.token)).status).toBe(200);
    await until(() => mailTo(email).length === 1, 'the link');
    const token = linkSecret(mailTo(email)[0] as SunkMail);
    expect((await server.api('POST', '/api/notification-settings/confirm', { token }, who.token)).status).toBe(200);
  };
  const doc = (path: string, body: unknown, who: Person) =>
    server.api<{ id: string }>('POST', `/api/documents/${docId}${path}`, body, who.token);

  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startTestServer({ env: { SMTP_URL: sink.url, DIGEST_POLL_MS: 3_600_000 }, clock: clock.now });
    ({ docId, chair: chairClient } = await silenceDraft(server));
    chair = await server.addPerson(docId, 'chair', 'Chair Person');
    ana = await server.addPerson(docId, 'member', 'Ana Souza');
    kofi = await server.addPerson(docId, 'member', 'Kofi Otieno');
  });
  afterAll(async () => {
    chairClient.close();
    await server.stop();
    removeDir(server.dataDir);
    await sink.close();
  });

  it('mails each unread notification once, at 07:00 in the person’s zone, in their language, and nothing private', async () => {
    await server.accord.store.users.setLanguage(ana.userId, 'es');
    // Ana in Tokyo (07:00 there is 22:00 UTC); Kofi wants each one at once.
    await confirmed(ana, 'ana@delegation.test', { delivery: 'digest', timeZone: 'Asia/Tokyo' });
    await confirmed(kofi, 'kofi@delegation.test', { delivery: 'immediate' });
    const [o1, o2] = await Promise.all([
      doc('/paragraphs/a1/objections', { reason: 'Ana private reason' }, ana),
      doc('/paragraphs/a2/objections', { reason: 'Another private reason' }, ana),
    ]);
    await doc(`/objections/${o1.body.id}/answer`, { text: 'Private answer one' }, chair);
    await doc(`/objections/${o2.body.id}/answer`, { text: 'Private answer two' }, chair);
    await doc('/revisions', { note: 'Confidential note' }, chair);
    await server.accord.notifier.idle();
    // Ana reads one of them in the app: it stays out of the digest.
    const list = await server.api<{ items: Array<{ id: string; kind: string; paragraphId: string | null }> }>(
      'GET',
      '/api/notifications',
      undefined,
      ana.token,
    );
    const read = list.body.items.find((n) => n.kind === 'objection_answered' && n.paragraphId === 'a2');
    expect(read).toBeDefined();
    await server.api('POST', `/api/notifications/${read?.id}/read`, undefined, ana.token);
    expect(mailTo('ana@delegation.test')).toHaveLength(1); // the link only: digests are not immediate

    // One millisecond before 07:00 in Tokyo: nothing; at 07:00, two pollers at once: one digest.
    clock.set(Date.parse('2026-03-05T21:59:59.999Z'));
    expect(await server.accord.digests.runDue()).toBe(0);
    clock.set(Date.parse('2026-03-05T22:00:00Z'));
    const [a, b] = await Promise.all([server.accord.digests.runDue(), server.accord.digests.runDue()]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    await until(() => mailTo('ana@delegation.test').length === 2, 'the digest');
    expect(await server.accord.digests.runDue()).toBe(0);
    const digest = mailTo('ana@delegation.test')[1]?.mail;
    expect(digest?.subject).toBe('Accord: su resumen diario (2 notificaciones)');
    const text = digest?.text ?? '';
    const lines = text.split('\n').filter((l) => l.startsWith('- '));
    expect(lines).toHaveLength(2);
    expect(lines.filter((l) => l.includes('Se ha publicado'))).toHaveLength(1);
    expect(lines.some((l) => l.includes('Borrador cero'))).toBe(true);
    expect(text).toContain(`${server.accord.services.config.PUBLIC_URL}/d/${docId}#a1`);
    expect(text).not.toContain(`#a2`);
    const whole = `${digest?.subject}\n${text}\n${digest?.html || ''}`;
    for (const secret of [
      'Silence draft',
      'First a.',
      'Ana private reason',
      'Private answer one',
      'Confidential note',
      'Chair Person',
    ]) {
      expect(whole).not.toContain(secret);
    }
    // Kofi wants each one at once: his link, then the revision (the one event that concerns him), at once.
    expect(mailTo('kofi@delegation.test').map((m) => m.mail.subject)).toEqual([
      'Accord: confirm your e-mail address',
      'Accord: Zero draft was issued',
    ]);

    // The next day: only what is new since.
    clock.set(Date.parse('2026-03-06T09:00:00Z'));
    const o3 = await doc('/paragraphs/a3/objections', { reason: 'third' }, ana);
    await doc(`/objections/${o3.body.id}/answer`, { text: 'answered' }, chair);
    await server.accord.notifier.idle();
    clock.set(Date.parse('2026-03-06T22:00:00Z'));
    await server.accord.digests.runDue();
    await until(() => mailTo('ana@delegation.test').length === 3, 'the second digest');
    const second = (mailTo('ana@delegation.test')[2]?.mail.text ?? '').split('\n').filter((l) => l.startsWith('- '));
    expect(second).toHaveLength(1);
    expect(mailTo('ana@delegation.test')[2]?.mail.text).toContain('#a3');

    // Back to immediate mail: the digest job ends, nothing more at 07:00.
    expect(
      (
        await server.api(
          'PUT',
          '/api/notification-settings',
          { email: 'ana@delegation.test', delivery: 'immediate' },
          ana.token,
        )
      ).status,
    ).toBe(200);
    clock.set(Date.parse('2026-03-07T22:00:00Z'));
    expect(await server.accord.digests.runDue()).toBe(0);
    expect(mailTo('ana@delegation.test')).toHaveLength(3);
    const jobs = await server.accord.store.jobs.pending(null);
    expect(jobs.filter((j) => j.kind === 'notification.digest')).toEqual([]);
  });
});
