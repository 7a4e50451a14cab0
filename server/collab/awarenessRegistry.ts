import type { AwarenessEntry } from '../../shared/protocol/frames.js';
import type { Connection } from './connection.js';

interface Held {
  clock: number;
  state: Record<string, unknown> | null;
  owner: Connection;
  renewedAt: number;
}

/**
 * Who is present in a room. Each awareness client id belongs to the connection
 * that first announced it; the `user` field is replaced by the connection's
 * identity so that nobody can appear under another name or role.
 */
export class AwarenessRegistry {
  private readonly held = new Map<number, Held>();

  /** Applies a client's entries; returns the entries to relay (possibly none). */
  accept(conn: Connection, entries: readonly AwarenessEntry[], now: number): AwarenessEntry[] {
    const relay: AwarenessEntry[] = [];
    for (const entry of entries) {
      const current = this.held.get(entry.clientId);
      if (current && current.owner !== conn) continue; // someone else's client id
      if (current && entry.clock < current.clock) continue;
      if (current && entry.clock === current.clock && entry.state !== null) continue;
      if (entry.state === null) {
        this.held.delete(entry.clientId);
        conn.awarenessClients.delete(entry.clientId);
        if (current) relay.push({ clientId: entry.clientId, clock: entry.clock, state: null });
        continue;
      }
      const state = { ...entry.state, user: identityOf(conn, entry.state.user) };
      this.held.set(entry.clientId, { clock: entry.clock, state, owner: conn, renewedAt: now });
      conn.awarenessClients.add(entry.clientId);
      relay.push({ clientId: entry.clientId, clock: entry.clock, state });
    }
    return relay;
  }

  /** Removal entries for everything a departing connection held. */
  release(conn: Connection): AwarenessEntry[] {
    const removed: AwarenessEntry[] = [];
    for (const clientId of conn.awarenessClients) {
      const current = this.held.get(clientId);
      if (!current || current.owner !== conn) continue;
      this.held.delete(clientId);
      removed.push({ clientId, clock: current.clock + 1, state: null });
    }
    conn.awarenessClients.clear();
    return removed;
  }

  /** Removal entries for states not renewed within `timeoutMs` (a client that went silent). */
  expire(now: number, timeoutMs: number): AwarenessEntry[] {
    const removed: AwarenessEntry[] = [];
    for (const [clientId, h] of this.held) {
      if (now - h.renewedAt < timeoutMs) continue;
      this.held.delete(clientId);
      h.owner.awarenessClients.delete(clientId);
      removed.push({ clientId, clock: h.clock + 1, state: null });
    }
    return removed;
  }

  all(): AwarenessEntry[] {
    return [...this.held].map(([clientId, h]) => ({ clientId, clock: h.clock, state: h.state }));
  }

  get size(): number {
    return this.held.size;
  }
}

function identityOf(conn: Connection, claimed: unknown): Record<string, unknown> {
  const color =
    typeof claimed === 'object' && claimed !== null && typeof (claimed as { color?: unknown }).color === 'string'
      ? ((claimed as { color: string }).color.match(/^#[0-9a-fA-F]{3,8}$/)?.[0] ?? undefined)
      : undefined;
  return {
    id: conn.principal.userId,
    name: conn.principal.name,
    affiliation: conn.principal.affiliation,
    role: conn.role,
    ...(color ? { color } : {}),
  };
}
