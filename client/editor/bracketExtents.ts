import type { Node as PMNode } from '@tiptap/pm/model';
import { Mark as M } from '../../shared/model/schemaNames';

export interface BracketAttrs {
  id: string;
  by: string;
  byName: string;
  at: number;
  group: string | null;
}

/** Where one inline bracket starts and ends, in document positions. */
export interface BracketExtent {
  attrs: BracketAttrs;
  from: number;
  to: number;
}

/**
 * The inline brackets of one clause with their extents. A bracket may cover several
 * text nodes (other marks split the text) and several blocks (a bracket across list
 * items); its extent runs from its first to its last character.
 */
export function bracketExtents(clause: PMNode, clausePos: number): BracketExtent[] {
  const byId = new Map<string, BracketExtent>();
  clause.descendants((node, offset) => {
    if (!node.isText) return true;
    const from = clausePos + 1 + offset;
    const to = from + node.nodeSize;
    for (const mark of node.marks) {
      if (mark.type.name !== M.bracket) continue;
      const attrs = mark.attrs as BracketAttrs;
      const e = byId.get(attrs.id);
      if (e) {
        e.from = Math.min(e.from, from);
        e.to = Math.max(e.to, to);
      } else byId.set(attrs.id, { attrs, from, to });
    }
    return false;
  });
  return [...byId.values()];
}

/** Outermost first: starts earlier, or starts together and ends later (as readDraft orders them). */
export function outermostFirst(a: BracketExtent, b: BracketExtent): number {
  return a.from - b.from || b.to - a.to || (a.attrs.id < b.attrs.id ? -1 : a.attrs.id > b.attrs.id ? 1 : 0);
}

/** The innermost bracket containing [from, to], if any. */
export function innermostAround(extents: BracketExtent[], from: number, to: number): BracketExtent | null {
  let best: BracketExtent | null = null;
  for (const e of extents) {
    if (e.from <= from && to <= e.to && (!best || e.to - e.from < best.to - best.from)) best = e;
  }
  return best;
}

/** Option numbers of inline alternatives: spans sharing a group, 1-based in document order. */
export function optionNumbers(extents: BracketExtent[]): Map<string, number> {
  const byGroup = new Map<string, BracketExtent[]>();
  for (const e of extents) {
    if (e.attrs.group === null) continue;
    const list = byGroup.get(e.attrs.group) ?? [];
    list.push(e);
    byGroup.set(e.attrs.group, list);
  }
  const out = new Map<string, number>();
  for (const list of byGroup.values()) {
    list.sort(outermostFirst);
    for (const [i, e] of list.entries()) out.set(e.attrs.id, i + 1);
  }
  return out;
}
