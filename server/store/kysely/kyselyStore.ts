import type { Kysely } from 'kysely';
import type { AccordStore, AuditListener, PartOutcome, StoreDialect } from '../accordStore.js';
import { kyselyRepos } from './kyselyRepos.js';
import { type ExecutorAuditHook, StoreExecutor, TransactionLost } from './storeExecutor.js';
import type { StoreSchema } from './storeSchema.js';

/**
 * The store over Kysely: the same queries for SQLite and PostgreSQL, the dialect only where SQL
 * differs. The store is its repositories bound to the database, plus the transaction boundary.
 */
export function kyselyStore(
  db: Kysely<StoreSchema>,
  dialect: StoreDialect,
  now: () => number,
  onClose: () => Promise<void>,
): AccordStore {
  // Filled by onAudited; every executor (the database's and each transaction's) shares it.
  const hooks: ExecutorAuditHook[] = [];
  const executor = new StoreExecutor(db, dialect, now, hooks);
  return {
    ...kyselyRepos(executor),
    dialect,
    transaction: (work) => executor.atomically((x) => work(kyselyRepos(x))),
    group: async <T>(parts: ReadonlyArray<(tx: ReturnType<typeof kyselyRepos>) => Promise<T>>) => {
      const only = parts.length === 1 ? parts[0] : undefined;
      if (only) {
        // One part (one active room, the common case): its own transaction is its savepoint. A
        // failed commit is then reported as the part's failure, which the caller treats alike.
        try {
          return [{ ok: true, value: await executor.atomically((x) => only(kyselyRepos(x))) }];
        } catch (error) {
          return [{ ok: false, error }];
        }
      }
      return executor.atomically(async (x) => {
        const outcomes: Array<PartOutcome<T>> = [];
        for (const part of parts) {
          try {
            outcomes.push({ ok: true, value: await x.savepoint((y) => part(kyselyRepos(y))) });
          } catch (error) {
            if (error instanceof TransactionLost) throw error.cause;
            outcomes.push({ ok: false, error });
          }
        }
        return outcomes;
      });
    },
    onAudited(listener: AuditListener) {
      hooks.push({
        wants: (action) => listener.wants(action),
        recorded: (entry, x) => listener.recorded(entry, kyselyRepos(x), (callback) => x.afterCommit(callback)),
        failed: (err, entry) => listener.failed(err, entry),
      });
    },
    close: onClose,
  };
}
