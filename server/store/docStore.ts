import type { AuditDraft } from './repos/auditRepo.js';
import type { StoreRepos } from './repos/storeRepos.js';

/**
 * Where document updates live, as the room sees it: `logDocStore.ts` over the store's
 * `DocLogRepo` (SQLite or PostgreSQL, one contract suite).
 *
 * The log model: every accepted update is appended; `compact` replaces the
 * updates up to a sequence number with a snapshot of the merged state in one
 * atomic step, so a crash leaves either the old log or the new snapshot.
 */
export interface StoredDoc {
  /** Merged state at `snapshotSeq`, or null before the first compaction. */
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, in order. */
  updates: Uint8Array[];
  /** Sequence number of the last update (0 for an empty document). */
  lastSeq: number;
}

/**
 * A write stored with a batch, inside its transaction (`tx`): a revision row, a deadline. It must
 * await nothing but `tx` (on SQLite the one connection is held until it resolves).
 */
export type StoreEffect = (tx: StoreRepos) => Promise<void>;

/** What a batch records with its updates, in order: audit entries as data, other writes as effects. */
export type DocWrite = { audit: AuditDraft } | { effect: StoreEffect };

/** One document's part of a group commit. */
export interface DocAppend {
  docId: string;
  /** The document's last sequence number as its room knows it: the updates get the next ones, or the part fails. */
  afterSeq: number;
  updates: readonly Uint8Array[];
  /** Stored in the same transaction, after the updates, in this order. */
  writes: readonly DocWrite[];
  /** The owner's lease epoch (the part fails if it moved); null on the embedded single node. */
  epoch: number | null;
}

/** What became of one document's part of a group commit. */
export type AppendOutcome = { ok: true; lastSeq: number } | { ok: false; error: unknown };

export interface DocStore {
  load(docId: string): Promise<StoredDoc>;
  /**
   * Group commit: the batches of several documents in one transaction, so one disk sync covers
   * every room that accepted updates in an event-loop turn. Each document's part is all or
   * none on its own (a failing part — a write refused, a stale sequence number or epoch — is
   * rolled back and reported, the others are kept); if the commit itself fails, the promise
   * rejects and nothing is stored.
   */
  appendGroup(appends: readonly DocAppend[]): Promise<AppendOutcome[]>;
  /** Replaces every update with seq ≤ upToSeq by `state`, atomically (only by a newer snapshot). */
  compact(docId: string, state: Uint8Array, upToSeq: number): Promise<void>;
  /** Number of updates in the log after the snapshot. */
  logLength(docId: string): Promise<number>;
  close(): Promise<void>;
}
