import { type Kysely, sql } from 'kysely';
import type { StoreDialect } from '../accordStore.js';
import type { SqliteDatabase } from '../sqliteDatabase.js';
import { StoreExecutor } from './storeExecutor.js';
import { storeMigrations } from './storeMigrations.js';
import type { StoreSchema } from './storeSchema.js';

/**
 * Runs the store migrations not yet applied, each in its own transaction with its record in
 * `store_migrations`. Several nodes starting at once take turns (an advisory lock on
 * PostgreSQL, the writer lock on SQLite) and each step is re-checked under the lock, so every
 * step runs once. Returns the versions applied now.
 */
export async function migrateStore(
  db: Kysely<StoreSchema>,
  dialect: StoreDialect,
  sqlite: SqliteDatabase | null,
): Promise<number[]> {
  const executor = new StoreExecutor(db, dialect, Date.now);
  await executor.atomically(async (x) => {
    // Under the lock: two PostgreSQL sessions creating the table at once would collide even with IF NOT EXISTS.
    await x.lock('store_migrations');
    await sql`CREATE TABLE IF NOT EXISTS store_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`.execute(x.db);
  });
  const applied: number[] = [];
  for (const migration of storeMigrations) {
    const ran = await executor.atomically(async (x) => {
      await x.lock('store_migrations');
      const done = await x.db
        .selectFrom('store_migrations')
        .select('version')
        .where('version', '=', migration.version)
        .executeTakeFirst();
      if (done) return false;
      await migration.up({ db: x.db, dialect, sqlite });
      await x.db
        .insertInto('store_migrations')
        .values({ version: migration.version, name: migration.name, applied_at: Date.now() })
        .execute();
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}
