import type { Deadline, DeadlineKind, DeadlineQueue } from './deadlineQueue.js';
import type { SqliteDatabase } from './sqliteDatabase.js';

interface Row {
  key: string;
  doc_id: string;
  kind: DeadlineKind;
  due_at: number;
}

/**
 * The deadline table of the embedded store (migration 6 in sqliteDatabase.ts). The embedded
 * store has one server process: claims left by a previous process (a crash between claim and
 * completion) are dropped when the queue is opened, so a deadline that passed while the server
 * was down is applied at once at start, not after a lease.
 */
export class SqliteDeadlineQueue implements DeadlineQueue {
  private readonly q;

  constructor(db: SqliteDatabase) {
    db.prepare('UPDATE deadlines SET claimed_until = NULL WHERE done_at IS NULL AND claimed_until IS NOT NULL').run();
    this.q = {
      schedule: db.prepare(
        `INSERT INTO deadlines (key, doc_id, kind, due_at) VALUES (@key, @docId, @kind, @dueAt)
         ON CONFLICT (key) DO UPDATE SET due_at = excluded.due_at, done_at = NULL, claimed_until = NULL`,
      ),
      claim: db.prepare<[number, number, number, number], Row>(
        `UPDATE deadlines SET claimed_until = ?
         WHERE key IN (
           SELECT key FROM deadlines
           WHERE done_at IS NULL AND due_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
           ORDER BY due_at LIMIT ?
         )
         RETURNING key, doc_id, kind, due_at`,
      ),
      complete: db.prepare('UPDATE deadlines SET done_at = ?, claimed_until = NULL WHERE key = ?'),
    };
  }

  schedule(d: Deadline): void {
    this.q.schedule.run(d);
  }

  async claimDue(now: number, limit: number, leaseMs: number): Promise<Deadline[]> {
    return this.q.claim
      .all(now + leaseMs, now, now, limit)
      .map((r) => ({ key: r.key, docId: r.doc_id, kind: r.kind, dueAt: r.due_at }))
      .sort((a, b) => a.dueAt - b.dueAt);
  }

  complete(key: string, at: number): void {
    this.q.complete.run(at, key);
  }
}
