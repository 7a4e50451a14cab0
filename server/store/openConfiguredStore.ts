import type { Config } from '../config.js';
import type { AccordStore } from './accordStore.js';
import { openPostgresStore } from './openPostgresStore.js';
import { openSqliteStore } from './openSqliteStore.js';
import { openSqlite, type SqliteDatabase } from './sqliteDatabase.js';

/** The store the configuration names, opened and migrated. */
export interface OpenedStore {
  store: AccordStore;
  /** The embedded file's handle (chain verification on the worker pool, backups); null on PostgreSQL. */
  sqlite: SqliteDatabase | null;
}

/**
 * PostgreSQL when DATABASE_URL is set; otherwise the embedded SQLite file in DATA_DIR (the
 * default, no other service). Either way the store migrations have run when this resolves.
 */
export async function openConfiguredStore(
  config: Pick<Config, 'DATABASE_URL' | 'DATABASE_SCHEMA' | 'DATA_DIR' | 'SQLITE_SYNCHRONOUS'>,
  /** The store clock (expiries, deadlines, record times). */
  now: () => number = Date.now,
): Promise<OpenedStore> {
  if (config.DATABASE_URL) {
    const store = await openPostgresStore({
      connectionString: config.DATABASE_URL,
      schema: config.DATABASE_SCHEMA,
      now,
    });
    return { store, sqlite: null };
  }
  const sqlite = openSqlite(config.DATA_DIR, config.SQLITE_SYNCHRONOUS);
  try {
    // Over the same handle: the file's sync readers (chain verification) share it with the store.
    return { store: await openSqliteStore(sqlite, { closeHandle: false, now }), sqlite };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}
