import type { AuditEntry } from './auditLog.js';
import type { StoreRepos } from './repos/storeRepos.js';

export type StoreDialect = 'sqlite' | 'postgres';

/** What became of one part of a `group`. */
export type PartOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Told of audit entries as they are appended, inside the appending transaction and with it:
 * what it writes through `tx` commits or rolls back with the entry. Its own failure is contained
 * (a savepoint): `failed` hears of it and the entry is kept.
 */
export interface AuditListener {
  /** Cheap filter: entries it does not want cost nothing. */
  wants(action: string): boolean;
  /** `afterCommit` runs a callback once the transaction has committed (mail about the event). */
  recorded(entry: AuditEntry, tx: StoreRepos, afterCommit: (callback: () => void) => void): Promise<void>;
  failed(err: unknown, entry: AuditEntry): void;
}

/**
 * The store of record behind one contract (server/store/CONTEXT.md): the embedded SQLite file or
 * PostgreSQL for several nodes. The repositories on the store itself run each call in its own
 * transaction; `transaction` runs several calls as one, all or nothing (the callback's rejection
 * rolls everything back and is rethrown). Inside a transaction use only the `tx` handed in:
 * on SQLite the one connection is held by the transaction, and the store's own repositories
 * wait for it to end.
 */
export interface AccordStore extends StoreRepos {
  readonly dialect: StoreDialect;
  transaction<T>(work: (tx: StoreRepos) => Promise<T>): Promise<T>;
  /**
   * Group commit: the parts run one after the other in one transaction, each in a savepoint of
   * its own — a part that throws is rolled back and reported alone, the others are kept — and
   * commit together (one disk sync for all). Rejects, storing nothing, if the transaction itself
   * fails (the commit, or a part that leaves it unusable).
   */
  group<T>(parts: ReadonlyArray<(tx: StoreRepos) => Promise<T>>): Promise<Array<PartOutcome<T>>>;
  /** Registers a listener of every audit entry appended through this store, on every path. */
  onAudited(listener: AuditListener): void;
  close(): Promise<void>;
}
