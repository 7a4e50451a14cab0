import type { Command } from '@tiptap/pm/state';
import { nestRange } from '../../../shared/model/bracketNesting';
import { Mark as M } from '../../../shared/model/schemaNames';
import { bracketExtents } from '../bracketExtents';
import { clauseAt } from '../clauseAt';
import { newBracket, type Proposer } from '../proposer';

/**
 * Brackets the selected text. The range grows so that brackets stay properly nested
 * (nestRange): "[a [b] c]" can be read aloud, crossing brackets cannot.
 */
export function bracketSelection(proposer: Proposer): Command {
  return (state, dispatch) => {
    const { from, to, $from, $to } = state.selection;
    if (from === to) return false;
    const clause = clauseAt($from);
    if (!clause || clauseAt($to)?.pos !== clause.pos) return false;
    const range = nestRange(bracketExtents(clause.node, clause.pos), from, to);
    if (dispatch) {
      const mark = state.schema.marks[M.bracket]!.create(newBracket(proposer));
      dispatch(state.tr.addMark(range.from, range.to, mark).scrollIntoView());
    }
    return true;
  };
}
