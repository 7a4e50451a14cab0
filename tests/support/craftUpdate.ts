import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** One struct of a hand-made update: exactly the references a modified client could write. */
export interface CraftedItem {
  client: number;
  clock: number;
  origin?: Y.ID | null;
  rightOrigin?: Y.ID | null;
  /** Written only when the item has neither origin nor right origin (as Yjs encodes it). */
  parent?: string | Y.ID | null;
  parentSub?: string | null;
  content: Y.Item['content'];
}

export interface CraftedDelete {
  client: number;
  clock: number;
  len: number;
}

/**
 * Encodes a Yjs v1 update from explicit structs and delete ranges, so a test can send
 * references the server does not have (an unknown right origin, a future clock of the
 * sender's own client, a parent that does not exist) — things no honest Y.Doc produces.
 */
export function craftUpdate(items: readonly CraftedItem[], deletes: readonly CraftedDelete[] = []): Uint8Array {
  const e = new Y.UpdateEncoderV1();
  const byClient = new Map<number, CraftedItem[]>();
  for (const it of items) {
    const list = byClient.get(it.client) ?? [];
    list.push(it);
    byClient.set(it.client, list);
  }
  encoding.writeVarUint(e.restEncoder, byClient.size);
  for (const [client, list] of [...byClient].sort((a, b) => b[0] - a[0])) {
    list.sort((a, b) => a.clock - b.clock);
    encoding.writeVarUint(e.restEncoder, list.length);
    e.writeClient(client);
    encoding.writeVarUint(e.restEncoder, list[0]!.clock);
    for (const it of list) {
      const item = new Y.Item(
        Y.createID(client, it.clock),
        null,
        it.origin ?? null,
        null,
        it.rightOrigin ?? null,
        (it.parent ?? null) as unknown as Y.AbstractType<unknown>,
        it.parentSub ?? null,
        it.content,
      );
      item.write(e, 0);
    }
  }
  const dsByClient = new Map<number, CraftedDelete[]>();
  for (const d of deletes) dsByClient.set(d.client, [...(dsByClient.get(d.client) ?? []), d]);
  encoding.writeVarUint(e.restEncoder, dsByClient.size);
  for (const [client, ranges] of dsByClient) {
    encoding.writeVarUint(e.restEncoder, client);
    encoding.writeVarUint(e.restEncoder, ranges.length);
    for (const r of ranges) {
      encoding.writeVarUint(e.restEncoder, r.clock);
      encoding.writeVarUint(e.restEncoder, r.len);
    }
  }
  return e.toUint8Array();
}

/** The id of the last character of a text (what a client typing at its end would use as origin). */
export function lastCharId(text: Y.XmlText): Y.ID {
  let item = text._start;
  let last: Y.Item | null = null;
  while (item) {
    if (!item.deleted && item.countable) last = item;
    item = item.right;
  }
  if (!last) throw new Error('empty text');
  return Y.createID(last.id.client, last.id.clock + last.length - 1);
}

/** The id of the first character of a text. */
export function firstCharId(text: Y.XmlText): Y.ID {
  let item = text._start;
  while (item && (item.deleted || !item.countable)) item = item.right;
  if (!item) throw new Error('empty text');
  return item.id;
}
