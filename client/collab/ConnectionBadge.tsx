import type { CollabState } from './useCollabSession';

/** The connection in plain words: people must know whether what they type is reaching the room. */
export function connectionText(c: Pick<CollabState, 'online' | 'status' | 'synced' | 'accessLost'>): {
  text: string;
  tone: 'ok' | 'warn' | 'bad';
} {
  if (c.accessLost) return { text: 'Disconnected', tone: 'bad' };
  if (!c.online) return { text: 'Offline — your changes will be sent when you are back online', tone: 'bad' };
  if (c.status === 'connected' && c.synced) return { text: 'Connected', tone: 'ok' };
  if (!c.synced && c.status !== 'disconnected') return { text: 'Connecting…', tone: 'warn' };
  return { text: 'Reconnecting…', tone: 'warn' };
}

export function ConnectionBadge({ state }: { state: CollabState }) {
  const { text, tone } = connectionText(state);
  return (
    <output className={`connection connection-${tone}`} aria-live="polite" data-testid="connection">
      <span className="connection-dot" aria-hidden="true" />
      {text}
    </output>
  );
}
