import * as Y from 'yjs';
import { paragraphHash } from '../../shared/governance/paragraphHash.js';
import type { Paragraph } from '../../shared/model/draft.js';
import { readClause } from '../../shared/model/readDraft.js';

/** A paragraph of a document, read as the client's model reads it (null if absent). */
export function paragraphIn(doc: Y.Doc, id: string): Paragraph | null {
  for (const section of doc.getXmlFragment('default').toArray()) {
    if (!(section instanceof Y.XmlElement)) continue;
    for (const child of section.toArray()) {
      if (child instanceof Y.XmlElement && child.nodeName === 'clause' && child.getAttribute('id') === id) {
        return readClause(child);
      }
    }
  }
  return null;
}

/** The content hash of a paragraph as a client sends it with a lock or agreement. */
export function hashIn(doc: Y.Doc, id: string): string {
  const p = paragraphIn(doc, id);
  if (!p) throw new Error(`no paragraph ${id}`);
  return paragraphHash(p);
}

/** Plain text of a paragraph (its text blocks joined). */
export function plainTextIn(doc: Y.Doc, id: string): string {
  const p = paragraphIn(doc, id);
  if (!p) throw new Error(`no paragraph ${id}`);
  return p.blocks.map((b) => (b.type === 'text' ? b.runs.map((r) => r.text).join('') : '')).join('\n');
}

/** The server-owned status and lock of a paragraph, as every client reads them. */
export function govOf(doc: Y.Doc, id: string): { status: string; lock: { textHash?: string } | null } {
  const gov = doc.getMap('gov');
  const statuses = gov.get('statuses');
  const locks = gov.get('locks');
  return {
    status: (statuses instanceof Y.Map ? (statuses.get(id) as string | undefined) : undefined) ?? 'draft',
    lock: (locks instanceof Y.Map ? (locks.get(id) as { textHash?: string } | undefined) : undefined) ?? null,
  };
}
