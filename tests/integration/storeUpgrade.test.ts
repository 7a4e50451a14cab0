import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashSecret, newSecret } from '../../server/auth/secrets.js';
import { AuditLog } from '../../server/store/auditLog.js';
import { Delegations } from '../../server/store/delegations.js';
import { storeMigrations } from '../../server/store/kysely/storeMigrations.js';
import { openSqliteStore } from '../../server/store/openSqliteStore.js';
import { migrations, openSqlite } from '../../server/store/sqliteDatabase.js';
import type { Principal } from '../../shared/governance/roles.js';
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
    // The rows as the synchronous classes of earlier versions wrote them.
    const audit = new AuditLog(before);
    const chair: Principal = { userId: randomUUID(), name: 'Chair', affiliation: 'Norway', isAdmin: false };
    before
      .prepare('INSERT INTO users (id, name, affiliation, is_admin, created_at) VALUES (?, ?, ?, 0, ?)')
      .run(chair.userId, chair.name, chair.affiliation, Date.now());
    const session = newSecret();
    const token = newSecret();
    const credential = before.prepare(
      'INSERT INTO credentials (hash, id, user_id, kind, label, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    credential.run(hashSecret(session), 'c1', chair.userId, 'session', null, Date.now() + 3_600_000, Date.now());
    credential.run(hashSecret(token), 'c2', chair.userId, 'api_token', 'script', null, Date.now());
    const doc = { id: randomUUID(), title: 'Report', symbol: 'EG/1', createdAt: Date.now() };
    before
      .prepare('INSERT INTO documents (id, title, symbol, created_by, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(doc.id, doc.title, doc.symbol, chair.userId, doc.createdAt);
    const norway = new Delegations(before).forAffiliation(doc.id, 'Norway', false);
    before
      .prepare("INSERT INTO memberships (doc_id, user_id, role, delegation_id) VALUES (?, ?, 'chair', ?)")
      .run(doc.id, chair.userId, norway.id);
    const invite = newSecret();
    before
      .prepare(
        "INSERT INTO invites (hash, doc_id, role, created_by, expires_at, delegation_id) VALUES (?, ?, 'member', ?, ?, NULL)",
      )
      .run(hashSecret(invite), doc.id, chair.userId, Date.now() + 3_600_000);
    audit.append(doc.id, chair.userId, 'document.create', { title: 'Report' });
    audit.append(null, chair.userId, 'session.signin', {});
    // The log as the synchronous store wrote it: updates 1–3, then a snapshot folding 1–2.
    const insert = before.prepare('INSERT INTO doc_updates (doc_id, seq, data) VALUES (?, ?, ?)');
    for (const seq of [1, 2, 3]) insert.run(doc.id, seq, new Uint8Array([seq]));
    before
      .prepare('INSERT INTO doc_snapshots (doc_id, seq, data) VALUES (?, 2, ?)')
      .run(doc.id, new Uint8Array([9, 9]));
    before.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= 2').run(doc.id);
    before
      .prepare(
        `INSERT INTO revisions (id, doc_id, number, label, note, issued_by, issued_at, state)
         VALUES (?, ?, 0, 'Zero draft', 'first', ?, ?, ?)`,
      )
      .run(randomUUID(), doc.id, chair.userId, Date.now(), new Uint8Array([7]));
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
      const row = after.prepare('SELECT user_id FROM credentials WHERE hash = ?').get(hashSecret(session));
      expect(row).toEqual({ user_id: chair.userId });
      const chain = new AuditLog(after);
      expect(chain.list(doc.id).map((e) => e.action)).toEqual(['document.create', 'status.set']);
      expect((await chain.verify(doc.id, { full: true })).intact).toBe(true);
      expect(after.prepare('SELECT max(seq) AS n FROM doc_updates WHERE doc_id = ?').get(doc.id)).toEqual({ n: 4 });
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
