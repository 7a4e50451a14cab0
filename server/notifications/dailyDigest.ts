import type { Logger } from 'pino';
import { isTimeZone, nextWallHour } from '../../shared/model/zonedTime.js';
import type { Clock } from '../ops/clock.js';
import type { AccordStore } from '../store/accordStore.js';
import type { ClaimedJob } from '../store/repos/jobRepo.js';
import type { StoreRepos } from '../store/repos/storeRepos.js';
import { PollingLoop } from '../work/pollingLoop.js';
import { digestMessage } from './digestMessage.js';
import type { NotificationMailer } from './notificationMailer.js';

export const DIGEST_KIND = 'notification.digest';
/** One keyed job per person: choosing the digest again moves it instead of adding a second one. */
export const digestKey = (userId: string) => `digest:${userId}`;

/** A claim lives this long: a digest whose sending failed is tried again after it. */
const CLAIM_MS = 120_000;
/** Digests per poll. */
const CLAIM_BATCH = 20;
/** Notifications per digest; more wait for the next one (each still goes out once). */
const DIGEST_LIMIT = 200;

/** The next digest of a person: `hour`:00 in their zone (UTC when they gave none, or one this server does not know). */
export function nextDigestAt(now: number, timeZone: string | null, hour: number): number {
  return nextWallHour(now, timeZone && isTimeZone(timeZone) ? timeZone : 'UTC', hour);
}

/** Schedules (or moves) a person's next digest, inside the transaction that records their choice. */
export async function scheduleDigest(tx: StoreRepos, userId: string, runAt: number): Promise<void> {
  await tx.jobs.schedule({ key: digestKey(userId), kind: DIGEST_KIND, docId: null, payload: { userId }, runAt });
}

export interface DailyDigestOptions {
  store: AccordStore;
  /** Null when SMTP_URL is unset: digests are only rescheduled. */
  mailer: NotificationMailer | null;
  now: Clock;
  log: Logger;
  /** DIGEST_HOUR */
  hour: number;
  /** DIGEST_POLL_MS */
  pollMs: number;
  /** Who claims (the embedded server's one name, or a node id). */
  claimer: string;
}

/**
 * The daily digest, run from the store's `jobs` table (never from a timer a restart would lose):
 * one keyed job per person who chose it, due at DIGEST_HOUR in their time zone. Running one
 * claims it, mails the person's unread notifications not mailed yet (each once: they are marked
 * mailed), and schedules the next day's — the marks, the completion and the next job in one
 * transaction that rolls back if the claim was lost (another claimer took it over after the
 * claim ran out), so a digest is recorded once. A person who changed their mind (immediate mail,
 * no address, an unconfirmed one) has their job ended without mail.
 *
 * The mail is sent before that transaction (a transaction on SQLite must not wait for the
 * network): if the process dies in between, the same notifications go out again in the next
 * attempt — at least once, never lost.
 */
export class DailyDigest {
  private readonly loop: PollingLoop;

  constructor(private readonly opts: DailyDigestOptions) {
    this.loop = new PollingLoop(() => this.poll(), opts.pollMs);
  }

  start(): void {
    this.loop.start();
  }

  /** Runs every digest due now; resolves with how many were mailed. Joins a run in progress. */
  runDue(): Promise<number> {
    return this.loop.runDue();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  private async poll(): Promise<number> {
    const { store, claimer, log } = this.opts;
    const jobs = await store.jobs.claimDue(claimer, CLAIM_BATCH, CLAIM_MS, [DIGEST_KIND]);
    let mailed = 0;
    for (const job of jobs) {
      if (this.loop.stopped) break;
      try {
        if (await this.runOne(job)) mailed++;
      } catch (err) {
        // Left claimed: the claim runs out and a later poll tries again.
        log.warn({ err, job: job.key }, 'daily digest not sent; retried after the claim');
      }
    }
    return mailed;
  }

  private async runOne(job: ClaimedJob): Promise<boolean> {
    const { store, mailer, now, hour } = this.opts;
    const userId = (job.payload as { userId?: unknown } | null)?.userId;
    const target = typeof userId === 'string' ? await store.notifications.mailTarget(userId) : null;
    if (typeof userId !== 'string' || !target || target.delivery !== 'digest') {
      await store.transaction(async (tx) => {
        if (!(await tx.jobs.complete(job))) throw new Error('digest claim lost');
      });
      return false;
    }
    const items = await store.notifications.unmailed(userId, DIGEST_LIMIT);
    if (items.length > 0 && mailer) {
      const message = digestMessage(items, await store.users.language(userId), target.timeZone, mailer.url());
      await mailer.sendMessage(target.email, message);
    }
    const at = now();
    await store.transaction(async (tx) => {
      if (!(await tx.jobs.complete(job))) throw new Error('digest claim lost');
      if (mailer)
        await tx.notifications.markMailed(
          items.map((n) => n.id),
          at,
        );
      await scheduleDigest(tx, userId, nextDigestAt(at, target.timeZone, hour));
    });
    return items.length > 0 && mailer !== null;
  }
}
