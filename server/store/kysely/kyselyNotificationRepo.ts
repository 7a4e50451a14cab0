import { randomUUID } from 'node:crypto';
import type { AccordNotification, NotificationKind } from '../../../shared/model/notifications.js';
import type {
  Delivery,
  MailSettings,
  MailTarget,
  NotificationDraft,
  NotificationPage,
  NotificationRepo,
} from '../repos/notificationRepo.js';
import type { StoreExecutor } from './storeExecutor.js';

/** Columns a notification is read from (with its draft's title). */
const COLUMNS = [
  'n.id',
  'n.user_id',
  'n.doc_id',
  'd.title',
  'n.kind',
  'n.paragraph_id',
  'n.paragraph_number',
  'n.label',
  'n.actor_name',
  'n.created_at',
  'n.read_at',
] as const;

export class KyselyNotificationRepo implements NotificationRepo {
  constructor(private readonly x: StoreExecutor) {}

  async insert(drafts: readonly NotificationDraft[], at: number): Promise<string[]> {
    if (drafts.length === 0) return [];
    const rows = drafts.map((d) => ({
      id: randomUUID(),
      user_id: d.userId,
      doc_id: d.docId,
      kind: d.kind,
      paragraph_id: d.paragraphId,
      paragraph_number: d.paragraphNumber,
      label: d.label,
      actor_name: d.actorName,
      created_at: at,
      read_at: null,
    }));
    await this.x.db.insertInto('notifications').values(rows).execute();
    return rows.map((r) => r.id);
  }

  /** A person's notifications, of drafts they are still a member of (a removed member reads none of theirs). */
  private ownOnCurrentDrafts(userId: string) {
    return this.x.db
      .selectFrom('notifications as n')
      .innerJoin('memberships as m', (j) => j.onRef('m.doc_id', '=', 'n.doc_id').onRef('m.user_id', '=', 'n.user_id'))
      .innerJoin('documents as d', 'd.id', 'n.doc_id')
      .select(COLUMNS)
      .where('n.user_id', '=', userId);
  }

