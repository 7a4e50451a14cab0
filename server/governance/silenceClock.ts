import type { Logger } from 'pino';
import type { RoomManager } from '../collab/roomManager.js';
import { type Clock, systemClock } from '../ops/clock.js';
import type { DeadlineQueue } from '../store/deadlineQueue.js';
import { PollingLoop } from '../work/pollingLoop.js';
import { expireSilence } from './expireSilence.js';

export interface SilenceClockOptions {
  rooms: RoomManager;
  deadlines: DeadlineQueue;
  log: Logger;
  /** How often the deadline table is polled (DEADLINE_POLL_MS). */
  pollMs: number;
  /** The server's clock; the deadline is decided by it, not by when the poll happens to run. @default systemClock */
  now?: Clock;
}

/** A claimed deadline whose effect failed is handed out again after this long. */
const CLAIM_LEASE_MS = 30_000;
/** Deadlines taken per poll: a backlog after a long outage is worked off over a few polls. */
const CLAIM_BATCH = 50;

/**
 * Drives silence expiries from the persisted deadline table, not from timers: `start` applies
 * every deadline that passed while the server was down (before the server listens), then polls.
 * One poll at a time; each due deadline's effect (expireSilence.ts) is idempotent, so a
 * deadline claimed twice still takes effect once.
 */
export class SilenceClock {
  private readonly loop: PollingLoop;

  constructor(private readonly opts: SilenceClockOptions) {
    this.loop = new PollingLoop(() => this.poll(), opts.pollMs);
  }

  async start(): Promise<void> {
    await this.runDue();
    this.loop.start();
  }

  /** Applies every due deadline now; resolves with how many took effect. Joins a poll in progress. */
  runDue(): Promise<number> {
    return this.loop.runDue();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  private async poll(): Promise<number> {
    const { rooms, deadlines, log } = this.opts;
    const now = this.opts.now ?? systemClock;
    let applied = 0;
    const due = await deadlines.claimDue(CLAIM_BATCH, CLAIM_LEASE_MS);
    for (const d of due) {
      if (this.loop.stopped) break;
      const silenceId = d.key.slice('silence:'.length);
      try {
        const room = await rooms.get(d.docId);
        const outcome = await expireSilence(room, deadlines, silenceId, now());
        if (outcome) {
          applied++;
          log.info(
            { room: d.docId, silenceId, late: now() - d.dueAt, agreed: outcome.agreed.length },
            'silence expired',
          );
        }
      } catch (err) {
        // Left claimed: the lease runs out and a later poll tries again.
        log.error({ room: d.docId, silenceId, err }, 'silence expiry failed; retried after the claim lease');
      }
    }
    return applied;
  }
}
