import { randomUUID } from 'node:crypto';
import type { AccordNotification, NotificationKind } from '../../shared/model/notifications.js';
import type { SqliteDatabase } from '../store/sqliteDatabase.js';

/** A notification about to be stored: derived from one audited event, for one person. */
export interface NotificationDraft {
  userId: string;
  docId: string;
  kind: NotificationKind;
  paragraphId: string | null;
  paragraphNumber: string | null;
  label: string | null;
  actorName: string | null;
}

export interface NotificationPage {
  items: AccordNotification[];
  unread: number;
  /** Pass as `before` for the next (older) page; null when this was the last. */
  next: string | null;
}

interface Row {
  id: string;
  doc_id: string;
  title: string;
  kind: NotificationKind;
  paragraph_id: string | null;
  paragraph_number: string | null;
  label: string | null;
  actor_name: string | null;
  created_at: number;
  read_at: number | null;
}

/**
 * The notifications table (store migration 6). Synchronous over the server's SQLite handle, like
 * the other classes the room's group commit writes through: `insert` runs inside the store
 * transaction that records the event, so a notification exists exactly when its event does.
 *
 * Every read and write is scoped to one person, and the list shows only drafts the person is
 * still a member of: someone removed from a draft no longer reads anything about it.
 */
export class NotificationStore {
  private readonly q;

  constructor(db: SqliteDatabase) {
    this.q = {
      insert: db.prepare(
        `INSERT INTO notifications (id, user_id, doc_id, kind, paragraph_id, paragraph_number, label, actor_name, created_at, read_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
      ),
      page: db.prepare<[string, number, number, string, number], Row>(
        `SELECT n.id, n.doc_id, d.title, n.kind, n.paragraph_id, n.paragraph_number, n.label, n.actor_name, n.created_at, n.read_at
         FROM notifications n
         JOIN memberships m ON m.doc_id = n.doc_id AND m.user_id = n.user_id
         JOIN documents d ON d.id = n.doc_id
         WHERE n.user_id = ? AND (n.created_at < ? OR (n.created_at = ? AND n.id < ?))
         ORDER BY n.created_at DESC, n.id DESC LIMIT ?`,
      ),
      unread: db.prepare<[string], { n: number }>(
        `SELECT count(*) AS n FROM notifications n
         JOIN memberships m ON m.doc_id = n.doc_id AND m.user_id = n.user_id
         WHERE n.user_id = ? AND n.read_at IS NULL`,
      ),
      markRead: db.prepare('UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL'),
      owned: db.prepare<[string, string], { id: string }>('SELECT id FROM notifications WHERE id = ? AND user_id = ?'),
      markAll: db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL'),
      byId: db.prepare<[string], Row & { user_id: string }>(
        `SELECT n.id, n.user_id, n.doc_id, d.title, n.kind, n.paragraph_id, n.paragraph_number, n.label, n.actor_name, n.created_at, n.read_at
         FROM notifications n JOIN documents d ON d.id = n.doc_id WHERE n.id = ?`,
      ),
      email: db.prepare<[string], { email: string | null }>(
        'SELECT email FROM notification_settings WHERE user_id = ?',
      ),
      setEmail: db.prepare(
        `INSERT INTO notification_settings (user_id, email) VALUES (?, ?)
         ON CONFLICT (user_id) DO UPDATE SET email = excluded.email`,
      ),
    };
  }

  /** Stores one notification per draft; returns their ids. Call inside the event's transaction. */
  insert(drafts: readonly NotificationDraft[], at: number): string[] {
    return drafts.map((d) => {
      const id = randomUUID();
      this.q.insert.run(id, d.userId, d.docId, d.kind, d.paragraphId, d.paragraphNumber, d.label, d.actorName, at);
      return id;
    });
  }

  /** One person's notifications, newest first, `limit` at a time, with their unread count. */
  list(userId: string, limit: number, before: string | null): NotificationPage {
    const cursor = parseCursor(before);
    const rows = this.q.page.all(userId, cursor.at, cursor.at, cursor.id, limit + 1);
    const items = rows.slice(0, limit).map(toNotification);
    const last = items[items.length - 1];
    return {
      items,
      unread: this.q.unread.get(userId)?.n ?? 0,
      next: rows.length > limit && last ? `${last.createdAt}.${last.id}` : null,
    };
  }

  /** Marks one of the person's own notifications read; false when it is not theirs (or does not exist). */
  markRead(userId: string, id: string, at: number): boolean {
    if (!this.q.owned.get(id, userId)) return false;
    this.q.markRead.run(at, id, userId);
    return true;
  }

  markAllRead(userId: string, at: number): number {
    return this.q.markAll.run(at, userId).changes;
  }

  /** A stored notification with its recipient (mail is sent from what was committed, not what was meant). */
  stored(id: string): (AccordNotification & { userId: string }) | null {
    const row = this.q.byId.get(id);
    return row ? { ...toNotification(row), userId: row.user_id } : null;
  }

  /** The address a person asked to be mailed at; null: no mail (the default). */
  email(userId: string): string | null {
    return this.q.email.get(userId)?.email ?? null;
  }

  setEmail(userId: string, email: string | null): void {
    this.q.setEmail.run(userId, email);
  }
}

/** `before` is `<createdAt>.<id>` of the last item of the previous page (ties broken by id). */
function parseCursor(before: string | null): { at: number; id: string } {
  const m = before ? /^(\d+)\.(.+)$/.exec(before) : null;
  if (!m?.[1] || !m[2]) return { at: Number.MAX_SAFE_INTEGER, id: '' };
  return { at: Number(m[1]), id: m[2] };
}

function toNotification(r: Row): AccordNotification {
  return {
    id: r.id,
    kind: r.kind,
    docId: r.doc_id,
    docTitle: r.title,
    paragraphId: r.paragraph_id,
    paragraphNumber: r.paragraph_number,
    label: r.label,
    actorName: r.actor_name,
    createdAt: r.created_at,
    readAt: r.read_at,
  };
}
