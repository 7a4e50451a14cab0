import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSyncUpdate } from '../../shared/protocol/frames.js';
import { decodeNotice } from '../../shared/protocol/notice.js';
import { craftUpdate, lastCharId } from '../support/craftUpdate.js';
import { newClause, sendEdit, textOf } from '../support/editing.js';
import { RawClient } from '../support/rawClient.js';
import {
  clockAt,
  expectRule,
  newSection,
  type Person,
  serverState,
  silenceApi,
  silenceDraft,
  until,
} from '../support/silenceDraft.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

function clauseIn(doc: Y.Doc, id: string): Y.XmlElement {
  for (const s of doc.getXmlFragment('default').toArray()) {
    if (!(s instanceof Y.XmlElement)) continue;
    for (const c of s.toArray()) if (c instanceof Y.XmlElement && c.getAttribute('id') === id) return c;
  }
  throw new Error(`no clause ${id}`);
}

function hasClause(doc: Y.Doc, id: string): boolean {
  return doc
    .getXmlFragment('default')
    .toArray()
    .some(
      (s) =>
        s instanceof Y.XmlElement && s.toArray().some((c) => c instanceof Y.XmlElement && c.getAttribute('id') === id),
    );
}

function sectionIn(doc: Y.Doc, id: string): { index: number; el: Y.XmlElement } {
  const all = doc.getXmlFragment('default').toArray();
  const index = all.findIndex((s) => s instanceof Y.XmlElement && s.getAttribute('id') === id);
  return { index, el: all[index] as Y.XmlElement };
}

/**
 * The silence procedure over the real server: HTTP commands, raw WebSocket clients, SQLite.
 * Every case checks what the server holds, what others received and the audit log.
 */
