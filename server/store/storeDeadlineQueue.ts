import type { AccordStore } from './accordStore.js';
import { type Deadline, type DeadlineQueue, deadlineKinds, isDeadlineKind } from './deadlineQueue.js';
import type { StoreRepos } from './repos/storeRepos.js';

/** Who claims deadlines on the embedded store: its one server process, under the same name at every start. */
export const EMBEDDED_CLAIMER = 'embedded';

/**
 * Deadlines as keyed rows of the store's `jobs` table (store migrations 2, 4 and 5), on either
 * adapter. Only deadline kinds are claimed here: other jobs have their own runners.
 *
 * `claimer` names this process. The embedded server is one process per file and always claims
 * as the same name: `open` voids what a previous run left claimed (a crash between claim and
 * completion), so a deadline that passed while the server was down is applied at once at start,
 * not after a claim lease. Nodes of the multi-node mode claim under their unique node id.
 */
export class StoreDeadlineQueue implements DeadlineQueue {
  constructor(
    private readonly store: AccordStore,
    private readonly claimer: string,
  ) {}

  /** Takes up the claims a previous run of this claimer left. */
  async open(): Promise<void> {
    await this.store.jobs.releaseClaims(this.claimer);
  }

  async schedule(tx: StoreRepos, d: Deadline): Promise<void> {
    await tx.jobs.schedule({ key: d.key, kind: d.kind, docId: d.docId, payload: null, runAt: d.dueAt });
  }

  async claimDue(limit: number, leaseMs: number): Promise<Deadline[]> {
    const jobs = await this.store.jobs.claimDue(this.claimer, limit, leaseMs, deadlineKinds);
    const due: Deadline[] = [];
    for (const j of jobs) {
      if (j.key === null || j.docId === null || !isDeadlineKind(j.kind)) continue;
      due.push({ key: j.key, docId: j.docId, kind: j.kind, dueAt: j.runAt });
    }
    return due;
  }

  async complete(tx: StoreRepos, key: string): Promise<void> {
    await tx.jobs.finish(key);
  }
}
