export interface Range {
  from: number;
  to: number;
}

function crosses(a: Range, b: Range): boolean {
  const overlap = a.from < b.to && b.from < a.to;
  const aInB = b.from <= a.from && a.to <= b.to;
  const bInA = a.from <= b.from && b.to <= a.to;
  return overlap && !aInB && !bInA;
}

/**
 * Brackets must nest like parentheses, or nobody can read "[a [b] c]" aloud in the room.
 * A new bracket whose range crosses an existing one grows to enclose it (repeatedly,
 * since growing can cross another), so the set of brackets stays laminar.
 */
export function nestRange(spans: readonly Range[], from: number, to: number): Range {
  const r = { from: Math.min(from, to), to: Math.max(from, to) };
  let changed = true;
  while (changed) {
    changed = false;
    for (const s of spans) {
      if (crosses(r, s)) {
        r.from = Math.min(r.from, s.from);
        r.to = Math.max(r.to, s.to);
        changed = true;
      }
    }
  }
  return r;
}

/** True when every two ranges are disjoint or one contains the other. */
export function isLaminar(spans: readonly Range[]): boolean {
  for (let i = 0; i < spans.length; i++)
    for (let j = i + 1; j < spans.length; j++) if (crosses(spans[i]!, spans[j]!)) return false;
  return true;
}
