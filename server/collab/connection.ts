import { randomUUID } from 'node:crypto';
import { type Permissions, type Principal, permissionsFor, type Role } from '../../shared/governance/roles.js';
import type { FrameBatch } from './wireFrames.js';

/**
 * The only thing the room needs from a transport. The WebSocket route adapts
 * `ws` to it; tests can drive a room with a plain object.
 */
export interface CollabSocket {
  send(data: Uint8Array): void;
  /**
   * Sends several messages as one write (what a flush has for this socket: document updates
   * and awareness). The batch may be shared by many sockets: its wire form is built once.
   */
  sendBatch(batch: FrameBatch): void;
  close(code: number, reason: string): void;
}

/** One client connected to one document, with the permissions decided at authentication. */
export class Connection {
  readonly id = randomUUID().slice(0, 8);
  readonly permissions: Permissions;
  /** The awareness client id this connection speaks for (AwarenessRegistry claims it), or null. */
  awarenessClientId: number | null = null;
  private windowStart = 0;
  private messagesInWindow = 0;
  private awarenessWindowStart = 0;
  private awarenessInWindow = 0;

  constructor(
    readonly socket: CollabSocket,
    readonly principal: Principal,
    readonly role: Role,
    readonly docId: string,
    private readonly maxMessagesPerSecond: number,
    private readonly maxAwarenessPerSecond = 60,
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

  /**
   * Counts an awareness frame against its own budget, apart from document messages: false
   * once the connection sends more than `maxAwarenessPerSecond` in a second. The excess is
   * dropped, never a reason to disconnect (echoes of others' states are awareness frames too).
   */
  admitAwareness(now: number): boolean {
    if (now - this.awarenessWindowStart >= 1000) {
      this.awarenessWindowStart = now;
      this.awarenessInWindow = 0;
    }
    return ++this.awarenessInWindow <= this.maxAwarenessPerSecond;
  }
}
