import { type Kysely, sql } from 'kysely';
import type { StoreDialect } from '../accordStore.js';
import type { StoreSchema } from './storeSchema.js';

/**
 * What every Kysely repository is built on: the database (or the transaction it is bound to),
 * the dialect, and the store clock (epoch ms) used for expiries, deadlines and record times.
 */
export class StoreExecutor {
  constructor(
    readonly db: Kysely<StoreSchema>,
    readonly dialect: StoreDialect,
    readonly now: () => number,
  ) {}

  /**
   * Runs `work` in the surrounding transaction, or in a new one: operations of several
   * statements (an append and its audit, a chain's tail and its next entry) are atomic even
   * when called outside `store.transaction`.
   */
  atomically<T>(work: (tx: StoreExecutor) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return work(this);
    return this.db.transaction().execute((trx) => work(new StoreExecutor(trx, this.dialect, this.now)));
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
