import type { StoreRepos } from './repos/storeRepos.js';

export type StoreDialect = 'sqlite' | 'postgres';

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
  close(): Promise<void>;
}
