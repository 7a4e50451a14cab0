import type { Command } from '@tiptap/pm/state';
import { clauseAt } from '../clauseAt';

/** Preambular (PP1, PP2 …) ↔ operative (1, 2 …). */
export function toggleParagraphKind(): Command {
  return (state, dispatch) => {
    const clause = clauseAt(state.selection.$from);
    if (!clause) return false;
    if (dispatch) {
      const kind = clause.node.attrs.kind === 'preambular' ? 'operative' : 'preambular';
      dispatch(state.tr.setNodeAttribute(clause.pos, 'kind', kind));
    }
    return true;
  };
}
