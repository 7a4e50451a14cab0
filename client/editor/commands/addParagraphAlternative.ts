import { type Command, TextSelection } from '@tiptap/pm/state';
import { newId } from '../../../shared/model/ids';
import { Mark as M } from '../../../shared/model/schemaNames';
import { clauseAt } from '../clauseAt';
import { altGroupEnd } from './altGroupEnd';

/**
 * Proposes a whole alternative paragraph: a copy of the current one (without its
 * brackets) placed after the group, sharing `altGroup`, so both are numbered alike and
 * labelled Option 1, Option 2.
 */
export function addParagraphAlternative(): Command {
  return (state, dispatch) => {
    const clause = clauseAt(state.selection.$from);
    if (!clause) return false;
    if (dispatch) {
      const tr = state.tr;
      const group = (clause.node.attrs.altGroup as string | null) ?? newId('g');
      if (!clause.node.attrs.altGroup) tr.setNodeAttribute(clause.pos, 'altGroup', group);
      const at = altGroupEnd(tr.doc, clause.pos);
      const copy = clause.node.type.create(
        { id: newId('p'), kind: clause.node.attrs.kind, bis: false, altGroup: group, bracket: null },
        clause.node.content,
      );
      tr.insert(at, copy);
      tr.removeMark(at, at + copy.nodeSize, state.schema.marks[M.bracket]!);
      tr.setSelection(TextSelection.near(tr.doc.resolve(at + 2))).scrollIntoView();
      dispatch(tr);
    }
    return true;
  };
}
