import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n/i18n';
import type { CollabState } from './useCollabSession';

/** The connection in plain words: people must know whether what they type is reaching the room. */
export function connectionText(c: Pick<CollabState, 'online' | 'status' | 'synced' | 'accessLost'>): {
  text: string;
  tone: 'ok' | 'warn' | 'bad';
} {
  if (c.accessLost) return { text: i18n.t('connection.disconnected'), tone: 'bad' };
  if (!c.online) return { text: i18n.t('connection.offline'), tone: 'bad' };
  if (c.status === 'connected' && c.synced) return { text: i18n.t('connection.connected'), tone: 'ok' };
  if (!c.synced && c.status !== 'disconnected') return { text: i18n.t('connection.connecting'), tone: 'warn' };
  return { text: i18n.t('connection.reconnecting'), tone: 'warn' };
}

export function ConnectionBadge({ state }: { state: CollabState }) {
  // Subscribes to language changes (connectionText reads the shared instance).
  useTranslation();
  const { text, tone } = connectionText(state);
  return (
    <output className={`connection connection-${tone}`} aria-live="polite" data-testid="connection" data-tone={tone}>
      <span className="connection-dot" aria-hidden="true" />
      {text}
    </output>
  );
}
