import { createHash } from 'node:crypto';
import type { SqliteDatabase } from './sqliteDatabase.js';

export interface AuditEntry {
  seq: number;
  docId: string | null;
  at: number;
  actor: string | null;
  action: string;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);

/**
 * Append-only log of governance actions and accepted edit batches. Each entry
 * carries the hash of the previous one (over the whole installation), so
 * changing or removing any entry breaks every hash after it: `verify` finds it.
 * The table also refuses UPDATE and DELETE (triggers in the schema).
 */
export class AuditLog {
  private readonly insert;
  private readonly last;

  constructor(private readonly db: SqliteDatabase) {
    this.insert = db.prepare(
      'INSERT INTO audit_log (doc_id, at, actor, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    // Read, not cached: an entry written inside a transaction that rolls back must not become the chain's tail.
    this.last = db.prepare<[], { hash: string }>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  }

  append(docId: string | null, actor: string | null, action: string, detail: Record<string, unknown>): AuditEntry {
    const at = Date.now();
    const detailJson = JSON.stringify(detail);
    const prevHash = this.last.get()?.hash ?? GENESIS;
    const hash = entryHash(prevHash, docId, at, actor, action, detailJson);
    const { lastInsertRowid } = this.insert.run(docId, at, actor, action, detailJson, prevHash, hash);
    return { seq: Number(lastInsertRowid), docId, at, actor, action, detail, prevHash, hash };
  }

  list(docId: string, limit = 1000, afterSeq = 0): AuditEntry[] {
    return (
      this.db
        .prepare('SELECT * FROM audit_log WHERE doc_id = ? AND seq > ? ORDER BY seq LIMIT ?')
        .all(docId, afterSeq, limit) as Row[]
    ).map(fromRow);
  }

  /** Re-computes the whole chain; returns the first entry that does not match, or null if intact. */
  verify(): { seq: number; reason: string } | null {
    let prev = GENESIS;
    for (const row of this.db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<Row>) {
      if (row.prev_hash !== prev) return { seq: row.seq, reason: 'broken link to the previous entry' };
      if (entryHash(row.prev_hash, row.doc_id, row.at, row.actor, row.action, row.detail) !== row.hash) {
        return { seq: row.seq, reason: 'entry content does not match its hash' };
      }
      prev = row.hash;
    }
    return null;
  }
}

interface Row {
  seq: number;
  doc_id: string | null;
  at: number;
  actor: string | null;
  action: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

function fromRow(r: Row): AuditEntry {
  return {
    seq: r.seq,
    docId: r.doc_id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

function entryHash(
  prev: string,
  docId: string | null,
  at: number,
  actor: string | null,
  action: string,
  detail: string,
): string {
  return createHash('sha256')
    .update(JSON.stringify([prev, docId, at, actor, action, detail]))
    .digest('hex');
}
