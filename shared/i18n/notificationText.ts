import type { TFunction } from 'i18next';
import type { AccordNotification } from '../model/notifications.js';

/** What wording a notification needs: its kind, number and label (never draft text). */
export type NotificationFacts = Pick<AccordNotification, 'kind' | 'paragraphNumber' | 'label'>;

/**
 * One notification in the reader's language — the bell's line, the mail's subject and each line
 * of a digest. `t` is bound to the `notify` namespace (or prefixes it: pass `ns`).
 *
 * Labels are localised when they come from the known list: revisions are named by the store
 * ("Zero draft", "Rev.<n>", server/store), so those become the catalog's `revision.zero` /
 * `revision.numbered`; anything else (a label a future command lets the chair type) stays as
 * written, since it is the chair's own words. A silence's new deadline travels as an ISO instant
 * and is written with Intl in the reader's language and time zone.
 */
export function notificationText(
  t: TFunction,
  n: NotificationFacts,
  language: string,
  timeZone?: string,
  ns = '',
): string {
  const label =
    n.kind === 'silence_extended' ? deadlineText(n.label, language, timeZone) : revisionName(t, n.label, ns);
  return t(`${ns}event.${n.kind}`, { number: n.paragraphNumber ?? '—', label });
}

function revisionName(t: TFunction, label: string | null, ns: string): string {
  if (label === null) return '';
  if (label === 'Zero draft') return t(`${ns}revision.zero`);
  const rev = /^Rev\.(\d+)$/.exec(label);
  return rev ? t(`${ns}revision.numbered`, { n: rev[1] }) : label;
}

function deadlineText(iso: string | null, language: string, timeZone: string | undefined): string {
  const at = iso ? Date.parse(iso) : Number.NaN;
  if (!Number.isFinite(at)) return '—';
  const format = (zone: string | undefined) =>
    new Intl.DateTimeFormat(language, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: zone,
      timeZoneName: 'short',
    }).format(at);
  try {
    return format(timeZone);
  } catch {
    // An unknown zone (a setting from an older browser): UTC, named as such.
    return format('UTC');
  }
}
