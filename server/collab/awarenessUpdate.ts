import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * An awareness update (y-protocols) as it arrives, before anything in it is trusted:
 *
 *   varUint count, then per entry: varUint clientId, varUint clock, varString stateJSON
 *
 * The state stays raw bytes (a view into the frame): most entries a server receives are
 * echoes of other people's states, which are dropped by client id and clock without ever
 * being decoded or parsed.
 */
export interface RawAwarenessEntry {
  clientId: number;
  clock: number;
  /** UTF-8 JSON of the state; `null` means "this client left". */
  state: Uint8Array;
}

/** More entries than any honest room produces in one update. */
const MAX_ENTRIES = 10_000;

/** Reads the entries' headers; throws on a truncated or malformed update. */
export function scanAwarenessUpdate(update: Uint8Array): RawAwarenessEntry[] {
  const d = decoding.createDecoder(update);
  const n = decoding.readVarUint(d);
  if (n > MAX_ENTRIES) throw new TypeError(`awareness update with ${n} entries`);
  const entries: RawAwarenessEntry[] = [];
  for (let i = 0; i < n; i++) {
    const clientId = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    entries.push({ clientId, clock, state: decoding.readVarUint8Array(d) });
  }
  if (decoding.hasContent(d)) throw new TypeError('trailing bytes after awareness update');
  return entries;
}

const NULL_STATE = new TextEncoder().encode('null');

export function isNullState(state: Uint8Array): boolean {
  return state.length === 4 && state.every((b, i) => b === NULL_STATE[i]);
}

/** One entry, encoded once and copied into every frame that carries it. */
export function encodeAwarenessEntry(clientId: number, clock: number, stateJson: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, clientId);
  encoding.writeVarUint(e, clock);
  encoding.writeVarString(e, stateJson);
  return encoding.toUint8Array(e);
}

/** An awareness update made of already-encoded entries. */
export function joinAwarenessEntries(entries: readonly Uint8Array[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) encoding.writeUint8Array(e, entry);
  return encoding.toUint8Array(e);
}
