import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { AccordStore, StoreDialect } from '../../server/store/accordStore.js';
import { openPostgresStore } from '../../server/store/openPostgresStore.js';
import { openSqliteStore } from '../../server/store/openSqliteStore.js';
import { openSqlite } from '../../server/store/sqliteDatabase.js';
import { removeDir } from './testServer.js';

/** The PostgreSQL every test run uses (trust auth); each run works in a schema of its own. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A store under test, with a way around it (raw SQL, to check what the database itself refuses). */
export interface OpenedStore {
  store: AccordStore;
  /** Runs one raw statement on a connection of its own (`?` placeholders on both dialects). */
  raw(statement: string, params?: unknown[]): Promise<unknown[]>;
  /** Another store over the same data (a second node, a restart). */
  reopen(): Promise<AccordStore>;
  dispose(): Promise<void>;
}

export interface StoreAdapter {
  dialect: StoreDialect;
  open(now: () => number): Promise<OpenedStore>;
}

const sqliteAdapter: StoreAdapter = {
  dialect: 'sqlite',
  async open(now) {
    const dir = mkdtempSync(join(tmpdir(), 'accord-store-'));
    const stores: AccordStore[] = [];
    const openOne = async () => {
      const store = await openSqliteStore(openSqlite(dir, 'NORMAL'), { now });
      stores.push(store);
      return store;
    };
    const store = await openOne();
    return {
      store,
      async raw(statement, params = []) {
        const db = new Database(join(dir, 'accord.sqlite'));
        try {
          const stmt = db.prepare(statement);
          return stmt.reader ? stmt.all(...params) : [stmt.run(...params)];
        } finally {
          db.close();
        }
      },
      reopen: openOne,
      async dispose() {
        for (const s of stores) await s.close();
        removeDir(dir);
      },
    };
  },
};

const postgresAdapter: StoreAdapter = {
  dialect: 'postgres',
  async open(now) {
    const schema = `contract_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const stores: AccordStore[] = [];
    const openOne = async () => {
      const store = await openPostgresStore({ connectionString: TEST_DATABASE_URL, schema, now, poolSize: 8 });
      stores.push(store);
      return store;
    };
    // Two nodes starting at once: the migrations must run once, not collide.
    const [store] = await Promise.all([openOne(), openOne()]);
    return {
      store: store as AccordStore,
      async raw(statement, params = []) {
        let n = 0;
        const text = statement.replace(/\?/g, () => `$${++n}`);
        await admin.query(`SET search_path TO ${schema}`);
        return (await admin.query(text, params)).rows;
      },
      reopen: openOne,
      async dispose() {
        for (const s of stores) await s.close();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      },
    };
  },
};

/** Every adapter the contract suite runs against. */
export const storeAdapters: readonly StoreAdapter[] = [sqliteAdapter, postgresAdapter];
