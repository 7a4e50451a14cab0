import type { Node as PMNode } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Hunk } from '../../../shared/model/suggestion';
import { i18n } from '../../i18n/i18n';
import { findClause } from '../clauseAt';
import { isRemoteChange } from '../plugins/isRemoteChange';
import { deletionAttrs, insertionWidget } from './suggestionWidgets';

/**
 * Suggestion mode's local state: whether "Propose" is on, and the pending (not yet tabled)
 * suggestion of each paragraph — hunks in editor positions, mapped through everyone's edits
 * like any decoration. Nothing of it is shared until it is tabled as proposals.
 *
 * While Propose is on, no local transaction may change the document: SuggestionMode turns
 * keystrokes into suggestions, and anything else that would edit (cut, drop, a composition, a
 * toolbar command) is refused here — the text changes only through others and the chair.
 */
export interface SuggestState {
  on: boolean;
  /** paragraphId → pending hunks (editor positions; text to insert at `to`). */
  pending: ReadonlyMap<string, readonly Hunk[]>;
  /** The caret inside a suggestion: its position and how many replacement characters precede it. */
  caret: { pos: number; k: number } | null;
}

export type SuggestMeta =
  | { type: 'toggle'; on: boolean }
  | { type: 'set'; paragraphId: string; hunks: Hunk[]; caret: { pos: number; k: number } | null }
  | { type: 'discard'; paragraphId: string };

export const suggestKey = new PluginKey<SuggestState>('accordSuggest');

export interface SuggestIdentity {
  /** The viewer's delegation code (their name when they have none), shown on their changes. */
  code: string;
}

export function suggestionPlugin(identity: () => SuggestIdentity): Plugin<SuggestState> {
  return new Plugin<SuggestState>({
    key: suggestKey,
    state: {
      init: () => ({ on: false, pending: new Map(), caret: null }),
      apply: (tr, value, _old, state) => {
        const meta = tr.getMeta(suggestKey) as SuggestMeta | undefined;
        let next = value;
        if (tr.docChanged) next = mapThrough(next, tr, state.doc);
        if (!meta) return tr.selectionSet && next.caret ? { ...next, caret: null } : next;
        if (meta.type === 'toggle') return { ...next, on: meta.on, caret: null };
        const pending = new Map(next.pending);
        if (meta.type === 'discard') {
          pending.delete(meta.paragraphId);
          return { ...next, pending, caret: null };
        }
        if (meta.hunks.length === 0) pending.delete(meta.paragraphId);
        else pending.set(meta.paragraphId, meta.hunks);
        return { ...next, pending, caret: meta.caret };
      },
    },
    filterTransaction: (tr, state) =>
      !tr.docChanged || isRemoteChange(tr) || !(suggestKey.getState(state)?.on ?? false),
    props: {
      decorations: (state) => localDecorations(state, identity().code),
    },
  });
}

/** Keeps pending hunks on their text through others' edits; drops those whose paragraph went. */
function mapThrough(value: SuggestState, tr: Transaction, doc: PMNode): SuggestState {
  if (value.pending.size === 0) return value;
  const pending = new Map<string, Hunk[]>();
  for (const [pid, hunks] of value.pending) {
    const clause = findClause(doc, pid);
    if (!clause) continue;
    const end = clause.pos + clause.node.nodeSize;
    const mapped: Hunk[] = [];
    for (const h of hunks) {
      const from = tr.mapping.map(h.from, h.from === h.to ? -1 : 1);
      const to = Math.max(from, tr.mapping.map(h.to, -1));
      if (from <= clause.pos || to >= end) continue;
      if (from < to || h.text !== '') mapped.push({ from, to, text: h.text });
    }
    if (mapped.length > 0) pending.set(pid, mapped);
  }
  const caret = value.caret ? { pos: tr.mapping.map(value.caret.pos), k: value.caret.k } : null;
  return { ...value, pending, caret };
}

function localDecorations(state: EditorState, code: string): DecorationSet | null {
  const s = suggestKey.getState(state);
  if (!s || s.pending.size === 0) return null;
  const title = i18n.t('suggest.localTitle', { code });
  const out: Decoration[] = [];
  for (const hunks of s.pending.values()) {
    for (const h of hunks) {
      if (h.from < h.to) out.push(Decoration.inline(h.from, h.to, deletionAttrs(code, title, true)));
      out.push(
        Decoration.widget(h.to, () => insertionWidget({ text: h.text, code, title, local: true }), {
          side: -1,
          key: `suggest:${h.from}:${h.to}:${h.text}`,
          ignoreSelection: true,
          marks: [],
        }),
      );
    }
  }
  return DecorationSet.create(state.doc, out);
}
