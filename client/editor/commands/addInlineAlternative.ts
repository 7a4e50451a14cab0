import { type Command, TextSelection } from '@tiptap/pm/state';
import { nestRange } from '../../../shared/model/bracketNesting';
import { newId } from '../../../shared/model/ids';
import { Mark as M } from '../../../shared/model/schemaNames';
import { bracketExtents, innermostAround } from '../bracketExtents';
import { clauseAt } from '../clauseAt';
import { newBracket, type Proposer } from '../proposer';
import { plainCopy } from './plainCopy';

/**
 * Proposes competing wording in place: "[Option 1: a] [Option 2: a]", the new option
 * starting as a copy for the proposer to rewrite (a bracket needs text to hold on to).
 * With a selection, the selection becomes Option 1. With the cursor in a bracket, that
 * bracketed text becomes Option 1 — or, if the bracket already is an option, a further
 * option is added after the last one of its group.
 */
export function addInlineAlternative(proposer: Proposer): Command {
  return (state, dispatch) => {
    const { from, to, $from, $to } = state.selection;
    const clause = clauseAt($from);
    if (!clause || clauseAt($to)?.pos !== clause.pos) return false;
    const bracketType = state.schema.marks[M.bracket]!;
    const extents = bracketExtents(clause.node, clause.pos);
    const tr = state.tr;
    let group: string;
    let source: { from: number; to: number };
    let insertAt: number;

    if (from !== to) {
      const range = nestRange(extents, from, to);
      if (!state.doc.resolve(range.from).sameParent(state.doc.resolve(range.to))) return false;
      group = newId('g');
      tr.addMark(range.from, range.to, bracketType.create(newBracket(proposer, group)));
      source = range;
      insertAt = range.to;
    } else {
      const around = innermostAround(extents, from, to);
      if (!around) return false;
      if (around.attrs.group) {
        group = around.attrs.group;
        const last = extents.filter((e) => e.attrs.group === group).reduce((a, b) => (b.to > a.to ? b : a));
        source = around;
        insertAt = last.to;
      } else {
        // The bracketed text becomes Option 1, proposed by whoever proposes the alternative. An
        // existing bracket is never changed (the server refuses it): one's own is replaced by the
        // option, somebody else's stays inside it.
        group = newId('g');
        if (around.attrs.by === proposer.id) tr.removeMark(around.from, around.to, bracketType.create(around.attrs));
        tr.addMark(around.from, around.to, bracketType.create(newBracket(proposer, group)));
        source = around;
        insertAt = around.to;
      }
    }
    const copy = plainCopy(state.doc, state.schema, source.from, source.to);
    if (copy.length === 0) return false;
    if (dispatch) {
      const mark = bracketType.create(newBracket(proposer, group));
      const option = copy.map((n) => n.mark(mark.addToSet(n.marks)));
      tr.insert(insertAt, [state.schema.text(' '), ...option]);
      const start = insertAt + 1;
      const end = start + option.reduce((n, o) => n + o.nodeSize, 0);
      tr.setSelection(TextSelection.create(tr.doc, start, end)).scrollIntoView();
      dispatch(tr);
    }
    return true;
  };
}
