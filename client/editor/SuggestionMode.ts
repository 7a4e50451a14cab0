import { Extension } from '@tiptap/core';
import { type EditorState, Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import { applySuggestionEdit, caretAt, type Hunk, type SuggestionEdit } from '../../shared/model/suggestion';
import { clauseAt } from './clauseAt';
import { paragraphRuns } from './paragraphRuns';
import { govKey } from './plugins/govState';
import { pendingSuggestion } from './suggest/pendingSuggestion';
import { proposalMarksPlugin } from './suggest/proposalMarksPlugin';
import { type SuggestIdentity, suggestionPlugin, suggestKey } from './suggest/suggestionPlugin';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    suggestionMode: {
      /** Propose on/off: with it on, typing and deleting suggest changes instead of making them. */
      toggleProposeMode: () => ReturnType;
      /** Drops the pending (untabled) suggestion of the paragraph at the caret. */
      discardSuggestion: () => ReturnType;
    };
  }
}

export interface SuggestionModeOptions {
  /** The Yjs document, to resolve tabled proposals' anchors. */
  doc: Y.Doc | null;
  identity: () => SuggestIdentity;
  /** Enter in Propose mode: table the suggestion of the paragraph at the caret (the host does the request). */
  onTable: (paragraphId: string) => void;
  /** Observers never propose. */
  enabled: boolean;
}

/** Word's key for Track Changes, so that people find it where they expect it. */
export const proposeShortcut = 'Mod-Shift-e';

/**
 * Suggestion mode: one extension, its state and drawing in ./suggest. Keystrokes are
 * translated into edits of the pure model (shared/model/suggestion.ts) on the paragraph's
 * plain text; the result is kept as the paragraph's pending suggestion and drawn as tracked
 * changes. Enter tables it as proposals (through the host), Escape discards it.
 */
