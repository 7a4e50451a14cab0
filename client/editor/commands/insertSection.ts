import { type Command, TextSelection } from '@tiptap/pm/state';
import { newId } from '../../../shared/model/ids';
import { Node as N } from '../../../shared/model/schemaNames';

/** A new section (work area) after the current one, with its heading selected for typing. */
export function insertSection(): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if ($from.depth < 1) return false;
    if (dispatch) {
      const { nodes } = state.schema;
      const at = $from.after(1);
      const section = nodes[N.section]!.create({ id: newId('s') }, [
        nodes[N.sectionHeading]!.create(null, state.schema.text('New section')),
        nodes[N.clause]!.create({ id: newId('p') }, nodes[N.paragraph]!.create()),
      ]);
      const tr = state.tr.insert(at, section);
      tr.setSelection(TextSelection.create(tr.doc, at + 2, at + 2 + 'New section'.length)).scrollIntoView();
      dispatch(tr);
    }
    return true;
  };
}
