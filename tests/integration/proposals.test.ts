import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Proposal } from '../../shared/model/proposals.js';
import { readDraft, readGovernance } from '../../shared/model/readDraft.js';
import { decodeNotice } from '../../shared/protocol/notice.js';
import { clauseById, firstSection, indexOfClause, newClause, sendEdit, textOf } from '../support/editing.js';
import { RawClient } from '../support/rawClient.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

type Person = Awaited<ReturnType<TestServer['addPerson']>>;

/**
 * Proposals over the real wire: a real server, raw Yjs clients, HTTP commands. Every case
 * checks what the server holds (and, where it matters, what is stored and what others received).
 */
describe('proposals', () => {
  let server: TestServer;
  let docId: string;
  let chair: RawClient;
  let witness: RawClient;
  let brazil: Person;
  let kenya: Person;
  let norway: Person;
  let observer: Person;
  const clients: RawClient[] = [];

  const url = (token: string) => `${server.wsUrl}/${docId}?token=${token}`;
  const join = async (token: string) => {
    const c = await RawClient.synced(url(token));
    clients.push(c);
    return c;
  };
  const room = () => server.accord.services.rooms.get(docId);
  const textAt = async (id: string) => textOf(clauseById((await room()).doc, id)).toString();
  const gov = async () => readGovernance((await room()).doc.getMap('gov'));
  const api = <T>(method: string, path: string, body?: unknown, who?: Person) =>
    server.api<T>(method, `/api/documents/${docId}${path}`, body, who?.token);
  const table = (who: Person | undefined, pid: string, body: Record<string, unknown>) =>
    api<Proposal & { error?: { code: string } }>('POST', `/paragraphs/${pid}/proposals`, body, who);
  const decide = (who: Person | undefined, id: string, what: string, body?: unknown) =>
    api<Proposal & { error?: { code: string; details?: { rule?: string } } }>(
      'POST',
      `/proposals/${id}/${what}`,
      body,
      who,
    );
  const auditOf = async () => await server.accord.store.audit.list(docId);

  beforeEach(async () => {
    server = await startTestServer();
    docId = await server.createDoc();
    brazil = await server.addPerson(docId, 'member', 'Ana Souza');
    kenya = await server.addPerson(docId, 'member', 'Kofi Otieno');
    norway = await server.addPerson(docId, 'member', 'Lars Eriksen');
    observer = await server.addPerson(docId, 'observer', 'Mei Tanaka');
    chair = await join(ADMIN_TOKEN);
    sendEdit(chair, () => {
      const s = firstSection(chair.doc);
      s.insert(s.length, [
        newClause('p-open', 'Parties should act now.'),
        newClause('p-locked', 'Agreed text.'),
        newClause('p-after', 'After.'),
      ]);
    });
    const r = await room();
    await chair.until(() => indexOfClause(r.doc, 'p-after') >= 0, 'server to have the clauses');
    expect((await api('POST', '/paragraphs/p-locked/status', { status: 'agreed' })).status).toBe(200);
    expect((await api('POST', '/paragraphs/p-locked/lock')).status).toBe(200);
    witness = await join(ADMIN_TOKEN);
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.stop();
    removeDir(server.dataDir);
  });

  it('records the caller and their delegation as proposer, whatever the request claims', async () => {
    const res = await table(brazil, 'p-open', {
      kind: 'replace',
      from: 8,
      to: 14,
      quote: 'should',
      text: 'shall',
      justification: 'Stronger commitment.',
      proposer: { id: kenya.userId, name: kenya.name, affiliation: kenya.affiliation, delegation: 'KEN' },
    });
    expect(res.status).toBe(201);
    const stored = (await gov()).proposals?.find((p) => p.id === res.body.id);
    expect(stored?.proposer).toEqual({
      id: brazil.userId,
      name: 'Ana Souza',
      affiliation: brazil.affiliation,
      delegation: expect.any(String),
    });
    expect(stored?.proposer.delegation).not.toBe('KEN');
    expect(stored).toMatchObject({ kind: 'replace', quote: 'should', text: 'shall', state: 'pending' });
    // Every client sees it live, in the server-owned map.
    await witness.until(
      () => readGovernance(witness.doc.getMap('gov')).proposals?.some((p) => p.id === res.body.id) ?? false,
      'the proposal to reach the witness',
    );
    const entry = (await auditOf()).find((e) => e.action === 'proposal.table');
    expect(entry?.actor).toBe(brazil.userId);
    expect(entry?.detail).toMatchObject({ proposalId: res.body.id, delegation: stored?.proposer.delegation });
  });

  it('refuses a member accepting, rejecting or deciding an alternative (403), and an observer tabling', async () => {
    const { body: p } = await table(brazil, 'p-open', { kind: 'replace', from: 8, to: 14, text: 'shall' });
    for (const what of ['accept', 'alternative', 'reject']) {
      const res = await decide(kenya, p.id, what, {});
      expect(res.status, what).toBe(403);
    }
    expect(await textAt('p-open')).toBe('Parties should act now.');
    expect((await gov()).proposals?.[0]?.state).toBe('pending');
    expect((await table(observer, 'p-open', { kind: 'insert', from: 0, to: 0, text: 'All ' })).status).toBe(403);
    expect((await decide(observer, p.id, 'support')).status).toBe(403);
    // Only the proposer withdraws.
    expect((await decide(kenya, p.id, 'withdraw')).status).toBe(403);
    expect((await decide(brazil, p.id, 'withdraw')).body.state).toBe('withdrawn');
    expect((await auditOf()).filter((e) => e.action.startsWith('proposal.')).map((e) => e.action)).toEqual([
      'proposal.table',
      'proposal.withdraw',
    ]);
  });

  it('takes one support per delegation, never from the proposing delegation', async () => {
    const { body: p } = await table(brazil, 'p-open', { kind: 'delete', from: 15, to: 19 });
    const first = await decide(kenya, p.id, 'support');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const twice = await decide(kenya, p.id, 'support');
    expect(twice.status).toBe(409);
    expect(twice.body.error?.details?.rule).toBe('already_supported');
    // Another person of the same delegation counts as the same delegation.
    const colleague = await server.accord.store.users.create('Wanjiru', kenya.affiliation);
    await server.accord.store.memberships.setRole(docId, colleague.userId, 'member');
    const colleagueToken = await server.accord.store.credentials.issue(colleague.userId, 'api_token');
    expect(
      (await server.api('POST', `/api/documents/${docId}/proposals/${p.id}/support`, undefined, colleagueToken)).status,
    ).toBe(409);
    const own = await decide(brazil, p.id, 'support');
    expect(own.body.error?.details?.rule).toBe('own_proposal');
    // Norway opposes, then changes its mind: one stance per delegation.
    expect((await decide(norway, p.id, 'oppose')).body.opposition).toHaveLength(1);
    const changed = await decide(norway, p.id, 'support');
    expect(changed.body.support.map((s) => s.by.name)).toEqual(['Kofi Otieno', 'Lars Eriksen']);
    expect(changed.body.opposition).toEqual([]);
  });

  it('refuses malformed proposals: outside the paragraph, across runs, line breaks, unknown kinds', async () => {
    for (const body of [
      { kind: 'replace', from: 8, to: 99, text: 'x' },
      { kind: 'replace', from: 9, to: 8, text: 'x' },
      { kind: 'insert', from: 3, to: 5, text: 'x' },
      { kind: 'replace', from: 8, to: 14, text: 'line\nbreak' },
      { kind: 'replace', from: 8, to: 14, text: '' },
      { kind: 'delete', from: 8, to: 14, text: 'not empty' },
      { kind: 'rewrite', text: 'x' },
    ]) {
      expect((await table(brazil, 'p-open', body)).status, JSON.stringify(body)).toBe(400);
    }
    const stale = await table(brazil, 'p-open', { kind: 'replace', from: 8, to: 14, quote: 'must', text: 'shall' });
    expect(stale.body.error?.code).toBe('text_changed');
    expect((await table(brazil, 'no-such-paragraph', { kind: 'deleteParagraph' })).status).toBe(404);
    expect((await gov()).proposals).toEqual([]);
  });

  it('refuses a proposal on a locked paragraph', async () => {
    const res = await table(brazil, 'p-locked', { kind: 'replace', from: 0, to: 6, text: 'Settled' });
    expect(res.status).toBe(409);
    expect((await gov()).proposals).toEqual([]);
    expect((await auditOf()).some((e) => e.action === 'proposal.table')).toBe(false);
  });

  it('accepts one of two competing proposals tabled at once on one span, and rejects the other', async () => {
    const [a, b] = await Promise.all([
      table(brazil, 'p-open', { kind: 'replace', from: 8, to: 14, text: 'shall', justification: 'Binding.' }),
      table(kenya, 'p-open', { kind: 'replace', from: 8, to: 14, text: 'may', justification: 'Flexibility.' }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect((await decide(norway, a.body.id, 'support')).status).toBe(200);
    const accepted = await decide(undefined, a.body.id, 'accept');
    expect(accepted.status).toBe(200);
    expect(await textAt('p-open')).toBe('Parties shall act now.');
    // The words the competitor wanted to replace are gone: it can no longer be accepted, only rejected.
    const late = await decide(undefined, b.body.id, 'accept');
    expect(late.status).toBe(409);
    expect(late.body.error?.code).toBe('target_gone');
    const rejected = await decide(undefined, b.body.id, 'reject', { reason: 'The group preferred "shall".' });
    expect(rejected.body).toMatchObject({ state: 'rejected', decision: { reason: 'The group preferred "shall".' } });
    await witness.until(
      () => textOf(clauseById(witness.doc, 'p-open')).toString() === 'Parties shall act now.',
      'text',
    );
    const states = readGovernance(witness.doc.getMap('gov')).proposals?.map((p) => [p.text, p.state]);
    await witness.until(
      () => readGovernance(witness.doc.getMap('gov')).proposals?.every((p) => p.state !== 'pending') ?? false,
      'decisions to reach the witness',
    );
    expect(states?.length).toBe(2);
    const actions = (await auditOf()).map((e) => [e.action, e.detail.proposer ?? null]);
    expect(actions).toContainEqual(['proposal.accept', a.body.proposer.delegation]);
    expect(actions).toContainEqual(['proposal.reject', b.body.proposer.delegation]);
    expect((await decide(undefined, a.body.id, 'accept')).status).toBe(409); // decided once
  });

  it('accepts a replacement as a bracketed alternative next to the current wording', async () => {
    const { body: p } = await table(brazil, 'p-open', { kind: 'replace', from: 8, to: 14, text: 'shall' });
    const res = await decide(undefined, p.id, 'alternative');
    expect(res.status).toBe(200);
    const { bracketedText } = await import('../../shared/model/brackets.js');
    const para = readDraft((await room()).doc.getXmlFragment('default')).sections[0]?.paragraphs.find(
      (x) => x.id === 'p-open',
    );
    const runs = para?.blocks[0]?.type === 'text' ? para.blocks[0].runs : [];
    expect(bracketedText(runs)).toBe('Parties [Option 1: should] [Option 2: shall] act now.');
    expect(runs.find((r) => r.text === 'shall')?.brackets[0]?.byName).toBe(`Ana Souza (${brazil.affiliation})`);
    expect((await gov()).statuses['p-open']).toBeUndefined();
  });

  it('does not accept a proposal whose target text was deleted or edited meanwhile', async () => {
    const { body: del } = await table(brazil, 'p-open', { kind: 'replace', from: 15, to: 19, text: 'soon' });
    const { body: edit } = await table(kenya, 'p-open', { kind: 'delete', from: 8, to: 14 });
    const member = await join(norway.token);
    sendEdit(member, () => textOf(clauseById(member.doc, 'p-open')).delete(15, 4)); // "act " gone
    sendEdit(member, () => textOf(clauseById(member.doc, 'p-open')).insert(10, 'o')); // "shoould"
    const r = await room();
    await member.until(() => textOf(clauseById(r.doc, 'p-open')).toString() === 'Parties shoould now.', 'edits');
    expect((await decide(undefined, del.id, 'accept')).body.error?.code).toBe('target_gone');
    expect((await decide(undefined, edit.id, 'accept')).body.error?.code).toBe('target_changed');
    expect(await textAt('p-open')).toBe('Parties shoould now.');
  });

  it('moves an agreed paragraph back to under negotiation when a proposal on it is accepted', async () => {
    expect((await api('POST', '/paragraphs/p-after/status', { status: 'agreed' })).status).toBe(200);
    const { body: p } = await table(brazil, 'p-after', { kind: 'insert', from: 5, to: 5, text: ' that' });
    const res = await decide(undefined, p.id, 'accept');
    expect(res.body).toMatchObject({ state: 'accepted', reopened: 'agreed' });
    expect(await textAt('p-after')).toBe('After that.');
    expect((await gov()).statuses['p-after']).toBe('under_negotiation');
  });

  it('adds and deletes whole paragraphs', async () => {
    const { body: add } = await table(brazil, 'p-open', { kind: 'addParagraph', text: 'A new paragraph.' });
    expect((await decide(undefined, add.id, 'accept')).status).toBe(200);
    const draft = readDraft((await room()).doc.getXmlFragment('default'));
    const ids = draft.sections[0]?.paragraphs.map((p) => p.id) ?? [];
    const added = draft.sections[0]?.paragraphs[ids.indexOf('p-open') + 1];
    expect(added).toMatchObject({ bis: true });
    const { body: del } = await table(kenya, 'p-after', { kind: 'deleteParagraph' });
    expect((await decide(undefined, del.id, 'accept')).status).toBe(200);
    expect(indexOfClause((await room()).doc, 'p-after')).toBe(-1);
  });

  it('accepts while a member types in the same paragraph: both survive, everyone converges', async () => {
    const { body: p } = await table(brazil, 'p-open', { kind: 'replace', from: 8, to: 14, text: 'shall' });
    const typist = await join(norway.token);
    const typed = ' Really';
    let i = 0;
    const typing = (async () => {
      for (const ch of typed) {
        sendEdit(typist, () => {
          const t = textOf(clauseById(typist.doc, 'p-open'));
          t.insert(t.length, ch);
        });
        i++;
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    await new Promise((r) => setTimeout(r, 10));
    const accepted = await decide(undefined, p.id, 'accept');
    await typing;
    expect(accepted.status).toBe(200);
    expect(i).toBe(typed.length);
    const expected = `Parties shall act now.${typed}`;
    const r = await room();
    await typist.until(() => textOf(clauseById(r.doc, 'p-open')).toString() === expected, 'server text');
    await typist.until(() => textOf(clauseById(typist.doc, 'p-open')).toString() === expected, 'typist converges');
    await witness.until(() => textOf(clauseById(witness.doc, 'p-open')).toString() === expected, 'witness converges');
  });

  describe('proposals only', () => {
    const lastNotice = (c: RawClient) => decodeNotice(c.notices[c.notices.length - 1] ?? '');

    it('refuses members typing in a proposals-only section over the wire; the chair still types', async () => {
      // A second section that stays open.
      sendEdit(chair, () => {
        const s = new Y.XmlElement('section');
        s.setAttribute('id', 's-open');
        const h = new Y.XmlElement('sectionHeading');
        h.insert(0, [new Y.XmlText('Open section')]);
        s.insert(0, [h, newClause('p-free', 'Free text.')]);
        chair.doc.getXmlFragment('default').push([s]);
      });
      const r = await room();
      await chair.until(() => r.doc.getXmlFragment('default').length === 2, 'second section');
      const sectionId = firstSection(r.doc).getAttribute('id') as string;
      const set = await api('POST', '/proposals-only', { scope: sectionId, on: true });
      expect(set.status).toBe(200);
      expect((await api('POST', '/proposals-only', { scope: sectionId, on: true }, brazil)).status).toBe(403);

      const member = await join(brazil.token);
      const before = Y.encodeStateVector(r.doc);
      sendEdit(member, () => textOf(clauseById(member.doc, 'p-open')).insert(0, 'All '));
      await member.until(() => member.notices.length > 0, 'a refusal');
      expect(lastNotice(member)?.code).toBe('proposals_only');
      // A new paragraph in that section is refused as well (from a fresh client: the first one's
      // next update would build on its refused edit, which the server never had).
      const sneak = await join(brazil.token);
      sendEdit(sneak, () => firstSection(sneak.doc).push([newClause('p-sneak', 'Sneaked in.')]));
      await sneak.until(() => sneak.notices.length > 0, 'a second refusal');
      expect(lastNotice(sneak)?.code).toBe('proposals_only');
      await new Promise((res) => setTimeout(res, 150));
      expect(Y.encodeStateVector(r.doc)).toEqual(before);
      expect(textOf(clauseById(witness.doc, 'p-open')).toString()).toBe('Parties should act now.');
      expect(indexOfClause(witness.doc, 'p-sneak')).toBe(-1);

      // The other section is open to members; the chair types anywhere.
      const member2 = await join(kenya.token);
      const free = () => {
        const s = member2.doc.getXmlFragment('default').get(1) as Y.XmlElement;
        return textOf(s.get(1) as Y.XmlElement);
      };
      sendEdit(member2, () => free().insert(0, 'Still '));
      sendEdit(chair, () => textOf(clauseById(chair.doc, 'p-open')).insert(0, 'All '));
      await witness.until(() => textOf(clauseById(witness.doc, 'p-open')).toString().startsWith('All '), 'chair edit');
      await witness.until(
        () =>
          textOf((witness.doc.getXmlFragment('default').get(1) as Y.XmlElement).get(1) as Y.XmlElement).toString() ===
          'Still Free text.',
        'member edit in the open section',
      );
      expect(member2.notices).toEqual([]);

      // Proposals are still taken there; the stored document after a restart holds no refused edit.
      expect((await table(brazil, 'p-open', { kind: 'insert', from: 0, to: 0, text: 'Each ' })).status).toBe(201);
      const dataDir = server.dataDir;
      for (const c of clients.splice(0)) c.close();
      await server.stop();
      server = await startTestServer({ dataDir });
      const restarted = await room();
      expect(textOf(clauseById(restarted.doc, 'p-open')).toString()).toBe('All Parties should act now.');
      expect(indexOfClause(restarted.doc, 'p-sneak')).toBe(-1);
      expect(readGovernance(restarted.doc.getMap('gov')).proposalsOnly).toEqual([sectionId]);
    });

    it('the whole draft: every member edit is refused until the chair lifts it', async () => {
      expect((await api('POST', '/proposals-only', { scope: '*', on: true })).status).toBe(200);
      const member = await join(brazil.token);
      sendEdit(member, () => textOf(clauseById(member.doc, 'p-after')).insert(0, 'X'));
      await member.until(() => member.notices.length > 0, 'a refusal');
      expect(lastNotice(member)?.code).toBe('proposals_only');
      expect(await textAt('p-after')).toBe('After.');
      expect((await api('POST', '/proposals-only', { scope: '*', on: false })).status).toBe(200);
      const fresh = await join(kenya.token);
      sendEdit(fresh, () => textOf(clauseById(fresh.doc, 'p-after')).insert(0, 'Y'));
      const r = await room();
      await fresh.until(() => textOf(clauseById(r.doc, 'p-after')).toString() === 'YAfter.', 'edit accepted');
      expect((await auditOf()).filter((e) => e.action === 'draft.proposalsOnly').map((e) => e.detail.on)).toEqual([
        true,
        false,
      ]);
    });
  });
});
