import * as Y from 'yjs';

/** A struct an update brings that the document does not have yet (Items and GCs). */
export type FreshStruct = Y.Item | Y.GC;

export interface Integration {
  /** The fresh structs in an order in which each one's references already exist. */
  order: FreshStruct[];
  /** Per client, the first fresh clock (the document's state) and the clock after the last fresh struct. */
  ranges: Map<number, { from: number; to: number }>;
}

/**
 * Decides whether Yjs would integrate every struct of an update at once, and in which
 * order — or would hold some back as pending (which the guard never allows: what is held
 * back would be integrated later, unchecked). A struct can be integrated when its own
 * client's previous clock exists and everything it refers to exists: its origin (left
 * neighbour), right origin and parent, each either already in the document or brought
 * earlier by the same update. A reference to a later clock of the struct's own client
 * (which Yjs does not check and then fails on), a gap in a client's clocks, a missing
 * reference or a cycle between clients make the update unintegrable: null.
 *
 * O(structs × log structs): each struct waits on at most one reference at a time.
 */
export function integrationOrder(store: Y.Doc['store'], structs: readonly Y.AbstractStruct[]): Integration | null {
  const byClient = new Map<number, FreshStruct[]>();
  const ranges = new Map<number, { from: number; to: number }>();
  for (const s of structs) {
    if (s instanceof Y.Skip) continue;
    const client = s.id.client;
    const range = ranges.get(client);
    const expected = range ? range.to : Y.getState(store, client);
    if (s.id.clock + s.length <= expected) continue; // already known: a resend
    if (s.id.clock > expected) return null; // a gap: Yjs would hold the rest back
    if (!(s instanceof Y.Item) && !(s instanceof Y.GC)) return null;
    if (range) range.to = s.id.clock + s.length;
    else ranges.set(client, { from: expected, to: s.id.clock + s.length });
    let list = byClient.get(client);
    if (!list) byClient.set(client, (list = []));
    list.push(s);
  }

  const state = new Map<number, number>();
  const stateOf = (client: number) => state.get(client) ?? Y.getState(store, client);
  const next = new Map<number, number>();
  const waiting = new Map<number, MinHeap>();
  const order: FreshStruct[] = [];
  const ready: number[] = [...byClient.keys()];

  /** The first reference of `s` that does not exist yet, as [client, clock]; null when all exist. */
  const unmet = (s: Y.Item): [number, number] | null | 'impossible' => {
    const refs: Array<Y.ID | null> = [s.origin, s.rightOrigin, s.parent instanceof Y.ID ? s.parent : null];
    for (const ref of refs) {
      if (ref === null) continue;
      if (ref.client === s.id.client) {
        if (ref.clock >= s.id.clock) return 'impossible';
        continue; // an earlier clock of its own client: integrated before it
      }
      if (ref.clock < stateOf(ref.client)) continue;
      const range = ranges.get(ref.client);
      if (!range || ref.clock >= range.to) return 'impossible'; // nobody brings it
      return [ref.client, ref.clock];
    }
    return null;
  };

  while (ready.length > 0) {
    const client = ready.pop() as number;
    const list = byClient.get(client) as FreshStruct[];
    let i = next.get(client) ?? 0;
    for (; i < list.length; i++) {
      const s = list[i] as FreshStruct;
      if (s instanceof Y.Item) {
        const missing = unmet(s);
        if (missing === 'impossible') return null;
        if (missing !== null) {
          let heap = waiting.get(missing[0]);
          if (!heap) waiting.set(missing[0], (heap = new MinHeap()));
          heap.push(missing[1], client);
          break;
        }
      }
      state.set(client, s.id.clock + s.length);
      order.push(s);
    }
    next.set(client, i);
    const heap = waiting.get(client);
    if (heap) {
      const now = stateOf(client);
      while (heap.size > 0 && heap.peekClock() < now) ready.push(heap.pop());
    }
  }
  for (const [client, list] of byClient) if ((next.get(client) ?? 0) < list.length) return null; // a cycle
  return { order, ranges };
}

/** Waiters keyed by the clock they wait for; the smallest clock first. */
class MinHeap {
  private readonly clocks: number[] = [];
  private readonly clients: number[] = [];

  get size(): number {
    return this.clocks.length;
  }

  peekClock(): number {
    return this.clocks[0] as number;
  }

  push(clock: number, client: number): void {
    const c = this.clocks;
    const w = this.clients;
    let i = c.length;
    c.push(clock);
    w.push(client);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((c[p] as number) <= clock) break;
      c[i] = c[p] as number;
      w[i] = w[p] as number;
      i = p;
    }
    c[i] = clock;
    w[i] = client;
  }

  pop(): number {
    const c = this.clocks;
    const w = this.clients;
    const top = w[0] as number;
    const lastClock = c.pop() as number;
    const lastClient = w.pop() as number;
    if (c.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= c.length) break;
        const r = l + 1;
        const m = r < c.length && (c[r] as number) < (c[l] as number) ? r : l;
        if ((c[m] as number) >= lastClock) break;
        c[i] = c[m] as number;
        w[i] = w[m] as number;
        i = m;
      }
      c[i] = lastClock;
      w[i] = lastClient;
    }
    return top;
  }
}
