import { randomUUID } from 'node:crypto';
import { type Deadline, type DeadlineKind, type DeadlineQueue, deadlineKinds } from './deadlineQueue.js';
import type { SqliteDatabase } from './sqliteDatabase.js';

interface Row {
  key: string;
  doc_id: string;
  kind: DeadlineKind;
  run_at: number;
}

/** Who claims on the embedded store: its one server process. */
const EMBEDDED_CLAIMER = 'embedded';

/**
 * Silence deadlines on the embedded store, as keyed rows of the store's `jobs` table (store
 * migrations 2, 4 and 5; the same rows `JobRepo` schedules and claims on every adapter), written
 * synchronously inside the room's store transaction. The embedded store has one server process:
 * claims left by a previous process (a crash between claim and completion) are dropped when the
 * queue is opened, so a deadline that passed while the server was down is applied at once at
 * start, not after a lease. Only deadline kinds are claimed here: other jobs have their own runners.
 */
export class SqliteDeadlineQueue implements DeadlineQueue {
  private readonly q;

  constructor(db: SqliteDatabase) {
    const kinds = deadlineKinds.map((k) => `'${k}'`).join(', ');
    db.prepare(
      `UPDATE jobs SET claimed_by = NULL, claimed_until = NULL
       WHERE done_at IS NULL AND claimed_until IS NOT NULL AND kind IN (${kinds})`,
    ).run();
    this.q = {
      schedule: db.prepare(
        `INSERT INTO jobs (id, key, kind, doc_id, payload, run_at, attempts, created_at)
         VALUES (@id, @key, @kind, @docId, 'null', @dueAt, 0, @now)
         ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, doc_id = excluded.doc_id, run_at = excluded.run_at,
           done_at = NULL, claimed_by = NULL, claimed_until = NULL`,
      ),
      claim: db.prepare<[string, number, number, number, number], Row>(
        `UPDATE jobs SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM jobs
           WHERE done_at IS NULL AND key IS NOT NULL AND kind IN (${kinds}) AND run_at <= ?
             AND (claimed_until IS NULL OR claimed_until <= ?)
           ORDER BY run_at LIMIT ?
         )
         RETURNING key, doc_id, kind, run_at`,
      ),
      complete: db.prepare('UPDATE jobs SET done_at = ?, claimed_by = NULL, claimed_until = NULL WHERE key = ?'),
    };
  }

  schedule(d: Deadline): void {
    this.q.schedule.run({
      id: randomUUID(),
      key: d.key,
      kind: d.kind,
      docId: d.docId,
      dueAt: d.dueAt,
      now: Date.now(),
    });
  }

  async claimDue(now: number, limit: number, leaseMs: number): Promise<Deadline[]> {
    return this.q.claim
      .all(EMBEDDED_CLAIMER, now + leaseMs, now, now, limit)
      .map((r) => ({ key: r.key, docId: r.doc_id, kind: r.kind, dueAt: r.run_at }))
      .sort((a, b) => a.dueAt - b.dueAt);
  }

  complete(key: string, at: number): void {
    this.q.complete.run(at, key);
  }
}
