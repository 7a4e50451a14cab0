import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposerLabel } from '../../shared/model/bracketRules.js';
import type { Bracket } from '../../shared/model/draft.js';
import { overlappingMarkKey } from '../../shared/model/markKeys.js';
import type { AccordNotification, NotificationKind } from '../../shared/model/notifications.js';
import { numberDraft } from '../../shared/model/numbering.js';
import { readDraft } from '../../shared/model/readDraft.js';
import { bracketAttrs } from '../../shared/model/writeDraft.js';
import { clauseById, firstSection, indexOfClause, newClause, sendEdit, textOf } from '../support/editing.js';
import { RawClient } from '../support/rawClient.js';
import { type Person, silenceDraft, until } from '../support/silenceDraft.js';
import { removeDir, startTestServer, type TestServer } from '../support/testServer.js';

interface Page {
  items: AccordNotification[];
  unread: number;
  next: string | null;
}

/**
 * Notifications derived from governance events, over the real server (HTTP, SQLite, the room):
 * two members and a chair acting at once, then an attacker trying to read or mark someone
 * else's notifications.
 */
describe('notifications', () => {
  let server: TestServer;
  let docId: string;
  let chairClient: RawClient;
  let chair: Person;
  let ana: Person;
  let kofi: Person;
  let observer: Person;
  let mallory: Person;

  const doc = (path: string, body: unknown, who: Person) =>
    server.api<{ id: string; error?: unknown }>('POST', `/api/documents/${docId}${path}`, body, who.token);
  const mine = async (who: Person, query = '') => {
    const res = await server.api<Page>('GET', `/api/notifications${query}`, undefined, who.token);
    expect(res.status).toBe(200);
    return res.body;
  };
  const kinds = (page: Page) => page.items.map((n) => n.kind).sort();
  const numberOf = async (paragraphId: string) => {
    const room = await server.accord.services.rooms.get(docId);
    return numberDraft(readDraft(room.doc.getXmlFragment('default'))).get(paragraphId)?.number ?? null;
  };
  const ok = <R extends { status: number; body: unknown }>(res: R, status = 200): R => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res;
  };

  beforeAll(async () => {
    server = await startTestServer();
    ({ docId, chair: chairClient } = await silenceDraft(server));
    chair = await server.addPerson(docId, 'chair', 'Chair Person');
    ana = await server.addPerson(docId, 'member', 'Ana Souza');
    kofi = await server.addPerson(docId, 'member', 'Kofi Otieno');
    observer = await server.addPerson(docId, 'observer', 'Mei Tanaka');
    // A member of another draft only: signed in, but concerned by nothing here.
    const other = await server.createDoc('Other draft');
    mallory = await server.addPerson(other, 'member', 'Mallory');
  });
  afterAll(async () => {
    chairClient.close();
    await server.stop();
    removeDir(server.dataDir);
  });

  it('tells each person what concerns them, and nobody about their own acts', async () => {
    // Both members at once: objections, a proposal, a flag.
    const [anaObjection, kofiObjection, proposal] = await Promise.all([
      doc('/paragraphs/a1/objections', { reason: 'Ana objects to a1' }, ana),
      doc('/paragraphs/a2/objections', { reason: 'Kofi objects to a2' }, kofi),
      doc('/paragraphs/a3/proposals', { kind: 'addParagraph', text: 'A new paragraph.' }, kofi),
      doc('/floor/flags', { paragraphId: 'a1' }, ana),
    ]).then((r) => r.map((x) => ok(x, 201).body.id));

    // The chair decides while the members keep acting.
    await Promise.all([
      doc(`/objections/${anaObjection}/answer`, { text: 'Answered, see Rev.1' }, chair).then((r) => ok(r)),
      doc(`/proposals/${proposal}/reject`, { reason: 'Not now' }, chair).then((r) => ok(r)),
      doc('/floor/give', {}, chair).then((r) => ok(r)),
      doc(`/objections/${kofiObjection}/withdraw`, {}, kofi).then((r) => ok(r)),
      doc('/paragraphs/b1/objections', { reason: 'Ana on b1' }, ana).then((r) => ok(r, 201)),
    ]);
    ok(await doc('/paragraphs/a2/status', { status: 'agreed' }, chair));
    ok(await doc('/paragraphs/a2/lock', {}, chair));
    ok(await doc('/revisions', { note: 'Rev note' }, chair), 201);

    const [forAna, forKofi, forChair, forObserver] = await Promise.all([
      mine(ana),
      mine(kofi),
      mine(chair),
      mine(observer),
    ]);
    expect(kinds(forAna)).toEqual<NotificationKind[]>(['floor_given', 'objection_answered', 'revision_issued']);
    expect(kinds(forKofi)).toEqual<NotificationKind[]>([
      'objected_agreed',
      'objected_locked',
      'proposal_rejected',
      'revision_issued',
    ]);
    expect(forChair.items).toEqual([]);
    expect(kinds(forObserver)).toEqual<NotificationKind[]>(['revision_issued']);
    expect(forAna.unread).toBe(3);

    const answered = forAna.items.find((n) => n.kind === 'objection_answered');
    expect(answered).toMatchObject({
      docId,
      docTitle: 'Silence draft',
      paragraphId: 'a1',
      paragraphNumber: await numberOf('a1'),
      actorName: 'Chair Person',
      readAt: null,
    });
    expect(forKofi.items.find((n) => n.kind === 'proposal_rejected')?.paragraphId).toBe('a3');
    expect(forKofi.items.find((n) => n.kind === 'objected_locked')?.paragraphNumber).toBe(await numberOf('a2'));
    expect(forObserver.items[0]).toMatchObject({ kind: 'revision_issued', label: 'Zero draft', paragraphId: null });
    // Newest first.
    const times = forKofi.items.map((n) => n.createdAt);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // Nothing but ids, numbers and labels: no reasons, answers, notes or draft text.
    const serialised = JSON.stringify([forAna, forKofi, forObserver]);
    for (const secret of ['Ana objects', 'Answered, see', 'Not now', 'Rev note', 'A new paragraph', 'First a.']) {
      expect(serialised).not.toContain(secret);
    }
  });

  it('pages newest first and marks one or all read', async () => {
    const first = await mine(kofi, '?limit=3');
    expect(first.items).toHaveLength(3);
    expect(first.next).not.toBeNull();
    const rest = await mine(kofi, `?limit=3&before=${encodeURIComponent(first.next ?? '')}`);
    expect(rest.items).toHaveLength(1);
    expect(rest.next).toBeNull();
    const all = [...first.items, ...rest.items];
    expect(new Set(all.map((n) => n.id)).size).toBe(4);

    const one = all[0] as AccordNotification;
    ok(await server.api('POST', `/api/notifications/${one.id}/read`, undefined, kofi.token));
    expect((await mine(kofi)).unread).toBe(3);
    // Marking again is harmless.
    ok(await server.api('POST', `/api/notifications/${one.id}/read`, undefined, kofi.token));
    expect(ok(await server.api('POST', '/api/notifications/read-all', undefined, kofi.token)).body).toEqual({
      marked: 3,
    });
    const after = await mine(kofi);
    expect(after.unread).toBe(0);
    expect(after.items.every((n) => n.readAt !== null)).toBe(true);
  });

  it('never lets anyone read or mark another person’s notifications', async () => {
    const anas = await mine(ana);
    expect(anas.unread).toBeGreaterThan(0);
    const target = anas.items[0] as AccordNotification;

    // Mallory (signed in, another draft), Kofi (same draft), the observer: none of them can.
    for (const attacker of [mallory, kofi, observer]) {
      const list = await mine(attacker);
      expect(list.items.some((n) => anas.items.some((a) => a.id === n.id))).toBe(false);
      const mark = await server.api<{ error: { code: string } }>(
        'POST',
        `/api/notifications/${target.id}/read`,
        undefined,
        attacker.token,
      );
      expect(mark.status).toBe(404);
      // Same answer as for an id that does not exist: nothing is confirmed.
      const ghost = await server.api('POST', '/api/notifications/no-such-id/read', undefined, attacker.token);
      expect(ghost.status).toBe(404);
      ok(await server.api('POST', '/api/notifications/read-all', undefined, attacker.token));
    }
    // Crafted queries name nobody: there is no parameter for whose list it is.
    const crafted = await server.api<Page>(
      'GET',
      `/api/notifications?userId=${ana.userId}&user=${ana.userId}`,
      undefined,
      mallory.token,
    );
    expect(crafted.body.items).toEqual([]);
    const bad = await server.api(
      'GET',
      '/api/notifications?before=%27%20OR%201%3D1--&limit=100',
      undefined,
      mallory.token,
    );
    expect(bad.status).toBe(200);
    expect((bad.body as Page).items).toEqual([]);
    // Without credentials: 401.
    const anonymous = await fetch(`${server.accord.services.config.PUBLIC_URL.replace(/\/$/, '')}/api/notifications`);
    expect(anonymous.status).toBe(401);

    const still = await mine(ana);
    expect(still.unread).toBe(anas.unread);
    expect(still.items.find((n) => n.id === target.id)?.readAt).toBeNull();
  });

  it('stops listing a draft’s notifications to someone removed from it', async () => {
    expect((await mine(observer)).items).toHaveLength(1);
    await server.accord.store.memberships.remove(docId, observer.userId);
    const after = await mine(observer);
    expect(after.items).toEqual([]);
    expect(after.unread).toBe(0);
  });

  it('tells everyone on the draft about a silence started, broken and ended', async () => {
    const deadline = new Date(Date.now() + 3_600_000).toISOString();
    const started = ok(
      await doc('/silences', { scope: { kind: 'paragraphs', paragraphIds: ['b2', 'b3'] }, deadline }, chair),
      201,
    );
    const silenceId = (started.body as { id: string }).id;
    ok(await doc('/paragraphs/b2/break-silence', { reason: 'Kofi breaks' }, kofi), 201);
    ok(await doc(`/silences/${silenceId}/end`, { reason: 'Ended' }, chair));
    const count = (page: Page, kind: NotificationKind) => page.items.filter((n) => n.kind === kind).length;
    await until(async () => count(await mine(ana), 'silence_ended') === 1, 'the end to be notified');
    const [forAna, forKofi, forChair] = await Promise.all([mine(ana), mine(kofi), mine(chair)]);
    expect([count(forAna, 'silence_started'), count(forAna, 'silence_broken'), count(forAna, 'silence_ended')]).toEqual(
      [1, 1, 1],
    );
    expect(forAna.items.find((n) => n.kind === 'silence_broken')?.paragraphId).toBe('b2');
    expect(forAna.items.find((n) => n.kind === 'silence_started')?.paragraphId).toBe('b2');
    // Kofi broke it himself; the chair started and ended it.
    expect([
      count(forKofi, 'silence_started'),
      count(forKofi, 'silence_broken'),
      count(forKofi, 'silence_ended'),
    ]).toEqual([1, 0, 1]);
    expect([
      count(forChair, 'silence_started'),
      count(forChair, 'silence_broken'),
      count(forChair, 'silence_ended'),
    ]).toEqual([0, 1, 0]);
  });

  it('tells a proposer their bracket was removed or their alternative resolved by the chair, and everyone of an extension', async () => {
    const bracketOf = (p: Person, group: string | null): Bracket => ({
      id: `br-${p.userId.slice(0, 6)}-${group ?? 'plain'}`,
      by: p.userId,
      byName: proposerLabel(p),
      at: Date.now(),
      group,
    });
    const mark = (b: Bracket, on = true) => {
      const attrs = bracketAttrs(b);
      return { [overlappingMarkKey('bracket', attrs)]: on ? attrs : null };
    };
    const url = (p: Person) => `${server.wsUrl}/${docId}?token=${p.token}`;
    const [anaWire, kofiWire] = await Promise.all([RawClient.synced(url(ana)), RawClient.synced(url(kofi))]);
    const chairWire = await RawClient.synced(url(chair));
    // Paragraphs of their own (the earlier cases locked and objected to the others).
    sendEdit(chairWire, () => {
      const first = firstSection(chairWire.doc);
      first.insert(first.length, [
        newClause('n1', 'First n.'),
        newClause('n2', 'Second n.'),
        newClause('n3', 'Third n.'),
        newClause('n4', 'Fourth n.'),
      ]);
    });
    await until(() => [anaWire, kofiWire].every((c) => indexOfClause(c.doc, 'n4') >= 0), 'the new paragraphs');
    try {
      // Ana brackets "First" in n1 and "n." in n2; Kofi proposes an option before "Third" in n3 — at once.
      const anaPlain = bracketOf(ana, null);
      const anaOwn = { ...bracketOf(ana, null), id: `${anaPlain.id}-own` };
      const kofiOption = bracketOf(kofi, 'g-kofi');
      sendEdit(anaWire, () => {
        textOf(clauseById(anaWire.doc, 'n1')).format(0, 5, mark(anaPlain));
        textOf(clauseById(anaWire.doc, 'n2')).format(7, 2, mark(anaOwn));
      });
      sendEdit(kofiWire, () => textOf(clauseById(kofiWire.doc, 'n3')).insert(0, 'Other ', mark(kofiOption)));
      await chairWire.until(
        () =>
          ['n1', 'n2', 'n3'].every((id) =>
            JSON.stringify(textOf(clauseById(chairWire.doc, id)).toDelta()).includes('br-'),
          ),
        'the chair to see both brackets',
      );
      // The chair removes Ana's bracket and resolves Kofi's option (keeping the text); Ana withdraws her own.
      sendEdit(chairWire, () => {
        textOf(clauseById(chairWire.doc, 'n1')).format(0, 5, mark(anaPlain, false));
        textOf(clauseById(chairWire.doc, 'n3')).delete(0, 6);
      });
      sendEdit(anaWire, () => textOf(clauseById(anaWire.doc, 'n2')).format(7, 2, mark(anaOwn, false)));
      const audit = async () => (await server.accord.store.audit.list(docId)).map((e) => e.action);
      await until(
        async () => (await audit()).filter((a) => a === 'bracket.remove' || a === 'alternative.resolve').length === 3,
        'the removals to be recorded',
      );
      expect(anaWire.notices).toEqual([]);
      expect(chairWire.notices).toEqual([]);
      const [n1, n3] = [await numberOf('n1'), await numberOf('n3')];
      await until(async () => (await mine(kofi)).items.some((n) => n.kind === 'alternative_resolved'), 'Kofi told');
      const forAna = (await mine(ana)).items.filter((n) => n.kind === 'bracket_resolved');
      // Told once, of the chair's removal, not of her own withdrawal.
      expect(forAna.map((n) => [n.paragraphId, n.paragraphNumber, n.actorName])).toEqual([['n1', n1, 'Chair Person']]);
      const forKofi = (await mine(kofi)).items.filter((n) => n.kind === 'alternative_resolved');
      expect(forKofi.map((n) => [n.paragraphId, n.paragraphNumber])).toEqual([['n3', n3]]);
      for (const who of [kofi, chair]) {
        expect((await mine(who)).items.some((n) => n.kind === 'bracket_resolved')).toBe(false);
      }
      expect((await mine(ana)).items.some((n) => n.kind === 'alternative_resolved')).toBe(false);
    } finally {
      for (const c of [anaWire, kofiWire, chairWire]) c.close();
    }

    // An extension: everyone but the chair, with the new deadline as the label.
    const deadline = Date.now() + 3_600_000;
    const started = ok(
      await doc(
        '/silences',
        { scope: { kind: 'paragraphs', paragraphIds: ['n4'] }, deadline: new Date(deadline).toISOString() },
        chair,
      ),
      201,
    );
    const to = new Date(deadline + 86_400_000).toISOString();
    ok(await doc(`/silences/${(started.body as { id: string }).id}/extend`, { deadline: to }, chair));
    await until(async () => (await mine(ana)).items.some((n) => n.kind === 'silence_extended'), 'the extension');
    for (const who of [ana, kofi]) {
      expect((await mine(who)).items.filter((n) => n.kind === 'silence_extended').map((n) => n.label)).toEqual([to]);
    }
    expect((await mine(chair)).items.some((n) => n.kind === 'silence_extended')).toBe(false);
  });
});
