import type { Mark } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { Mark as M } from '../../../shared/model/schemaNames';

/**
 * Typing over a selected bracketed passage (say, the copy a new Option starts as) must
 * keep it bracketed, and so must the rest of the word typed after it — although brackets
 * are not inclusive (typing at a bracket's edge is normally outside it). The browser
 * removes the emptied bracket span and ProseMirror would read the new text as
 * unbracketed; here the typed text takes the marks the whole selection had in common, as
 * word processors do, and keeps them while the caret stays at the end of what was typed.
 */
interface Sticky {
  pos: number;
  marks: readonly Mark[];
}

const key = new PluginKey<Sticky | null>('accordKeepMarksOnOverwrite');

export function keepMarksOnOverwritePlugin(): Plugin<Sticky | null> {
  return new Plugin<Sticky | null>({
    key,
    state: {
      init: () => null,
      apply(tr, sticky) {
        const meta = tr.getMeta(key) as Sticky | undefined;
        if (meta) return meta;
        if (!sticky) return null;
        const pos = tr.mapping.map(sticky.pos);
        return tr.selection.empty && tr.selection.head === pos ? { pos, marks: sticky.marks } : null;
      },
    },
    props: {
      handleTextInput(view, from, to, text) {
        const { state } = view;
        let marks: readonly Mark[] | null = null;
        if (from === to) {
          const sticky = key.getState(state);
          if (!sticky || sticky.pos !== from) return false;
          marks = sticky.marks;
        } else {
          if (!state.doc.resolve(from).sameParent(state.doc.resolve(to))) return false;
          state.doc.nodesBetween(from, to, (node) => {
            if (!node.isText) return true;
            marks = marks === null ? node.marks : marks.filter((m) => m.isInSet(node.marks));
            return false;
          });
        }
        const kept: readonly Mark[] = marks ?? [];
        if (!kept.some((m) => m.type.name === M.bracket)) return false;
        const end = from + text.length;
        const tr = state.tr.replaceWith(from, to, state.schema.text(text, kept));
        tr.setSelection(TextSelection.create(tr.doc, end)).setMeta(key, { pos: end, marks: kept });
        view.dispatch(tr.scrollIntoView());
        return true;
      },
    },
  });
}
