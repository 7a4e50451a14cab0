import type { Node as PMNode, ResolvedPos } from '@tiptap/pm/model';
import { Node as N } from '../../shared/model/schemaNames';

export interface ClauseRef {
  node: PMNode;
  /** Position just before the clause node. */
  pos: number;
}

/** The clause (numbered paragraph) that contains a position, if any. */
export function clauseAt($pos: ResolvedPos): ClauseRef | null {
  for (let d = $pos.depth; d > 0; d--) {
    const node = $pos.node(d);
    if (node.type.name === N.clause) return { node, pos: $pos.before(d) };
  }
  return null;
}

/** Every clause of the document in order, with its position. Stops at clause level (cheap). */
export function allClauses(doc: PMNode): ClauseRef[] {
  const out: ClauseRef[] = [];
  doc.forEach((section, sectionOffset) => {
    section.forEach((child, childOffset) => {
      if (child.type.name === N.clause) out.push({ node: child, pos: sectionOffset + 1 + childOffset });
    });
  });
  return out;
}

/** The clause with this id, if present. */
export function findClause(doc: PMNode, id: string): ClauseRef | null {
  return allClauses(doc).find((c) => c.node.attrs.id === id) ?? null;
}
