import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildServer, spawnServer } from '../support/childServer.js';
import { clauseId, clauseString, clauseText } from '../support/draftPaths.js';
import { clauseById, sendEdit, textOf } from '../support/editing.js';
import { connectProvider, eventually, synced } from '../support/providers.js';
import { RawClient } from '../support/rawClient.js';
import { TEST_DATABASE_URL } from '../support/storeAdapters.js';
import { ADMIN_TOKEN, removeDir } from '../support/testServer.js';

/**
 * DATABASE_URL runs the whole server on PostgreSQL (issue 12, one node): a real child process
 * on the test database, in a schema of its own that is dropped afterwards. Signing in, a draft,
 * two stock y-websocket clients typing at once, and a chair's lock refusing a member's edit
 * over the raw wire — everything stored in PostgreSQL (the data directory stays empty).
 */
describe('the server on PostgreSQL (DATABASE_URL)', () => {
  const schema = `server_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  let dataDir: string;
  let server: ChildServer;
  let base: string;
  const providers: Array<ReturnType<typeof connectProvider>> = [];
  const clients: RawClient[] = [];

  /** As the admin, or with `headers` (an empty authorization: anonymous, as a browser's first visit). */
  const api = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const all: Record<string, string> = {
      authorization: `Bearer ${ADMIN_TOKEN}`,
      origin: `http://localhost:${server.port}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    };
    if (all.authorization === '') delete all.authorization;
    const res = await fetch(base + path, {
      method,
      headers: all,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T, headers: res.headers };
  };

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    dataDir = mkdtempSync(join(tmpdir(), 'accord-pg-server-'));
    server = await spawnServer(dataDir, {
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: schema,
    });
    base = `http://127.0.0.1:${server.port}`;
  }, 60_000);
  afterAll(async () => {
    for (const p of providers.splice(0)) p.destroy();
    for (const c of clients.splice(0)) c.close();
    await server?.stop();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
    removeDir(dataDir);
  });

  it('is ready when PostgreSQL answers, with the store migrations applied at start', async () => {
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    const { rows } = await admin.query<{ version: number }>(`SELECT version FROM ${schema}.store_migrations`);
    expect(rows.length).toBeGreaterThanOrEqual(7);
  });

  it('signs in, opens a draft, lets two clients type together, and enforces a chair’s lock', async () => {
    const doc = await api<{ id: string }>('POST', '/api/documents', { title: 'Report on PostgreSQL' });
    expect(doc.status).toBe(201);
    const docId = doc.body.id;
    // A member joins by invitation (one store transaction), then signs in again with a one-time link.
    const invite = await api<{ token: string }>('POST', `/api/documents/${docId}/invites`, {
      role: 'member',
      ttlHours: 1,
    });
    const joined = await api<{ user: { id: string } }>(
      'POST',
      `/api/invites/${invite.body.token}/accept`,
      { name: 'Pat Postgres', affiliation: 'Delegation of Tests' },
      { authorization: '' },
    );
    expect(joined.status).toBe(200);
    const memberId = joined.body.user.id;
    const link = await api<{ url: string }>('POST', `/api/documents/${docId}/members/${memberId}/signin-link`);
    expect(link.status).toBe(201);
    const signIn = await api<{ user: { id: string } }>(
      'POST',
      '/api/signin',
      { token: link.body.url.split('/signin/')[1] },
      { authorization: '' },
    );
    expect(signIn.status).toBe(200);
    const session = /accord_session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1] ?? '';
    expect(session).not.toBe('');
    const token = await api<{ token: string }>(
      'POST',
      '/api/tokens',
      { label: 'typing' },
      {
        authorization: '',
        cookie: `accord_session=${session}`,
      },
    );
    expect(token.status).toBe(200);
    const memberToken = token.body.token;

    // Two stock providers type into the same paragraph at once and converge.
    const wsUrl = `ws://127.0.0.1:${server.port}/collab`;
    const chair = connectProvider(wsUrl, docId, ADMIN_TOKEN);
    const member = connectProvider(wsUrl, docId, memberToken);
    providers.push(chair, member);
    await Promise.all([synced(chair), synced(member)]);
    clauseText(chair.doc).insert(0, 'States should cooperate');
    await eventually(() => clauseString(member.doc) === 'States should cooperate', 5000, 'the chair’s text');
    clauseText(chair.doc).insert(0, 'All ');
    clauseText(member.doc).insert(clauseString(member.doc).length, ' closely.');
    await eventually(
      () => clauseString(chair.doc) === clauseString(member.doc) && clauseString(chair.doc).length === 36,
      5000,
      'convergence',
    );
    expect(clauseString(chair.doc)).toBe('All States should cooperate closely.');

    // The chair agrees and locks the paragraph; the member's edit of it is refused over the wire.
    const pid = clauseId(chair.doc);
    const para = (what: string) => `/api/documents/${docId}/paragraphs/${pid}/${what}`;
    expect((await api('POST', para('status'), { status: 'agreed' })).status).toBe(200);
    expect((await api('POST', para('lock'))).status).toBe(200);
    const raw = await RawClient.synced(`${wsUrl}/${docId}?token=${memberToken}`);
    clients.push(raw);
    sendEdit(raw, () => textOf(clauseById(raw.doc, pid)).insert(0, 'Not '));
    await raw.until(() => raw.notices.length > 0, 'the refusal');
    expect(raw.notices[0]).toMatch(/lock/i);
    // Nobody sees it, and a fresh reader gets the locked text from the store.
    await new Promise((r) => setTimeout(r, 200));
    expect(clauseString(chair.doc)).toBe('All States should cooperate closely.');
    const reader = await RawClient.synced(`${wsUrl}/${docId}?token=${ADMIN_TOKEN}`);
    clients.push(reader);
    expect(clauseString(reader.doc)).toBe('All States should cooperate closely.');

    // All of it is in PostgreSQL: the log, the audit chain, the member and nothing in DATA_DIR.
    const { rows: logged } = await admin.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${schema}.doc_updates WHERE doc_id = $1`,
      [docId],
    );
    expect(Number(logged[0]?.n)).toBeGreaterThan(0);
    const { rows: actions } = await admin.query<{ action: string }>(
      `SELECT action FROM ${schema}.audit_entries WHERE chain = $1 ORDER BY seq`,
      [docId],
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['document.create', 'member.invite', 'member.join', 'status.set', 'paragraph.lock']),
    );
    const audit = await api<{ chainIntact: boolean }>('GET', `/api/documents/${docId}/audit`);
    expect(audit.body.chainIntact).toBe(true);
    expect(readdirSync(dataDir)).toEqual([]);
  }, 60_000);
});
