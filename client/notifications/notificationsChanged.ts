/**
 * "Your notifications may have changed": the bell refetches its list. Raised when the open
 * draft's server-owned state changes (useGovernanceSignal) — every event that notifies someone
 * is a change of that state, stored in the same transaction as the notifications, so by the
 * time a client sees it the notification is readable. Drafts not open are covered by the
 * bell's 30-second poll.
 */
const target = new EventTarget();
const CHANGED = 'changed';

export function notificationsChanged(): void {
  target.dispatchEvent(new Event(CHANGED));
}

export function onNotificationsChanged(listener: () => void): () => void {
  target.addEventListener(CHANGED, listener);
  return () => target.removeEventListener(CHANGED, listener);
}
