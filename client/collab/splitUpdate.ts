import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

type Struct = Y.Item | Y.GC;

/** An update cannot be split under the limit: one struct alone is larger. */
export class UpdateTooLarge extends Error {
  constructor(readonly bytes: number) {
    super(`a single change of ${bytes} bytes`);
  }
}

/**
 * Splits a Yjs (v1) update into updates of at most `maxBytes` each that, sent in order,
 * the server integrates one after the other — each complete on arrival, as the server
 * requires (it never holds a struct back). Structs keep their clock order per client, and
 * a struct referring to another client's struct of the same update comes after it; the
 * delete set follows all structs. A large offline backlog (a long paste, a day of work)
 * thus goes through a server whose frames are limited (MAX_MESSAGE_BYTES).
 *
 * Throws UpdateTooLarge when one struct alone exceeds `maxBytes`. Returns the update itself
 * when it already fits.
 */
export function splitUpdate(update: Uint8Array, maxBytes: number): Uint8Array[] {
  if (update.byteLength <= maxBytes) return [update];
  const { structs, ds } = Y.decodeUpdate(update);
  const byClient = new Map<number, Struct[]>();
  for (const s of structs) {
    if (s instanceof Y.Skip) continue;
    const list = byClient.get(s.id.client) ?? [];
    list.push(s as Struct);
    byClient.set(s.id.client, list);
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);

  const ordered = integrationOrder(byClient);
  const chunks: Uint8Array[] = [];
  let batch: Struct[] = [];
  let batchBytes = 0;
  const flush = () => {
    if (batch.length === 0) return;
    chunks.push(encodeStructs(batch));
    batch = [];
    batchBytes = 0;
  };
  // Header per client group: count, client, clock (varints): a generous 20 bytes each.
  const HEADER = 24;
  for (const s of ordered) {
    const size = structSize(s) + HEADER;
    if (size + 8 > maxBytes) throw new UpdateTooLarge(size);
    if (batchBytes + size + 8 > maxBytes) flush();
    batch.push(s);
    batchBytes += size;
  }
  flush();
  for (const part of splitDeleteSet(ds, maxBytes)) chunks.push(part);
  return chunks;
}

/**
 * Structs in an order in which every reference to another struct of the update points
 * backwards. References to structs the update does not carry are the server's business.
 */
function integrationOrder(byClient: Map<number, Struct[]>): Struct[] {
  const end = new Map<number, number>();
  for (const [client, list] of byClient) {
    const last = list[list.length - 1] as Struct;
    end.set(client, last.id.clock + last.length);
  }
  const emitted = new Map<number, number>();
  const next = new Map<number, number>();
  const out: Struct[] = [];
  const ready = (s: Struct): boolean => {
    if (!(s instanceof Y.Item)) return true;
    for (const ref of [s.origin, s.rightOrigin, s.parent instanceof Y.ID ? s.parent : null]) {
      if (!ref || ref.client === s.id.client || !end.has(ref.client)) continue;
      const first = byClient.get(ref.client)?.[0]?.id.clock ?? 0;
      if (ref.clock >= first && ref.clock >= (emitted.get(ref.client) ?? first)) return false;
    }
    return true;
  };
  let progress = true;
  while (progress) {
    progress = false;
    for (const [client, list] of byClient) {
      let i = next.get(client) ?? 0;
      while (i < list.length && ready(list[i] as Struct)) {
        const s = list[i] as Struct;
        out.push(s);
        emitted.set(client, s.id.clock + s.length);
        i++;
        progress = true;
      }
      next.set(client, i);
    }
  }
  // Whatever waits on a cycle goes last, in clock order: the server will say what it cannot take.
  for (const [client, list] of byClient)
    for (let i = next.get(client) ?? 0; i < list.length; i++) out.push(list[i] as Struct);
  return out;
}

function structSize(s: Struct): number {
  const e = new Y.UpdateEncoderV1();
  s.write(e, 0);
  return e.toUint8Array().byteLength;
}

/**
 * An update holding `structs` and no deletions. Each client's structs in a part are
 * consecutive clocks (the order above keeps every client's clock order and an update has
 * no gaps), so one group per client will do; the order between clients inside one part
 * does not matter to Yjs, only the order of the parts does.
 */
function encodeStructs(structs: Struct[]): Uint8Array {
  const byClient = new Map<number, Struct[]>();
  for (const s of structs) {
    const list = byClient.get(s.id.client);
    if (list) list.push(s);
    else byClient.set(s.id.client, [s]);
  }
  const e = new Y.UpdateEncoderV1();
  encoding.writeVarUint(e.restEncoder, byClient.size);
  for (const [client, list] of byClient) {
    encoding.writeVarUint(e.restEncoder, list.length);
    e.writeClient(client);
    encoding.writeVarUint(e.restEncoder, (list[0] as Struct).id.clock);
    for (const s of list) s.write(e, 0);
  }
  encoding.writeVarUint(e.restEncoder, 0); // no deletions in a struct part
  return e.toUint8Array();
}

function splitDeleteSet(
  ds: { clients: Map<number, Array<{ clock: number; len: number }>> },
  maxBytes: number,
): Uint8Array[] {
  const out: Uint8Array[] = [];
  let part: Array<[number, Array<{ clock: number; len: number }>]> = [];
  let bytes = 8;
  const flush = () => {
    if (part.length === 0) return;
    const e = new Y.UpdateEncoderV1();
    encoding.writeVarUint(e.restEncoder, 0); // no structs
    encoding.writeVarUint(e.restEncoder, part.length);
    for (const [client, ranges] of part) {
      encoding.writeVarUint(e.restEncoder, client);
      encoding.writeVarUint(e.restEncoder, ranges.length);
      for (const r of ranges) {
        encoding.writeVarUint(e.restEncoder, r.clock);
        encoding.writeVarUint(e.restEncoder, r.len);
      }
    }
    out.push(e.toUint8Array());
    part = [];
    bytes = 8;
  };
  for (const [client, ranges] of ds.clients) {
    let current: Array<{ clock: number; len: number }> = [];
    part.push([client, current]);
    bytes += 16;
    for (const r of ranges) {
      if (bytes + 16 > maxBytes) {
        flush();
        current = [];
        part.push([client, current]);
        bytes += 16;
      }
      current.push(r);
      bytes += 16;
    }
  }
  if (part.some(([, ranges]) => ranges.length > 0)) flush();
  return out;
}
