import type { i18n as I18n } from 'i18next';
import type { Language } from '../../shared/i18n/languages';
import { paragraphStatuses } from '../../shared/model/governance';

/**
 * One entry of a 409 not_agreed answer, `{ paragraphId, number, why }` → "paragraph 4 (open
 * brackets)" in the reader's language, from the server's reason codes (shared/model/
 * notAgreedReason.ts); an answer without codes falls back to the server's English `reasons`.
 * The entry is read defensively: it is whatever the server's JSON held.
 */
export function notAgreedLine(
  i18n: I18n,
  language: Language,
  entry: unknown,
  numberOf: (paragraphId: string) => string,
): string {
  const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
  const number = typeof e.number === 'string' ? e.number : numberOf(String(e.paragraphId));
  const reasons = Array.isArray(e.why)
    ? e.why.map((r) => reasonText(i18n, language, r)).filter((r) => r !== '')
    : Array.isArray(e.reasons)
      ? e.reasons.map(String)
      : [];
  if (reasons.length === 0) return i18n.t('revisions.notAgreedLine', { lng: language, number });
  const list = new Intl.ListFormat(language, { type: 'conjunction' }).format(reasons);
  return i18n.t('revisions.notAgreedLineWhy', { lng: language, number, reasons: list });
}

function reasonText(i18n: I18n, lng: Language, reason: unknown): string {
  const r = (typeof reason === 'object' && reason !== null ? reason : {}) as Record<string, unknown>;
  switch (r.code) {
    case 'status':
      return typeof r.status === 'string' && (paragraphStatuses as readonly string[]).includes(r.status)
        ? i18n.t('revisions.notAgreedWhy.status', { lng, status: i18n.t(`status.inSentence.${r.status}`, { lng }) })
        : '';
    case 'open_brackets':
    case 'unresolved_alternative':
      return i18n.t(`revisions.notAgreedWhy.${r.code}`, { lng });
    case 'standing_objections':
      return i18n.t('revisions.notAgreedWhy.standing_objections', { lng, count: Number(r.count) || 1 });
    default:
      return '';
  }
}
