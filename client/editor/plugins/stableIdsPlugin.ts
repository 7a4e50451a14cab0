import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { newId } from '../../../shared/model/ids';
import { Node as N } from '../../../shared/model/schemaNames';
import { govKey } from './govState';
import { isRemoteChange } from './isRemoteChange';

/**
 * Objections, statuses and locks point at a paragraph id, so every clause (and section)
 * must have one, unique in the draft. Splitting a clause copies its attributes, pasting
 * can bring a copy's id: the first holder keeps the id (a locked holder always does —
 * the server refuses any change to it) and the others get fresh ones. Only local changes
 * trigger the scan, so two clients never fight over a remote peer's paragraph.
 */
export function stableIdsPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('accordStableIds'),
    appendTransaction(trs, _old, state) {
      if (!trs.some((tr) => tr.docChanged && !isRemoteChange(tr))) return null;
      const locked = govKey.getState(state)?.locked ?? new Set<string>();
      const fixes = idFixes(state.doc, locked);
      if (fixes.length === 0) return null;
      const tr = state.tr;
      for (const f of fixes) tr.setNodeAttribute(f.pos, 'id', f.id);
      return tr.setMeta('addToHistory', false);
    },
  });
}

interface Holder {
  pos: number;
  id: string | null;
}

export function idFixes(doc: PMNode, locked: ReadonlySet<string>): { pos: number; id: string }[] {
  const sections: Holder[] = [];
  const clauses: Holder[] = [];
  doc.forEach((section, sOffset) => {
    sections.push({ pos: sOffset, id: (section.attrs.id as string | null) || null });
    section.forEach((child, cOffset) => {
      if (child.type.name === N.clause) {
        clauses.push({ pos: sOffset + 1 + cOffset, id: (child.attrs.id as string | null) || null });
      }
    });
  });
  return [...fixHolders(sections, 's', new Set()), ...fixHolders(clauses, 'p', locked)];
}

function fixHolders(holders: Holder[], prefix: string, keepers: ReadonlySet<string>): { pos: number; id: string }[] {
  const fixes: { pos: number; id: string }[] = [];
  const taken = new Set<string>();
  // A locked holder of a duplicated id keeps it, wherever it stands.
  const lockedHolder = new Map<string, number>();
  for (const h of holders) if (h.id && keepers.has(h.id) && !lockedHolder.has(h.id)) lockedHolder.set(h.id, h.pos);
  for (const h of holders) {
    const keeperPos = h.id ? lockedHolder.get(h.id) : undefined;
    const mustRename = !h.id || (keeperPos !== undefined ? keeperPos !== h.pos : taken.has(h.id));
    if (mustRename) fixes.push({ pos: h.pos, id: newId(prefix) });
    else if (h.id) taken.add(h.id);
  }
  return fixes;
}
