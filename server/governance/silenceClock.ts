import type { Logger } from 'pino';
import type { RoomManager } from '../collab/roomManager.js';
import type { AuditLog } from '../store/auditLog.js';
import type { DeadlineQueue } from '../store/deadlineQueue.js';
import { expireSilence } from './expireSilence.js';

export interface SilenceClockOptions {
  rooms: RoomManager;
  audit: AuditLog;
  deadlines: DeadlineQueue;
  log: Logger;
  /** How often the deadline table is polled (DEADLINE_POLL_MS). */
  pollMs: number;
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
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(private readonly opts: SilenceClockOptions) {}

  async start(): Promise<void> {
    await this.runDue();
    this.schedule();
  }

  /** Applies every due deadline now; resolves with how many took effect. Joins a poll in progress. */
  runDue(): Promise<number> {
    this.running ??= this.poll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => {});
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runDue().finally(() => this.schedule());
    }, this.opts.pollMs);
    this.timer.unref();
  }

  private async poll(): Promise<number> {
    const { rooms, audit, deadlines, log } = this.opts;
    let applied = 0;
    const due = await deadlines.claimDue(Date.now(), CLAIM_BATCH, CLAIM_LEASE_MS);
    for (const d of due) {
      if (this.stopped) break;
      const silenceId = d.key.slice('silence:'.length);
      try {
        const room = await rooms.get(d.docId);
        const outcome = await expireSilence(room, audit, deadlines, silenceId);
        if (outcome) {
          applied++;
          log.info(
            { room: d.docId, silenceId, late: Date.now() - d.dueAt, agreed: outcome.agreed.length },
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