  async list(userId: string, limit: number, before: string | null): Promise<NotificationPage> {
    const cursor = parseCursor(before);
    const rows = await this.ownOnCurrentDrafts(userId)
      .where((eb) =>
        eb.or([
          eb('n.created_at', '<', cursor.at),
          eb.and([eb('n.created_at', '=', cursor.at), eb('n.id', '<', cursor.id)]),
        ]),
      )
      .orderBy('n.created_at', 'desc')
      .orderBy('n.id', 'desc')
      .limit(limit + 1)
      .execute();
    const unread = await this.x.db
      .selectFrom('notifications as n')
      .innerJoin('memberships as m', (j) => j.onRef('m.doc_id', '=', 'n.doc_id').onRef('m.user_id', '=', 'n.user_id'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('n.user_id', '=', userId)
      .where('n.read_at', 'is', null)
      .executeTakeFirst();
    const items = rows.slice(0, limit).map(toNotification);
    const last = items[items.length - 1];
    return {
      items,
      unread: Number(unread?.n ?? 0),
      next: rows.length > limit && last ? `${last.createdAt}.${last.id}` : null,
    };
  }

  async markRead(userId: string, id: string, at: number): Promise<boolean> {
    const owned = await this.x.db
      .selectFrom('notifications')
      .select('id')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!owned) return false;
    await this.x.db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .execute();
    return true;
  }

  async markAllRead(userId: string, at: number): Promise<number> {
    const result = await this.x.db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async stored(id: string): Promise<(AccordNotification & { userId: string }) | null> {
    const row = await this.x.db
      .selectFrom('notifications as n')
      .innerJoin('documents as d', 'd.id', 'n.doc_id')
      .select(COLUMNS)
      .where('n.id', '=', id)
      .executeTakeFirst();
    return row ? { ...toNotification(row), userId: row.user_id } : null;
  }

  async email(userId: string): Promise<string | null> {
    const row = await this.x.db
      .selectFrom('notification_settings')
      .select('email')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.email ?? null;
  }

  async setEmail(userId: string, email: string | null): Promise<void> {
    await this.x.atomically(async (x) => {
      const now = await x.db
        .selectFrom('notification_settings')
        .select(['email', 'email_verified_at'])
        .where('user_id', '=', userId)
        .executeTakeFirst();
      // The same address keeps its confirmation; another one starts unconfirmed.
      const verified = now && now.email === email ? now.email_verified_at : null;
      await x.db
        .insertInto('notification_settings')
        .values({ user_id: userId, email, email_verified_at: verified })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ email, email_verified_at: verified }))
        .execute();
      if (verified === null) await x.db.deleteFrom('email_verifications').where('user_id', '=', userId).execute();
    });
  }

  async settings(userId: string): Promise<MailSettings> {
    const row = await this.x.db
      .selectFrom('notification_settings')
      .select(['email', 'email_verified_at', 'delivery', 'time_zone'])
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return {
      email: row?.email ?? null,
      verified: row?.email != null && row.email_verified_at !== null,
      delivery: row?.delivery ?? 'immediate',
      timeZone: row?.time_zone ?? null,
    };
  }

  async setDelivery(userId: string, delivery: Delivery, timeZone: string | null): Promise<void> {
    await this.x.db
      .insertInto('notification_settings')
      .values({ user_id: userId, email: null, delivery, time_zone: timeZone })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ delivery, time_zone: timeZone }))
      .execute();
  }

  async mailTarget(userId: string): Promise<MailTarget | null> {
    const row = await this.x.db
      .selectFrom('notification_settings')
      .select(['email', 'delivery', 'time_zone'])
      .where('user_id', '=', userId)
      .where('email', 'is not', null)
      .where('email_verified_at', 'is not', null)
      .executeTakeFirst();
    return row?.email ? { email: row.email, delivery: row.delivery, timeZone: row.time_zone } : null;
  }

  async addVerification(v: { userId: string; email: string; hash: string; expiresAt: number }): Promise<void> {
    await this.x.atomically(async (x) => {
      await x.db.deleteFrom('email_verifications').where('user_id', '=', v.userId).execute();
      await x.db
        .insertInto('email_verifications')
        .values({ hash: v.hash, user_id: v.userId, email: v.email, expires_at: v.expiresAt, created_at: x.now() })
        .execute();
    });
  }

  async lastVerificationAt(userId: string): Promise<number | null> {
    const row = await this.x.db
      .selectFrom('email_verifications')
      .select((eb) => eb.fn.max('created_at').as('at'))
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.at == null ? null : Number(row.at);
  }

  async confirm(userId: string, hash: string): Promise<string | null> {
    return this.x.atomically(async (x) => {
      // Bound to the person in the WHERE: someone else's attempt matches nothing and uses nothing up.
      const link = await x.db
        .deleteFrom('email_verifications')
        .where('hash', '=', hash)
        .where('user_id', '=', userId)
        .returning(['email', 'expires_at'])
        .executeTakeFirst();
      if (!link || Number(link.expires_at) <= x.now()) return null;
      const done = await x.db
        .updateTable('notification_settings')
        .set({ email_verified_at: x.now() })
        .where('user_id', '=', userId)
        .where('email', '=', link.email)
        .executeTakeFirst();
      return Number(done.numUpdatedRows) === 1 ? link.email : null;
    });
  }

  async unmailed(userId: string, limit: number): Promise<AccordNotification[]> {
    const rows = await this.ownOnCurrentDrafts(userId)
      .where('n.read_at', 'is', null)
      .where('n.mailed_at', 'is', null)
      .orderBy('n.created_at', 'asc')
      .orderBy('n.id', 'asc')
      .limit(limit)
      .execute();
    return rows.map(toNotification);
  }

  async markMailed(ids: readonly string[], at: number): Promise<void> {
    if (ids.length === 0) return;
    await this.x.db
      .updateTable('notifications')
      .set({ mailed_at: at })
      .where('id', 'in', [...ids])
      .where('mailed_at', 'is', null)
      .execute();
  }
}

/** `before` is `<createdAt>.<id>` of the last item of the previous page (ties broken by id). */
function parseCursor(before: string | null): { at: number; id: string } {
  const m = before ? /^(\d+)\.(.+)$/.exec(before) : null;
  if (!m?.[1] || !m[2]) return { at: Number.MAX_SAFE_INTEGER, id: '' };
  return { at: Number(m[1]), id: m[2] };
}

interface Row {
  id: string;
  doc_id: string;
  title: string;
  kind: string;
  paragraph_id: string | null;
  paragraph_number: string | null;
  label: string | null;
  actor_name: string | null;
  created_at: number;
  read_at: number | null;
}

function toNotification(r: Row): AccordNotification {
  return {
    id: r.id,
    kind: r.kind as NotificationKind,
    docId: r.doc_id,
    docTitle: r.title,
    paragraphId: r.paragraph_id,
    paragraphNumber: r.paragraph_number,
    label: r.label,
    actorName: r.actor_name,
    createdAt: Number(r.created_at),
    readAt: r.read_at === null ? null : Number(r.read_at),
  };
}
