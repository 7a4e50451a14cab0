import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { type ControlMessage, parseEnvelope } from './controlMessage.js';

/** One way of carrying control messages between nodes (Redis pub/sub, PostgreSQL LISTEN/NOTIFY). */
export interface ControlTransport {
  readonly name: string;
  /** Rejects at once when the service is unreachable (no offline queue): the bus tries the next one. */
  publish(raw: string): Promise<void>;
  /** Delivers every raw message published by any node, itself included, from now on. */
  subscribe(onRaw: (raw: string) => void): Promise<void>;
  close(): Promise<void>;
}

/** How many message ids a bus remembers, to deliver a message once when it arrives by two paths. */
const REMEMBERED_IDS = 2048;

/**
 * Control messages between the nodes of a cluster. Published on the first transport that takes
 * it (Redis, then PostgreSQL when Redis is down); received from all of them, each message once,
 * never a node's own. Control messages are hints to close sockets or drop a room — the store of
 * record (credentials, memberships, leases with epochs) stays the authority, so a message lost
 * while both services are down costs a socket that stays open until its next check, not a write.
 */
export class ControlBus {
  private readonly handlers: ((message: ControlMessage) => void)[] = [];
  private readonly seen = new Set<string>();

  constructor(
    readonly nodeId: string,
    private readonly transports: readonly ControlTransport[],
    private readonly log: Pick<Logger, 'warn' | 'error'>,
  ) {}

  /** Starts listening on every transport; one that is down now keeps trying on its own. */
  async start(): Promise<void> {
    await Promise.all(
      this.transports.map((t) =>
        t
          .subscribe((raw) => this.receive(raw))
          .catch((err: unknown) => {
            this.log.warn({ err, transport: t.name }, 'control channel not listening yet');
          }),
      ),
    );
  }

  onMessage(handler: (message: ControlMessage) => void): void {
    this.handlers.push(handler);
  }

  /** The transport that carried it, or null when none could (logged). */
  async publish(message: ControlMessage): Promise<string | null> {
    const raw = JSON.stringify({ id: randomUUID(), from: this.nodeId, message });
    for (const t of this.transports) {
      try {
        await t.publish(raw);
        return t.name;
      } catch (err) {
        this.log.warn({ err, transport: t.name }, 'control message not published; trying the next channel');
      }
    }
    this.log.error({ kind: message.kind }, 'control message lost: no channel is reachable');
    return null;
  }

  async close(): Promise<void> {
    await Promise.all(this.transports.map((t) => t.close().catch(() => undefined)));
  }

  private receive(raw: string): void {
    const envelope = parseEnvelope(raw);
    if (!envelope || envelope.from === this.nodeId || this.seen.has(envelope.id)) return;
    this.seen.add(envelope.id);
    if (this.seen.size > REMEMBERED_IDS) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    for (const handler of this.handlers) {
      try {
        handler(envelope.message);
      } catch (err) {
        this.log.error({ err, kind: envelope.message.kind }, 'control message handler failed');
      }
    }
  }
}
