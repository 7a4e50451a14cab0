import type { Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { yCursorPluginKey, ySyncPluginKey } from '@tiptap/y-tiptap';
import { govKey } from './govState';
import { unreadDomSelection } from './unreadDomSelection';

/**
 * Transactions the editor receives rather than makes, that change neither the text nor the
 * selection: other people's carets (y-tiptap's cursor plugin), server-owned governance
 * (govState). Two things must hold whatever their rate while others type:
 *
 * - a click the editor has not read yet is carried along, not overwritten by the editor's
 *   older selection (see unreadDomSelection.ts);
 * - they are marked as coming from the collaboration binding. y-tiptap ends the current
 *   undo group on any non-collaboration transaction that follows a remote edit, so every
 *   remote caret movement would otherwise cut your typing into many small undo steps.
 */
export function prepareForeignTransaction(view: EditorView, tr: Transaction): Transaction {
  if (tr.docChanged) return tr;
  const foreign = tr.getMeta(yCursorPluginKey) !== undefined || tr.getMeta(govKey) !== undefined;
  if (!tr.selectionSet) {
    const unread = unreadDomSelection(view);
    if (unread) tr.setSelection(unread).setMeta('pointer', true);
  }
  if (foreign) {
    const sync = (tr.getMeta(ySyncPluginKey) as Record<string, unknown> | undefined) ?? {};
    tr.setMeta(ySyncPluginKey, { ...sync, isChangeOrigin: true });
  }
  return tr;
}
