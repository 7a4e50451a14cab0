import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Accounts } from '../../server/store/accounts.js';
import { AuditLog } from '../../server/store/auditLog.js';
import { storeMigrations } from '../../server/store/kysely/storeMigrations.js';
import { openSqliteStore } from '../../server/store/openSqliteStore.js';
import { RevisionStore } from '../../server/store/revisionStore.js';
import { migrations, openSqlite } from '../../server/store/sqliteDatabase.js';
import { SqliteDocStore } from '../../server/store/sqliteDocStore.js';
import { removeDir } from '../support/testServer.js';

/**
 * An installation's store file, written by the synchronous classes the server runs today, opens
 * under the async store: its migrations add what is new and lose nothing, and the old classes
 * keep working on the upgraded file.
 */
describe('upgrading an existing SQLite store file', () => {
  let dir: string;
  afterEach(() => removeDir(dir));

  it('keeps accounts, log, audit chains and revisions, and records the migrations once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-upgrade-'));
    const before = openSqlite(dir, 'NORMAL');
    const accounts = new Accounts(before);
    const audit = new AuditLog(before);
    const chair = accounts.createUser('Chair', 'Norway');
    const session = accounts.issue(chair.userId, 'session');
    const { token } = accounts.issueApiToken(chair.userId, 'script');
    const doc = accounts.createDocument('Report', 'EG/1', chair.userId);
    accounts.setRole(doc.id, chair.userId, 'chair');
    const invite = accounts.createInvite(doc.id, 'member', chair.userId, 3_600_000);
    audit.append(doc.id, chair.userId, 'document.create', { title: 'Report' });
    audit.append(null, chair.userId, 'session.signin', {});
    const log = new SqliteDocStore(before);
    await log.append(doc.id, [new Uint8Array([1]), new Uint8Array([2]), new Uint8Array([3])]);
    await log.compact(doc.id, new Uint8Array([9, 9]), 2);
    new RevisionStore(before).issue(doc.id, chair.userId, 'first', new Uint8Array([7]));
    // A silence deadline as the file's own table held it before deadlines became keyed jobs.
    before
      .prepare("INSERT INTO deadlines (key, doc_id, kind, due_at) VALUES ('silence:s1', ?, 'silence.expire', 1234)")
      .run(doc.id);
    expect(before.pragma('user_version', { simple: true })).toBe(migrations.length);
    before.close();

    const store = await openSqliteStore(openSqlite(dir, 'NORMAL'));
    try {
      expect(await store.users.get(chair.userId)).toEqual(chair);
      expect((await store.credentials.check(session))?.principal).toEqual(chair);
      expect((await store.credentials.check(token))?.kind).toBe('api_token');
      expect(await store.documents.get(doc.id)).toEqual(doc);
      expect((await store.memberships.members(doc.id)).map((m) => [m.userId, m.role, m.delegation?.name])).toEqual([
        [chair.userId, 'chair', 'Norway'],
      ]);
      expect(await store.invites.offer(invite)).toMatchObject({ docId: doc.id, role: 'member' });
      expect(await store.log.load(doc.id)).toEqual({
        snapshot: new Uint8Array([9, 9]),
        snapshotSeq: 2,
        updates: [new Uint8Array([3])],
        lastSeq: 3,
      });
      expect((await store.audit.list(doc.id)).map((e) => e.action)).toEqual(['document.create']);
      expect((await store.audit.verify(doc.id)).intact).toBe(true);
      expect((await store.audit.verify(null)).intact).toBe(true);
      expect((await store.revisions.get(doc.id, 0))?.state).toEqual(new Uint8Array([7]));
      expect(await store.jobs.pending(doc.id)).toMatchObject([
        { key: 'silence:s1', kind: 'silence.expire', docId: doc.id, runAt: 1234 },
      ]);
      // Written through the new store, read by the old classes (the server still runs them).
      await store.audit.append(doc.id, { actor: chair.userId, action: 'status.set', detail: {} });
      expect(
        await store.log.append({ docId: doc.id, expectedSeq: 3, updates: [new Uint8Array([4])], epoch: null }),
      ).toBe(4);
    } finally {
      await store.close();
    }

    const after = openSqlite(dir, 'NORMAL');
    try {
      expect(new Accounts(after).authenticate(session)).toEqual(chair);
      const chain = new AuditLog(after);
      expect(chain.list(doc.id).map((e) => e.action)).toEqual(['document.create', 'status.set']);
      expect((await chain.verify(doc.id, { full: true })).intact).toBe(true);
      expect((await new SqliteDocStore(after).load(doc.id)).lastSeq).toBe(4);
      const versions = after.prepare('SELECT version FROM store_migrations ORDER BY version').all();
      expect(versions).toEqual(storeMigrations.map((m) => ({ version: m.version })));
    } finally {
      after.close();
    }
    // Opening again applies nothing twice.
    const again = await openSqliteStore(openSqlite(dir, 'NORMAL'));
    await again.close();
  });
});
