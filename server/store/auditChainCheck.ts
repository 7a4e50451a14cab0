import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** The table holding the chains (for tooling such as the backup summary). */
export const AUDIT_TABLE = 'audit_entries';
/** Rows verified per read: a chain of millions of entries is never held in memory at once. */
const VERIFY_BATCH = 5000;

/** Where a chain check starts: after `fromSeq`, whose hash is `prevHash` (0 and the genesis hash for all of it). */
export interface ChainCheckStart {
  chain: string;
  fromSeq: number;
  prevHash: string;
}

/** What a chain check found: intact up to `last`, or the first entry that does not match. */
export interface ChainCheck {
  intact: boolean;
  firstBroken: { seq: number; reason: string } | null;
  checked: number;
  last: { seq: number; hash: string } | null;
}

/**
 * Checks a hash chain from `start` on: every entry follows the previous one in sequence, links
 * to its hash and matches its own hash. Pure reading: the worker pool runs it over its own
 * read-only connection to the store file, so a long chain never holds the event loop.
 */
export function checkChain(db: Database.Database, start: ChainCheckStart): ChainCheck {
  const page = db.prepare<[string, number, number], AuditRow>(
    `SELECT * FROM ${AUDIT_TABLE} WHERE chain = ? AND seq > ? ORDER BY seq LIMIT ?`,
  );
  let prev = start.prevHash;
  let checked = 0;
  let last: { seq: number; hash: string } | null = null;
  const broken = (seq: number, reason: string): ChainCheck => ({
    intact: false,
    firstBroken: { seq, reason },
    checked,
    last,
  });
  for (let after = start.fromSeq; ; ) {
    const rows = page.all(start.chain, after, VERIFY_BATCH);
    for (const row of rows) {
      checked++;
      const expectedSeq: number = (last?.seq ?? start.fromSeq) + 1;
      if (row.seq !== expectedSeq) return broken(expectedSeq, 'an entry is missing');
      if (row.prev_hash !== prev) return broken(row.seq, 'broken link to the previous entry');
      if (!rowMatches(row)) return broken(row.seq, 'entry content does not match its hash');
      prev = row.hash;
      last = { seq: row.seq, hash: row.hash };
    }
    if (rows.length < VERIFY_BATCH) break;
    after = last?.seq ?? after;
  }
  return { intact: true, firstBroken: null, checked, last };
}

export interface AuditRow {
  chain: string;
  seq: number;
  doc_id: string | null;
  at: number;
  actor: string | null;
  action: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

/**
 * An entry's hash: SHA-256 (hex) of the JSON array
 * `[prevHash, chain, seq, at, actor, action, detail]`, where chain is the document id
 * ('' for installation events) and detail the entry's detail as stored (a JSON string).
 * Anyone holding an export can recompute it.
 */
export function hashOf(
  prev: string,
  chain: string,
  seq: number,
  at: number,
  actor: string | null,
  action: string,
  detail: string,
): string {
  return createHash('sha256')
    .update(JSON.stringify([prev, chain, seq, at, actor, action, detail]))
    .digest('hex');
}

export function rowMatches(r: AuditRow): boolean {
  return hashOf(r.prev_hash, r.chain, r.seq, r.at, r.actor, r.action, r.detail) === r.hash;
}
