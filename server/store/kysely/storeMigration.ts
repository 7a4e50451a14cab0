import type { Kysely } from 'kysely';
import type { StoreDialect } from '../accordStore.js';
import type { SqliteDatabase } from '../sqliteDatabase.js';
import type { StoreSchema } from './storeSchema.js';

/** What a migration step gets: the transaction it runs in, the dialect, and the raw SQLite handle there. */
export interface MigrationContext {
  db: Kysely<StoreSchema>;
  dialect: StoreDialect;
  sqlite: SqliteDatabase | null;
}

/** One versioned, append-only schema step for both dialects. */
export interface StoreMigration {
  version: number;
  name: string;
  up(ctx: MigrationContext): Promise<void>;
}
