import type { Command } from '@tiptap/pm/state';
import { type Actor, mayRemoveBracket } from '../../../shared/model/bracketRules';
import { Mark as M } from '../../../shared/model/schemaNames';
import { bracketExtents, innermostAround } from '../bracketExtents';
import { clauseAt } from '../clauseAt';

/**
 * Removes brackets (the text is agreed): with a cursor, the innermost bracket around it;
 * with a selection, every bracket the selection touches — each over its whole extent.
 * With no inline bracket there, the whole-paragraph bracket goes. Only brackets `actor` may
 * remove (their own; any, for the chair): otherwise the command does not apply, as the
 * server would refuse it.
 */
export function removeBrackets(actor: Actor): Command {
  return (state, dispatch) => {
    const { from, to, $from } = state.selection;
    const clause = clauseAt($from);
    if (!clause) return false;
    const extents = bracketExtents(clause.node, clause.pos);
    const targets =
      from === to
        ? [innermostAround(extents, from, to)].filter((e) => e !== null)
        : extents.filter((e) => e.from < to && from < e.to);
    const paragraphBracket = clause.node.attrs.bracket as { by: string } | null;
    if (targets.length === 0 && !paragraphBracket) return false;
    if (targets.some((e) => !mayRemoveBracket(actor, e.attrs))) return false;
    if (targets.length === 0 && paragraphBracket && !mayRemoveBracket(actor, paragraphBracket)) return false;
    if (dispatch) {
      const tr = state.tr;
      const bracketType = state.schema.marks[M.bracket]!;
      if (targets.length === 0) tr.setNodeAttribute(clause.pos, 'bracket', null);
      for (const e of targets) tr.removeMark(e.from, e.to, bracketType.create(e.attrs));
      dispatch(tr);
    }
    return true;
  };
}
