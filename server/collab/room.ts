import type { Logger } from 'pino';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/closeCodes.js';
import {
  type AwarenessEntry,
  encodeAwareness,
  encodeAwarenessUpdate,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from '../../shared/protocol/frames.js';
import { encodeNotice, type Notice } from '../../shared/protocol/notice.js';
import type { DocStore } from '../store/docStore.js';
import { AwarenessRegistry } from './awarenessRegistry.js';
import type { Connection } from './connection.js';
import { decodeIncomingFrame, type IncomingFrame, MalformedFrameError } from './incomingFrame.js';
import { LockIndex } from './lockIndex.js';
import { inspectUpdate, type UpdateFacts } from './updateInspection.js';

/** Decides whether a connection may apply an update with these facts; null = accept. */
export type UpdatePolicy = (facts: UpdateFacts, conn: Connection, locks: LockIndex) => Notice | null;

/** Told about each persisted batch of client edits (the audit log listens). */
export type EditListener = (docId: string, edits: ReadonlyArray<{ conn: Connection; paragraphs: Set<string> }>) => void;

export interface RoomOptions {
  store: DocStore;
  log: Logger;
  policy: UpdatePolicy;
  onEdits?: EditListener;
  compactAfterUpdates: number;
  awarenessTimeoutMs: number;
  /** Called once the room has failed and dropped its in-memory state. */
  onFailed: (room: Room) => void;
}

/** Origin of the transactions the server itself makes (governance). */
export const SERVER_ORIGIN = Symbol('server');

interface PendingEdit {
  conn: Connection;
  paragraphs: Set<string>;
}

/**
 * One loaded document and the connections on it.
 *
 * Durable before visible: an update is checked, applied to the in-memory doc,
 * appended to the store with everything else that arrived in the same
 * event-loop turn (one transaction), and only then broadcast. Replies to a
 * joining client wait for that flush too, so nobody sees an unstored edit.
 * If the store fails, the room closes every connection with 1011 and is
 * dropped; clients reconnect and resend what they have, nothing is lost.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly conns = new Set<Connection>();
  readonly locks = new LockIndex(this.doc);
  private readonly awareness = new AwarenessRegistry();
  private unsaved: Uint8Array[] = [];
  private outbox: Array<{ frame: Uint8Array; except: Connection | null }> = [];
  private edits: PendingEdit[] = [];
  private afterFlush: Array<() => void> = [];
  private flushScheduled = false;
  private flushing = false;
  private failed = false;
  private logLength = 0;
  private lastSeq = 0;
  private compacting = false;
  private readonly expiryTimer: NodeJS.Timeout;

  private constructor(
    readonly id: string,
    private readonly opts: RoomOptions,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.unsaved.push(update);
      const except = origin instanceof Object && this.conns.has(origin as Connection) ? (origin as Connection) : null;
      this.outbox.push({ frame: encodeSyncUpdate(update), except });
      this.scheduleFlush();
    });
    this.expiryTimer = setInterval(
      () => this.broadcastAwareness(this.awareness.expire(Date.now(), opts.awarenessTimeoutMs), null),
      Math.max(1000, opts.awarenessTimeoutMs / 3),
    );
    this.expiryTimer.unref();
  }

  static async load(id: string, opts: RoomOptions): Promise<Room> {
    const room = new Room(id, opts);
    const stored = await opts.store.load(id);
    room.doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(room.doc, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(room.doc, u);
    }, SERVER_ORIGIN);
    // Loading is not a change: nothing to store or broadcast.
    room.unsaved = [];
    room.outbox = [];
    room.logLength = stored.updates.length;
    room.lastSeq = stored.lastSeq;
    return room;
  }

  get isFailed(): boolean {
    return this.failed;
  }

  join(conn: Connection): void {
    this.conns.add(conn);
    conn.socket.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    const present = this.awareness.all();
    if (present.length > 0) conn.socket.send(encodeAwareness(encodeAwarenessUpdate(present)));
  }

  leave(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    this.broadcastAwareness(this.awareness.release(conn), null);
  }

  /** Handles one binary frame from a connection. Malformed frames close only that connection. */
  receive(conn: Connection, data: Uint8Array): void {
    if (this.failed || !this.conns.has(conn)) return;
    let frame: IncomingFrame;
    try {
      frame = decodeIncomingFrame(data);
    } catch (err) {
      this.reject(conn, err);
      return;
    }
    switch (frame.type) {
      case 'syncStep1':
        this.whenFlushed(() => {
          if (this.conns.has(conn))
            conn.socket.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, frame.stateVector)));
        });
        break;
      case 'syncStep2':
      case 'update':
        this.receiveUpdate(conn, frame.update);
        break;
      case 'awareness':
        this.broadcastAwareness(this.awareness.accept(conn, frame.entries, Date.now()), conn);
        break;
      case 'queryAwareness':
        conn.socket.send(encodeAwareness(encodeAwarenessUpdate(this.awareness.all())));
        break;
    }
  }

  private receiveUpdate(conn: Connection, update: Uint8Array): void {
    let facts: UpdateFacts;
    try {
      facts = inspectUpdate(this.doc, update, this.locks.protectedContainers);
    } catch (err) {
      this.reject(conn, err);
      return;
    }
    if (!facts.changes && !facts.unknownReference) return;
    const refusal = this.opts.policy(facts, conn, this.locks);
    if (refusal) {
      this.opts.log.info(
        { room: this.id, conn: conn.id, user: conn.principal.userId, code: refusal.code },
        'update refused',
      );
      conn.socket.send(encodePermissionDenied(encodeNotice(refusal)));
      return;
    }
    try {
      Y.applyUpdate(this.doc, update, conn);
    } catch (err) {
      // inspectUpdate decoded it, so this is unexpected: the in-memory doc may be
      // partly changed, so drop it rather than store or serve it.
      this.fail(err);
      return;
    }
    this.edits.push({ conn, paragraphs: facts.paragraphs });
  }

  /** Makes a server-side change (governance) through the same durable path as client edits. */
  change(fn: (doc: Y.Doc) => void): Promise<void> {
    if (this.failed) return Promise.reject(new Error('room has failed'));
    this.doc.transact(() => fn(this.doc), SERVER_ORIGIN);
    return new Promise((resolve, reject) =>
      this.whenFlushed(() => (this.failed ? reject(new Error('store failed')) : resolve())),
    );
  }

  /** Resolves once everything applied so far is stored (and broadcast). */
  flushed(): Promise<void> {
    return new Promise((resolve) => this.whenFlushed(resolve));
  }

  private whenFlushed(fn: () => void): void {
    if (this.unsaved.length === 0 && !this.flushing) fn();
    else this.afterFlush.push(fn);
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.flushing) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing || this.failed) return;
    this.flushing = true;
    try {
      while (this.unsaved.length > 0) {
        const batch = this.unsaved;
        const out = this.outbox;
        const edits = this.edits;
        this.unsaved = [];
        this.outbox = [];
        this.edits = [];
        const record = edits.length > 0 && this.opts.onEdits ? () => this.opts.onEdits?.(this.id, edits) : undefined;
        this.lastSeq = await this.opts.store.append(this.id, batch, record);
        this.logLength += batch.length;
        for (const { frame, except } of out) {
          for (const c of this.conns) if (c !== except) c.socket.send(frame);
        }
      }
    } catch (err) {
      this.flushing = false;
      this.fail(err);
      return;
    }
    this.flushing = false;
    const waiting = this.afterFlush;
    this.afterFlush = [];
    for (const fn of waiting) fn();
    if (this.logLength >= this.opts.compactAfterUpdates) void this.compact();
  }

  /** Folds the update log into a snapshot; atomic in the store. Runs between flushes. */
  async compact(): Promise<void> {
    if (this.compacting || this.failed) return;
    this.compacting = true;
    try {
      await this.flushed();
      const state = Y.encodeStateAsUpdate(this.doc);
      const seq = this.lastSeq;
      await this.opts.store.compact(this.id, state, seq);
      this.logLength = 0;
      this.opts.log.debug({ room: this.id, seq, bytes: state.byteLength }, 'compacted');
    } catch (err) {
      this.opts.log.error({ room: this.id, err }, 'compaction failed; the update log is intact');
    } finally {
      this.compacting = false;
    }
  }

  private broadcastAwareness(entries: AwarenessEntry[], except: Connection | null): void {
    if (entries.length === 0) return;
    const frame = encodeAwareness(encodeAwarenessUpdate(entries));
    for (const c of this.conns) if (c !== except) c.socket.send(frame);
  }

  private reject(conn: Connection, err: unknown): void {
    const message = err instanceof MalformedFrameError ? err.message : 'malformed update';
    this.opts.log.warn(
      { room: this.id, conn: conn.id, user: conn.principal.userId, reason: message },
      'malformed frame',
    );
    conn.socket.close(CloseCode.badMessage, `malformed message: ${message}`.slice(0, 120));
    this.leave(conn);
  }

  private fail(err: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.opts.log.error({ room: this.id, err }, 'store failed; dropping the room so clients resend their state');
    for (const c of this.conns) c.socket.close(CloseCode.internalError, 'storage failure, reconnecting');
    this.conns.clear();
    this.destroy();
    this.opts.onFailed(this);
  }

  /** Stores what is pending and frees the room. */
  async close(code: number, reason: string): Promise<void> {
    if (!this.failed) {
      await this.flushed();
      if (this.logLength > 0) await this.compact();
    }
    for (const c of this.conns) c.socket.close(code, reason);
    this.conns.clear();
    this.destroy();
  }

  private destroy(): void {
    clearInterval(this.expiryTimer);
    this.doc.destroy();
  }

  closeConnectionsOf(userId: string, code: number, reason: string): void {
    for (const c of [...this.conns]) {
      if (c.principal.userId !== userId) continue;
      c.socket.close(code, reason);
      this.leave(c);
    }
  }
}
