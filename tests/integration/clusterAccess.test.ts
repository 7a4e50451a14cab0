import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/closeCodes.js';
import { type ChildServer, spawnServer } from '../support/childServer.js';
import { RawClient } from '../support/rawClient.js';
import { TEST_DATABASE_URL } from '../support/storeAdapters.js';
import { ADMIN_TOKEN, removeDir } from '../support/testServer.js';

/**
 * Two nodes of one cluster (child processes on one PostgreSQL schema): a person signs out, or a
 * chair removes a member, through node A while that person's socket is open on node B — B closes
 * it at once, over Redis, and over PostgreSQL LISTEN/NOTIFY when A cannot reach Redis.
 */
describe.each([
  ['Redis', 'redis://127.0.0.1:6379'],
  ['PostgreSQL, Redis unreachable from node A', 'redis://127.0.0.1:1'],
])('access changes reach the sockets of another node (%s)', (_name, redisOfA) => {
  const schema = `cluster_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  const dirs: string[] = [];
  let a: ChildServer;
  let b: ChildServer;
  const clients: RawClient[] = [];

  const node = async (redis: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'accord-cluster-'));
    dirs.push(dir);
    return spawnServer(dir, {
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: schema,
      REDIS_URL: redis,
      NODE_ID: 'test-node',
      // A draft made through A is served by A until its room unloads and hands its lease back.
      ROOM_IDLE_MS: '300',
    });
  };
  /** A socket on `server` once the document is free to be served there (refused with 4503 until then). */
  const syncedOn = async (server: ChildServer, docId: string, token: string): Promise<RawClient> => {
    const started = Date.now();
    for (;;) {
      try {
        const c = await RawClient.synced(`ws://127.0.0.1:${server.port}/collab/${docId}?token=${token}`);
        clients.push(c);
        return c;
      } catch (err) {
        if (Date.now() - started > 10_000) throw err;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  };
  /** As the admin, or as a person by their session cookie (`cookie`), or anonymous (`''`). */
  const api = async <T>(server: ChildServer, method: string, path: string, body?: unknown, as = `admin`) => {
    const auth: Record<string, string> =
      as === 'admin' ? { authorization: `Bearer ${ADMIN_TOKEN}` } : as === '' ? {} : { cookie: `accord_session=${as}` };
    const res = await fetch(`http://127.0.0.1:${server.port}${path}`, {
      method,
      headers: {
        ...auth,
        origin: `http://localhost:${server.port}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T, cookie: res.headers.get('set-cookie') ?? '' };
  };

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    // One at a time: the first runs the store migrations.
    a = await node(redisOfA);
    b = await node('redis://127.0.0.1:6379');
  }, 90_000);
  afterAll(async () => {
    for (const c of clients.splice(0)) c.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
    for (const d of dirs) removeDir(d);
  });

  /** A member of a new draft, signed in by invitation and holding an API token, all through node A. */
  async function memberOnNewDraft(name: string) {
    const doc = await api<{ id: string }>(a, 'POST', '/api/documents', { title: `Draft of ${name}` });
    expect(doc.status).toBe(201);
    const invite = await api<{ token: string }>(a, 'POST', `/api/documents/${doc.body.id}/invites`, {
      role: 'member',
      ttlHours: 1,
    });
    const joined = await api<{ user: { id: string } }>(
      a,
      'POST',
      `/api/invites/${invite.body.token}/accept`,
      { name, affiliation: 'Delegation of Tests' },
      '',
    );
    expect(joined.status).toBe(200);
    const session = /accord_session=([^;]+)/.exec(joined.cookie)?.[1] ?? '';
    expect(session).not.toBe('');
    const token = await api<{ id: string; token: string }>(a, 'POST', '/api/tokens', { label: 'laptop' }, session);
    expect(token.status).toBe(200);
    return {
      docId: doc.body.id,
      userId: joined.body.user.id,
      session,
      tokenId: token.body.id,
      token: token.body.token,
    };
  }

  it('a token revoked on node A closes the socket it opened on node B', async () => {
    const m = await memberOnNewDraft('Rita Revoked');
    const socket = await syncedOn(b, m.docId, m.token);
    const closed = socket.closed();
    expect((await api(a, 'DELETE', `/api/tokens/${m.tokenId}`, undefined, m.session)).status).toBe(200);
    expect(await closed).toBe(CloseCode.unauthorized);
  }, 60_000);

  it('a member removed on node A loses the socket open on node B', async () => {
    const m = await memberOnNewDraft('Moritz Removed');
    const socket = await syncedOn(b, m.docId, m.token);
    const closed = socket.closed();
    expect((await api(a, 'DELETE', `/api/documents/${m.docId}/members/${m.userId}`)).status).toBe(200);
    expect([CloseCode.unauthorized, CloseCode.forbidden]).toContain(await closed);
  }, 60_000);
});
