import type { Logger } from 'pino';
import { CloseCode } from '../../shared/protocol/closeCodes.js';
import type { DocStore } from '../store/docStore.js';
import type { AwarenessSettings } from './awarenessRegistry.js';
import type { Connection } from './connection.js';
import { GroupCommit } from './groupCommit.js';
import { type ClientUpdateHook, type EditListener, Room, RoomUnavailableError, type UpdatePolicy } from './room.js';

export interface RoomManagerOptions {
  store: DocStore;
  log: Logger;
  policy: UpdatePolicy;
  onEdits?: EditListener;
  afterClientUpdate?: ClientUpdateHook;
  /** Prepares a freshly loaded room (e.g. builds its lock index). */
  onLoad?: (room: Room) => void;
  idleMs: number;
  compactAfterUpdates: number;
  awareness: AwarenessSettings;
}

/**
 * Loads a room on first join and unloads it `idleMs` after its last client
 * leaves, once everything is stored. Concurrent joins share one load.
 */
export class RoomManager {
  private readonly rooms = new Map<string, Promise<Room>>();
  /** The rooms of `rooms` whose load has finished (same keys, while they stay loaded). */
  private readonly ready = new Map<string, Room>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private closing = false;
  /** One group commit for every room of the store: one transaction (one disk sync) per turn. */
  private readonly commits: GroupCommit;

  constructor(private readonly opts: RoomManagerOptions) {
    this.commits = new GroupCommit(opts.store);
  }

  get loadedCount(): number {
    return this.rooms.size;
  }

  /** The room for `docId`, loading it if needed (server-side use, e.g. governance). */
  async get(docId: string): Promise<Room> {
    if (this.closing) throw new Error('server is shutting down');
    let pending = this.rooms.get(docId);
    if (!pending) {
      pending = Room.load(docId, {
        store: this.opts.store,
        log: this.opts.log,
        policy: this.opts.policy,
        onEdits: this.opts.onEdits,
        afterClientUpdate: this.opts.afterClientUpdate,
        compactAfterUpdates: this.opts.compactAfterUpdates,
        awareness: this.opts.awareness,
        commits: this.commits,
        onFailed: (room) => this.forget(room),
      }).then(
        (room) => {
          this.opts.onLoad?.(room);
          if (this.rooms.get(docId) === pending) this.ready.set(docId, room);
          this.opts.log.debug({ room: docId }, 'room loaded');
          return room;
        },
        (err: unknown) => {
          this.opts.log.error({ room: docId, err }, 'could not load the room from the store');
          throw new RoomUnavailableError(docId);
        },
      );
      this.rooms.set(docId, pending);
      pending.catch(() => this.rooms.delete(docId));
      this.scheduleUnload(docId);
    }
    return pending;
  }

  /**
   * The room if it is loaded and ready, synchronously: for work inside a room's store
   * transaction (deriving notifications from an audit entry), which cannot await.
   */
  loadedRoom(docId: string): Room | null {
    return this.ready.get(docId) ?? null;
  }

  /** The room if it is loaded, without loading it. */
  async peek(docId: string): Promise<Room | null> {
    const pending = this.rooms.get(docId);
    return pending ? pending : null;
  }

  async join(conn: Connection): Promise<Room> {
    const room = await this.get(conn.docId);
    this.cancelUnload(conn.docId);
    room.join(conn);
    return room;
  }

  leave(room: Room, conn: Connection): void {
    room.leave(conn);
    if (room.conns.size === 0) this.scheduleUnload(room.id);
  }

  private scheduleUnload(docId: string): void {
    this.cancelUnload(docId);
    const timer = setTimeout(() => void this.unloadIfIdle(docId), this.opts.idleMs);
    timer.unref();
    this.idleTimers.set(docId, timer);
  }

  private cancelUnload(docId: string): void {
    const t = this.idleTimers.get(docId);
    if (t) clearTimeout(t);
    this.idleTimers.delete(docId);
  }

  private async unloadIfIdle(docId: string): Promise<void> {
    this.idleTimers.delete(docId);
    const pending = this.rooms.get(docId);
    if (!pending) return;
    const room = await pending;
    if (room.conns.size > 0 || this.rooms.get(docId) !== pending) return;
    this.rooms.delete(docId);
    this.ready.delete(docId);
    await room.close(CloseCode.goingAway, 'room unloaded');
    this.opts.log.debug({ room: docId }, 'room unloaded');
  }

  private forget(room: Room): void {
    this.cancelUnload(room.id);
    this.rooms.delete(room.id);
    if (this.ready.get(room.id) === room) this.ready.delete(room.id);
  }

  /** Runs `fn` on every loaded room (e.g. to apply a role change to open connections). */
  async forEachLoaded(fn: (room: Room) => void): Promise<void> {
    for (const pending of this.rooms.values()) fn(await pending);
  }

  /** Stores everything and closes every connection with 1001 (graceful shutdown). */
  async closeAll(): Promise<void> {
    this.closing = true;
    for (const t of this.idleTimers.values()) clearTimeout(t);
    this.idleTimers.clear();
    const rooms = await Promise.allSettled(this.rooms.values());
    this.rooms.clear();
    this.ready.clear();
    await Promise.all(
      rooms.map((r) =>
        r.status === 'fulfilled' ? r.value.close(CloseCode.goingAway, 'server shutting down') : undefined,
      ),
    );
  }
}
