import type { EditorState } from '@tiptap/pm/state';
import { clauseAt } from './clauseAt';

/** The selection as a proposal addresses it: offsets in its paragraph's plain text, and the text there. */
export interface SelectionSpan {
  paragraphId: string;
  from: number;
  to: number;
  quote: string;
}

/**
 * The selection in the plain-text coordinates the server uses for proposals
 * (shared/model/proposalAnchors.ts): the paragraph's runs of text — consecutive text nodes,
 * as the Yjs binding stores them, one Y.XmlText each — joined by '\n'. Null when the
 * selection is not inside one run of one paragraph (a proposal's span lies within one run).
 */
export function selectionSpan(state: EditorState): SelectionSpan | null {
  const { $from, $to } = state.selection;
  const clause = clauseAt($from);
  if (!clause || clauseAt($to)?.pos !== clause.pos) return null;
  let offset = 0;
  let runs = 0;
  let result: { from: number; to: number } | null = null;
  let text = '';
  clause.node.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const start = clause.pos + 1 + pos + 1; // the textblock's content starts here
    let runStart: number | null = null;
    let runText = '';
    const close = (end: number) => {
      if (runStart === null) return;
      if (runs > 0) offset += 1;
      runs++;
      const from = $from.pos;
      const to = $to.pos;
      if (!result && from >= runStart && to <= end) {
        result = { from: offset + (from - runStart), to: offset + (to - runStart) };
        text = runText.slice(from - runStart, to - runStart);
      }
      offset += runText.length;
      runStart = null;
      runText = '';
    };
    node.forEach((child, childOffset) => {
      if (child.isText) {
        if (runStart === null) runStart = start + childOffset;
        runText += child.text ?? '';
      } else close(start + childOffset);
    });
    close(start + node.content.size);
    return false;
  });
  const found = result as { from: number; to: number } | null;
  if (!found) return null;
  return { paragraphId: clause.node.attrs.id as string, from: found.from, to: found.to, quote: text };
}
