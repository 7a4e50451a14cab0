import type { StoreRepos } from './repos/storeRepos.js';

/**
 * Persisted deadlines that the server acts on when they fall due (a silence procedure's
 * expiry). A deadline is a row, not a timer: a restart loses nothing, and a deadline that
 * passed while the server was down is found at the next start.
 *
 * The contract (rows of the store's `jobs` table, `storeDeadlineQueue.ts`, on every adapter):
 * - `schedule` and `complete` run inside the store transaction that records the decision
 *   (Room `step.alongside`, handed the transaction), so a deadline exists exactly when the
 *   decision that set it is stored, and is done exactly when its effect is stored.
 * - `claimDue` hands a due deadline to one claimant for `leaseMs`; an unfinished claim is
 *   handed out again after the lease. Claims only avoid duplicated work: exactly-once comes
 *   from the effect itself, which checks the document's state in the room's synchronous step
 *   and is stored with `complete` in one transaction.
 */
export interface Deadline {
  /** Unique per deadline, e.g. `silence:<silenceId>`; scheduling the same key moves it. */
  key: string;
  docId: string;
  kind: DeadlineKind;
  /** Epoch milliseconds. */
  dueAt: number;
}

export const deadlineKinds = ['silence.expire'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

export interface DeadlineQueue {
  /** Sets or moves a deadline (not done, not claimed), inside the caller's transaction `tx`. */
  schedule(tx: StoreRepos, deadline: Deadline): Promise<void>;
  /** Due deadlines (dueAt ≤ the store clock), not done and not under someone else's lease, oldest first. */
  claimDue(limit: number, leaseMs: number): Promise<Deadline[]>;
  /** Marks a deadline done, inside the transaction `tx` that stores its effect. */
  complete(tx: StoreRepos, key: string): Promise<void>;
}

export function isDeadlineKind(kind: string): kind is DeadlineKind {
  return (deadlineKinds as readonly string[]).includes(kind);
}
