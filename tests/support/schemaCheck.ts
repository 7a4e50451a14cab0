import * as Y from 'yjs';
import { readDraft } from '../../shared/model/readDraft.js';
import { EDITOR_ROOT } from '../../shared/model/schemaNames.js';
import { attributeProblem, childProblem, markProblem, ROOT, TEXT } from '../../shared/model/schemaRules.js';

/**
 * Everything wrong with a draft's Yjs tree against the editor schema (shared/model/schemaRules.ts)
 * and the id rules (every paragraph and section has an id, unique in the draft). Iterative, so
 * a deep tree cannot overflow the test either.
 */
export function draftProblems(doc: Y.Doc): string[] {
  const problems: string[] = [];
  const stack: Array<{ node: Y.XmlElement | Y.XmlFragment; name: string }> = [
    { node: doc.getXmlFragment(EDITOR_ROOT), name: ROOT },
  ];
  while (stack.length > 0) {
    const { node, name } = stack.pop() as { node: Y.XmlElement | Y.XmlFragment; name: string };
    if (node instanceof Y.XmlElement) {
      for (const [key, value] of Object.entries(node.getAttributes() as Record<string, unknown>)) {
        const p = attributeProblem(name, key, value);
        if (p) problems.push(p);
      }
    }
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        const p = childProblem(name, TEXT);
        if (p) problems.push(p);
        for (const op of child.toDelta() as Array<{ attributes?: Record<string, unknown> }>) {
          for (const [key, value] of Object.entries(op.attributes ?? {})) {
            const m = markProblem(name, key, value);
            if (m) problems.push(m);
          }
        }
      } else if (child instanceof Y.XmlElement) {
        const p = childProblem(name, child.nodeName);
        if (p) problems.push(p);
        stack.push({ node: child, name: child.nodeName });
      } else problems.push(`${name} holds a ${child?.constructor.name ?? 'strange'} node`);
    }
  }
  const draft = readDraft(doc.getXmlFragment(EDITOR_ROOT));
  const ids = new Map<string, number>();
  for (const id of [
    ...draft.sections.map((s) => s.id),
    ...draft.sections.flatMap((s) => s.paragraphs.map((p) => p.id)),
  ]) {
    ids.set(id, (ids.get(id) ?? 0) + 1);
  }
  for (const [id, n] of ids) {
    if (!id) problems.push(`${n} paragraph(s) or section(s) without an id`);
    else if (n > 1) problems.push(`id ${id} held ${n} times`);
  }
  return problems;
}
