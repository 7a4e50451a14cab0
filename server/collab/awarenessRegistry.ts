import { encodeAwarenessEntry, isNullState, type RawAwarenessEntry } from './awarenessUpdate.js';
import type { Connection } from './connection.js';
import { type PresenceState, parsePresenceState } from './presenceState.js';

/** One person's presence in a room, under the awareness client id their connection announced. */
interface Participant {
  owner: Connection;
  /** The owner's own clock for this client id: older or equal states are not news. */
  clock: number;
  /** The clock other clients see (see `nextRelayClock`). */
  relayClock: number;
  /** null until the first valid state, and after the owner cleared it. */
  state: Record<string, unknown> | null;
  renewedAt: number;
}

interface Departed {
  userId: string;
  relayClock: number;
  at: number;
}

/** An entry ready to send, with the clock everybody but its owner gets. */
export interface AwarenessRelay {
  clientId: number;
  owner: Connection | null;
  /** Encoded for everybody else (relay clock). */
  entry: Uint8Array;
  /** Encoded for the owner itself (its own clock): keeps stock providers' liveness check fed, changes nothing. */
  ownEntry: Uint8Array | null;
}

/** How a room handles presence (see .env.example: AWARENESS_*). */
export interface AwarenessSettings {
  /** States not renewed for this long are removed. */
  timeoutMs: number;
  /** At most one combined awareness frame per connection per interval. */
  intervalMs: number;
  /** Larger states are dropped. */
  maxStateBytes: number;
}

export interface AwarenessRegistryOptions {
  maxStateBytes: number;
  /** Called once per connection and reason when a state is dropped as malformed or unbounded. */
  onDropped?: (conn: Connection, reason: string) => void;
}

/**
 * Who is present in a room, and what changed since the last relay.
 *
 * Ownership: a connection speaks for exactly one awareness client id — the first one it
 * announces that nobody else holds (a browser tab or a stock provider has one). Every
 * other entry it sends is somebody else's state it is echoing (stock y-websocket
 * providers re-send every awareness update they receive) and is dropped unread, so an
 * echo costs a few varint reads and counts against nobody.
 *
 * Coalescing: a connection's newest own state waits, raw, until the room's next relay
 * tick (`drain`), replacing any older one; it is parsed then, with bounds, and goes out
 * in one combined frame. However fast someone moves their caret, each reader receives at
 * most one awareness frame per tick.
 *
 * Relay clocks: others get a clock the server assigns, at least the wall-clock time in
 * ms and always increasing, rather than the owner's clock. After a disconnection the
 * server tells everybody "gone" with a higher clock than the owner ever had; when the
 * same client reconnects with its old clock, or after a server restart, its presence
 * must still win, and a wall-clock-based relay clock always does.
 */
export class AwarenessRegistry {
  private readonly participants = new Map<number, Participant>();
  private readonly departed = new Map<number, Departed>();
  private readonly pending = new Map<number, { conn: Connection; clock: number; state: Uint8Array }>();
  private readonly removals: AwarenessRelay[] = [];

  constructor(private readonly opts: AwarenessRegistryOptions) {}

  /** Takes the sender's own entries from an awareness update; true when something awaits the next relay. */
  offer(conn: Connection, entries: readonly RawAwarenessEntry[]): boolean {
    let queued = false;
    for (const e of entries) {
      if (e.state.length > this.opts.maxStateBytes) {
        if (conn.awarenessClientId === null || conn.awarenessClientId === e.clientId) {
          this.opts.onDropped?.(conn, 'too large');
        }
        continue;
      }
      if (!this.owns(conn, e)) continue;
      const p = this.participants.get(e.clientId);
      const last = this.pending.get(e.clientId)?.clock ?? p?.clock ?? -1;
      const isNull = isNullState(e.state);
      // y-protocols: a newer clock wins; the same clock only counts as "I left".
      if (e.clock < last || (e.clock === last && !isNull)) continue;
      this.pending.set(e.clientId, { conn, clock: e.clock, state: e.state.slice() });
      queued = true;
    }
    return queued;
  }

