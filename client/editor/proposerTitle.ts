import { formatDateTime } from '../i18n/formatDate';
import { i18n } from '../i18n/i18n';

/** "Proposed by Ana Souza (Brazil), 16 Nov 2026 10:00": what hovering a bracket tells. */
export function proposerTitle(byName: unknown, at: unknown): string {
  const name = typeof byName === 'string' && byName !== '' ? byName : i18n.t('editor.unknownProposer');
  return typeof at === 'number' && at > 0
    ? i18n.t('editor.proposedByAt', { name, when: formatDateTime(at) })
    : i18n.t('editor.proposedBy', { name });
}
