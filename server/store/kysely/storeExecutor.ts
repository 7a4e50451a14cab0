import { type Kysely, sql } from 'kysely';
import type { StoreDialect } from '../accordStore.js';
import type { AuditEntry } from '../auditLog.js';
import type { StoreSchema } from './storeSchema.js';

/**
 * Told of each audit entry inside the transaction that appends it, with that transaction
 * (notifications derived from an event are stored with it, or not at all).
 */
export interface ExecutorAuditHook {
  /** Cheap filter, so entries nobody listens to cost no savepoint. */
  wants(action: string): boolean;
  recorded(entry: AuditEntry, x: StoreExecutor): Promise<void>;
  /** The hook threw: its writes were rolled back to a savepoint, the entry itself is kept. */
  failed(err: unknown, entry: AuditEntry): void;
}

/** The savepoint could not be rolled back: the transaction itself is gone (disk full, I/O, connection). */
export class TransactionLost extends Error {
  constructor(override readonly cause: unknown) {
    super('the store transaction was lost');
  }
}

/**
 * One name for every savepoint: they nest strictly (a room's part, a listener inside it), and both
 * databases release or roll back to the most recent savepoint of a name. One name also keeps the
 * statements the same text, so SQLite's prepared-statement cache holds them.
 */
const SAVEPOINT = sql.raw('accord_savepoint');

/** Callbacks of one transaction, run once it has committed. */
type CommitCallbacks = Array<() => void>;

/**
 * What every Kysely repository is built on: the database (or the transaction it is bound to),
 * the dialect, the store clock (epoch ms) used for expiries, deadlines and record times, and the
 * hooks told of audit entries.
 */
export class StoreExecutor {
  constructor(
    readonly db: Kysely<StoreSchema>,
    readonly dialect: StoreDialect,
    readonly now: () => number,
    readonly auditHooks: readonly ExecutorAuditHook[] = [],
    private readonly committed: CommitCallbacks | null = null,
  ) {}

  /**
   * Runs `work` in the surrounding transaction, or in a new one: operations of several
   * statements (an append and its audit, a chain's tail and its next entry) are atomic even
   * when called outside `store.transaction`.
   */
  atomically<T>(work: (tx: StoreExecutor) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return work(this);
    const committed: CommitCallbacks = [];
    return this.db
      .transaction()
      .execute((trx) => work(new StoreExecutor(trx, this.dialect, this.now, this.auditHooks, committed)))
      .then((result) => {
        for (const callback of committed) callback();
        return result;
      });
  }

  /**
   * Runs `callback` once the surrounding transaction has committed (never if it rolls back; a
   * rolled-back savepoint does not cancel it: check what was committed). Outside a transaction, at once.
   */
  afterCommit(callback: () => void): void {
    if (this.committed) this.committed.push(callback);
    else callback();
  }

  /**
   * Runs `work` in a savepoint of the surrounding transaction: if it throws, what it wrote is
   * rolled back and the error rethrown, and the transaction goes on (PostgreSQL would otherwise
   * refuse every later statement). Throws `TransactionLost` when even the rollback fails.
   */
  async savepoint<T>(work: (x: StoreExecutor) => Promise<T>): Promise<T> {
    if (!this.db.isTransaction) throw new Error('a savepoint needs a transaction');
    const name = SAVEPOINT;
    await sql`SAVEPOINT ${name}`.execute(this.db);
    let result: T;
    try {
      result = await work(this);
    } catch (err) {
      try {
        await sql`ROLLBACK TO SAVEPOINT ${name}`.execute(this.db);
        await sql`RELEASE SAVEPOINT ${name}`.execute(this.db);
      } catch (lost) {
        throw new TransactionLost(lost);
      }
      throw err;
    }
    await sql`RELEASE SAVEPOINT ${name}`.execute(this.db);
    return result;
  }

  /**
   * Serialises transactions that take the same key until they end (PostgreSQL: a transaction-level
   * advisory lock). SQLite needs none: its one connection runs one transaction at a time.
   * Must run inside a transaction.
   */
  async lock(key: string): Promise<void> {
    if (this.dialect !== 'postgres') return;
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(this.db);
  }

  /** Binary data as the drivers want it (pg needs a Buffer; better-sqlite3 takes one too). */
  bytes(data: Uint8Array): Buffer {
    return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  }
}
