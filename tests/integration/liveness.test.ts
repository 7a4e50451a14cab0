import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode } from '../../shared/protocol/closeCodes.js';
import { eventually } from '../support/providers.js';
import { RawClient } from '../support/rawClient.js';
import { removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/** Dead sockets are reaped; ending a credential or a membership closes its sockets at once. */
describe('liveness and revocation', () => {
  let server: TestServer;
  let docId: string;
  let member: { userId: string; token: string };
  const clients: RawClient[] = [];
  const url = (query = '') => `${server.wsUrl}/${docId}${query}`;
  const join = async (token: string) => {
    const c = await RawClient.synced(url(`?token=${token}`));
    clients.push(c);
    return c;
  };
  const withSession = async (session: string) => {
    const c = await RawClient.synced(url(), { cookie: `accord_session=${session}` });
    clients.push(c);
    return c;
  };
  const asBrowser = (session: string) => ({
    cookie: `accord_session=${session}`,
    origin: server.accord.services.config.PUBLIC_URL,
    'content-type': 'application/json',
  });

  beforeEach(async () => {
    server = await startTestServer({ env: { PING_INTERVAL_MS: 300 } });
    docId = await server.createDoc();
    member = await server.addPerson(docId, 'member', 'Mira');
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.stop();
    removeDir(server.dataDir);
  });

  it('terminates a socket that stops answering pings, and keeps one that answers', async () => {
    const silent = new WebSocket(url(`?token=${member.token}`), { autoPong: false });
    const closed = new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)));
    await new Promise((r) => silent.once('open', r));
    const alive = await join(member.token);
    const code = await closed;
    expect(code).toBe(1006); // terminated: no close frame for a peer that is gone
    await eventually(() => server.accord.collab.sockets.size === 1, 5000, 'the server to drop the dead socket');
    await new Promise((r) => setTimeout(r, 1000));
    expect(alive.isOpen).toBe(true);
  });

  it('signing out closes the sockets opened with that session, at once', async () => {
    const session = await server.accord.store.credentials.issue(member.userId, 'session');
    const other = await server.accord.store.credentials.issue(member.userId, 'session');
    const tab = await withSession(session);
    const otherDevice = await withSession(other);
    const res = await fetch(`http://127.0.0.1:${server.port}/api/signout`, {
      method: 'POST',
      headers: asBrowser(session),
    });
    expect(res.status).toBe(200);
    expect(await tab.closed()).toBe(CloseCode.unauthorized);
    expect(otherDevice.isOpen).toBe(true);
  });

  it('an expired session closes its sockets when it expires', async () => {
    const session = await server.accord.store.credentials.issue(member.userId, 'session');
    server.accord.db
      .prepare('UPDATE credentials SET expires_at = ? WHERE user_id = ? AND kind = ?')
      .run(Date.now() + 1500, member.userId, 'session');
    const tab = await withSession(session);
    expect(tab.isOpen).toBe(true);
    expect(await tab.until(() => tab.closeCode !== null, 'expiry', 10_000).then(() => tab.closeCode)).toBe(
      CloseCode.unauthorized,
    );
    expect(tab.closeReason).toMatch(/expired/);
  });

  it('API tokens are listed and revoked with DELETE /api/tokens/:id, which closes their sockets', async () => {
    const issued = await server.api<{ id: string; token: string }>(
      'POST',
      '/api/tokens',
      { label: 'sync script' },
      member.token,
    );
    expect(issued.status).toBe(200);
    const listed = await server.api<{ tokens: Array<{ id: string; label: string; createdAt: number }> }>(
      'GET',
      '/api/tokens',
      undefined,
      member.token,
    );
    expect(listed.body.tokens.map((t) => t.label)).toContain('sync script');
    expect(JSON.stringify(listed.body)).not.toContain(issued.body.token);
    const script = await join(issued.body.token);
    const viaOtherToken = await join(member.token);

    // Nobody else can revoke it; its owner can.
    const stranger = await server.addPerson(docId, 'member');
    expect((await server.api('DELETE', `/api/tokens/${issued.body.id}`, undefined, stranger.token)).status).toBe(404);
    expect((await server.api('DELETE', `/api/tokens/${issued.body.id}`, undefined, member.token)).status).toBe(200);
    expect(await script.closed()).toBe(CloseCode.unauthorized);
    expect(viaOtherToken.isOpen).toBe(true);
    expect((await server.api('GET', '/api/me', undefined, issued.body.token)).status).toBe(401);
    const audit = (await server.accord.store.audit.list(null)).map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['token.issue', 'token.revoke']));
  });

  it('removing a membership or changing a role closes the person’s sockets on that draft only', async () => {
    const otherDoc = await server.createDoc('Other');
    await server.accord.store.memberships.setRole(otherDoc, member.userId, 'member');
    const here = await join(member.token);
    const there = await RawClient.synced(`${server.wsUrl}/${otherDoc}?token=${member.token}`);
    clients.push(there);
    expect((await server.api('DELETE', `/api/documents/${docId}/members/${member.userId}`)).status).toBe(200);
    expect(await here.closed()).toBe(CloseCode.forbidden);
    expect(there.isOpen).toBe(true);
    expect(
      (await server.api('PATCH', `/api/documents/${otherDoc}/members/${member.userId}`, { role: 'observer' })).status,
    ).toBe(200);
    expect(await there.closed()).toBe(CloseCode.roleChanged);
  });

  it('moving a person to another delegation closes their sockets (they reconnect speaking for the new one)', async () => {
    const created = await server.api<{ id: string }>('POST', `/api/documents/${docId}/delegations`, {
      name: 'Delegation of Chile',
      code: 'CHL',
      kind: 'member_state',
    });
    expect(created.status).toBe(201);
    const here = await join(member.token);
    const bystander = await join((await server.addPerson(docId, 'member')).token);
    const moved = await server.api('PATCH', `/api/documents/${docId}/members/${member.userId}`, {
      role: 'member',
      delegationId: created.body.id,
    });
    expect(moved.status).toBe(200);
    expect(await here.closed()).toBe(CloseCode.roleChanged);
    expect(bystander.isOpen).toBe(true);
  });
});
