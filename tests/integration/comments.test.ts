import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Comment } from '../../shared/model/comments.js';
import { plainOf } from '../../shared/model/proposalAnchors.js';
import { readGovernance } from '../../shared/model/readDraft.js';
import type { CommentEvent } from '../../shared/protocol/commentMessage.js';
import { clauseById, firstSection, indexOfClause, newClause, sendEdit, textOf } from '../support/editing.js';
import { propertyRuns } from '../support/propertyRuns.js';
import { connectProvider, eventually, synced } from '../support/providers.js';
import { RawClient } from '../support/rawClient.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

type Person = { userId: string; token: string; name: string };

const TEXT = 'States should cooperate closely on incidents.';
const at = (words: string) => ({ from: TEXT.indexOf(words), to: TEXT.indexOf(words) + words.length, quote: words });

/**
 * Comments with several people at once: who receives what live (message 32), who reads what
 * (GET, by id), and what never leaves a delegation — the audit log, the other delegations'
 * sockets. Hostile callers over the API.
 */
describe('comments', () => {
  let server: TestServer;
  let docId: string;
  let ana: Person;
  let bruno: Person; // Ana's colleague: same delegation
  let kofi: Person; // another delegation
  let chair: Person; // the chair, of a delegation of their own
  let olga: Person; // an observer
  const sockets = new Map<string, RawClient>();

  const post = <T = Comment>(path: string, body: unknown, who: Person) =>
    server.api<T & { error?: { code: string; message: string; details?: { problem?: string } } }>(
      'POST',
      `/api/documents/${docId}/comments${path}`,
      body,
      who.token,
    );
  const list = async (who: Person) =>
    (await server.api<{ comments: Comment[] }>('GET', `/api/documents/${docId}/comments`, undefined, who.token)).body
      .comments;
  /** The ids of comments a socket was told about (changed or deleted). */
  const heard = (who: Person) =>
    (sockets.get(who.userId)?.comments ?? []).map((e: CommentEvent | null) =>
      e === null ? 'malformed' : e.kind === 'comment' ? e.comment.id : `deleted:${e.id}`,
    );
  const hears = (who: Person, id: string) =>
    (sockets.get(who.userId) as RawClient).until(() => heard(who).includes(id), `${who.name} to hear ${id}`);

  beforeEach(async () => {
    server = await startTestServer();
    docId = await server.createDoc('Comments');
    [ana, kofi, chair, olga] = await Promise.all([
      server.addPerson(docId, 'member', 'Ana'),
      server.addPerson(docId, 'member', 'Kofi'),
      server.addPerson(docId, 'chair', 'Carla'),
      server.addPerson(docId, 'observer', 'Olga'),
    ]);
    // Bruno speaks for Ana's delegation.
    const { store } = server.accord;
    const delegation = await store.delegations.ofMember(docId, ana.userId);
    const b = await store.users.create('Bruno', 'Brazil');
    await store.memberships.setRole(docId, b.userId, 'member', delegation?.id ?? null);
    bruno = { userId: b.userId, name: 'Bruno', token: await store.credentials.issue(b.userId, 'api_token') };

    const admin = await RawClient.synced(`${server.wsUrl}/${docId}?token=${ADMIN_TOKEN}`);
    sockets.set('admin', admin);
    sendEdit(admin, () => {
      const s = firstSection(admin.doc);
      s.insert(s.length, [newClause('p-one', TEXT)]);
    });
    const room = await server.accord.services.rooms.get(docId);
    await admin.until(() => indexOfClause(room.doc, 'p-one') >= 0, 'the paragraph at the server');
    for (const p of [ana, bruno, kofi, chair, olga]) {
      sockets.set(p.userId, await RawClient.synced(`${server.wsUrl}/${docId}?token=${p.token}`));
    }
  });

  afterEach(async () => {
    for (const c of sockets.values()) c.close();
    sockets.clear();
    await server.stop();
    removeDir(server.dataDir);
  });

  it('a group comment reaches everyone live; a delegation comment only its delegation, on the wire and in every read', async () => {
    const group = await post(
      '',
      { paragraphId: 'p-one', ...at('cooperate'), visibility: 'group', text: 'Too weak?' },
      ana,
    );
    expect(group.status).toBe(201);
    expect(group.body).toMatchObject({ quote: 'cooperate', visibility: 'group', author: { id: ana.userId } });
    for (const p of [ana, bruno, kofi, chair, olga]) await hears(p, group.body.id);

    const secret = 'Our capital wants "shall" here; do not say so yet.';
    const mine = await post('', { paragraphId: 'p-one', ...at('should'), visibility: 'delegation', text: secret }, ana);
    expect(mine.status).toBe(201);
    await hears(bruno, mine.body.id);
    const answer = await post(`/${mine.body.id}/replies`, { text: 'Agreed, wait for Thursday.' }, bruno);
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ threadId: mine.body.id, visibility: 'delegation' });
    await hears(ana, answer.body.id);

    // A marker sent after them: once it has arrived, anything sent before it would have too.
    const marker = await post('', { paragraphId: 'p-one', visibility: 'group', text: 'marker' }, kofi);
    for (const p of [kofi, chair, olga]) {
      await hears(p, marker.body.id);
      expect(heard(p)).not.toContain(mine.body.id);
      expect(heard(p)).not.toContain(answer.body.id);
      expect((await list(p)).map((c) => c.id)).toEqual([group.body.id, marker.body.id]);
      // Another delegation's comment does not exist for them, whatever they try.
      expect(
        (await server.api('PATCH', `/api/documents/${docId}/comments/${mine.body.id}`, { text: 'x' }, p.token)).status,
      ).toBe(404);
      expect((await post(`/${mine.body.id}/replies`, { text: 'x' }, p)).status).toBe(404);
      expect((await post(`/${mine.body.id}/resolve`, {}, p)).status).toBe(404);
    }
    expect((await list(bruno)).map((c) => c.id)).toEqual([group.body.id, mine.body.id, answer.body.id, marker.body.id]);
    expect(heard(ana).filter((id) => id === 'malformed')).toEqual([]);

    // The comment-resolution table is a group document: the group's thread, never the delegation's own.
    for (const p of [ana, kofi]) {
      const csv = await fetch(`${server.url}/api/documents/${docId}/resolution-table?format=csv`, {
        headers: { authorization: `Bearer ${p.token}` },
      }).then((r) => r.text());
      expect(csv).toContain('Too weak?');
      expect(csv).not.toContain('capital');
    }

    // The audit log says that something was written, never what.
    const audit = JSON.stringify(await server.accord.store.audit.list(docId));
    expect(audit).toContain('comment.add');
    expect(audit).not.toContain('capital');
    expect(audit).not.toContain('Thursday');
    // Nor does any notification, to anyone.
    const notified = JSON.stringify(
      await Promise.all([kofi, chair, olga].map((p) => server.api('GET', '/api/notifications', undefined, p.token))),
    );
    expect(notified).not.toContain('capital');

    // Deleting the thread (Ana's, replied to only by... Bruno): refused, it is resolved instead.
    const del = await server.api('DELETE', `/api/documents/${docId}/comments/${mine.body.id}`, undefined, ana.token);
    expect(del.status).toBe(409);
    const resolved = await post(`/${mine.body.id}/resolve`, {}, ana);
    expect(resolved.body.resolved?.by.id).toBe(ana.userId);
    await sockets
      .get(bruno.userId)
      ?.until(
        () =>
          (sockets.get(bruno.userId)?.comments ?? []).some(
            (e) => e?.kind === 'comment' && e.comment.id === mine.body.id && e.comment.resolved !== null,
          ),
        'Bruno to see it resolved',
      );
  });

  it('a stock y-websocket client ignores the comment messages and keeps syncing', async () => {
    const provider = connectProvider(server.wsUrl, docId, kofi.token);
    await synced(provider);
    const c = await post('', { paragraphId: 'p-one', visibility: 'group', text: 'For the stock client' }, kofi);
    await hears(kofi, c.body.id);
    sendEdit(sockets.get('admin') as RawClient, () => {
      const s = firstSection((sockets.get('admin') as RawClient).doc);
      s.insert(s.length, [newClause('p-two', 'A second paragraph.')]);
    });
    await eventually(() => indexOfClause(provider.doc, 'p-two') >= 0, 5000, 'the edit');
    expect(provider.wsconnected).toBe(true);
    provider.destroy();
  });

  it('refuses what the rules refuse, whatever the request claims', async () => {
    const forged = await post(
      '',
      {
        paragraphId: 'p-one',
        visibility: 'group',
        text: 'In whose name?',
        author: { id: kofi.userId, name: 'Kofi', affiliation: 'x' },
        delegation: 'KEN',
      },
      ana,
    );
    expect(forged.status).toBe(201);
    expect(forged.body.author.id).toBe(ana.userId);
    const anaCode = forged.body.delegation;
    expect(anaCode).not.toBeNull();

    const id = forged.body.id;
    const problem = (r: { status: number; body: { error?: { details?: { problem?: string } } } }) => [
      r.status,
      r.body.error?.details?.problem,
    ];
    expect(
      problem(await server.api('PATCH', `/api/documents/${docId}/comments/${id}`, { text: 'mine now' }, kofi.token)),
    ).toEqual([403, 'not_author']);
    expect((await server.api('DELETE', `/api/documents/${docId}/comments/${id}`, undefined, kofi.token)).status).toBe(
      403,
    );
    expect(problem(await post('', { paragraphId: 'p-one', visibility: 'group', text: 'hi' }, olga))).toEqual([
      403,
      'read_only',
    ]);
    // The secretariat speaks for no delegation: nothing to keep within one.
    const admin = { userId: 'admin', token: ADMIN_TOKEN, name: 'Secretariat' };
    expect(problem(await post('', { paragraphId: 'p-one', visibility: 'delegation', text: 'hi' }, admin))).toEqual([
      403,
      'no_delegation',
    ]);
    const reply = await post(`/${id}/replies`, { text: 'A reply' }, kofi);
    expect(problem(await post(`/${reply.body.id}/resolve`, {}, kofi))).toEqual([409, 'not_root']);
    expect(problem(await post(`/${id}/reopen`, {}, ana))).toEqual([409, 'not_resolved']);
    // Kofi cannot resolve Ana's thread; the chair can.
    expect(problem(await post(`/${id}/resolve`, {}, kofi))).toEqual([403, 'not_author']);
    expect((await post(`/${id}/resolve`, {}, chair)).status).toBe(200);

    expect((await post('', { paragraphId: 'p-one', visibility: 'group', text: 'x'.repeat(10_000) }, ana)).status).toBe(
      400,
    );
    expect((await post('', { paragraphId: 'p-one', visibility: 'group', text: '   ' }, ana)).status).toBe(400);
    expect((await post('', { paragraphId: 'p-one', visibility: 'everyone', text: 'x' }, ana)).status).toBe(400);
    expect((await post('', { paragraphId: 'nope', visibility: 'group', text: 'x' }, ana)).status).toBe(404);
    expect(
      (await post('', { paragraphId: 'p-one', from: 5, to: 500, visibility: 'group', text: 'x' }, ana)).status,
    ).toBe(400);
    const stale = await post(
      '',
      { paragraphId: 'p-one', from: 0, to: 6, quote: 'Nation', visibility: 'group', text: 'x' },
      ana,
    );
    expect([stale.status, stale.body.error?.code]).toEqual([409, 'text_changed']);
    const raw = await fetch(`${server.url}/api/documents/${docId}/comments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ana.token}`, 'content-type': 'application/json' },
      body: '{"paragraphId": "p-one", "text": ',
    });
    expect(raw.status).toBe(400);
    // A cookie from another origin writes nothing.
    const cookie = `accord_session=${await server.accord.store.credentials.issue(ana.userId, 'session')}`;
    const foreign = await fetch(`${server.url}/api/documents/${docId}/comments`, {
      method: 'POST',
      headers: { cookie, origin: 'http://127.0.0.1:1', 'content-type': 'application/json' },
      body: JSON.stringify({ paragraphId: 'p-one', visibility: 'group', text: 'from elsewhere' }),
    });
    expect(foreign.status).toBe(403);
    // Outsiders see nothing.
    const outsider = await server.addPerson(await server.createDoc('Elsewhere'), 'chair');
    expect((await server.api('GET', `/api/documents/${docId}/comments`, undefined, outsider.token)).status).toBe(404);
    expect((await list(ana)).map((c) => c.text)).toEqual(['In whose name?', 'A reply']);
  });

  it('its author turns a thread into an objection or a proposal, once; the words followed the edits', async () => {
    const c = await post(
      '',
      { paragraphId: 'p-one', ...at('closely'), visibility: 'group', text: 'Say "fully".' },
      ana,
    );
    // Someone types before the words: the comment still means "closely".
    const room = await server.accord.services.rooms.get(docId);
    const admin = sockets.get('admin') as RawClient;
    sendEdit(admin, () => textOf(clauseById(admin.doc, 'p-one')).insert(0, 'All '));
    await admin.until(
      () => plainOf(textOf(clauseById(room.doc, 'p-one'))).startsWith('All States'),
      'the edit at the server',
    );

    expect(
      (await post(`/${c.body.id}/convert`, { kind: 'proposal', change: 'replace', text: 'fully' }, kofi)).status,
    ).toBe(403);
    const made = await post<{ comment: Comment; proposalId: string }>(
      `/${c.body.id}/convert`,
      { kind: 'proposal', change: 'replace', text: 'fully' },
      ana,
    );
    expect(made.status).toBe(200);
    expect(made.body.comment.became).toEqual({ kind: 'proposal', id: made.body.proposalId });
    const proposal = readGovernance(room.doc.getMap('gov')).proposals?.find((p) => p.id === made.body.proposalId);
    expect(proposal).toMatchObject({
      quote: 'closely',
      text: 'fully',
      justification: 'Say "fully".',
      proposer: { id: ana.userId },
    });
    const again = await post(`/${c.body.id}/convert`, { kind: 'objection' }, ana);
    expect([again.status, again.body.error?.details?.problem]).toEqual([409, 'already_became']);

    const o = await post(
      '',
      { paragraphId: 'p-one', visibility: 'group', text: 'We cannot accept this paragraph.' },
      kofi,
    );
    const objected = await post<{ comment: Comment; objectionId: string }>(
      `/${o.body.id}/convert`,
      { kind: 'objection' },
      kofi,
    );
    expect(objected.status).toBe(200);
    const objection = readGovernance(room.doc.getMap('gov')).objections.find((x) => x.id === objected.body.objectionId);
    expect(objection).toMatchObject({ reason: 'We cannot accept this paragraph.', author: { id: kofi.userId } });
    await hears(chair, o.body.id);
  });

  it('property: whatever four people do in whatever order, each page’s live list equals what it may read', async () => {
    const people = () => [ana, bruno, kofi, chair];
    const action = fc.record({
      who: fc.integer({ min: 0, max: 3 }),
      op: fc.constantFrom('group', 'delegation', 'reply', 'resolve', 'reopen', 'delete', 'edit'),
      target: fc.nat(),
    });
    /** What a socket was told, folded: the highest rev of each comment, deletions removed. */
    const liveView = (p: Person) => {
      const view = new Map<string, Comment>();
      for (const e of sockets.get(p.userId)?.comments ?? []) {
        if (e?.kind === 'comment') {
          const had = view.get(e.comment.id);
          if (!had || had.rev < e.comment.rev) view.set(e.comment.id, e.comment);
        } else if (e?.kind === 'commentDeleted') view.delete(e.id);
      }
      return [...view.values()].map((c) => `${c.id}@${c.rev}`).sort();
    };
    const readable = async (p: Person) => (await list(p)).map((c) => `${c.id}@${c.rev}`).sort();
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 3, maxLength: 12 }), async (actions) => {
        for (const a of actions) {
          const who = people()[a.who] as Person;
          const mine = await list(who);
          const roots = mine.filter((c) => c.id === c.threadId);
          const target = roots.length > 0 ? roots[a.target % roots.length] : undefined;
          const path = `/api/documents/${docId}/comments`;
          if (a.op === 'group' || a.op === 'delegation' || !target) {
            await post(
              '',
              {
                paragraphId: 'p-one',
                visibility: a.op === 'delegation' ? 'delegation' : 'group',
                text: `c${a.target}`,
              },
              who,
            );
          } else if (a.op === 'reply') await post(`/${target.id}/replies`, { text: 'r' }, who);
          else if (a.op === 'resolve' || a.op === 'reopen') await post(`/${target.id}/${a.op}`, {}, who);
          else if (a.op === 'edit')
            await server.api('PATCH', `${path}/${target.id}`, { text: `e${a.target}` }, who.token);
          else await server.api('DELETE', `${path}/${target.id}`, undefined, who.token);
        }
        for (const p of people()) {
          const expected = await readable(p);
          await (sockets.get(p.userId) as RawClient).until(
            () => JSON.stringify(liveView(p)) === JSON.stringify(expected),
            `${p.name}'s live list to match what they may read`,
          );
        }
      }),
      propertyRuns('comment views', 12),
    );
  }, 120_000);
});
