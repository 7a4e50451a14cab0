import type { Logger } from 'pino';
import { CloseCode } from '../../shared/protocol/closeCodes.js';
import type { DocStore } from '../store/docStore.js';
import type { AwarenessSettings } from './awarenessRegistry.js';
import type { Connection } from './connection.js';
import { GroupCommit } from './groupCommit.js';
import { type ClientUpdateHook, type EditListener, Room, RoomUnavailableError, type UpdatePolicy } from './room.js';
import { type Lease, RoomOwnedElsewhere, type RoomOwnership } from './roomOwnership.js';

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
  /**
   * Several nodes: a room is loaded only under this node's lease on the document, and its appends
   * carry the lease's epoch. Null: the embedded single node (no leases, epoch null).
   */
  ownership?: RoomOwnership | null;
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
  /** The leases of the loaded rooms (several nodes), renewed every `renewMs`. */
  private readonly leases = new Map<string, Lease>();
  private renewal: NodeJS.Timeout | null = null;
  /** One group commit for every room of the store: one transaction (one disk sync) per turn. */
  private readonly commits: GroupCommit;

  constructor(private readonly opts: RoomManagerOptions) {
    this.commits = new GroupCommit(opts.store);
    if (opts.ownership) {
      this.renewal = setInterval(() => void this.renewLeases(), opts.ownership.renewMs);
      this.renewal.unref();
    }
  }

  get loadedCount(): number {
    return this.rooms.size;
  }

  /** The room for `docId`, loading it if needed (server-side use, e.g. governance). */
  async get(docId: string): Promise<Room> {
    if (this.closing) throw new Error('server is shutting down');
    let pending = this.rooms.get(docId);
    if (!pending) {
      pending = this.load(docId);
      this.rooms.set(docId, pending);
      pending.catch(() => this.rooms.delete(docId));
      this.scheduleUnload(docId);
    }
    return pending;
  }

  /** Takes the lease (several nodes), then loads the room under its epoch. */
  private async load(docId: string): Promise<Room> {
    const ownership = this.opts.ownership;
    let epoch: number | null = null;
    if (ownership) {
      const lease = await ownership.leases.acquire(docId, ownership.nodeId, ownership.ttlMs).catch((err: unknown) => {
        this.opts.log.error({ room: docId, err }, 'could not take the lease of the document');
        throw new RoomUnavailableError(docId);
      });
      if (!lease) {
        const current = await ownership.leases.current(docId).catch(() => null);
        throw new RoomOwnedElsewhere(docId, current?.owner ?? 'another node');
      }
      this.leases.set(docId, lease);
      epoch = lease.epoch;
    }
    return Room.load(docId, {
      store: this.opts.store,
      epoch,
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
        if (this.rooms.has(docId)) this.ready.set(docId, room);
        this.opts.log.debug({ room: docId, epoch }, 'room loaded');
        return room;
      },
      (err: unknown) => {
        this.opts.log.error({ room: docId, err }, 'could not load the room from the store');
        void this.releaseLease(docId);
        throw new RoomUnavailableError(docId);
      },
    );
  }

  /**
   * Renews the lease of every loaded room. A lease that was taken over (this node was paused or
   * cut off past its TTL) drops its room at once: its sockets close with 4503 and reconnect to
   * the new owner; what the room had not stored is refused by the epoch anyway.
   */
  private async renewLeases(): Promise<void> {
    const ownership = this.opts.ownership;
    if (!ownership) return;
    for (const [docId, lease] of [...this.leases]) {
      let renewed: Lease | null;
      try {
        renewed = await ownership.leases.renew(lease, ownership.ttlMs);
      } catch (err) {
        // The store is unreachable: keep the room; its appends fail (and drop it) if the lease moves.
        this.opts.log.warn({ room: docId, err }, 'could not renew the lease');
        continue;
      }
      if (this.leases.get(docId) !== lease) continue;
      if (renewed) {
        this.leases.set(docId, renewed);
        continue;
      }
      this.opts.log.warn({ room: docId, epoch: lease.epoch }, 'lease taken over by another node; dropping the room');
      this.leases.delete(docId);
      // A room still loading under this lease fails at its first append (the epoch moved).
      this.ready.get(docId)?.drop(CloseCode.notOwner, 'this document moved to another server; reconnecting');
    }
  }

  private async releaseLease(docId: string): Promise<void> {
    const lease = this.leases.get(docId);
    const ownership = this.opts.ownership;
    if (!lease || !ownership) return;
    this.leases.delete(docId);
    await ownership.leases.release(lease).catch(() => false);
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
    await this.releaseLease(docId);
    this.opts.log.debug({ room: docId }, 'room unloaded');
  }

  private forget(room: Room): void {
    this.cancelUnload(room.id);
    this.rooms.delete(room.id);
    if (this.ready.get(room.id) === room) this.ready.delete(room.id);
    // A failed room's lease is kept until it expires or is renewed by a reload: the epoch fences it.
  }

  /** Runs `fn` on every loaded room (e.g. to apply a role change to open connections). */
  async forEachLoaded(fn: (room: Room) => void): Promise<void> {
    for (const pending of this.rooms.values()) fn(await pending);
  }

  /** Stores everything and closes every connection with 1001 (graceful shutdown). */
  async closeAll(): Promise<void> {
    this.closing = true;
    if (this.renewal) clearInterval(this.renewal);
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
    // Handed back at once: another node may take the documents without waiting for the TTL.
    await Promise.all([...this.leases.keys()].map((docId) => this.releaseLease(docId)));
  }
}
