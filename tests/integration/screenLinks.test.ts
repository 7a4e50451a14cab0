import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readMeetingRoom } from '../../shared/model/meetingRoom.js';
import { readDraft } from '../../shared/model/readDraft.js';
import { EDITOR_ROOT, GOVERNANCE_ROOT } from '../../shared/model/schemaNames.js';
import { CloseCode } from '../../shared/protocol/closeCodes.js';
import { decodeNotice } from '../../shared/protocol/notice.js';
import { clauseById, firstSection, indexOfClause, newClause, sendEdit, textOf } from '../support/editing.js';
import { RawClient } from '../support/rawClient.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/**
 * The room's screen: a screen link reads its own draft live and nothing else, the screen follows
 * whom the chair designates, and revoking the link closes the screen at once.
 */
describe('screen links and the projection', () => {
  let server: TestServer;
  let docId: string;
  let pids: string[];
  const clients: RawClient[] = [];
  const url = (token: string, doc = docId) => `${server.wsUrl}/${doc}?token=${token}`;
  const join = async (token: string) => {
    const c = await RawClient.synced(url(token));
    clients.push(c);
    return c;
  };
  const secretOf = (link: { url: string }) => link.url.split('#')[1] ?? '';
  const createLink = async (label = 'Room XII screen') => {
    const res = await server.api<{ id: string; url: string; label: string }>(
      'POST',
      `/api/documents/${docId}/screen-links`,
      { label },
    );
    expect(res.status).toBe(201);
    return { ...res.body, secret: secretOf(res.body) };
  };
  const serverDoc = async () => (await server.accord.services.rooms.get(docId)).doc;

  beforeEach(async () => {
    server = await startTestServer();
    docId = await server.createDoc('Projected draft');
    // A second paragraph, so that the screen has somewhere to move.
    const chair = await join(ADMIN_TOKEN);
    sendEdit(chair, () => {
      const section = firstSection(chair.doc);
      section.insert(section.length, [newClause('p-two', 'Second paragraph.')]);
    });
    const room = await server.accord.services.rooms.get(docId);
    await chair.until(() => indexOfClause(room.doc, 'p-two') >= 0, 'the server to have the paragraph');
    pids = readDraft(room.doc.getXmlFragment(EDITOR_ROOT)).sections.flatMap((s) => s.paragraphs.map((p) => p.id));
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.stop();
    removeDir(server.dataDir);
  });

  it('reads its draft live and cannot write it, over the wire', async () => {
    const link = await createLink();
    const opened = await server.api('POST', '/api/screen', { token: link.secret }, 'none');
    expect(opened).toMatchObject({ status: 200, body: { docId, label: 'Room XII screen', title: 'Projected draft' } });
    const screen = await join(link.secret);
    const chair = await join(ADMIN_TOKEN);
    const pid = 'p-two';
    // Live: the chair's edit reaches the screen.
    sendEdit(chair, () => textOf(clauseById(chair.doc, pid)).insert(0, 'Live '));
    await screen.until(() => textOf(clauseById(screen.doc, pid)).toString().startsWith('Live '), 'the edit');
    // Read-only: its own edit is refused, stored nowhere, seen by nobody.
    const before = Y.encodeStateVector(await serverDoc());
    sendEdit(screen, () => textOf(clauseById(screen.doc, pid)).insert(0, 'Forged '));
    await screen.until(() => screen.notices.length > 0, 'a refusal');
    expect(decodeNotice(screen.notices[0] ?? '')?.kind).toBe('update_refused');
    expect(Y.encodeStateVector(await serverDoc())).toEqual(before);
    expect(textOf(clauseById(chair.doc, pid)).toString()).not.toContain('Forged');
  });

  it('opens nothing else: no HTTP operation, no other draft, no governance', async () => {
    const link = await createLink();
    const other = await server.createDoc('Another group');
    const base = `/api/documents/${docId}`;
    const pid = pids[0] as string;
    const attempts: Array<[string, string, unknown]> = [
      ['GET', '/api/me', undefined],
      ['GET', '/api/documents', undefined],
      ['GET', base, undefined],
      ['GET', `/api/documents/${other}`, undefined],
      ['GET', `${base}/members`, undefined],
      ['GET', `${base}/audit`, undefined],
      ['GET', `${base}/revisions`, undefined],
      ['GET', `${base}/export?format=md`, undefined],
      ['POST', `${base}/floor/flags`, {}],
      ['POST', `${base}/floor/give`, undefined],
      ['POST', `${base}/screen/paragraph`, { paragraphId: pid }],
      ['PUT', `${base}/screen/driver`, { userId: null }],
      ['GET', `${base}/screen-links`, undefined],
      ['POST', `${base}/paragraphs/${pid}/status`, { status: 'agreed' }],
      ['POST', `${base}/paragraphs/${pid}/objections`, { reason: 'no' }],
    ];
    for (const [method, path, body] of attempts) {
      const res = await server.api(method, path, body, link.secret);
      expect(res.status, `${method} ${path}`).toBe(401);
    }
    await expect(RawClient.connect(url(link.secret, other))).rejects.toMatchObject({ status: 403 });
    await expect(RawClient.connect(`${server.wsUrl}/no-such-draft?token=${link.secret}`)).rejects.toMatchObject({
      status: 403,
    });
    expect((await server.accord.store.audit.list(docId)).map((e) => e.action)).not.toContain('floor.raise');
  });

  it('closes the screen at once when the chair revokes its link, and the link opens nothing after', async () => {
    const link = await createLink();
    const kept = await createLink('Overflow room');
    const screen = await join(link.secret);
    const overflow = await join(kept.secret);
    expect((await server.api('GET', `/api/documents/${docId}/screen-links`)).body).toMatchObject({
      links: [{ id: link.id }, { id: kept.id }],
    });
    const member = await server.addPerson(docId, 'member');
    expect(
      (await server.api('DELETE', `/api/documents/${docId}/screen-links/${link.id}`, undefined, member.token)).status,
    ).toBe(403);
    expect((await server.api('DELETE', `/api/documents/${docId}/screen-links/${link.id}`)).status).toBe(200);
    expect(await screen.closed()).toBe(CloseCode.unauthorized);
    await expect(RawClient.connect(url(link.secret))).rejects.toMatchObject({ status: 401 });
    expect((await server.api('POST', '/api/screen', { token: link.secret }, 'none')).status).toBe(404);
    // The other link's screen is untouched.
    expect(overflow.isOpen).toBe(true);
    expect((await server.accord.store.audit.list(docId)).map((e) => e.action)).toEqual(
      expect.arrayContaining(['screen.link', 'screen.revoke']),
    );
  });

  it('follows the chair, or the secretary the chair designates, live', async () => {
    const link = await createLink();
    const screen = await join(link.secret);
    const secretary = await server.addPerson(docId, 'member', 'Sam Secretary');
    const member = await server.addPerson(docId, 'member');
    const shown = () => readMeetingRoom(screen.doc.getMap(GOVERNANCE_ROOT)).screen?.paragraphId ?? null;
    const project = (pid: string, token?: string) =>
      server.api('POST', `/api/documents/${docId}/screen/paragraph`, { paragraphId: pid }, token);
    const [p1, p2] = pids as [string, string];

    expect((await project(p1)).status).toBe(200);
    await screen.until(() => shown() === p1, 'the screen on the first paragraph');
    expect((await project(p1, member.token)).status).toBe(403);

    const designated = await server.api('PUT', `/api/documents/${docId}/screen/driver`, { userId: secretary.userId });
    expect(designated).toMatchObject({ status: 200, body: { driver: { id: secretary.userId } } });
    // Now the screen follows the secretary, and no one else — the chair included.
    expect((await project(p2)).status).toBe(403);
    expect((await project(p2, member.token)).status).toBe(403);
    expect((await project(p2, secretary.token)).status).toBe(200);
    await screen.until(() => shown() === p2, 'the screen on the second paragraph');
    expect((await project('no-such-paragraph', secretary.token)).status).toBe(404);
    // An observer cannot be designated.
    const observer = await server.addPerson(docId, 'observer');
    expect((await server.api('PUT', `/api/documents/${docId}/screen/driver`, { userId: observer.userId })).status).toBe(
      404,
    );
    const actions = (await server.accord.store.audit.list(docId)).map((e) => e.action);
    expect(actions.filter((a) => a === 'screen.driver')).toHaveLength(1);
  });
});
