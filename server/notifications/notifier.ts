import type { Logger } from 'pino';
import type * as Y from 'yjs';
import type { Accounts } from '../store/accounts.js';
import type { AuditEntry } from '../store/auditLog.js';
import type { SqliteDatabase } from '../store/sqliteDatabase.js';
import { deriveNotifications, NOTIFYING_ACTIONS } from './deriveNotifications.js';
import type { NotificationMailer } from './notificationMailer.js';
import type { NotificationStore } from './notificationStore.js';

export interface NotifierOptions {
  db: SqliteDatabase;
  store: NotificationStore;
  accounts: Accounts;
  /** The loaded room's document, synchronously (RoomManager.loadedRoom); null if not loaded. */
  docOf: (docId: string) => Y.Doc | null;
  log: Logger;
  /** Null when SMTP_URL is unset: no mail at all. */
  mailer: NotificationMailer | null;
}

/**
 * Turns audited governance events into notifications. Registered on AuditLog.onAppended, so it
 * runs inside the store transaction that records the event (every path that records one —
 * commands, revisions, the silence clock — without each having to remember to call it): the
 * notifications commit with the event or roll back with it.
 *
 * Deriving must never undo the event it derives from: it runs in a savepoint of its own, and
 * an error is logged and swallowed (a missed notification, not a lost decision).
 *
 * Mail goes out after the commit (next turn of the event loop), only for notifications that
 * are then in the table: nobody is mailed about an event whose transaction rolled back.
 */
export class Notifier {
  private readonly derive: (entry: AuditEntry) => string[];
  private pendingMail: string[] = [];
  private mailScheduled = false;
  /** Mail being sent (tests and shutdown wait for it). */
  private sending = new Set<Promise<void>>();

  constructor(private readonly opts: NotifierOptions) {
    this.derive = opts.db.transaction((entry: AuditEntry): string[] => {
      if (!entry.docId) return [];
      const doc = opts.docOf(entry.docId);
      if (!doc) return [];
      const drafts = deriveNotifications(
        { docId: entry.docId, actor: entry.actor, action: entry.action, detail: entry.detail },
        doc,
        opts.accounts.members(entry.docId),
      );
      return opts.store.insert(drafts, entry.at);
    });
  }

  /** The AuditLog listener. */
  readonly recorded = (entry: AuditEntry): void => {
    // Most entries are text edits: skip them before touching the document or the members.
    if (!entry.docId || !NOTIFYING_ACTIONS.has(entry.action)) return;
    try {
      const ids = this.derive(entry);
      if (ids.length > 0 && this.opts.mailer) this.queueMail(ids);
    } catch (err) {
      this.opts.log.error({ err, docId: entry.docId, action: entry.action }, 'could not derive notifications');
    }
  };

  /** Resolves once every mail queued so far has been handed to the SMTP server (or failed). */
  async idle(): Promise<void> {
    while (this.mailScheduled || this.sending.size > 0) {
      if (this.sending.size > 0) await Promise.allSettled([...this.sending]);
      else await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private queueMail(ids: string[]): void {
    this.pendingMail.push(...ids);
    if (this.mailScheduled) return;
    this.mailScheduled = true;
    // After the current turn: the transaction that inserted the rows has committed (or rolled back).
    setImmediate(() => {
      this.mailScheduled = false;
      const ids = this.pendingMail;
      this.pendingMail = [];
      for (const id of ids) this.mailOne(id);
    });
  }

  private mailOne(id: string): void {
    const mailer = this.opts.mailer;
    const n = this.opts.store.stored(id);
    if (!mailer || !n) return;
    const to = this.opts.store.email(n.userId);
    if (!to) return;
    const language = this.opts.accounts.language(n.userId);
    const sent = mailer
      .send(to, n, language)
      .catch((err: unknown) => this.opts.log.warn({ err, notification: id }, 'notification mail not sent'))
      .finally(() => this.sending.delete(sent));
    this.sending.add(sent);
  }
}
