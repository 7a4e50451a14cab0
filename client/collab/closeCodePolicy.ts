import { CloseCode } from '../../shared/protocol/closeCodes';
import { i18n } from '../i18n/i18n';

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
      return { kind: 'accessLost', message: i18n.t('collab.accessLost') };
    case CloseCode.roleChanged:
      return { kind: 'roleChanged' };
    case CloseCode.messageTooBig:
      return {
        kind: 'restart',
        message: i18n.t('collab.tooBig'),
      };
    case CloseCode.badMessage:
      return {
        kind: 'restart',
        message: reason ? i18n.t('collab.badMessageWhy', { reason }) : i18n.t('collab.badMessage'),
      };
    case CloseCode.rateLimited:
      return { kind: 'retry', message: i18n.t('collab.rateLimited') };
    default:
      return { kind: 'retry', message: null };
  }
}

/** Codes after which the provider must not reconnect by itself (we decide what happens next). */
export function providerMayReconnect(code: number): boolean {
  const a = closeAction(code, '');
  return a.kind === 'retry';
}
