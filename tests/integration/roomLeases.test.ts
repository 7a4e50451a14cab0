import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/closeCodes.js';
import { type ChildServer, spawnServer } from '../support/childServer.js';
import { clauseById, firstSection, indexOfClause, newClause, sendEdit, textOf } from '../support/editing.js';
import { RawClient } from '../support/rawClient.js';
import { TEST_DATABASE_URL } from '../support/storeAdapters.js';
import { ADMIN_TOKEN, removeDir } from '../support/testServer.js';

const TTL_MS = 2000;

/**
 * One owner per document (issue 12): two nodes on one PostgreSQL schema. The node that loads a
 * document holds its lease; the other refuses it (4503, forwarding to the owner comes next). An
 * owner paused (SIGSTOP) past its lease loses it: the other node takes the document over under
 * the next epoch, and the paused node's late write is refused by the epoch — it drops the room
 * and closes its sockets, and nothing it wrote late is stored.
 */
describe('document leases between two nodes', () => {
  const schema = `leases_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  const dirs: string[] = [];
  const clients: RawClient[] = [];
  let a: ChildServer;
  let b: ChildServer;

  const node = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'accord-leases-'));
    dirs.push(dir);
    return spawnServer(dir, {
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: schema,
      REDIS_URL: 'redis://127.0.0.1:6379',
      NODE_ID: 'lease-node',
      LEASE_TTL_MS: String(TTL_MS),
      LEASE_RENEW_MS: '300',
      ROOM_IDLE_MS: '60000',
    });
  };
  const join_ = async (server: ChildServer, docId: string) => {
    const c = await RawClient.synced(`ws://127.0.0.1:${server.port}/collab/${docId}?token=${ADMIN_TOKEN}`);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    a = await node();
    b = await node();
  }, 90_000);
  afterAll(async () => {
    for (const c of clients.splice(0)) c.close();
    if (a?.child.exitCode === null) a.child.kill('SIGCONT');
    await Promise.all([a?.stop(), b?.stop()]);
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
    for (const d of dirs) removeDir(d);
  });

  it('refuses a document another node owns, and takes it over from a paused owner whose late write is refused', async () => {
    const created = await fetch(`http://127.0.0.1:${a.port}/api/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Leased draft' }),
    });
    expect(created.status).toBe(201);
    const docId = ((await created.json()) as { id: string }).id;
    const onA = await join_(a, docId);
    sendEdit(onA, () => firstSection(onA.doc).insert(1, [newClause('p-lease', 'Alpha')]));
    const leaseOf = async () =>
      (
        await admin.query<{ owner: string; epoch: number }>(
          `SELECT owner, epoch FROM ${schema}.doc_leases WHERE doc_id = $1`,
          [docId],
        )
      ).rows[0];
    const first = await leaseOf();
    expect(first?.owner).toMatch(/^lease-node-/);

    // Node B does not load a document node A owns.
    const refused = await RawClient.connect(`ws://127.0.0.1:${b.port}/collab/${docId}?token=${ADMIN_TOKEN}`);
    clients.push(refused);
    expect(await refused.closed()).toBe(CloseCode.notOwner);

    // A is paused past its lease; what its client sends meanwhile waits in A's socket buffer.
    await new Promise((r) => setTimeout(r, 300));
    a.child.kill('SIGSTOP');
    sendEdit(onA, () => textOf(clauseById(onA.doc, 'p-lease')).insert(0, 'LATE '));
    await new Promise((r) => setTimeout(r, TTL_MS + 800));

    // B takes the document over under the next epoch, with everything A had stored.
    const onB = await join_(b, docId);
    expect(indexOfClause(onB.doc, 'p-lease')).toBeGreaterThanOrEqual(0);
    expect(textOf(clauseById(onB.doc, 'p-lease')).toString()).toBe('Alpha');
    const second = await leaseOf();
    expect(second?.owner).not.toBe(first?.owner);
    expect(Number(second?.epoch)).toBe(Number(first?.epoch) + 1);
    sendEdit(onB, () => textOf(clauseById(onB.doc, 'p-lease')).insert(5, ' Beta'));

    // A resumes: its late write is refused (epoch) or its lease found gone — either way it drops the room.
    a.child.kill('SIGCONT');
    expect([CloseCode.notOwner, CloseCode.internalError]).toContain(await onA.closed());
    await new Promise((r) => setTimeout(r, 300));
    const reader = await join_(b, docId);
    expect(textOf(clauseById(reader.doc, 'p-lease')).toString()).toBe('Alpha Beta');
    expect(Number((await leaseOf())?.epoch)).toBe(Number(second?.epoch));
  }, 60_000);
});
