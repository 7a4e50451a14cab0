import { type Command, TextSelection } from '@tiptap/pm/state';
import { newId } from '../../../shared/model/ids';
import { Node as N } from '../../../shared/model/schemaNames';
import { clauseAt } from '../clauseAt';
import { altGroupEnd } from './altGroupEnd';

/**
 * Inserts a new paragraph after the current one (after its alternatives) numbered
 * "7 bis", "7 ter": paragraphs everybody already refers to keep their numbers.
 */
export function insertParagraphBis(): Command {
  return (state, dispatch) => {
    const clause = clauseAt(state.selection.$from);
    if (!clause) return false;
    if (dispatch) {
      const at = altGroupEnd(state.doc, clause.pos);
      const para = state.schema.nodes[N.paragraph]!.create();
      const node = state.schema.nodes[N.clause]!.create(
        { id: newId('p'), kind: clause.node.attrs.kind, bis: true, altGroup: null, bracket: null },
        para,
      );
      const tr = state.tr.insert(at, node);
      tr.setSelection(TextSelection.create(tr.doc, at + 2)).scrollIntoView();
      dispatch(tr);
    }
    return true;
  };
}
