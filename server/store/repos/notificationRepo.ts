import type { AccordNotification, NotificationKind } from '../../../shared/model/notifications.js';

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

/**
 * The notifications of each person (store migration 6). `insert` runs inside the transaction
 * that records the event (the audit listener's `tx`), so a notification exists exactly when its
 * event does. Every read and write is scoped to one person, and lists show only drafts the
 * person is still a member of: someone removed from a draft no longer reads anything about it.
 */
export interface NotificationRepo {
  /** Stores one notification per draft; returns their ids. */
  insert(drafts: readonly NotificationDraft[], at: number): Promise<string[]>;
  /** One person's notifications, newest first, `limit` at a time, with their unread count. */
  list(userId: string, limit: number, before: string | null): Promise<NotificationPage>;
  /** Marks one of the person's own notifications read; false when it is not theirs (or does not exist). */
  markRead(userId: string, id: string, at: number): Promise<boolean>;
  markAllRead(userId: string, at: number): Promise<number>;
  /** A stored notification with its recipient (mail is sent from what was committed, not what was meant). */
  stored(id: string): Promise<(AccordNotification & { userId: string }) | null>;
  /** The address a person asked to be mailed at, confirmed or not; null: no mail (the default). */
  email(userId: string): Promise<string | null>;
  /** Sets (or clears) the address; a different address than the stored one is unconfirmed until its link is opened. */
  setEmail(userId: string, email: string | null): Promise<void>;
  /** Everything about a person's mail (store migration 8). */
  settings(userId: string): Promise<MailSettings>;
  setDelivery(userId: string, delivery: Delivery, timeZone: string | null): Promise<void>;
  /** Where to mail the person: only a confirmed address; null: no mail. */
  mailTarget(userId: string): Promise<MailTarget | null>;
  /** Stores a confirmation link (its hash) for the address, replacing the person's earlier ones. */
  addVerification(v: { userId: string; email: string; hash: string; expiresAt: number }): Promise<void>;
  /** When the person's latest confirmation link was made (to space them out); null: none pending. */
  lastVerificationAt(userId: string): Promise<number | null>;
  /**
   * Redeems a confirmation link: only the person it was made for, before it expires, once, and
   * only while their address is still the one it confirms. Returns the confirmed address, or null
   * (then a link of someone else is left untouched: another person cannot use it up).
   */
  confirm(userId: string, hash: string): Promise<string | null>;
  /** Unread notifications not yet mailed, on drafts the person is still a member of, oldest first. */
  unmailed(userId: string, limit: number): Promise<AccordNotification[]>;
  /** Marks notifications mailed (at once or in a digest): no later digest holds them. */
  markMailed(ids: readonly string[], at: number): Promise<void>;
}

/** Every notification at once, or one digest a day. */
export type Delivery = 'immediate' | 'digest';
export const deliveries = ['immediate', 'digest'] as const satisfies readonly Delivery[];

export interface MailSettings {
  email: string | null;
  /** The address was confirmed through its link: mail may go there. */
  verified: boolean;
  delivery: Delivery;
  /** The person's IANA time zone (the digest goes out in their morning); null: UTC. */
  timeZone: string | null;
}

export interface MailTarget {
  email: string;
  delivery: Delivery;
  timeZone: string | null;
}
