import { type Selection, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/**
 * A click moves the browser's selection at once, but ProseMirror only reads it on the
 * `selectionchange` event, a task later. Anything dispatched in between — a remote edit,
 * another person's caret, a governance change, arriving many times a second while others
 * type — redraws the editor's older selection into the page and the click is lost: the
 * caret and the paragraph panel stay on the previous paragraph (issue 9, defect 2).
 *
 * So before the editor applies anything it did not originate, it first takes in a DOM
 * selection it has not read yet. "Not read yet" means: different from the DOM selection
 * as it stood after the editor's last update (recorded here), which is exactly what
 * ProseMirror would pick up on the pending `selectionchange`.
 */
interface DomPoint {
  anchorNode: Node | null;
  anchorOffset: number;
  focusNode: Node | null;
  focusOffset: number;
}

const seen = new WeakMap<EditorView, DomPoint>();

function domSelectionOf(view: EditorView): globalThis.Selection | null {
  const root = view.root as Document | ShadowRoot;
  return 'getSelection' in root && typeof root.getSelection === 'function' ? root.getSelection() : getSelection();
}

/** Records the DOM selection as the editor left it (call after every view update). */
export function rememberDomSelection(view: EditorView): void {
  const s = domSelectionOf(view);
  seen.set(view, {
    anchorNode: s?.anchorNode ?? null,
    anchorOffset: s?.anchorOffset ?? 0,
    focusNode: s?.focusNode ?? null,
    focusOffset: s?.focusOffset ?? 0,
  });
}

/** The selection the user made in the page that the editor has not read yet, or null. */
export function unreadDomSelection(view: EditorView): Selection | null {
  if (view.isDestroyed || view.composing || !view.hasFocus()) return null;
  const s = domSelectionOf(view);
  if (!s?.anchorNode || !s.focusNode) return null;
  const last = seen.get(view);
  if (
    last &&
    last.anchorNode === s.anchorNode &&
    last.anchorOffset === s.anchorOffset &&
    last.focusNode === s.focusNode &&
    last.focusOffset === s.focusOffset
  ) {
    return null;
  }
  if (!view.dom.contains(s.anchorNode) || !view.dom.contains(s.focusNode)) return null;
  try {
    const head = view.posAtDOM(s.focusNode, s.focusOffset, 1);
    const anchor = s.isCollapsed ? head : view.posAtDOM(s.anchorNode, s.anchorOffset, 1);
    const { doc } = view.state;
    const selection = TextSelection.between(doc.resolve(anchor), doc.resolve(head));
    return selection.eq(view.state.selection) ? null : selection;
  } catch {
    return null; // a DOM position ProseMirror cannot map (inside a widget): leave it to ProseMirror
  }
}
