import type { Command } from '@tiptap/pm/state';
import { type Actor, mayRemoveBracket } from '../../../shared/model/bracketRules';
import { Mark as M } from '../../../shared/model/schemaNames';
import { bracketExtents } from '../bracketExtents';
import { clauseAt } from '../clauseAt';

/**
 * Resolves an alternative by keeping the option the cursor is in. Inline: the whole run
 * of options (with the spaces between them) is replaced by the chosen option's text,
 * without its option bracket (brackets nested inside it stay: they are other proposals).
 * Whole paragraphs: the other options of the group are deleted and the chosen one
 * becomes an ordinary paragraph.
 *
 * Resolving is the chair's. A member may only resolve an inline alternative whose every
 * option (and every bracket inside the options that go) they proposed themselves — that is
 * withdrawing their own proposal; a whole-paragraph alternative is resolved by the chair.
 */
export function chooseOption(actor: Actor): Command {
  return (state, dispatch) => {
    const { from, to, $from } = state.selection;
    const clause = clauseAt($from);
    if (!clause) return false;
    const bracketType = state.schema.marks[M.bracket]!;
    const extents = bracketExtents(clause.node, clause.pos);
    const chosen = extents
      .filter((e) => e.attrs.group !== null && e.from <= from && to <= e.to)
      .sort((a, b) => a.to - a.from - (b.to - b.from))[0];
    if (chosen) {
      const options = extents.filter((e) => e.attrs.group === chosen.attrs.group);
      const start = Math.min(...options.map((e) => e.from));
      const end = Math.max(...options.map((e) => e.to));
      if (!state.doc.resolve(start).sameParent(state.doc.resolve(end))) return false;
      // Everything that goes: the options, and brackets inside the options not chosen.
      const going = extents.filter(
        (e) =>
          e.attrs.group === chosen.attrs.group ||
          (start <= e.from && e.to <= end && !(chosen.from <= e.from && e.to <= chosen.to)),
      );
      if (going.some((e) => !mayRemoveBracket(actor, e.attrs))) return false;
      if (dispatch) {
        const tr = state.tr;
        const kept = state.doc.slice(chosen.from, chosen.to);
        tr.replace(start, end, kept);
        tr.removeMark(start, start + kept.size, bracketType.create(chosen.attrs));
        dispatch(tr.scrollIntoView());
      }
      return true;
    }
    const group = clause.node.attrs.altGroup as string | null;
    if (!group || actor.role !== 'chair') return false;
    if (dispatch) {
      const tr = state.tr;
      const $clause = state.doc.resolve(clause.pos);
      const section = $clause.parent;
      const sectionStart = $clause.start();
      const index = $clause.index();
      // Delete the siblings of the group from the last one backwards, so positions stay valid.
      const members: { pos: number; size: number; index: number }[] = [];
      let pos = sectionStart;
      section.forEach((child, offset, i) => {
        pos = sectionStart + offset;
        if (child.attrs.altGroup === group && isContiguous(section, i, index, group)) {
          members.push({ pos, size: child.nodeSize, index: i });
        }
      });
      for (const m of members.reverse()) if (m.index !== index) tr.delete(m.pos, m.pos + m.size);
      const chosenPos = tr.mapping.map(clause.pos);
      tr.setNodeAttribute(chosenPos, 'altGroup', null);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** Whether child i belongs to the same run of consecutive `group` clauses as child `anchor`. */
function isContiguous(section: import('@tiptap/pm/model').Node, i: number, anchor: number, group: string): boolean {
  const [lo, hi] = i < anchor ? [i, anchor] : [anchor, i];
  for (let k = lo; k <= hi; k++) if (section.child(k).attrs.altGroup !== group) return false;
  return true;
}
