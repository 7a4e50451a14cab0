import type { SqliteDatabase as KyselySqliteDatabase, SqliteStatement } from 'kysely';
import type { SqliteDatabase } from '../sqliteDatabase.js';

/** Distinct statements kept prepared; beyond, the least recently used is dropped. */
const CACHE_SIZE = 256;

/**
 * The better-sqlite3 handle as Kysely's SQLite dialect sees it, with its prepared statements
 * kept by SQL text. Kysely prepares every query it runs, and preparing costs more than running
 * the small statements of the room's group commit: without the cache a turn of 20 rooms took
 * 2–3× as long as with the hand-prepared statements of the synchronous store it replaced.
 * Reusing a statement is safe here: the one connection runs one statement at a time, and Kysely
 * reads each result completely (`all`/`run`) before the next query (it streams only on request).
 */
export function withPreparedStatementCache(db: SqliteDatabase): KyselySqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      let statement = cache.get(sql);
      if (statement) {
        // Most recently used last: Map keeps insertion order.
        cache.delete(sql);
      } else {
        statement = db.prepare(sql);
        if (cache.size >= CACHE_SIZE) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
