import { type EditorState, Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import {
  getRelativeSelection,
  type ProsemirrorBinding,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { isRemoteChange } from './isRemoteChange';
import { rememberDomSelection, unreadDomSelection } from './unreadDomSelection';

/**
 * Where the local caret goes when the document changes underneath it (someone else's
 * edit, or undo): where the CRDT says it is. The selection is recorded as Yjs relative
 * positions before every Yjs transaction and resolved again afterwards, as y-prosemirror
 * does — each caret end is tied to the character on its left, so text others insert
 * before it pushes it along and text they insert after it stays after it.
 *
 * Why this plugin exists: y-tiptap (3.0.7 and later) second-guesses that resolution.
 * Whenever the text of the caret's paragraph changed, it takes the Yjs answer for a
 * misresolution and re-places the caret at its *old* offset inside the top-level block
 * it can recognise by its attributes. Accord's top-level blocks are sections, which carry
 * a unique id, so they are always recognised: every character someone else typed before
 * your caret left it one character behind, and each key you pressed next landed before
 * the previous one ("…usehis.t sdda riahC"). Stock TipTap's top-level paragraphs carry
 * no distinctive attributes, so it does not show there.
 *
 * The selection recorded before a remote transaction is the one the user sees: a click the
 * editor has not read yet counts (see unreadDomSelection.ts), so remote traffic never undoes it.
 *
 * One case relative positions cannot follow: text that another person's edit moved (Enter
 * splits a paragraph, Backspace at a paragraph's start joins two) is deleted and inserted
 * anew in Yjs. When the character left of a caret end was deleted by this very transaction
 * and the run of text it ended is found exactly once among the characters the same
 * transaction inserted, the caret follows it there.
 */
type RelativeSelection = ReturnType<typeof getRelativeSelection>;

const key = new PluginKey('accordLocalSelection');

/** Longest run of moved text that is looked for; the end of a run locates the caret. */
const MAX_RUN = 400;

export function localSelectionPlugin(): Plugin {
  let before: RelativeSelection | null = null;
  let transaction: Y.Transaction | null = null;
  return new Plugin({
    key,
    view(view) {
      const binding = bindingOf(view.state);
      if (!binding) return {};
      const record = () => {
        if (before !== null || view.isDestroyed) return;
        // A change of our own (the editor writing to Yjs) starts from the editor's selection; a remote one
        // from what the user has selected, even if the editor has not read it yet (unreadDomSelection.ts).
        const local = binding.doc._transaction?.origin === ySyncPluginKey;
        const selection = (local ? null : unreadDomSelection(view)) ?? view.state.selection;
        before = getRelativeSelection(binding, { selection } as EditorState);
      };
      const observe = (tr: Y.Transaction) => {
        transaction = tr;
      };
      const reset = () => {
        before = null;
        transaction = null;
      };
      binding.doc.on('beforeAllTransactions', record);
      binding.doc.on('beforeObserverCalls', observe);
      binding.doc.on('afterAllTransactions', reset);
      rememberDomSelection(view);
      return {
        update: () => rememberDomSelection(view),
        destroy() {
          binding.doc.off('beforeAllTransactions', record);
          binding.doc.off('beforeObserverCalls', observe);
          binding.doc.off('afterAllTransactions', reset);
        },
      };
    },
    appendTransaction(trs, _oldState, state) {
      if (before?.type !== 'text') return null;
      if (!trs.some((tr) => tr.docChanged && isRemoteChange(tr))) return null;
      const binding = bindingOf(state);
      if (!binding) return null;
      const anchor = resolveEnd(binding, before.anchor, transaction);
      const head = resolveEnd(binding, before.head, transaction);
      if (anchor === null || head === null) return null;
      const size = state.doc.content.size;
      const selection = TextSelection.between(
        state.doc.resolve(Math.min(Math.max(anchor, 0), size)),
        state.doc.resolve(Math.min(Math.max(head, 0), size)),
      );
      if (selection.eq(state.selection)) return null;
      // Marked as the binding's own, like the remote change it completes: y-tiptap would otherwise end the undo group.
      return state.tr
        .setSelection(selection)
        .setMeta('addToHistory', false)
        .setMeta(ySyncPluginKey, { isChangeOrigin: true });
    },
  });
}

function bindingOf(state: EditorState): ProsemirrorBinding | null {
  const sync = ySyncPluginKey.getState(state) as { binding?: ProsemirrorBinding } | undefined;
  return sync?.binding ?? null;
}

function resolveEnd(binding: ProsemirrorBinding, rel: Y.RelativePosition, tr: Y.Transaction | null): number | null {
  const moved = tr ? followMovedText(binding, rel, tr) : null;
  if (moved !== null) return moved;
  return relativePositionToAbsolutePosition(binding.doc, binding.type, rel, binding.mapping);
}

/** The caret end's new place when the text on its left was moved by `tr`; null when it was not. */
function followMovedText(binding: ProsemirrorBinding, rel: Y.RelativePosition, tr: Y.Transaction): number | null {
  if (!rel.item || rel.assoc >= 0) return null;
  if (!Y.isDeleted(tr.deleteSet, rel.item)) return null;
  const run = deletedRunEndingAt(binding.doc, rel.item, tr);
  if (run === '') return null;
  let found: { text: Y.XmlText; index: number } | null = null;
  for (const text of textsWithInsertions(binding.doc, tr)) {
    for (const index of insertedOccurrences(text, run, tr)) {
      if (found) return null; // ambiguous: keep the plain resolution
      found = { text, index };
    }
  }
  if (!found) return null;
  const target = Y.createRelativePositionFromTypeIndex(found.text, found.index, -1);
  return relativePositionToAbsolutePosition(binding.doc, binding.type, target, binding.mapping);
}

/** Text of the characters `tr` deleted that run, uninterrupted, up to and including `id`. */
function deletedRunEndingAt(doc: Y.Doc, id: Y.ID, tr: Y.Transaction): string {
  const first = Y.getItem(doc.store, id);
  if (!(first instanceof Y.Item)) return '';
  let run = '';
  let item: Y.Item | null = first;
  let upTo = id.clock - first.id.clock + 1;
  while (item && run.length < MAX_RUN) {
    if (item.content instanceof Y.ContentString) {
      if (!item.deleted || !Y.isDeleted(tr.deleteSet, item.id)) break;
      run = item.content.str.slice(0, upTo) + run;
    } else if (item.countable) break; // an embed: the run stops there
    item = item.left;
    upTo = Number.POSITIVE_INFINITY;
  }
  return run.slice(-MAX_RUN);
}

/** The texts `tr` inserted characters into, new ones included (`tr.changed` lists only types that existed before). */
function textsWithInsertions(doc: Y.Doc, tr: Y.Transaction): Set<Y.XmlText> {
  const texts = new Set<Y.XmlText>();
  for (const [client, after] of tr.afterState) {
    const before = tr.beforeState.get(client) ?? 0;
    const structs = doc.store.clients.get(client);
    if (after <= before || !structs) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const s = structs[i];
      if (!(s instanceof Y.Item) || s.deleted || !(s.content instanceof Y.ContentString)) continue;
      if (s.parent instanceof Y.XmlText && !s.parent._item?.deleted) texts.add(s.parent);
    }
  }
  return texts;
}

/** Indexes just after each occurrence of `run` inside text that `tr` inserted into `text`. */
function insertedOccurrences(text: Y.XmlText, run: string, tr: Y.Transaction): number[] {
  const found: number[] = [];
  let index = 0;
  let segment = '';
  let segmentStart = 0;
  const flush = () => {
    for (let at = segment.indexOf(run); at >= 0; at = segment.indexOf(run, at + 1)) {
      found.push(segmentStart + at + run.length);
    }
    segment = '';
  };
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    const isNew = item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0);
    if (isNew && item.content instanceof Y.ContentString) {
      if (segment === '') segmentStart = index;
      segment += item.content.str;
    } else flush();
    index += item.length;
  }
  flush();
  return found;
}
