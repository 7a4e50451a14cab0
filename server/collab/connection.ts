import { randomUUID } from 'node:crypto';
import { type Permissions, type Principal, permissionsFor, type Role } from '../../shared/governance/roles.js';

/**
 * The only thing the room needs from a transport. The WebSocket route adapts
 * `ws` to it; tests can drive a room with a plain object.
 */
export interface CollabSocket {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** One client connected to one document, with the permissions decided at authentication. */
export class Connection {
  readonly id = randomUUID().slice(0, 8);
  readonly permissions: Permissions;
  /** Awareness client ids this connection has announced: only it may update or remove them. */
  readonly awarenessClients = new Set<number>();
  private windowStart = 0;
  private messagesInWindow = 0;

  constructor(
    readonly socket: CollabSocket,
    readonly principal: Principal,
    readonly role: Role,
    readonly docId: string,
    private readonly maxMessagesPerSecond: number,
  ) {
    this.permissions = permissionsFor(role);
  }

  /** Counts a message; false once the connection exceeds its per-second budget. */
  admitMessage(now: number): boolean {
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.messagesInWindow = 0;
    }
    return ++this.messagesInWindow <= this.maxMessagesPerSecond;
  }
}
