import { type Command, TextSelection } from '@tiptap/pm/state';
import { newId } from '../../../shared/model/ids';
import { Node as N } from '../../../shared/model/schemaNames';

/**
 * Enter in a paragraph of the text starts a new numbered paragraph (a new clause with a
 * new id; the first half keeps the old id, so its status and objections stay with it).
 * At the very start of a clause the new, empty clause goes before it instead, so the id
 * stays with the text. Lists (subparagraphs) keep their own Enter behaviour.
 */
export function splitClause(): Command {
  return (state, dispatch) => {
    const { $from, empty } = state.selection;
    if (!empty || $from.depth < 3) return false;
    if ($from.parent.type.name !== N.paragraph || $from.node(-1).type.name !== N.clause) return false;
    const clause = $from.node(-1);
    const fresh = { id: newId('p'), kind: clause.attrs.kind, bis: false, altGroup: null, bracket: null };
    if (dispatch) {
      const tr = state.tr;
      if ($from.parentOffset === 0 && $from.index(-1) === 0) {
        const before = $from.before(-1);
        tr.insert(before, state.schema.nodes[N.clause]!.create(fresh, state.schema.nodes[N.paragraph]!.create()));
        tr.setSelection(TextSelection.create(tr.doc, tr.mapping.map($from.pos)));
      } else {
        tr.split($from.pos, 2, [{ type: clause.type, attrs: fresh }, { type: $from.parent.type }]);
      }
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** Enter in a section heading moves into the section's first paragraph (creating one if needed). */
export function leaveHeading(): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if ($from.parent.type.name !== N.sectionHeading) return false;
    if (dispatch) {
      const tr = state.tr;
      const afterHeading = $from.after();
      const section = $from.node(-1);
      if (section.childCount < 2) {
        tr.insert(
          afterHeading,
          state.schema.nodes[N.clause]!.create({ id: newId('p') }, state.schema.nodes[N.paragraph]!.create()),
        );
      }
      tr.setSelection(TextSelection.create(tr.doc, afterHeading + 2));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** Shift-Enter: a new paragraph inside the same numbered paragraph (no new number). */
export function splitWithinClause(): Command {
  return (state, dispatch) => {
    const { $from, $to } = state.selection;
    if ($from.depth < 3 || $from.parent.type.name !== N.paragraph || $from.node(-1).type.name !== N.clause) {
      return false;
    }
    if (dispatch) {
      const tr = state.tr.delete($from.pos, $to.pos);
      tr.split(tr.mapping.map($from.pos));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}
