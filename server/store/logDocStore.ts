import type { AccordStore } from './accordStore.js';
import type { AppendOutcome, DocAppend, DocStore, StoredDoc } from './docStore.js';

/**
 * The rooms' store over the async store's update log, for both adapters. A group commit is one
 * `store.group`: one transaction for every room of the turn, each room's part in a savepoint —
 * its updates appended as a compare-and-set on the room's last sequence number and its lease
 * epoch (`DocLogRepo.append`), then its audit entries and effects, in order. The audit listeners
 * (notifications) run inside that part, with its transaction.
 */
export class LogDocStore implements DocStore {
  constructor(private readonly store: AccordStore) {}

  async load(docId: string): Promise<StoredDoc> {
    const { snapshot, updates, lastSeq } = await this.store.log.load(docId);
    return { snapshot, updates, lastSeq };
  }

  async appendGroup(appends: readonly DocAppend[]): Promise<AppendOutcome[]> {
    const outcomes = await this.store.group(
      appends.map((a) => async (tx) => {
        const lastSeq = await tx.log.append({
          docId: a.docId,
          expectedSeq: a.afterSeq,
          updates: a.updates,
          epoch: a.epoch,
        });
        for (const w of a.writes) {
          if ('audit' in w) await tx.audit.append(a.docId, w.audit);
          else await w.effect(tx);
        }
        return lastSeq;
      }),
    );
    return outcomes.map((o): AppendOutcome => (o.ok ? { ok: true, lastSeq: o.value } : o));
  }

  async compact(docId: string, state: Uint8Array, upToSeq: number): Promise<void> {
    await this.store.log.compact(docId, state, upToSeq);
  }

  logLength(docId: string): Promise<number> {
    return this.store.log.logLength(docId);
  }

  async close(): Promise<void> {
    // The store is shared and closed by its owner.
  }
}
