import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AUDIT_TABLE } from '../../server/store/auditLog.js';
import { CloseCode } from '../../shared/protocol/closeCodes.js';
import { firstSection, indexOfClause, newClause, sendEdit } from '../support/editing.js';
import { govOf } from '../support/paragraphs.js';
import { RawClient } from '../support/rawClient.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/**
 * The real SQLite store made to fail: a trigger aborts every write to one table, as a
 * full disk or an I/O error would. Requests settle with 503, nothing is half-recorded.
 */
describe('when the store fails', () => {
  let server: TestServer;
  let docId: string;
  const clients: RawClient[] = [];
  const para = (pid: string, what: string) => `/api/documents/${docId}/paragraphs/${pid}/${what}`;
  const breakTable = (table: string) =>
    server.accord.db.exec(
      `CREATE TRIGGER fail_${table} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;`,
    );
  const repairTable = (table: string) => server.accord.db.exec(`DROP TRIGGER fail_${table}`);
  /** An API call that must settle: a hang fails the test instead of waiting forever. */
  const settled = <T>(call: Promise<T>) =>
    Promise.race([
      call,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the request never settled')), 10_000)),
    ]);
  const auditActions = async () => (await server.accord.store.audit.list(docId)).map((e) => e.action);
  const freshView = async () => {
    const c = await RawClient.synced(`${server.wsUrl}/${docId}?token=${ADMIN_TOKEN}`);
    clients.push(c);
    return c.doc;
  };

  beforeEach(async () => {
    server = await startTestServer();
    docId = await server.createDoc();
    const chair = await RawClient.synced(`${server.wsUrl}/${docId}?token=${ADMIN_TOKEN}`);
    clients.push(chair);
    sendEdit(chair, () => firstSection(chair.doc).insert(1, [newClause('p1', 'One.'), newClause('p2', 'Two.')]));
    const room = await server.accord.services.rooms.get(docId);
    await chair.until(() => indexOfClause(room.doc, 'p2') >= 0, 'the server to have the paragraphs');
    expect((await server.api('POST', para('p1', 'status'), { status: 'agreed' })).status).toBe(200);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.stop();
    removeDir(server.dataDir);
  });

  it('a lock answers 503 storage_unavailable, and neither the lock nor its audit entry exists afterwards', async () => {
    const watcher = await RawClient.synced(`${server.wsUrl}/${docId}?token=${ADMIN_TOKEN}`);
    clients.push(watcher);
    breakTable('doc_updates');
    const res = await settled(server.api<{ error: { code: string; message: string } }>('POST', para('p1', 'lock')));
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('storage_unavailable');
    expect(res.body.error.message).toMatch(/stored/);
    // The room's clients are told to reconnect and resend.
    expect(await watcher.closed()).toBe(CloseCode.internalError);
    repairTable('doc_updates');

    expect(await auditActions()).not.toContain('paragraph.lock');
    const doc = await freshView();
    expect(govOf(doc, 'p1')).toMatchObject({ status: 'agreed', lock: null });
    // The draft works again: the same command now succeeds.
    expect((await settled(server.api('POST', para('p1', 'lock')))).status).toBe(200);
    expect(await auditActions()).toContain('paragraph.lock');
  });

  it('every request waiting on the failed room is answered, none hangs', async () => {
    breakTable('doc_updates');
    const calls = [
      server.api('POST', para('p1', 'lock')),
      server.api('POST', para('p2', 'status'), { status: 'under_negotiation' }),
      server.api('POST', para('p2', 'objections'), { reason: 'Not yet' }),
      server.api('POST', para('p1', 'status'), { status: 'agreed_ad_ref' }),
    ];
    const statuses = (await settled(Promise.all(calls))).map((r) => r.status);
    expect(statuses).toEqual([503, 503, 503, 503]);
    repairTable('doc_updates');
    expect(await auditActions()).toEqual(expect.not.arrayContaining(['paragraph.lock', 'objection.lodge']));
    const doc = await freshView();
    expect(govOf(doc, 'p1')).toMatchObject({ status: 'agreed', lock: null });
    expect(govOf(doc, 'p2').status).toBe('draft');
  });

  it("a command's audit entry is written in the same transaction as its change: no audit, no change", async () => {
    const table = AUDIT_TABLE;
    breakTable(table);
    const res = await settled(
      server.api<{ error: { code: string } }>('POST', para('p2', 'status'), {
        status: 'under_negotiation',
      }),
    );
    expect(res.status).toBe(503);
    repairTable(table);
    const doc = await freshView();
    expect(govOf(doc, 'p2').status).toBe('draft');
    const room = await server.accord.services.rooms.get(docId);
    expect(govOf(room.doc, 'p2').status).toBe('draft');
    // Restarting on the same file shows the same.
    await server.stop();
    server = await startTestServer({ dataDir: server.dataDir });
    const restarted = await server.accord.services.rooms.get(docId);
    expect(govOf(restarted.doc, 'p2').status).toBe('draft');
    expect(Y.encodeStateVector(restarted.doc).length).toBeGreaterThan(0);
  });
});
