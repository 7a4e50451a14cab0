import type { Logger } from 'pino';
import type * as Y from 'yjs';
import type { AccordStore, AuditListener } from '../store/accordStore.js';
import type { AuditEntry } from '../store/auditLog.js';
import type { StoreRepos } from '../store/repos/storeRepos.js';
import { deriveNotifications, NOTIFYING_ACTIONS } from './deriveNotifications.js';
import type { NotificationMailer } from './notificationMailer.js';

export interface NotifierOptions {
  store: AccordStore;
  /** The loaded room's document, synchronously (RoomManager.loadedRoom); null if not loaded. */
  docOf: (docId: string) => Y.Doc | null;
  log: Logger;
  /** Null when SMTP_URL is unset: no mail at all. */
  mailer: NotificationMailer | null;
}

/**
 * Turns audited governance events into notifications. Registered with `store.onAudited`, so it
 * runs inside the store transaction that records the event, with that transaction (every path
 * that records one — commands, revisions, the silence clock — without each having to remember
 * to call it): the notifications commit with the event or roll back with it.
 *
 * Deriving must never undo the event it derives from: the store runs it in a savepoint of its
 * own, and an error is logged (a missed notification, not a lost decision).
 *
 * Mail goes out after the commit (next turn of the event loop), only for notifications that
 * are then in the table: nobody is mailed about an event whose transaction rolled back.
 */
export class Notifier implements AuditListener {
  private pendingMail: string[] = [];
  private mailScheduled = false;
  /** Mail being sent (tests and shutdown wait for it). */
  private sending = new Set<Promise<void>>();

  constructor(private readonly opts: NotifierOptions) {}

  /** Most entries are text edits: skipped before touching the document or the members. */
  wants(action: string): boolean {
    return NOTIFYING_ACTIONS.has(action);
  }

  async recorded(entry: AuditEntry, tx: StoreRepos, afterCommit: (callback: () => void) => void): Promise<void> {
    if (!entry.docId) return;
    const doc = this.opts.docOf(entry.docId);
    if (!doc) return;
    const drafts = deriveNotifications(
      { docId: entry.docId, actor: entry.actor, action: entry.action, detail: entry.detail },
      doc,
      await tx.memberships.members(entry.docId),
    );
    const ids = await tx.notifications.insert(drafts, entry.at);
    if (ids.length > 0 && this.opts.mailer) afterCommit(() => this.queueMail(ids));
  }

  failed(err: unknown, entry: AuditEntry): void {
    this.opts.log.error({ err, docId: entry.docId, action: entry.action }, 'could not derive notifications');
  }

  /** Resolves once every mail queued so far has been handed to the SMTP server (or failed). */
  async idle(): Promise<void> {
    while (this.mailScheduled || this.sending.size > 0) {
      if (this.sending.size > 0) await Promise.allSettled([...this.sending]);
      else await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** Once the transaction has committed; sent from the next turn, together. */
  private queueMail(ids: string[]): void {
    this.pendingMail.push(...ids);
    if (this.mailScheduled) return;
    this.mailScheduled = true;
    setImmediate(() => {
      this.mailScheduled = false;
      const ids = this.pendingMail;
      this.pendingMail = [];
      for (const id of ids) this.track(this.mailOne(id));
    });
  }

  private track(sent: Promise<void>): void {
    const tracked = sent
      .catch((err: unknown) => this.opts.log.warn({ err }, 'notification mail not sent'))
      .finally(() => this.sending.delete(tracked));
    this.sending.add(tracked);
  }

  private async mailOne(id: string): Promise<void> {
    const { mailer, store } = this.opts;
    // What was committed, not what was meant: a rolled-back event left no row.
    const n = mailer ? await store.notifications.stored(id) : null;
    if (!mailer || !n) return;
    // Only to a confirmed address, and only for those who want each one at once (the others get
    // it in their daily digest, dailyDigest.ts).
    const to = await store.notifications.mailTarget(n.userId);
    if (to?.delivery !== 'immediate') return;
    await mailer.send(to.email, n, await store.users.language(n.userId));
    await store.notifications.markMailed([n.id], Date.now());
  }
}
