import type { Command } from '@tiptap/pm/state';
import { clauseAt } from '../clauseAt';
import { newBracket, type Proposer } from '../proposer';

/** Brackets the whole paragraph the cursor is in, or removes its whole-paragraph bracket. */
export function toggleParagraphBracket(proposer: Proposer): Command {
  return (state, dispatch) => {
    const clause = clauseAt(state.selection.$from);
    if (!clause) return false;
    if (dispatch) {
      const bracket = clause.node.attrs.bracket ? null : newBracket(proposer);
      dispatch(state.tr.setNodeAttribute(clause.pos, 'bracket', bracket));
    }
    return true;
  };
}
