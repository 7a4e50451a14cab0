import { CloseCode } from '../../shared/protocol/closeCodes';

/** What the client does when the server closes the collaboration socket with a given code. */
export type CloseAction =
  /** Access is gone (signed out, removed from the draft): stop and say so. */
  | { kind: 'accessLost'; message: string }
  /** The role changed: fetch it again and start a new session with the new permissions. */
  | { kind: 'roleChanged' }
  /** What we sent cannot be accepted: start again from the server's state (a fresh Y.Doc). */
  | { kind: 'restart'; message: string }
  /** Transient (network, server restart, rate limit): let the provider reconnect with backoff. */
  | { kind: 'retry'; message: string | null };

export function closeAction(code: number, reason: string): CloseAction {
  switch (code) {
    case CloseCode.unauthorized:
    case CloseCode.forbidden:
      return { kind: 'accessLost', message: 'You no longer have access to this draft.' };
    case CloseCode.roleChanged:
      return { kind: 'roleChanged' };
    case CloseCode.messageTooBig:
      return {
        kind: 'restart',
        message: 'Your last change was too large to send (try pasting less at once). The draft was reloaded.',
      };
    case CloseCode.badMessage:
      return {
        kind: 'restart',
        message: `The server could not read what this browser sent${reason ? ` (${reason})` : ''}. The draft was reloaded.`,
      };
    case CloseCode.rateLimited:
      return { kind: 'retry', message: 'Too many changes at once: reconnecting in a moment.' };
    default:
      return { kind: 'retry', message: null };
  }
}

/** Codes after which the provider must not reconnect by itself (we decide what happens next). */
export function providerMayReconnect(code: number): boolean {
  const a = closeAction(code, '');
  return a.kind === 'retry';
}
