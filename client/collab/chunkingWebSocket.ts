import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType, SyncType } from '../../shared/protocol/messageTypes';
import { splitUpdate, UpdateTooLarge } from './splitUpdate';

/** What the server accepts (from GET /api/documents/:id). */
export interface CollabLimits {
  /** Largest frame the server reads (MAX_MESSAGE_BYTES). */
  maxMessageBytes: number;
  /** Bytes per second per user before the server closes with 4429 (MAX_BYTES_PER_SECOND_PER_USER). */
  maxBytesPerSecond: number;
}

export interface ChunkingEvents {
  /** A change could not be sent at all: one piece of it is larger than the server accepts. */
  tooLarge(bytes: number, limit: number): void;
}

interface SocketLike {
  send(data: Uint8Array): void;
  readonly readyState: number;
  readonly bufferedAmount: number;
}
// biome-ignore lint/suspicious/noExplicitAny: a WebSocket constructor (browser or ws) of any signature
type SocketClass = new (...args: any[]) => SocketLike;

/**
 * The WebSocket the provider talks through, between it and the wire:
 *
 * - A sync message larger than the server's frame limit (a long offline backlog, a big
 *   paste) is split into updates the server can take one after the other (splitUpdate),
 *   and sent paced under the per-user byte rate, instead of being closed with 1009 at every
 *   reconnect and never arriving. What cannot be split under the limit is not sent, and
 *   `tooLarge` tells the app, which tells the user.
 * - Updates the provider sends before this socket has sent its sync step 2 (typing during
 *   the reconnect handshake) wait for it, so the server receives the offline edits they
 *   build on first.
 */
export function chunkingWebSocket<T extends SocketClass>(Base: T, limits: CollabLimits, events: ChunkingEvents): T {
  // Room for the frame header (type, sync type, length varint).
  const chunkBytes = Math.max(1024, limits.maxMessageBytes - 64);
  // Half the per-user rate: the user's other tabs and awareness share it.
  const bytesPerSecond = Math.max(16 * 1024, Math.floor(limits.maxBytesPerSecond / 2));

  return class ChunkingWebSocket extends Base {
    private queue: Uint8Array[] = [];
    private held: Uint8Array[] = [];
    private step2Sent = false;
    private budget = bytesPerSecond;
    private refilledAt = Date.now();
    private timer: ReturnType<typeof setTimeout> | null = null;

    override send(data: Uint8Array): void {
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer);
      const sync = syncMessage(bytes);
      if (!sync) {
        super.send(bytes); // awareness and queries go straight out
        return;
      }
      if (sync.type === SyncType.update && !this.step2Sent) {
        this.held.push(bytes);
        return;
      }
      if (sync.type !== SyncType.step1 && bytes.byteLength > chunkBytes) {
        let parts: Uint8Array[];
        try {
          parts = splitUpdate(sync.payload, chunkBytes);
        } catch (err) {
          if (!(err instanceof UpdateTooLarge)) throw err;
          events.tooLarge(err.bytes, limits.maxMessageBytes);
          if (sync.type === SyncType.step2) this.releaseHeld();
          return;
        }
        for (const part of parts) this.queue.push(syncFrame(sync.type, part));
      } else this.queue.push(bytes);
      if (sync.type === SyncType.step2) this.releaseHeld();
      this.pump();
    }

    private releaseHeld(): void {
      this.step2Sent = true;
      for (const h of this.held.splice(0)) this.queue.push(h);
    }

    /** Sends what the byte budget allows now and schedules the rest. */
    private pump(): void {
      if (this.timer) return;
      while (this.queue.length > 0) {
        if (this.readyState !== 1) {
          this.queue = []; // closed: the next connection's sync step 2 carries it again
          return;
        }
        const now = Date.now();
        this.budget = Math.min(bytesPerSecond, this.budget + ((now - this.refilledAt) * bytesPerSecond) / 1000);
        this.refilledAt = now;
        const next = this.queue[0] as Uint8Array;
        if (next.byteLength > this.budget && this.budget < bytesPerSecond) {
          const wait = Math.ceil(((next.byteLength - this.budget) * 1000) / bytesPerSecond);
          this.timer = setTimeout(
            () => {
              this.timer = null;
              this.pump();
            },
            Math.min(wait, 1000),
          );
          return;
        }
        this.queue.shift();
        this.budget -= next.byteLength;
        super.send(next);
      }
    }
  };
}

function syncMessage(bytes: Uint8Array): { type: number; payload: Uint8Array } | null {
  try {
    const d = decoding.createDecoder(bytes);
    if (decoding.readVarUint(d) !== MessageType.sync) return null;
    const type = decoding.readVarUint(d);
    return { type, payload: decoding.readVarUint8Array(d) };
  } catch {
    return null;
  }
}

function syncFrame(type: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, type);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}