  /** Applies what is pending; returns the entries to relay now (latest state per participant). */
  drain(now: number): AwarenessRelay[] {
    const out = this.removals.splice(0);
    for (const [clientId, pend] of this.pending) {
      const p = this.participants.get(clientId);
      if (!p || p.owner !== pend.conn) continue; // its connection left meanwhile
      const parsed = parsePresenceState(pend.state, this.opts.maxStateBytes);
      if (!parsed.ok) {
        this.opts.onDropped?.(pend.conn, parsed.reason);
        continue;
      }
      p.clock = pend.clock;
      p.renewedAt = now;
      if (parsed.state === null) {
        if (p.state === null) continue;
        p.state = null;
        p.relayClock = nextRelayClock(p.relayClock, now);
        out.push(relay(clientId, p.owner, p.relayClock, null, null));
        continue;
      }
      p.state = withIdentity(parsed.state, p.owner);
      p.relayClock = nextRelayClock(p.relayClock, now);
      out.push(relay(clientId, p.owner, p.relayClock, p.state, p.clock));
    }
    this.pending.clear();
    return out;
  }

  get hasPending(): boolean {
    return this.pending.size > 0 || this.removals.length > 0;
  }

  /** A connection left: its presence goes, announced at the next relay. */
  release(conn: Connection, now: number): void {
    const clientId = conn.awarenessClientId;
    if (clientId === null) return;
    const p = this.participants.get(clientId);
    this.pending.delete(clientId);
    if (!p || p.owner !== conn) return;
    this.participants.delete(clientId);
    const relayClock = nextRelayClock(p.relayClock, now);
    this.rememberDeparted(clientId, { userId: conn.principal.userId, relayClock, at: now });
    if (p.state !== null) this.removals.push(relay(clientId, null, relayClock, null, null));
  }

  /** States not renewed within `timeoutMs` (a client that went silent) are removed for everybody. */
  expire(now: number, timeoutMs: number): boolean {
    let any = false;
    for (const [clientId, p] of this.participants) {
      if (p.state === null || now - p.renewedAt < timeoutMs) continue;
      p.state = null;
      p.relayClock = nextRelayClock(p.relayClock, now);
      this.removals.push(relay(clientId, null, p.relayClock, null, null));
      any = true;
    }
    for (const [clientId, d] of this.departed) if (now - d.at > 10 * timeoutMs) this.departed.delete(clientId);
    return any;
  }

  /** Everyone present, for a client that just joined (it owns nothing yet). */
  all(): Uint8Array[] {
    const entries: Uint8Array[] = [];
    for (const [clientId, p] of this.participants) {
      if (p.state !== null) entries.push(encodeAwarenessEntry(clientId, p.relayClock, JSON.stringify(p.state)));
    }
    return entries;
  }

  get size(): number {
    let n = 0;
    for (const p of this.participants.values()) if (p.state !== null) n++;
    return n;
  }

  /** Whether `conn` speaks for this entry's client id, claiming it when it is free. */
  private owns(conn: Connection, e: RawAwarenessEntry): boolean {
    if (conn.awarenessClientId !== null) return conn.awarenessClientId === e.clientId;
    if (this.participants.has(e.clientId) || isNullState(e.state)) return false;
    const gone = this.departed.get(e.clientId);
    if (gone && gone.userId !== conn.principal.userId) return false;
    conn.awarenessClientId = e.clientId;
    this.departed.delete(e.clientId);
    this.participants.set(e.clientId, {
      owner: conn,
      clock: -1,
      relayClock: gone?.relayClock ?? 0,
      state: null,
      renewedAt: 0,
    });
    return true;
  }

  private rememberDeparted(clientId: number, d: Departed): void {
    // Bounded: the oldest departures are forgotten first (a Map iterates in insertion order).
    if (this.departed.size >= 10_000) {
      const oldest = this.departed.keys().next().value;
      if (oldest !== undefined) this.departed.delete(oldest);
    }
    this.departed.set(clientId, d);
  }
}

function nextRelayClock(previous: number, now: number): number {
  return Math.max(previous + 1, now);
}

function relay(
  clientId: number,
  owner: Connection | null,
  relayClock: number,
  state: Record<string, unknown> | null,
  ownClock: number | null,
): AwarenessRelay {
  const json = JSON.stringify(state);
  return {
    clientId,
    owner,
    entry: encodeAwarenessEntry(clientId, relayClock, json),
    ownEntry: ownClock === null ? null : encodeAwarenessEntry(clientId, ownClock, json),
  };
}

/** The state others see: what presence needs, under the identity the server vouches for. */
function withIdentity(state: PresenceState, conn: Connection): Record<string, unknown> {
  const { color, ...rest } = state;
  return {
    ...rest,
    user: {
      id: conn.principal.userId,
      name: conn.principal.name,
      affiliation: conn.principal.affiliation,
      role: conn.role,
      ...(color ? { color } : {}),
    },
  };
}
