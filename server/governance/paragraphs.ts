import * as Y from 'yjs';
import type { Paragraph } from '../../shared/model/draft.js';
import { readClause } from '../../shared/model/readDraft.js';
import { EDITOR_ROOT, Node } from '../../shared/model/schemaNames.js';

/**
 * The clause element of a paragraph. Walks sections and their clauses only (not
 * the text): O(number of paragraphs), and only called for the few paragraphs a
 * command or an agreed-text check is about.
 */
export function findClause(doc: Y.Doc, paragraphId: string): Y.XmlElement | null {
  for (const section of doc.getXmlFragment(EDITOR_ROOT).toArray()) {
    if (!(section instanceof Y.XmlElement) || section.nodeName !== Node.section) continue;
    for (const child of section.toArray()) {
      if (child instanceof Y.XmlElement && child.nodeName === Node.clause && child.getAttribute('id') === paragraphId) {
        return child;
      }
    }
  }
  return null;
}

/** A paragraph as plain data (shared/model/readDraft.ts), or null if the draft has no such paragraph. */
export function readParagraph(doc: Y.Doc, paragraphId: string): Paragraph | null {
  const clause = findClause(doc, paragraphId);
  return clause ? readClause(clause) : null;
}
