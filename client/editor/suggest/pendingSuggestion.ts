import type { EditorState } from '@tiptap/pm/state';
import { type Hunk, type SuggestedProposal, suggestedProposals } from '../../../shared/model/suggestion';
import { findClause } from '../clauseAt';
import { type ParagraphRuns, paragraphRuns } from '../paragraphRuns';
import { suggestKey } from './suggestionPlugin';

/** A paragraph's pending suggestion in plain-text offsets, with the runs it was read from. */
export interface PendingSuggestion {
  paragraphId: string;
  runs: ParagraphRuns;
  /** Hunks in plain-text offsets (as the model and the server address them). */
  hunks: Hunk[];
}

export function pendingSuggestion(state: EditorState, paragraphId: string): PendingSuggestion | null {
  const clause = findClause(state.doc, paragraphId);
  if (!clause) return null;
  const runs = paragraphRuns(clause.node, clause.pos);
  const hunks: Hunk[] = [];
  for (const h of suggestKey.getState(state)?.pending.get(paragraphId) ?? []) {
    const from = runs.offsetOf(h.from);
    const to = runs.offsetOf(h.to);
    if (from !== null && to !== null && from <= to) hunks.push({ from, to, text: h.text });
  }
  return { paragraphId, runs, hunks };
}

/** What tabling the paragraph's suggestion sends: one proposal per change, with the words it was made against. */
export function proposalsToTable(state: EditorState, paragraphId: string): SuggestedProposal[] {
  const s = pendingSuggestion(state, paragraphId);
  return s ? suggestedProposals(s.runs.text, s.hunks) : [];
}

/** The paragraphs with a pending suggestion, and how many proposals each would table. */
export function pendingCounts(state: EditorState): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of suggestKey.getState(state)?.pending.keys() ?? []) {
    const n = proposalsToTable(state, pid).length;
    if (n > 0) out.set(pid, n);
  }
  return out;
}
