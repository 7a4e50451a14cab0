import type { Node as PMNode } from '@tiptap/pm/model';

/**
 * The position right after the last of the consecutive clauses sharing the altGroup of
 * the clause at `clausePos` (or right after that clause when it has none): new options
 * and "bis" paragraphs go there, never inside a group.
 */
export function altGroupEnd(doc: PMNode, clausePos: number): number {
  const $pos = doc.resolve(clausePos);
  const section = $pos.parent;
  let index = $pos.index();
  const group = section.child(index).attrs.altGroup as string | null;
  let end = clausePos + section.child(index).nodeSize;
  while (group && index + 1 < section.childCount && section.child(index + 1).attrs.altGroup === group) {
    index += 1;
    end += section.child(index).nodeSize;
  }
  return end;
}
