import type { AuditDraft } from './auditRepo.js';

/** A document's stored state: the latest snapshot and the updates appended after it. */
export interface LoggedDoc {
  /** Merged state at `snapshotSeq`, or null before the first compaction. */
  snapshot: Uint8Array | null;
  snapshotSeq: number;
  /** Updates appended after the snapshot, in order. */
  updates: Uint8Array[];
  /** Sequence number of the last update (0 for an empty document). */
  lastSeq: number;
}

/** One append: the writer's view of the log, what it adds, and the fence it writes under. */
export interface LogAppend {
  docId: string;
  /** The last sequence number the writer knows: the updates get the next ones, or the append fails. */
  expectedSeq: number;
  updates: readonly Uint8Array[];
  /** Audit entries of the batch, stored on the document's chain in the same transaction. */
  audit?: readonly AuditDraft[];
  /**
   * The writer's lease epoch (several nodes): the append fails unless the document's lease still
   * has it. Null for the embedded single-node mode, which has no leases.
   */
  epoch: number | null;
}

/**
 * The update log of every document (the contract: server/store/CONTEXT.md).
 *
 * `append` is a compare-and-set on the log's last sequence number and on the lease epoch: it
 * fails with a `StaleWriteError` when another writer advanced the log or the lease moved, and
 * then stores nothing (neither updates nor audit). `compact` replaces the prefix up to a sequence
 * number by a snapshot, atomically, and only with a snapshot newer than the stored one.
 */
export interface DocLogRepo {
  /** Snapshot and later updates as one consistent read (a concurrent compaction is either all seen or not at all). */
  load(docId: string): Promise<LoggedDoc>;
  /** Appends atomically and returns the new last sequence number. */
  append(append: LogAppend): Promise<number>;
  /** True when the snapshot replaced the prefix; false when the stored snapshot is as new or newer. */
  compact(docId: string, state: Uint8Array, upToSeq: number): Promise<boolean>;
  lastSeq(docId: string): Promise<number>;
  /** Number of updates after the snapshot. */
  logLength(docId: string): Promise<number>;
}