describe('silence procedure', () => {
  let server: TestServer;
  let docId: string;
  let chair: RawClient;
  let brazil: Person;
  let kenya: Person;
  let observer: Person;
  let api: ReturnType<typeof silenceApi>;
  const clients: RawClient[] = [];
  const join = async (token: string) => {
    const c = await RawClient.synced(`${server.wsUrl}/${docId}?token=${token}`);
    clients.push(c);
    return c;
  };
  const auditOf = async (action: string) =>
    (await server.accord.store.audit.list(docId)).filter((e) => e.action === action);

  beforeEach(async () => {
    server = await startTestServer({ env: { DEADLINE_POLL_MS: 100 } });
    ({ docId, chair } = await silenceDraft(server));
    clients.push(chair);
    brazil = await server.addPerson(docId, 'member', 'Ana Souza');
    kenya = await server.addPerson(docId, 'member', 'Kofi Otieno');
    observer = await server.addPerson(docId, 'observer', 'Mei Tanaka');
    api = silenceApi(server, docId);
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.stop();
    removeDir(server.dataDir);
  });

  it('freezes the paragraphs of a section for everyone over the raw wire, a modified client and the chair included', async () => {
    const started = await api.start({
      scope: { kind: 'section', sectionId: 's-b' },
      deadline: new Date(Date.now() + 60_000).toISOString(),
      note: 'Circulated for adoption',
    });
    expect(started.status).toBe(201);
    expect(started.body.paragraphIds).toEqual(['b1', 'b2', 'b3']);
    const member = await join(brazil.token);
    const witness = await join(ADMIN_TOKEN);
    const room = await server.accord.services.rooms.get(docId);
    const before = Y.encodeStateVector(room.doc);

    // An honest client typing into a frozen paragraph.
    sendEdit(member, () => textOf(clauseIn(member.doc, 'b2')).insert(0, 'Not '));
    await member.until(() => member.notices.length === 1, 'refusal');
    expect(decodeNotice(member.notices[0] as string)).toMatchObject({
      code: 'paragraph_silenced',
      paragraphIds: ['b2'],
    });
    // A modified client deleting the whole section (the frozen paragraphs with it).
    const member2 = await join(kenya.token);
    sendEdit(member2, () => {
      const { index } = sectionIn(member2.doc, 's-b');
      member2.doc.getXmlFragment('default').delete(index, 1);
    });
    await member2.until(() => member2.notices.length === 1, 'refusal');
    expect(decodeNotice(member2.notices[0] as string)?.code).toBe('paragraph_silenced');
    // The chair is bound by the silence too.
    sendEdit(chair, () => textOf(clauseIn(chair.doc, 'b1')).insert(0, 'Chair: '));
    await chair.until(() => chair.notices.length === 1, 'refusal');
    expect(decodeNotice(chair.notices[0] as string)?.code).toBe('paragraph_silenced');
    // Text outside the silence stays editable (from a fresh session, as the editor starts one after
    // a refusal), and that edit reaches the witness.
    const fresh = await join(brazil.token);
    sendEdit(fresh, () => textOf(clauseIn(fresh.doc, 'a1')).insert(0, 'Indeed, '));
    await witness.until(() => textOf(clauseIn(witness.doc, 'a1')).toString().startsWith('Indeed, '), 'open edit');

    expect(textOf(clauseIn(room.doc, 'b2')).toString()).toBe('Second b.');
    expect(sectionIn(room.doc, 's-b').index).toBeGreaterThan(0);
    expect(textOf(clauseIn(witness.doc, 'b1')).toString()).toBe('First b.');
    // Only the accepted edit was stored (plus nothing from the refused ones).
    const diff = Y.decodeUpdate(Y.encodeStateAsUpdate(room.doc, before));
    const refusedClients = new Set([member.doc.clientID, member2.doc.clientID, chair.doc.clientID]);
    expect(diff.structs.every((s) => !refusedClients.has(s.id.client))).toBe(true);

    // Proposals, statuses and objections on frozen paragraphs are refused too.
    expectRule(
      await api.call('POST', '/paragraphs/b1/proposals', { kind: 'insert', from: 0, to: 0, text: 'X ' }, brazil),
      'under_silence',
    );
    expectRule(await api.call('POST', '/paragraphs/b1/status', { status: 'agreed' }), 'under_silence');
    expectRule(await api.call('POST', '/paragraphs/b1/objections', { reason: 'No' }, brazil), 'under_silence');
  });

  it('refuses hand-crafted updates into a frozen paragraph: an insert after its last character, a bare delete set', async () => {
    const started = await api.start({
      scope: { kind: 'paragraphs', paragraphIds: ['b2'] },
      deadline: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(started.status).toBe(201);
    const attacker = await join(brazil.token);
    const witness = await join(ADMIN_TOKEN);
    const room = await server.accord.services.rooms.get(docId);
    const end = lastCharId(textOf(clauseIn(room.doc, 'b2')));
    // What a modified client sends: structs written by hand, not by an editor that knows the freeze.
    attacker.send(
      encodeSyncUpdate(craftUpdate([{ client: 0x5117, clock: 0, origin: end, content: new Y.ContentString(' not') }])),
    );
    await attacker.until(() => attacker.notices.length === 1, 'refusal of the insert');
    expect(decodeNotice(attacker.notices[0] as string)).toMatchObject({
      code: 'paragraph_silenced',
      paragraphIds: ['b2'],
    });
    attacker.send(encodeSyncUpdate(craftUpdate([], [{ client: end.client, clock: end.clock, len: 1 }])));
    await attacker.until(() => attacker.notices.length === 2, 'refusal of the deletion');
    expect(decodeNotice(attacker.notices[1] as string)?.code).toBe('paragraph_silenced');
    // An edit elsewhere from a fresh session lands, so the refused ones were really not applied.
    const fresh = await join(kenya.token);
    sendEdit(fresh, () => textOf(clauseIn(fresh.doc, 'b3')).insert(0, 'Also '));
    await witness.until(() => textOf(clauseIn(witness.doc, 'b3')).toString().startsWith('Also '), 'open edit');
    expect(textOf(clauseIn(room.doc, 'b2')).toString()).toBe('Second b.');
    expect(textOf(clauseIn(witness.doc, 'b2')).toString()).toBe('Second b.');
  });

  it('closes a section under silence to new paragraphs (and a draft under silence to new ones anywhere), for the chair too', async () => {
    const started = await api.start({
      scope: { kind: 'section', sectionId: 's-b' },
      deadline: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(started.status).toBe(201);
    const witness = await join(ADMIN_TOKEN);
    const room = await server.accord.services.rooms.get(docId);
    const refused = async (c: RawClient, n: number, what: string) => {
      await c.until(() => c.notices.length === n, what);
      expect(decodeNotice(c.notices[n - 1] as string)?.code, what).toBe('section_silenced');
    };
    // Three delegations at once: one appends a paragraph to the section, one slips one between
    // two frozen paragraphs, the chair adds one at its start.
    const [ana, kofi] = [await join(brazil.token), await join(kenya.token)];
    sendEdit(ana, () =>
      sectionIn(ana.doc, 's-b').el.insert(sectionIn(ana.doc, 's-b').el.length, [newClause('b4', 'New b.')]),
    );
    sendEdit(kofi, () => {
      const el = sectionIn(kofi.doc, 's-b').el;
      const at = el.toArray().findIndex((c) => c instanceof Y.XmlElement && c.getAttribute('id') === 'b2');
      el.insert(at, [newClause('b1bis', 'Between.')]);
    });
    sendEdit(chair, () => sectionIn(chair.doc, 's-b').el.insert(1, [newClause('b0', 'Chair first.')]));
    await Promise.all([refused(ana, 1, 'append'), refused(kofi, 1, 'between'), refused(chair, 1, 'the chair')]);
    // The other section and a new section stay open (from a fresh session, as the editor starts one).
    const fresh = await join(brazil.token);
    sendEdit(fresh, () => {
      const first = fresh.doc.getXmlFragment('default').get(0) as Y.XmlElement;
      first.insert(first.length, [newClause('a4', 'Open a.')]);
      const root = fresh.doc.getXmlFragment('default');
      root.insert(root.length, [newSection('s-c', 'Section C', [newClause('c1', 'Open c.')])]);
    });
    await witness.until(() => hasClause(witness.doc, 'a4') && hasClause(witness.doc, 'c1'), 'open additions');
    for (const id of ['b4', 'b1bis', 'b0']) {
      expect(hasClause(room.doc, id), id).toBe(false);
      expect(hasClause(witness.doc, id), id).toBe(false);
    }
    expect(sectionIn(room.doc, 's-b').el.length).toBe(4); // heading + b1..b3

    // Once the silence is over the section takes paragraphs again.
    expect((await api.end(started.body.id)).status).toBe(200);
    const after = await join(kenya.token);
    sendEdit(after, () =>
      sectionIn(after.doc, 's-b').el.insert(sectionIn(after.doc, 's-b').el.length, [newClause('b4', 'Later b.')]),
    );
    await witness.until(() => hasClause(witness.doc, 'b4'), 'addition after the silence');

    // A silence on the whole draft closes every section, a new one included.
    const whole = await api.start({ scope: { kind: 'draft' }, deadline: new Date(Date.now() + 60_000).toISOString() });
    expect(whole.status).toBe(201);
    const late = await join(kenya.token);
    sendEdit(late, () => {
      const root = late.doc.getXmlFragment('default');
      root.insert(root.length, [newSection('s-d', 'Section D', [newClause('d1', 'Sneaked in.')])]);
    });
    await refused(late, 1, 'a new section under a draft silence');
    expect(hasClause(room.doc, 'd1')).toBe(false);
  });

  it('lets only the chair start, extend or end a silence, whatever a member or observer sends; observers cannot break it', async () => {
    const body = { scope: { kind: 'draft' }, deadline: new Date(Date.now() + 60_000).toISOString(), role: 'chair' };
    for (const who of [brazil, observer]) {
      const res = await api.start(body, who);
      expect(res.status).toBe(403);
    }
    const started = await api.start({
      scope: { kind: 'paragraphs', paragraphIds: ['a1', 'b1'] },
      deadline: body.deadline,
    });
    expect(started.status).toBe(201);
    const sid = started.body.id;
    for (const who of [brazil, observer]) {
      expect((await api.extend(sid, Date.now() + 120_000, who)).status).toBe(403);
      expect((await api.end(sid, who, 'I am the chair')).status).toBe(403);
    }
    expect((await api.breakOn('a1', 'Observers object', observer)).status).toBe(403);
    const { silence } = await serverState(server, docId);
    expect(silence.silences[0]).toMatchObject({ state: 'running', deadline: Date.parse(body.deadline), breaks: [] });
    expect(Object.keys(silence.frozen).sort()).toEqual(['a1', 'b1']);
    expect(await auditOf('silence.start')).toHaveLength(1);
    expect(await auditOf('silence.extend')).toHaveLength(0);
    expect(await auditOf('silence.end')).toHaveLength(0);
  });

  it('leaves out of a draft or section what cannot be agreed, refuses it when chosen, and refuses paragraphs already under silence', async () => {
    expect((await api.call('POST', '/paragraphs/a2/objections', { reason: 'Too vague' }, kenya)).status).toBe(201);
    const deadline = new Date(Date.now() + 60_000).toISOString();
    const chosen = await api.start({ scope: { kind: 'paragraphs', paragraphIds: ['a1', 'a2'] }, deadline });
    expectRule(chosen, 'not_clean');
    expect((chosen.body.error?.details as { paragraphIds?: string[] } | undefined)?.paragraphIds).toEqual(['a2']);
    const whole = await api.start({ scope: { kind: 'draft' }, deadline });
    expect(whole.status).toBe(201);
    expect(whole.body.leftOut).toEqual(['a2']);
    expect(whole.body.paragraphIds).toEqual(expect.arrayContaining(['a1', 'a3', 'b1', 'b2', 'b3']));
    expect(whole.body.paragraphIds).not.toContain('a2');
    const { silence } = await serverState(server, docId);
    expect(silence.frozen.a2).toBeUndefined();
    expectRule(
      await api.start({ scope: { kind: 'paragraphs', paragraphIds: ['b3'] }, deadline }),
      'already_under_silence',
    );
    expect(
      (
        await api.start({
          scope: { kind: 'section', sectionId: 's-b' },
          deadline: new Date(Date.now() + 200).toISOString(),
        })
      ).status,
    ).toBe(400);
    expect(
      (await api.start({ scope: { kind: 'section', sectionId: 's-b' }, deadline: '2030-01-01T10:00:00' })).status,
    ).toBe(400);
  });

  it('records a break like an objection, attributed to person and delegation; the paragraph is under negotiation, the rest stays frozen', async () => {
    const started = await api.start({
      scope: { kind: 'section', sectionId: 's-b' },
      deadline: new Date(Date.now() + 60_000).toISOString(),
    });
    const res = await api.breakOn('b2', 'Capitals need more time', brazil);
    expect(res.status).toBe(201);
    const { silence, gov } = await serverState(server, docId);
    expect(gov.statuses.b2).toBe('under_negotiation');
    const objection = gov.objections.find((o) => o.id === res.body.id);
    expect(objection).toMatchObject({
      paragraphId: 'b2',
      state: 'standing',
      reason: 'Capitals need more time',
      silenceId: started.body.id,
      author: { id: brazil.userId, name: 'Ana Souza', affiliation: brazil.affiliation },
    });
    expect(objection?.author.delegation).toBeTruthy();
    expect(Object.keys(silence.frozen).sort()).toEqual(['b1', 'b3']);
    const [entry] = await auditOf('silence.break');
    expect(entry).toMatchObject({
      actor: brazil.userId,
      detail: { paragraphId: 'b2', delegation: objection?.author.delegation },
    });
    // The paragraph is open again: a member types into it.
    const member = await join(kenya.token);
    sendEdit(member, () => textOf(clauseIn(member.doc, 'b2')).insert(0, 'Revised: '));
    const room = await server.accord.services.rooms.get(docId);
    await until(
      () => textOf(clauseIn(room.doc, 'b2')).toString().startsWith('Revised: '),
      'edit of the broken paragraph',
    );
    // Silence on it is broken already: a second break is refused, an objection is the way.
    expectRule(await api.breakOn('b2', 'Me too', kenya), 'not_under_silence');
  });

  it('a break one second before the deadline counts; one second after is refused and the paragraph is agreed', async () => {
    const deadline = Date.now() + 2500;
    const started = await api.start({
      scope: { kind: 'paragraphs', paragraphIds: ['a1', 'a2', 'a3'] },
      deadline: new Date(deadline).toISOString(),
      lockOnExpiry: true,
    });
    expect(started.status).toBe(201);
    await clockAt(deadline - 1000);
    expect((await api.breakOn('a1', 'Not yet', brazil)).status).toBe(201);
    await clockAt(deadline + 1000);
    expectRule(await api.breakOn('a2', 'Too late', kenya), 'silence_over');
    await until(async () => (await serverState(server, docId)).silence.silences[0]?.state === 'expired', 'expiry');
    const { gov, silence } = await serverState(server, docId);
    expect(gov.statuses).toMatchObject({ a1: 'under_negotiation', a2: 'agreed', a3: 'agreed' });
    expect(Object.keys(gov.locks).sort()).toEqual(['a2', 'a3']);
    expect(gov.objections.filter((o) => o.state === 'standing').map((o) => o.paragraphId)).toEqual(['a1']);
    expect(silence.frozen).toEqual({});
    expect(silence.silences[0]?.outcome).toMatchObject({ agreed: ['a2', 'a3'], locked: ['a2', 'a3'], by: null });
    const expired = await auditOf('silence.expire');
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({ actor: null, detail: { agreed: ['a2', 'a3'], broken: ['a1'] } });
    // Agreed on this text: the agreement records its hash like the chair's own.
    expect(server.accord.db.prepare("SELECT done_at FROM jobs WHERE kind = 'silence.expire'").all()).toEqual([
      { done_at: expect.any(Number) },
    ]);
  });

  it('the chair extends a silence (nothing happens at the old deadline) and ends another early (released, nothing agreed)', async () => {
    const first = Date.now() + 1500;
    const a = await api.start({
      scope: { kind: 'section', sectionId: 's-b' },
      deadline: new Date(first).toISOString(),
    });
    const b = await api.start({
      scope: { kind: 'paragraphs', paragraphIds: ['a1'] },
      deadline: new Date(first).toISOString(),
    });
    expect((await api.extend(a.body.id, first + 60_000)).status).toBe(200);
    expect((await api.end(b.body.id, undefined, 'Text withdrawn')).status).toBe(200);
    await clockAt(first + 300);
    await server.accord.silenceClock.runDue();
    const { gov, silence } = await serverState(server, docId);
    expect(silence.silences.map((s) => s.state)).toEqual(['running', 'ended']);
    expect(Object.keys(silence.frozen).sort()).toEqual(['b1', 'b2', 'b3']);
    expect(gov.statuses.a1 ?? 'draft').toBe('draft');
    expect(await auditOf('silence.expire')).toHaveLength(0);
    expect((await auditOf('silence.extend'))[0]?.detail).toMatchObject({ from: new Date(first).toISOString() });
    expect((await auditOf('silence.end'))[0]?.detail).toMatchObject({ released: ['a1'], reason: 'Text withdrawn' });
    // An ended silence cannot be extended or broken.
    expectRule(await api.extend(b.body.id, first + 90_000), 'silence_closed');
    expectRule(await api.breakOn('a1', 'late', brazil), 'not_under_silence');
  });
});
