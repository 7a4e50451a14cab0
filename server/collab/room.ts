import type { Logger } from 'pino';
import * as Y from 'yjs';
import { GOVERNANCE_ROOT } from '../../shared/model/schemaNames.js';
import { CloseCode } from '../../shared/protocol/closeCodes.js';
import {
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from '../../shared/protocol/frames.js';
import { MessageType } from '../../shared/protocol/messageTypes.js';
import { encodeNotice, type Notice } from '../../shared/protocol/notice.js';
import { GovMap } from '../governance/govMap.js';
import { silencedSections } from '../governance/silencedSections.js';
import { SilenceMap } from '../governance/silenceMap.js';
import type { DocAppend, DocStore, DocWrite, StoreEffect } from '../store/docStore.js';
import type { AuditDraft } from '../store/repos/auditRepo.js';
import { AwarenessRegistry, type AwarenessSettings } from './awarenessRegistry.js';
import { joinAwarenessEntries, type RawAwarenessEntry } from './awarenessUpdate.js';
import { BracketIndex } from './bracketIndex.js';
import { ClientIds } from './clientIds.js';
import type { Connection } from './connection.js';
import { type CommitMember, GroupCommit } from './groupCommit.js';
import { type GuardEvent, guardEvents } from './guardEvents.js';
import { decodeIncomingFrame, type IncomingFrame, MalformedFrameError } from './incomingFrame.js';
import { LockIndex } from './lockIndex.js';
import { applyStored } from './storedUpdates.js';
import { inspectUpdate, type UpdateFacts } from './updateInspection.js';
import type { PolicyContext } from './updatePolicy.js';
import { FrameBatch } from './wireFrames.js';

/** Decides whether a connection may apply an update with these facts; null = accept. */
export type UpdatePolicy = (facts: UpdateFacts, conn: Connection, ctx: PolicyContext) => Notice | null;

/** Told about each batch of client edits as it is handed to the store: the audit entries to store with it. */
export type EditListener = (
  docId: string,
  edits: ReadonlyArray<{ conn: Connection; paragraphs: Set<string>; created: Set<string>; events: GuardEvent[] }>,
) => AuditDraft[];

/**
 * Updates a connection sends before its sync step 2 that Yjs could not integrate yet: an
 * honest client typing during the reconnect handshake sends its new edit before the step 2
 * that carries the offline edits it builds on. They wait (as bytes, never inside Yjs) for
 * that step 2 and are then checked like any update; beyond these bounds they are refused.
 */
const HANDSHAKE_DEFERRED_UPDATES = 64;
const HANDSHAKE_DEFERRED_BYTES = 4 * 1024 * 1024;

/**
 * Called after an accepted client update has been applied, in the same synchronous
 * step and before anything is stored or broadcast: server-side consequences of an
 * edit (e.g. an agreed paragraph whose text changed goes back to negotiation) are
 * made here with `room.step`, so they are stored and seen together with the edit.
 */
export type ClientUpdateHook = (room: Room, conn: Connection, facts: UpdateFacts) => void;

/** What a server-side decision can do inside its synchronous step (see Room.step). */
export interface RoomStep {
  readonly doc: Y.Doc;
  /** Applies server-owned changes (one Yjs transaction with the server's origin). */
  apply(fn: () => void): void;
  /** Records an audit entry in the store transaction that stores this step's changes: both, or neither. */
  record(draft: AuditDraft): void;
  /**
   * Runs `effect` inside the store transaction that stores this step's changes (a revision row,
   * a deadline), after the updates: both are stored, or neither.
   */
  alongside(effect: StoreEffect): void;
}

/** The room could not store its state and was dropped; nothing of the pending step was recorded. */
export class RoomUnavailableError extends Error {
  constructor(readonly docId: string) {
    super(`document ${docId} could not be stored`);
  }
}

export interface RoomOptions {
  store: DocStore;
  /** The owner's lease epoch, carried by every append (null: the embedded single node, no leases). */
  epoch: number | null;
  log: Logger;
  policy: UpdatePolicy;
  onEdits?: EditListener;
  afterClientUpdate?: ClientUpdateHook;
  compactAfterUpdates: number;
  awareness: AwarenessSettings;
  /** The group commit shared by the rooms of one store; a room of its own gets its own. */
  commits?: GroupCommit;
  /** Called once the room has failed and dropped its in-memory state. */
  onFailed: (room: Room) => void;
}

/** Larger awareness frames are dropped unread (an own state is at most AWARENESS_MAX_STATE_BYTES). */
const MAX_AWARENESS_FRAME_BYTES = 64 * 1024;

/** Origin of the transactions the server itself makes (governance). */
export const SERVER_ORIGIN = Symbol('server');

interface PendingEdit {
  conn: Connection;
  /** Existing paragraphs the update changed. */
  paragraphs: Set<string>;
  /** Paragraphs it created (new ids). */
  created: Set<string>;
  events: GuardEvent[];
}

/** A document frame to broadcast, to everyone but the connection it came from. */
interface OutgoingUpdate {
  frame: Uint8Array;
  except: Connection | null;
}

/** A relay of presence: one frame for everyone, and the frames for the owners of what changed. */
interface AwarenessOut {
  everyone: Uint8Array;
  /** An owner's own frame (null: nothing for it). */
  own: Map<Connection, Uint8Array | null>;
}

interface Waiter {
  resolve: () => void;
  reject: (err: Error) => void;
}

/**
 * One loaded document and the connections on it.
 *
 * Durable before visible: an update is checked, applied to the in-memory doc,
 * appended to the store with everything else that arrived in the same
 * event-loop turn (one transaction), and only then broadcast. Replies to a
 * joining client wait for that flush too, so nobody sees an unstored edit.
 * If the store fails, the room closes every connection with 1011, rejects
 * everyone waiting on it (RoomUnavailableError, HTTP 503) and is dropped;
 * clients reconnect and resend what they have, nothing is lost, and nothing
 * of a failed batch (edits, governance changes, their audit entries) is stored.
 *
 * Server-side decisions run through `execute`: check → apply → update the
 * indexes → queue the audit record, all in one synchronous step, so no client
 * update is ever checked against a state that a decision has already changed.
 */
const EMPTY_SCOPES: ReadonlySet<string> = new Set();

export class Room implements CommitMember {
  readonly doc = new Y.Doc({ gc: true });
  readonly conns = new Set<Connection>();
  readonly locks = new LockIndex(this.doc);
  /** Paragraphs under silence (the `silenced` map), indexed like locks: checking an update never scans. */
  readonly frozen = new LockIndex(this.doc);
  /** Sections circulated whole under a running silence (closed to new paragraphs); follows `gov.silences`. */
  private silencedSections: ReadonlySet<string> = new Set();
  private readonly awareness: AwarenessRegistry;
  private awarenessTimer: NodeJS.Timeout | null = null;
  private lastAwarenessRelay = 0;
  /** Every bracket and alternative group of the document, kept exact transaction by transaction. */
  readonly brackets = new BracketIndex(this.doc);
  /** Which user each Yjs client id belongs to. */
  readonly clientIds = new ClientIds(this.doc);
  /** Connections that have not sent their sync step 2 yet, with the updates waiting for it. */
  private readonly handshakes = new Map<Connection, { updates: Uint8Array[]; bytes: number }>();
  private unsaved: Uint8Array[] = [];
  private outbox: OutgoingUpdate[] = [];
  private edits: PendingEdit[] = [];
  private sideEffects: DocWrite[] = [];
  private afterFlush: Waiter[] = [];
  /** The batch being stored by the group commit (its frames go out once it is durable). */
  private inFlight: { out: OutgoingUpdate[]; count: number } | null = null;
  private flushing = false;
  /** Presence is due to be relayed with this turn's flush. */
  private awarenessDue = false;
  private readonly commits: GroupCommit;
  /**
   * The whole document as a sync step 2, for joiners that have nothing (empty state vector):
   * built once for all of them, dropped at the next change.
   */
  private fullState: FrameBatch | null = null;
  private failed = false;
  private logLength = 0;
  private lastSeq = 0;
  private compacting = false;
  private readonly expiryTimer: NodeJS.Timeout;

  private constructor(
    readonly id: string,
    private readonly opts: RoomOptions,
  ) {
    this.commits = opts.commits ?? new GroupCommit(opts.store);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.fullState = null;
      this.unsaved.push(update);
      const except = origin instanceof Object && this.conns.has(origin as Connection) ? (origin as Connection) : null;
      this.outbox.push({ frame: encodeSyncUpdate(update), except });
      this.scheduleFlush();
    });
    const dropped = new WeakMap<Connection, Set<string>>();
    this.awareness = new AwarenessRegistry({
      maxStateBytes: opts.awareness.maxStateBytes,
      onDropped: (conn, reason) => {
        // Logged once per connection and reason: a flood of bad states must not flood the log.
        const seen = dropped.get(conn) ?? new Set<string>();
        if (seen.has(reason)) return;
        seen.add(reason);
        dropped.set(conn, seen);
        opts.log.warn({ room: id, conn: conn.id, user: conn.principal.userId, reason }, 'awareness state dropped');
      },
    });
    this.expiryTimer = setInterval(
      () => this.awareness.expire(Date.now(), opts.awareness.timeoutMs) && this.scheduleAwarenessRelay(),
      Math.max(1000, opts.awareness.timeoutMs / 3),
    );
    this.expiryTimer.unref();
  }

  static async load(id: string, opts: RoomOptions): Promise<Room> {
    const room = new Room(id, opts);
    const stored = await opts.store.load(id);
    try {
      room.doc.transact(() => {
        applyStored(room.doc, stored, room.brackets, (index, problem) =>
          opts.log.error(
            { room: id, update: index, problem },
            'a stored update failed the guard and was not loaded; it stays in the store until compaction',
          ),
        );
      }, SERVER_ORIGIN);
    } catch (err) {
      room.destroy();
      throw err;
    }
    // Loading is not a change: nothing to store or broadcast.
    room.unsaved = [];
    room.outbox = [];
    room.logLength = stored.updates.length;
    room.lastSeq = stored.lastSeq;
    room.refreshIndexes();
    return room;
  }

  get isFailed(): boolean {
    return this.failed;
  }

  join(conn: Connection): void {
    this.conns.add(conn);
    this.handshakes.set(conn, { updates: [], bytes: 0 });
    const greeting = [encodeSyncStep1(Y.encodeStateVector(this.doc))];
    const present = this.awareness.all();
    if (present.length > 0) greeting.push(encodeAwareness(joinAwarenessEntries(present)));
    conn.socket.sendBatch(new FrameBatch(greeting));
  }

  leave(conn: Connection): void {
    this.handshakes.delete(conn);
    if (!this.conns.delete(conn)) return;
    this.awareness.release(conn, Date.now());
    this.scheduleAwarenessRelay();
  }

  /** Handles one binary frame from a connection. Malformed frames close only that connection. */
  receive(conn: Connection, data: Uint8Array): void {
    if (this.failed || !this.conns.has(conn)) return;
    if (data[0] === MessageType.awareness && data.length > MAX_AWARENESS_FRAME_BYTES) return; // see receiveAwareness
    let frame: IncomingFrame;
    try {
      frame = decodeIncomingFrame(data);
    } catch (err) {
      this.reject(conn, err);
      return;
    }
    switch (frame.type) {
      case 'syncStep1':
        this.whenFlushed({
          resolve: () => {
            if (!this.conns.has(conn)) return;
            if (isEmptyStateVector(frame.stateVector)) conn.socket.sendBatch(this.wholeState());
            else conn.socket.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, frame.stateVector)));
          },
          reject: () => {}, // the connection is closed with 1011 by fail()
        });
        break;
      case 'syncStep2':
        this.receiveUpdate(conn, frame.update, false);
        this.endHandshake(conn);
        break;
      case 'update':
        this.receiveUpdate(conn, frame.update);
        break;
      case 'awareness':
        this.receiveAwareness(conn, frame.entries);
        break;
      case 'queryAwareness':
        conn.socket.send(encodeAwareness(joinAwarenessEntries(this.awareness.all())));
        break;
    }
  }

  /** Where the chair allows members only proposals: read from the server-owned map (a handful of keys). */
  private proposalsOnlyScopes(): ReadonlySet<string> {
    const m = this.doc.getMap(GOVERNANCE_ROOT).get('proposalsOnly');
    return m instanceof Y.Map ? new Set(m.keys()) : EMPTY_SCOPES;
  }

  private receiveUpdate(conn: Connection, update: Uint8Array, deferrable = true): void {
    let facts: UpdateFacts;
    try {
      facts = inspectUpdate(this.doc, update, {
        protectedContainers: this.locks.protectedContainers,
        frozenContainers: this.frozen.protectedContainers,
        brackets: this.brackets,
      });
    } catch (err) {
      this.reject(conn, err);
      return;
    }
    if (!facts.changes && !facts.unknownReference) return;
    const handshake = deferrable && facts.unknownReference ? this.handshakes.get(conn) : undefined;
    if (
      handshake &&
      handshake.updates.length < HANDSHAKE_DEFERRED_UPDATES &&
      handshake.bytes + update.byteLength <= HANDSHAKE_DEFERRED_BYTES
    ) {
      handshake.updates.push(update);
      handshake.bytes += update.byteLength;
      return;
    }
    const refusal = this.opts.policy(facts, conn, {
      locks: this.locks,
      frozen: this.frozen,
      silencedSections: this.silencedSections,
      clientIds: this.clientIds,
      proposalsOnly: this.proposalsOnlyScopes(),
      now: Date.now(),
    });
    if (refusal) {
      this.opts.log.info(
        { room: this.id, conn: conn.id, user: conn.principal.userId, code: refusal.code },
        'update refused',
      );
      conn.socket.send(encodePermissionDenied(encodeNotice(refusal)));
      return;
    }
    let removed: string[];
    try {
      const unbound = this.clientIds.unbound(facts.clients);
      if (unbound.length > 0)
        this.doc.transact(() => this.clientIds.bind(unbound, conn.principal.userId), SERVER_ORIGIN);
      removed = this.brackets.watchRemovals(() => Y.applyUpdate(this.doc, update, conn));
    } catch (err) {
      // inspectUpdate decoded it, so this is unexpected: the in-memory doc may be
      // partly changed, so drop it rather than store or serve it.
      this.fail(err);
      return;
    }
    if (this.doc.store.pendingStructs || this.doc.store.pendingDs) {
      // The inspection said Yjs would integrate all of it; never let anything wait to be integrated unchecked.
      this.opts.log.error({ room: this.id, conn: conn.id }, 'an accepted update left pending structs; dropped them');
      this.doc.store.pendingStructs = null;
      this.doc.store.pendingDs = null;
    }
    this.edits.push({
      conn,
      paragraphs: facts.paragraphs,
      created: facts.newParagraphIds,
      events: guardEvents(facts, removed, this.brackets, conn.principal.userId, (c) => this.clientIds.owner(c)),
    });
    if (this.opts.afterClientUpdate) {
      try {
        this.opts.afterClientUpdate(this, conn, facts);
      } catch (err) {
        // The consequences of an accepted edit could not be applied: the state may be
        // half-made, so it is neither stored nor served.
        this.fail(err);
      }
    }
  }

  /** The connection's sync step 2 arrived: the updates it sent ahead of it are checked now, in order. */
  private endHandshake(conn: Connection): void {
    const handshake = this.handshakes.get(conn);
    if (!handshake) return;
    this.handshakes.delete(conn);
    for (const update of handshake.updates) {
      if (this.failed || !this.conns.has(conn)) return;
      this.receiveUpdate(conn, update, false);
    }
  }

  /**
   * A server-side decision (governance command, document setup): runs `fn`
   * synchronously — it checks its rule against the current state and throws
   * before changing anything, or applies and queues its record — then resolves
   * once the change and its record are stored and broadcast. Rejects with
   * RoomUnavailableError if the store fails (nothing of it is then recorded).
   */
  execute<T>(fn: (step: RoomStep) => T): Promise<T> {
    let result: T;
    try {
      result = this.step(fn);
    } catch (err) {
      return Promise.reject(err);
    }
    return this.flushed().then(() => result);
  }

  /**
   * The synchronous part of a decision, also used by hooks inside the update
   * path: nothing else runs in the room between the check and the index update.
   */
  step<T>(fn: (step: RoomStep) => T): T {
    if (this.failed) throw new RoomUnavailableError(this.id);
    const queuedBefore = this.sideEffects.length;
    let applied = false;
    const step: RoomStep = {
      doc: this.doc,
      apply: (change) => {
        applied = true;
        this.doc.transact(change, SERVER_ORIGIN);
      },
      record: (draft) => {
        this.sideEffects.push({ audit: draft });
        this.scheduleFlush();
      },
      alongside: (effect) => {
        this.sideEffects.push({ effect });
        this.scheduleFlush();
      },
    };
    try {
      const result = fn(step);
      this.refreshIndexes();
      return result;
    } catch (err) {
      if (applied) this.fail(err);
      else this.sideEffects.length = queuedBefore;
      throw err;
    }
  }

  /** Resolves once everything applied so far is stored (and broadcast); rejects if the room fails. */
  flushed(): Promise<void> {
    return new Promise((resolve, reject) => this.whenFlushed({ resolve, reject }));
  }

  private whenFlushed(waiter: Waiter): void {
    if (this.failed) waiter.reject(new RoomUnavailableError(this.id));
    else if (this.unsaved.length === 0 && this.sideEffects.length === 0 && !this.flushing) waiter.resolve();
    else this.afterFlush.push(waiter);
  }

  /** Derived indexes follow the server-owned state; rebuilt only when the set of locks (or silences) changed. */
  private refreshIndexes(): void {
    const ids = new GovMap(this.doc).lockedIds();
    const current = this.locks.lockedIds;
    if (ids.length !== current.size || ids.some((id) => !current.has(id))) this.locks.rebuild(ids);
    const silences = new SilenceMap(this.doc);
    const frozen = silences.frozenIds();
    const was = this.frozen.lockedIds;
    if (frozen.length !== was.size || frozen.some((id) => !was.has(id))) this.frozen.rebuild(frozen);
    this.silencedSections = silencedSections(silences.all());
  }

  /** The whole document for a joiner with nothing; encoded (and framed) once until the next change. */
  private wholeState(): FrameBatch {
    if (!this.fullState) this.fullState = new FrameBatch([encodeSyncStep2(Y.encodeStateAsUpdate(this.doc))]);
    return this.fullState;
  }

  /** Everything queued is stored and broadcast at the end of this turn, with the other rooms' (GroupCommit). */
  private scheduleFlush(): void {
    if (!this.failed) this.commits.request(this);
  }

  /** The group commit takes what is queued: stored in its transaction, broadcast in endFlush. */
  beginFlush(): DocAppend | null {
    if (this.failed || this.flushing) return null; // a batch in flight: endFlush asks again
    if (this.unsaved.length === 0 && this.sideEffects.length === 0) return null;
    const updates = this.unsaved;
    const edits = this.edits;
    const effects = this.sideEffects;
    this.inFlight = { out: this.outbox, count: updates.length };
    this.unsaved = [];
    this.outbox = [];
    this.edits = [];
    this.sideEffects = [];
    this.flushing = true;
    const edited = edits.length > 0 ? (this.opts.onEdits?.(this.id, edits) ?? []) : [];
    return {
      docId: this.id,
      afterSeq: this.lastSeq,
      updates,
      writes: edited.length > 0 ? [...effects, ...edited.map((audit) => ({ audit }))] : effects,
      epoch: this.opts.epoch,
    };
  }

  /** The batch is durable (lastSeq null: nothing was stored this turn): out it goes, with due presence. */
  endFlush(lastSeq: number | null): void {
    if (this.failed) return;
    let updates: OutgoingUpdate[] = [];
    if (lastSeq !== null && this.inFlight) {
      this.lastSeq = lastSeq;
      this.logLength += this.inFlight.count;
      updates = this.inFlight.out;
      this.inFlight = null;
      this.flushing = false;
    }
    this.broadcast(updates, this.awarenessDue ? this.drainAwareness() : null);
    this.awarenessDue = false;
    if (this.unsaved.length > 0 || this.sideEffects.length > 0) {
      this.scheduleFlush();
      return;
    }
    if (this.flushing) return; // another batch is still being stored; its endFlush settles the waiters
    const waiting = this.afterFlush;
    this.afterFlush = [];
    for (const w of waiting) w.resolve();
    if (this.logLength >= this.opts.compactAfterUpdates) void this.compact();
  }

  failFlush(err: unknown): void {
    this.fail(err);
  }

  /**
   * One write per socket: the turn's document updates (each encoded once, in order) and the
   * presence relay. Sockets that get exactly the common set share one framed buffer; only the
   * senders of this turn's updates and the owners of changed presence get their own.
   */
  private broadcast(updates: readonly OutgoingUpdate[], awareness: AwarenessOut | null): void {
    const special = new Set<Connection>();
    for (const u of updates) if (u.except) special.add(u.except);
    if (awareness) for (const c of awareness.own.keys()) special.add(c);
    // A socket that sent none of these updates and owns no changed presence gets all of them.
    const common = updates.map((u) => u.frame);
    if (awareness) common.push(awareness.everyone);
    const shared = new FrameBatch(common);
    for (const c of this.conns) {
      if (!special.has(c)) {
        if (common.length > 0) c.socket.sendBatch(shared);
        continue;
      }
      const mine = updates.filter((u) => u.except !== c).map((u) => u.frame);
      const presence = awareness ? (awareness.own.has(c) ? awareness.own.get(c) : awareness.everyone) : null;
      if (presence) mine.push(presence);
      if (mine.length > 0) c.socket.sendBatch(new FrameBatch(mine));
    }
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

  /**
   * Awareness is kept apart from document updates: it has its own per-connection budget
   * (excess dropped, never a disconnection), only the sender's own newest state is kept
   * (echoes of others' states are dropped unread), and it goes out coalesced on the
   * room's relay tick, so it never delays a document update nor queues behind one.
   * Frames larger than MAX_AWARENESS_FRAME_BYTES are dropped before decoding: an own state
   * is at most a few KiB, and only echoes of a whole room's states get that big.
   */
  private receiveAwareness(conn: Connection, entries: RawAwarenessEntry[]): void {
    const withinBudget = conn.admitAwareness(Date.now());
    // Over budget, only a lone own state is still looked at, so the last caret position lands.
    if (!withinBudget && !(entries.length === 1 && entries[0]?.clientId === conn.awarenessClientId)) return;
    if (this.awareness.offer(conn, entries)) this.scheduleAwarenessRelay();
  }

  /**
   * At most one relay per interval: leading edge after a quiet spell, trailing edge otherwise.
   * A due relay goes out with the room's flush of that turn, in the same write as its updates.
   */
  private scheduleAwarenessRelay(): void {
    if (this.awarenessTimer || this.awarenessDue || this.failed || !this.awareness.hasPending) return;
    const due = () => {
      this.awarenessDue = true;
      this.commits.request(this);
    };
    const wait = Math.max(0, this.lastAwarenessRelay + this.opts.awareness.intervalMs - Date.now());
    if (wait === 0) {
      due();
      return;
    }
    this.awarenessTimer = setTimeout(() => {
      this.awarenessTimer = null;
      due();
    }, wait);
    this.awarenessTimer.unref();
  }

  /** One combined frame for everyone, and for each owner its own view: others' states, its own under its own clock. */
  private drainAwareness(): AwarenessOut | null {
    const now = Date.now();
    this.lastAwarenessRelay = now;
    const relays = this.awareness.drain(now);
    if (relays.length === 0) return null;
    const everyone = encodeAwareness(joinAwarenessEntries(relays.map((r) => r.entry)));
    const own = new Map<Connection, Uint8Array | null>();
    for (const mine of relays) {
      if (!mine.owner || !this.conns.has(mine.owner)) continue;
      const entries = relays.flatMap((r) => (r === mine ? (r.ownEntry ? [r.ownEntry] : []) : [r.entry]));
      own.set(mine.owner, entries.length > 0 ? encodeAwareness(joinAwarenessEntries(entries)) : null);
    }
    return { everyone, own };
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
    this.opts.log.error({ room: this.id, err }, 'store failed; dropping the room so clients resend their state');
    this.drop(CloseCode.internalError, 'storage failure, reconnecting');
  }

  /**
   * Drops the room without storing anything more (its lease moved to another node, or its store
   * failed): its connections close with `code`, its waiters are rejected, and its manager forgets
   * it; clients reconnect and resend what they have.
   */
  drop(code: number, reason: string): void {
    if (this.failed) return;
    this.failed = true;
    for (const c of this.conns) c.socket.close(code, reason);
    this.conns.clear();
    const waiting = this.afterFlush;
    this.afterFlush = [];
    this.unsaved = [];
    this.outbox = [];
    this.edits = [];
    this.sideEffects = [];
    this.inFlight = null;
    this.fullState = null;
    for (const w of waiting) w.reject(new RoomUnavailableError(this.id));
    this.destroy();
    this.opts.onFailed(this);
  }

  /** Stores what is pending and frees the room. */
  async close(code: number, reason: string): Promise<void> {
    if (!this.failed) {
      // A failure here has already closed the connections and told every waiter.
      await this.flushed().catch(() => {});
      if (!this.failed && this.logLength > 0) await this.compact();
    }
    for (const c of this.conns) c.socket.close(code, reason);
    this.conns.clear();
    this.destroy();
  }

  private destroy(): void {
    clearInterval(this.expiryTimer);
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.brackets.destroy();
    this.doc.destroy();
  }
}

/** A client that has nothing sends the empty state vector (no clients: a single varint 0). */
function isEmptyStateVector(sv: Uint8Array): boolean {
  return sv.byteLength === 1 && sv[0] === 0;
}
