import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { AccordStore } from './accordStore.js';
import { kyselyStore } from './kysely/kyselyStore.js';
import { migrateStore } from './kysely/migrateStore.js';
import type { StoreSchema } from './kysely/storeSchema.js';

export interface PostgresStoreOptions {
  /** e.g. postgres://user@host:5432/db (DATABASE_URL). */
  connectionString: string;
  /** Schema the store's tables live in (tests use a fresh one per run). @default the server's search_path */
  schema?: string;
  /** Connections in the pool. @default 10 */
  poolSize?: number;
  /** The store clock (epoch ms). @default Date.now */
  now?: () => number;
}

const INT8_OID = 20;

/**
 * BIGINT (times in ms, sequence numbers, counts) read as numbers: every value the store keeps is
 * far below 2^53, and one set of queries then serves both dialects. Per pool, not pg's global parser.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

/** The multi-node store: PostgreSQL through a pool, after running the store migrations. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<AccordStore> {
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
    throw new Error(`Not a plain schema name: ${options.schema}`);
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    types,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<StoreSchema>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateStore(db, 'postgres', null);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return kyselyStore(db, 'postgres', options.now ?? Date.now, () => db.destroy());
}
