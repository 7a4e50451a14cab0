import { Fragment, type Node as PMNode, Slice } from '@tiptap/pm/model';
import { Mark as M, Node as N } from '../../shared/model/schemaNames';

/**
 * Pasted text is new text: it keeps bold and italic but no brackets (inline or
 * whole-paragraph) and no alternative grouping, so a paste never carries another
 * delegation's proposal under their name. Pasted paragraphs get new ids (stableIdsPlugin).
 */
export function transformPasted(slice: Slice): Slice {
  return new Slice(clean(slice.content), slice.openStart, slice.openEnd);
}

function clean(fragment: Fragment): Fragment {
  const nodes: PMNode[] = [];
  fragment.forEach((node) => {
    if (node.isText) {
      nodes.push(node.mark(node.marks.filter((m) => m.type.name !== M.bracket)));
      return;
    }
    let attrs = node.attrs;
    if (node.type.name === N.clause) attrs = { ...attrs, bracket: null, altGroup: null };
    nodes.push(node.type.create(attrs, clean(node.content), node.marks));
  });
  return Fragment.from(nodes);
}
