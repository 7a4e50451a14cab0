import { EDITOR_ROOT } from '../../shared/model/schemaNames.js';

/**
 * What the server keeps of an awareness state: only what presence needs. Parsing is
 * bounded before JSON.parse ever runs — in bytes and in nesting depth, counted by a
 * flat scan — so that no state can make parsing, storing or re-serialising it recurse
 * deeply or cost more than a few KiB.
 *
 * Kept: `cursor` (y-prosemirror's anchor and head as Yjs relative positions, or null), `paragraph`
 * (the id of the paragraph the caret is in), and `user.color`. The rest of `user` is
 * replaced by the connection's identity elsewhere; every other field is dropped.
 */
export interface PresenceState {
  cursor?: { anchor: unknown; head: unknown } | null;
  paragraph?: string | null;
  color?: string;
}

export type ParsedPresence =
  | { ok: true; state: PresenceState | null }
  | { ok: false; reason: 'too large' | 'too deep' | 'not JSON' | 'not an object' };

/** A caret as y-prosemirror sends it nests three levels ({anchor: {item: {client}}}) below the state. */
export const MAX_PRESENCE_DEPTH = 6;
const PARAGRAPH_ID = /^[A-Za-z0-9_-]{1,128}$/;
const COLOR = /^#[0-9a-fA-F]{3,8}$/;

const utf8 = new TextDecoder('utf-8', { fatal: false });

export function parsePresenceState(bytes: Uint8Array, maxBytes: number): ParsedPresence {
  if (bytes.length > maxBytes) return { ok: false, reason: 'too large' };
  const json = utf8.decode(bytes);
  if (nestingDepth(json) > MAX_PRESENCE_DEPTH) return { ok: false, reason: 'too deep' };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (value === null) return { ok: true, state: null };
  if (!isObject(value)) return { ok: false, reason: 'not an object' };
  const state: PresenceState = {};
  if (value.cursor === null) state.cursor = null;
  else if (isObject(value.cursor)) {
    const anchor = relativePosition(value.cursor.anchor);
    const head = relativePosition(value.cursor.head);
    // A caret that editors cannot resolve would throw in every reader's page: it is not relayed.
    if (anchor && head) state.cursor = { anchor, head };
  }
  if (value.paragraph === null) state.paragraph = null;
  else if (typeof value.paragraph === 'string' && PARAGRAPH_ID.test(value.paragraph)) {
    state.paragraph = value.paragraph;
  }
  const color = isObject(value.user) ? value.user.color : undefined;
  if (typeof color === 'string' && COLOR.test(color)) state.color = color;
  return { ok: true, state };
}

/** Deepest bracket nesting of a JSON text, ignoring brackets inside strings; no recursion. */
export function nestingDepth(json: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

type Id = { client: number; clock: number };
type RelativePositionJson = { type: Id | null; tname: string | null; item: Id | null; assoc: number };

/**
 * A Yjs relative position as y-prosemirror puts it in a caret: rebuilt field by field, and only
 * if Yjs can resolve it (it throws when type, tname and item are all missing). The only root a
 * caret may name is the editor's.
 */
function relativePosition(v: unknown): RelativePositionJson | null {
  if (!isObject(v)) return null;
  const type = v.type == null ? null : id(v.type);
  const item = v.item == null ? null : id(v.item);
  const tname = v.tname == null ? null : v.tname === EDITOR_ROOT ? EDITOR_ROOT : undefined;
  const assoc = v.assoc == null ? 0 : v.assoc;
  if (type === undefined || item === undefined || tname === undefined) return null;
  if (typeof assoc !== 'number' || !Number.isSafeInteger(assoc)) return null;
  if (type === null && item === null && tname === null) return null;
  return { type, tname, item, assoc };
}

function id(v: unknown): Id | undefined {
  if (!isObject(v)) return undefined;
  const { client, clock } = v;
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  return ok(client) && ok(clock) ? { client, clock } : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
