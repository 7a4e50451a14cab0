import type { WebSocket } from 'ws';
import type { Role } from '../../shared/governance/roles.js';
import { CloseCode } from '../../shared/protocol/closeCodes.js';
import type { AccessChanges } from '../auth/accessChanges.js';
import type { CredentialRepo } from '../store/repos/credentialRepo.js';

/** One open collaboration socket and what it was opened with. */
export interface LiveSocket {
  ws: WebSocket;
  userId: string;
  docId: string;
  role: Role;
  /** The delegation they spoke for when it opened: what they write is attributed to it. */
  delegationId: string | null;
  credentialId: string;
  /**
   * Whether the credential still holds, for credentials kept outside the credentials table
   * (screen links); absent: the store's credential check.
   */
  stillValid?: () => Promise<boolean>;
  /** Answered the last ping (or sent something since). */
  alive: boolean;
  expiry: NodeJS.Timeout | null;
}

/** setTimeout cannot wait longer than this (about 24.8 days); later expiries are caught by the sweep. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The open sockets, indexed by the credential and person that opened them, so that
 * ending a credential or a membership closes them at once:
 * - signing out, revoking an API token → 4401 on the sockets that credential opened;
 * - a session's expiry → 4401 when it expires (a timer per socket);
 * - a removed membership → 4403, a changed role or delegation → 4409 (reconnect with the new one).
 * Liveness: every PING_INTERVAL_MS each socket is pinged; one that did not answer the
 * previous ping is terminated (a half-open TCP connection never says goodbye). The same
 * sweep re-checks every socket's credential in the store, as a safety net for
 * revocations made outside this process (another node, a restored backup).
 */
export class LiveSockets {
  private readonly all = new Set<LiveSocket>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    access: AccessChanges,
    private readonly credentials: Pick<CredentialRepo, 'valid'>,
    pingIntervalMs: number,
  ) {
    this.timer = setInterval(() => this.sweep(), pingIntervalMs);
    this.timer.unref();
    access.listen({
      credentialRevoked: (id) => this.closeWhere((s) => s.credentialId === id, CloseCode.unauthorized, 'signed out'),
      membershipChanged: (docId, userId, role, delegationId) => {
        const mine = (s: LiveSocket) =>
          s.docId === docId && s.userId === userId && (s.role !== role || s.delegationId !== delegationId);
        if (role === null) this.closeWhere(mine, CloseCode.forbidden, 'you are no longer a member of this draft');
        else this.closeWhere(mine, CloseCode.roleChanged, 'your role changed; reconnecting');
      },
    });
  }

  get size(): number {
    return this.all.size;
  }

  countOf(userId: string): number {
    let n = 0;
    for (const s of this.all) if (s.userId === userId) n++;
    return n;
  }

  /** The open sockets of one document (comments are fed to them, each by who may see what). */
  ofDocument(docId: string): LiveSocket[] {
    const out: LiveSocket[] = [];
    for (const s of this.all) if (s.docId === docId) out.push(s);
    return out;
  }

  add(entry: Omit<LiveSocket, 'alive' | 'expiry'>, expiresAt: number | null): LiveSocket {
    const s: LiveSocket = { ...entry, alive: true, expiry: null };
    if (expiresAt !== null) {
      s.expiry = setTimeout(
        () => s.ws.close(CloseCode.unauthorized, 'your session expired; sign in again'),
        Math.min(Math.max(0, expiresAt - Date.now()), MAX_TIMER_MS),
      );
      s.expiry.unref();
    }
    s.ws.on('pong', () => {
      s.alive = true;
    });
    this.all.add(s);
    return s;
  }

  remove(s: LiveSocket): void {
    if (s.expiry) clearTimeout(s.expiry);
    this.all.delete(s);
  }

  /** A credential kept outside the accounts (a screen link) ended: its sockets close at once. */
  credentialEnded(credentialId: string, reason: string): void {
    this.closeWhere((s) => s.credentialId === credentialId, CloseCode.unauthorized, reason);
  }

  private closeWhere(match: (s: LiveSocket) => boolean, code: number, reason: string): void {
    for (const s of this.all) if (match(s)) s.ws.close(code, reason);
  }

  private sweep(): void {
    for (const s of this.all) {
      if (!s.alive) {
        s.ws.terminate();
        continue;
      }
      s.alive = false;
      try {
        s.ws.ping();
      } catch {
        s.ws.terminate();
        continue;
      }
      void this.recheck(s);
    }
  }

  /** The credential is read again from the store; a store error keeps the socket (the next sweep retries). */
  private async recheck(s: LiveSocket): Promise<void> {
    try {
      const valid = await (s.stillValid ? s.stillValid() : this.credentials.valid(s.credentialId));
      if (!valid && this.all.has(s)) s.ws.close(CloseCode.unauthorized, 'your sign-in ended; sign in again');
    } catch {
      // Unreachable store: the room's own writes fail loudly; access is re-checked next sweep.
    }
  }

  stop(): void {
    clearInterval(this.timer);
    for (const s of this.all) if (s.expiry) clearTimeout(s.expiry);
  }
}
