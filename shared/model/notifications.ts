/**
 * What a notification can be about (issue 15). The server derives them from audited governance
 * events (server/notifications); the client words them in the reader's language from the kind,
 * so a notification carries ids, numbers and labels only — never draft text.
 */
export const NOTIFICATION_KINDS = [
  'objection_answered',
  'proposal_accepted',
  'proposal_rejected',
  'bracket_resolved',
  'alternative_resolved',
  'objected_agreed',
  'objected_locked',
  'revision_issued',
  'silence_started',
  'silence_broken',
  'silence_extended',
  'silence_ended',
  'silence_expired',
  'floor_given',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface AccordNotification {
  id: string;
  kind: NotificationKind;
  docId: string;
  /** The draft's title, read when the list is read (only drafts the reader is still a member of are listed). */
  docTitle: string;
  /** The paragraph the event is about, when there is one (a revision or a silence's end concern the draft). */
  paragraphId: string | null;
  /** Its number when the event happened ("12", "7 bis"): numbers move, the id does not. */
  paragraphNumber: string | null;
  /**
   * A short label of the event itself: the revision's as the store names it ("Zero draft",
   * "Rev.1": localised when worded, shared/i18n/notificationText.ts), a silence's new deadline
   * (ISO instant).
   */
  label: string | null;
  /** Who acted (the chair's name), null when the server did (a silence reaching its deadline). */
  actorName: string | null;
  createdAt: number;
  readAt: number | null;
}

/** Where a notification leads: the draft, at the paragraph when there is one. */
export function notificationHref(n: Pick<AccordNotification, 'docId' | 'paragraphId'>): string {
  const draft = `/d/${encodeURIComponent(n.docId)}`;
  return n.paragraphId ? `${draft}#${encodeURIComponent(n.paragraphId)}` : draft;
}
