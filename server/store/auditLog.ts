import {
  AUDIT_TABLE,
  type AuditRow,
  type ChainCheck,
  type ChainCheckStart,
  checkChain,
  hashOf,
  rowMatches,
} from './auditChainCheck.js';
import type { SqliteDatabase } from './sqliteDatabase.js';

export { AUDIT_TABLE, hashOf } from './auditChainCheck.js';

/**
 * Runs a chain check somewhere else than the event loop (the worker pool, over its own
 * read-only connection to `file`). Without one, the check runs inline.
 */
export type ChainChecker = (file: string, start: ChainCheckStart) => Promise<ChainCheck>;

export interface AuditEntry {
  /** Position in its chain, from 1. */
  seq: number;
  /** The document the entry belongs to, or null for installation events (sign-ins, tokens). */
  docId: string | null;
  at: number;
  actor: string | null;
  action: string;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface Verification {
  intact: boolean;
  /** The first entry that does not match, when broken. */
  firstBroken: { seq: number; reason: string } | null;
  /** Verified from this sequence number (the stored checkpoint; 0 for a full verification). */
  from: number;
  /** Entries checked in this verification. */
  checked: number;
}

/** Chain key of installation events: no document id is empty. */
const INSTALLATION = '';
const GENESIS = '0'.repeat(64);
/**
 * Chains with at most this many entries to check are checked inline (a few tens of ms); longer
 * ones on the worker pool, where starting a thread costs more than hashing a few thousand rows.
 */
const INLINE_CHECK_MAX = 5000;

/**
 * The hash-chained audit log: one chain per document, and one for installation events
 * (sign-ins, tokens). Each entry's hash covers the previous entry's hash and the entry
 * itself (`hashOf`), so changing, removing or reordering an entry breaks the chain from
 * there on; SQLite triggers also refuse UPDATE and DELETE.
 *
 * Verification is incremental: a checkpoint (the last verified sequence number and hash
 * of each chain) is stored, and a read verifies only what was appended since, after
 * checking that the checkpoint entry still has its hash. A full verification from the
 * first entry is available on request (`full`); the server runs the hashing on its worker pool
 * (`ChainChecker`), so a long chain never holds the event loop.
 *
 * The server appends through the async store (`AuditRepo`, same rows and hashes, with the audit
 * listeners); this class reads and verifies chains of the SQLite file (incremental, on the worker
 * pool), and appends only for the file's own frozen migrations.
 */
export class AuditLog {
  private readonly q;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly checker: ChainChecker | null = null,
  ) {
    this.q = {
      tail: db.prepare<[string], { seq: number; hash: string }>(
        `SELECT seq, hash FROM ${AUDIT_TABLE} WHERE chain = ? ORDER BY seq DESC LIMIT 1`,
      ),
      insert: db.prepare(
        `INSERT INTO ${AUDIT_TABLE} (chain, seq, doc_id, at, actor, action, detail, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      page: db.prepare<[string, number, number], AuditRow>(
        `SELECT * FROM ${AUDIT_TABLE} WHERE chain = ? AND seq > ? ORDER BY seq LIMIT ?`,
      ),
      at: db.prepare<[string, number], AuditRow>(`SELECT * FROM ${AUDIT_TABLE} WHERE chain = ? AND seq = ?`),
      countAfter: db.prepare<[string, number], { n: number }>(
        `SELECT count(*) AS n FROM ${AUDIT_TABLE} WHERE chain = ? AND seq > ?`,
      ),
      checkpoint: db.prepare<[string], { seq: number; hash: string }>(
        'SELECT seq, hash FROM audit_checkpoints WHERE chain = ?',
      ),
      saveCheckpoint: db.prepare(
        `INSERT INTO audit_checkpoints (chain, seq, hash, verified_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (chain) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, verified_at = excluded.verified_at`,
      ),
    };
  }

  append(docId: string | null, actor: string | null, action: string, detail: Record<string, unknown>): AuditEntry {
    const chain = docId ?? INSTALLATION;
    const at = Date.now();
    const detailJson = JSON.stringify(detail);
    const tail = this.q.tail.get(chain);
    const seq = (tail?.seq ?? 0) + 1;
    const prevHash = tail?.hash ?? GENESIS;
    const hash = hashOf(prevHash, chain, seq, at, actor, action, detailJson);
    this.q.insert.run(chain, seq, docId, at, actor, action, detailJson, prevHash, hash);
    return { seq, docId, at, actor, action, detail, prevHash, hash };
  }

  /** Entries of one document's chain (or the installation's, docId null) after `afterSeq`, in order. */
  list(docId: string | null, limit = 1000, afterSeq = 0): AuditEntry[] {
    return this.q.page.all(docId ?? INSTALLATION, afterSeq, limit).map(auditEntryFromRow);
  }

  /** Every entry of a chain, a page at a time (for exports). */
  *pages(docId: string | null, pageSize = 1000): Generator<AuditEntry[]> {
    for (let after = 0; ; ) {
      const page = this.list(docId, pageSize, after);
      if (page.length === 0) return;
      yield page;
      after = page[page.length - 1]?.seq ?? after;
      if (page.length < pageSize) return;
    }
  }

  /**
   * Verifies a chain: from the stored checkpoint (after checking the checkpoint entry is
   * unchanged), or from the first entry when `full`. An intact result moves the checkpoint.
   */
  async verify(docId: string | null, { full = false } = {}): Promise<Verification> {
    const chain = docId ?? INSTALLATION;
    const cp = full ? undefined : this.q.checkpoint.get(chain);
    let from = 0;
    let prev = GENESIS;
    if (cp) {
      const anchor = this.q.at.get(chain, cp.seq);
      if (!anchor || anchor.hash !== cp.hash || !rowMatches(anchor)) {
        return {
          intact: false,
          firstBroken: { seq: cp.seq, reason: 'the verified entry was changed or removed' },
          from: cp.seq,
          checked: 1,
        };
      }
      from = cp.seq;
      prev = cp.hash;
    }
    const start = { chain, fromSeq: from, prevHash: prev };
    // Hashing a long chain takes a while: on the worker pool when the server has one.
    const long = (this.q.countAfter.get(chain, from)?.n ?? 0) > INLINE_CHECK_MAX;
    const result =
      long && this.checker && this.db.name ? await this.checker(this.db.name, start) : checkChain(this.db, start);
    if (!result.intact) return { intact: false, firstBroken: result.firstBroken, from, checked: result.checked };
    if (result.last) this.q.saveCheckpoint.run(chain, result.last.seq, result.last.hash, Date.now());
    return { intact: true, firstBroken: null, from, checked: result.checked };
  }
}

/** A stored row as an entry; both stores read rows this way, so the chain check sees the same values. */
export function auditEntryFromRow(r: AuditRow): AuditEntry {
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
