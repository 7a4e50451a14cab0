import type { Node as PMNode, Schema } from '@tiptap/pm/model';
import { Mark as M } from '../../../shared/model/schemaNames';

/**
 * The text between two positions of one textblock as text nodes, keeping bold and
 * italic but no brackets: a copy must not carry another proposal's bracket ids.
 */
export function plainCopy(doc: PMNode, schema: Schema, from: number, to: number): PMNode[] {
  const nodes: PMNode[] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText || !node.text) return true;
    const start = Math.max(from, pos) - pos;
    const end = Math.min(to, pos + node.nodeSize) - pos;
    if (end <= start) return false;
    const marks = node.marks.filter((m) => m.type.name !== M.bracket);
    nodes.push(schema.text(node.text.slice(start, end), marks));
    return false;
  });
  return nodes;
}
