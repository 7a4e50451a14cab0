/**
 * Where document updates live. One interface, one contract test suite
 * (tests/integration/docStore.contract.test.ts) run against every adapter.
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

/** One document's part of a group commit. */
export interface DocAppend {
  docId: string;
  /** The document's last sequence number as its room knows it: the updates get the next ones. */
  afterSeq: number;
  updates: readonly Uint8Array[];
  /** Runs inside the transaction, after the updates (the audit entries of the batch). */
  alongside?: () => void;
}

/** What became of one document's part of a group commit. */
export type AppendOutcome = { ok: true; lastSeq: number } | { ok: false; error: unknown };

export interface DocStore {
  load(docId: string): Promise<StoredDoc>;
  /**
   * Appends atomically (all or none) and returns the new last sequence number.
   * `alongside` runs in the same transaction (the audit entry of the batch), so an
   * edit and its record are stored together or not at all, with one disk sync.
   */
  append(docId: string, updates: readonly Uint8Array[], alongside?: () => void): Promise<number>;
  /**
   * Group commit: the batches of several documents in one transaction, so one disk sync covers
   * every room that accepted updates in an event-loop turn. Each document's part is all or
   * none on its own (a failing part — its `alongside` throws, a write is refused — is rolled
   * back and reported, the others are kept); if the commit itself fails, the promise rejects
   * and nothing is stored.
   */
  appendGroup(appends: readonly DocAppend[]): Promise<AppendOutcome[]>;
  /** Replaces every update with seq ≤ upToSeq by `state`, atomically. */
  compact(docId: string, state: Uint8Array, upToSeq: number): Promise<void>;
  /** Number of updates in the log after the snapshot. */
  logLength(docId: string): Promise<number>;
  close(): Promise<void>;
}
