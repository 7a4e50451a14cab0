import { Kysely, SqliteDialect } from 'kysely';
import type { AccordStore } from './accordStore.js';
import { kyselyStore } from './kysely/kyselyStore.js';
import { migrateStore } from './kysely/migrateStore.js';
import { withPreparedStatementCache } from './kysely/preparedStatementCache.js';
import type { StoreSchema } from './kysely/storeSchema.js';
import type { SqliteDatabase } from './sqliteDatabase.js';

export interface SqliteStoreOptions {
  /** The store clock (epoch ms) for expiries, deadlines and record times. @default Date.now */
  now?: () => number;
  /**
   * Whether `close` closes the handle. False when the handle is shared with the synchronous
   * classes (the room's group commit) and closed by its owner. @default true
   */
  closeHandle?: boolean;
}

/**
 * The embedded store over a better-sqlite3 handle opened by `openSqlite` (which checks the file
 * and sets the pragmas), after running the store migrations. One connection: transactions run
 * one at a time, in the order they start.
 */
export async function openSqliteStore(sqlite: SqliteDatabase, options: SqliteStoreOptions = {}): Promise<AccordStore> {
  const db = new Kysely<StoreSchema>({ dialect: new SqliteDialect({ database: withPreparedStatementCache(sqlite) }) });
  await migrateStore(db, 'sqlite', sqlite);
  const closeHandle = options.closeHandle ?? true;
  return kyselyStore(db, 'sqlite', options.now ?? Date.now, async () => {
    if (closeHandle) await db.destroy();
  });
}
