import type { Editor } from '@tiptap/core';
import type { SuggestedProposal } from '../../../shared/model/suggestion';
import { pendingSuggestion, proposalsToTable } from './pendingSuggestion';
import { suggestKey } from './suggestionPlugin';

/**
 * Tables a paragraph's pending suggestion, one proposal per change, in reading order. The
 * server is the authority (it anchors, checks the quote and the paragraph's state); what it
 * accepted leaves the local suggestion (it now shows as a tabled proposal), what it refused
 * stays pending with the error, to be fixed or discarded.
 */
export async function tableSuggestion(
  editor: Editor,
  paragraphId: string,
  send: (p: SuggestedProposal) => Promise<unknown>,
): Promise<{ tabled: number; error: unknown }> {
  const proposals = proposalsToTable(editor.state, paragraphId);
  let tabled = 0;
  let error: unknown = null;
  const done: SuggestedProposal[] = [];
  for (const p of proposals) {
    try {
      await send(p);
      done.push(p);
      tabled++;
    } catch (err) {
      error = err;
      break;
    }
  }
  if (editor.isDestroyed || tabled === 0) return { tabled, error };
  const now = pendingSuggestion(editor.state, paragraphId);
  const left = (now?.hunks ?? []).filter(
    (h) => !done.some((d) => d.from === h.from && d.to === h.to && d.text === h.text),
  );
  const tr = editor.state.tr;
  if (left.length === 0 || !now) tr.setMeta(suggestKey, { type: 'discard', paragraphId });
  else {
    const hunks = left.map((h) => ({ from: now.runs.posOf(h.from), to: now.runs.posOf(h.to), text: h.text }));
    tr.setMeta(suggestKey, { type: 'set', paragraphId, hunks, caret: null });
  }
  editor.view.dispatch(tr);
  return { tabled, error };
}
