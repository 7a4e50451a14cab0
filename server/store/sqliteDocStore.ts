import type { AppendOutcome, DocAppend, DocStore, StoredDoc } from './docStore.js';
import type { SqliteDatabase } from './sqliteDatabase.js';

export class SqliteDocStore implements DocStore {
  private readonly q;

  constructor(private readonly db: SqliteDatabase) {
    this.q = {
      snapshot: db.prepare<[string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM doc_snapshots WHERE doc_id = ?',
      ),
      updates: db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq',
      ),
      lastSeq: db.prepare<[string, string], { seq: number | null }>(
        `SELECT max(seq) AS seq FROM (
           SELECT max(seq) AS seq FROM doc_updates WHERE doc_id = ?
           UNION ALL SELECT seq FROM doc_snapshots WHERE doc_id = ?)`,
      ),
      insert: db.prepare<[string, number, Uint8Array]>('INSERT INTO doc_updates (doc_id, seq, data) VALUES (?, ?, ?)'),
      upsertSnapshot: db.prepare<[string, number, Uint8Array]>(
        `INSERT INTO doc_snapshots (doc_id, seq, data) VALUES (?, ?, ?)
         ON CONFLICT (doc_id) DO UPDATE SET seq = excluded.seq, data = excluded.data`,
      ),
      deleteUpTo: db.prepare<[string, number]>('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?'),
      count: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM doc_updates WHERE doc_id = ?'),
    };
  }

  async load(docId: string): Promise<StoredDoc> {
    return this.db.transaction(() => {
      const snap = this.q.snapshot.get(docId);
      const rows = this.q.updates.all(docId, snap?.seq ?? 0);
      const lastSeq = rows.length > 0 ? (rows[rows.length - 1]?.seq ?? 0) : (snap?.seq ?? 0);
      return {
        snapshot: snap ? new Uint8Array(snap.data) : null,
        updates: rows.map((r) => new Uint8Array(r.data)),
        lastSeq,
      };
    })();
  }

  async append(docId: string, updates: readonly Uint8Array[], alongside?: () => void): Promise<number> {
    return this.db.transaction(() => {
      let seq = this.q.lastSeq.get(docId, docId)?.seq ?? 0;
      for (const u of updates) this.q.insert.run(docId, ++seq, u);
      alongside?.();
      return seq;
    })();
  }

  async appendGroup(appends: readonly DocAppend[]): Promise<AppendOutcome[]> {
    // Each part in its own savepoint (better-sqlite3 nests transactions that way), all in one commit.
    const part = this.db.transaction((a: DocAppend) => {
      let seq = a.afterSeq;
      for (const u of a.updates) this.q.insert.run(a.docId, ++seq, u);
      a.alongside?.();
      return seq;
    });
    return this.db.transaction(() =>
      appends.map((a): AppendOutcome => {
        try {
          return { ok: true, lastSeq: part(a) };
        } catch (error) {
          // Disk-level errors (full, I/O) end the whole transaction: then nothing may go on in it.
          if (!this.db.inTransaction) throw error;
          return { ok: false, error };
        }
      }),
    )();
  }

  async compact(docId: string, state: Uint8Array, upToSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.q.upsertSnapshot.run(docId, upToSeq, state);
      this.q.deleteUpTo.run(docId, upToSeq);
    })();
  }

  async logLength(docId: string): Promise<number> {
    return this.q.count.get(docId)?.n ?? 0;
  }

  async close(): Promise<void> {
    // The database handle is shared and closed by its owner.
  }
}