export const SuggestionMode = Extension.create<SuggestionModeOptions>({
  name: 'suggestionMode',
  // Before every other key handler (Enter splits paragraphs, Backspace joins them).
  priority: 1000,

  addOptions() {
    return { doc: null, identity: () => ({ code: '' }), onTable: () => undefined, enabled: true };
  },

  addCommands() {
    return {
      toggleProposeMode:
        () =>
        ({ state, dispatch }) => {
          if (!this.options.enabled) return false;
          const on = !(suggestKey.getState(state)?.on ?? false);
          dispatch?.(state.tr.setMeta(suggestKey, { type: 'toggle', on }).setMeta('addToHistory', false));
          return true;
        },
      discardSuggestion:
        () =>
        ({ state, dispatch }) => {
          const clause = clauseAt(state.selection.$from);
          const id = clause?.node.attrs.id as string | undefined;
          if (!id || !suggestKey.getState(state)?.pending.has(id)) return false;
          dispatch?.(state.tr.setMeta(suggestKey, { type: 'discard', paragraphId: id }));
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    const on = () => suggestKey.getState(this.editor.state)?.on ?? false;
    const edit = (make: Parameters<typeof suggest>[1]) => () => {
      if (!on()) return false;
      suggest(this.editor.view, make);
      return true;
    };
    const swallow = () => on();
    return {
      [proposeShortcut]: () => this.editor.commands.toggleProposeMode(),
      Backspace: edit((sel, caret) =>
        sel.empty ? { type: 'backspace', ...caret } : { type: 'replaceRange', from: sel.from, to: sel.to, text: '' },
      ),
      Delete: edit((sel, caret) =>
        sel.empty
          ? { type: 'deleteForward', ...caret }
          : { type: 'replaceRange', from: sel.from, to: sel.to, text: '' },
      ),
      Enter: () => {
        if (!on()) return false;
        const id = clauseAt(this.editor.state.selection.$from)?.node.attrs.id as string | undefined;
        if (id) this.options.onTable(id);
        return true;
      },
      Escape: () => on() && this.editor.commands.discardSuggestion(),
      // In Propose mode nothing else may edit the text (the filter refuses it anyway: no half-effects).
      'Shift-Enter': swallow,
      'Mod-Backspace': swallow,
      'Mod-Delete': swallow,
      'Mod-z': swallow,
      'Mod-y': swallow,
      'Mod-Shift-z': swallow,
    };
  },

  addProseMirrorPlugins() {
    const on = (state: EditorState) => suggestKey.getState(state)?.on ?? false;
    let composition: Snapshot | null = null;
    const typed = (view: EditorView, text: string) =>
      suggest(view, (sel, caret) =>
        sel.empty ? { type: 'insert', ...caret, text } : { type: 'replaceRange', from: sel.from, to: sel.to, text },
      );
    const plugins = [
      suggestionPlugin(this.options.identity),
      new Plugin({
        key: new PluginKey('accordSuggestInput'),
        props: {
          handleTextInput(view, _from, _to, text) {
            if (!on(view.state)) return false;
            if (!view.composing) {
              composition = null;
              typed(view, oneLine(text));
              return true;
            }
            // An IME reports every state of a composition ("x", "xi", "信息"), then its commit: each
            // replaces the previous one, from the suggestion as it was when the composition began.
            composition ??= snapshot(view.state);
            if (composition) restore(view, composition);
            typed(view, oneLine(text));
            return true;
          },
          handlePaste(view, event) {
            if (!on(view.state)) return false;
            const text = oneLine(event.clipboardData?.getData('text/plain') ?? '');
            if (text) typed(view, text);
            return true;
          },
          handleDrop: (view) => on(view.state),
          handleDOMEvents: {
            // A composition ends with its commit; a key that is not the IME's starts afresh.
            compositionend: () => {
              composition = null;
              return false;
            },
            keydown: (_view, event) => {
              if (event.keyCode !== 229) composition = null;
              return false;
            },
          },
        },
      }),
    ];
    return this.options.doc ? [...plugins, proposalMarksPlugin(this.options.doc)] : plugins;
  },
});

/** The suggestion of the paragraph at the caret, and the caret, as a composition found them. */
interface Snapshot {
  paragraphId: string;
  hunks: Hunk[];
  caret: { pos: number; k: number } | null;
  selection: { anchor: number; head: number };
}

function snapshot(state: EditorState): Snapshot | null {
  const id = clauseAt(state.selection.$from)?.node.attrs.id as string | undefined;
  const s = suggestKey.getState(state);
  if (!id || !s) return null;
  return {
    paragraphId: id,
    hunks: [...(s.pending.get(id) ?? [])],
    caret: s.caret,
    selection: { anchor: state.selection.anchor, head: state.selection.head },
  };
}

function restore(view: EditorView, snap: Snapshot): void {
  const { state } = view;
  const size = state.doc.content.size;
  const clamp = (n: number) => Math.min(Math.max(n, 0), size);
  view.dispatch(
    state.tr
      .setMeta(suggestKey, { type: 'set', paragraphId: snap.paragraphId, hunks: snap.hunks, caret: snap.caret })
      .setSelection(TextSelection.create(state.doc, clamp(snap.selection.anchor), clamp(snap.selection.head)))
      .setMeta('addToHistory', false),
  );
}

/** A proposal changes words within one line: line breaks and tabs become spaces, controls go. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/\p{Cc}/gu, '');
}

type Selection = { from: number; to: number; empty: boolean };

/**
 * Applies one keystroke to the pending suggestion of the paragraph at the selection. Refused
 * (nothing happens) outside a paragraph's text, across paragraphs, in a locked or silenced
 * paragraph, or across a line break — the server would refuse such a proposal.
 */
function suggest(view: EditorView, make: (sel: Selection, caret: { at: number; k: number }) => SuggestionEdit): void {
  const { state } = view;
  const { selection } = state;
  const clause = clauseAt(selection.$from);
  if (!clause || clauseAt(selection.$to)?.pos !== clause.pos) return;
  const id = clause.node.attrs.id as string | null;
  const gov = govKey.getState(state);
  if (!id || gov?.locked.has(id) || gov?.silenced.has(id)) return;
  const runs = paragraphRuns(clause.node, clause.pos);
  const from = runs.offsetOf(selection.from);
  const to = runs.offsetOf(selection.to);
  if (from === null || to === null) return;
  const pending = pendingSuggestion(state, id);
  const hunks = pending?.hunks ?? [];
  const s = suggestKey.getState(state);
  const caret =
    s?.caret && s.caret.pos === selection.head
      ? { at: from, k: s.caret.k }
      : caretAt(hunks, selection.head === selection.from ? from : to);
  const result = applySuggestionEdit(runs.text, hunks, make({ from, to, empty: selection.empty }, caret));
  if (!result) return;
  const pos = runs.posOf(result.caret.at);
  const tr: Transaction = state.tr
    .setMeta(suggestKey, {
      type: 'set',
      paragraphId: id,
      hunks: result.hunks.map((h) => ({ from: runs.posOf(h.from), to: runs.posOf(h.to), text: h.text })),
      caret: { pos, k: result.caret.k },
    })
    .setSelection(TextSelection.create(state.doc, pos))
    .setMeta('addToHistory', false);
  view.dispatch(tr.scrollIntoView());
}
