import * as Y from 'yjs';
import { encodeSyncStep2, encodeSyncUpdate } from '../../shared/protocol/frames.js';
import type { RawClient } from './rawClient.js';

/** Runs `fn` on the client's doc and returns exactly the update it produced. */
export function captureUpdate(doc: Y.Doc, fn: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const listener = (u: Uint8Array) => updates.push(u);
  doc.on('update', listener);
  try {
    doc.transact(fn, 'local');
  } finally {
    doc.off('update', listener);
  }
  return Y.mergeUpdates(updates);
}

/** Edits locally and sends the update as a sync "update" message. */
export function sendEdit(client: RawClient, fn: () => void): Uint8Array {
  const update = captureUpdate(client.doc, fn);
  client.send(encodeSyncUpdate(update));
  return update;
}

/** Edits locally and sends the update as a sync step 2 (what a client sends after reconnecting). */
export function sendAsStep2(client: RawClient, fn: () => void): Uint8Array {
  const update = captureUpdate(client.doc, fn);
  client.send(encodeSyncStep2(update));
  return update;
}

/** A clause element like the editor creates: clause[id] > paragraph > text. */
export function newClause(id: string, text: string): Y.XmlElement {
  const clause = new Y.XmlElement('clause');
  clause.setAttribute('id', id);
  clause.setAttribute('kind', 'operative');
  const para = new Y.XmlElement('paragraph');
  para.insert(0, [new Y.XmlText(text)]);
  clause.insert(0, [para]);
  return clause;
}

export function firstSection(doc: Y.Doc): Y.XmlElement {
  const s = doc.getXmlFragment('default').get(0);
  if (!(s instanceof Y.XmlElement)) throw new Error('no section');
  return s;
}

/** Clause elements of the first section, by id. */
export function clauseById(doc: Y.Doc, id: string): Y.XmlElement {
  for (const child of firstSection(doc).toArray()) {
    if (child instanceof Y.XmlElement && child.nodeName === 'clause' && child.getAttribute('id') === id) return child;
  }
  throw new Error(`no clause ${id}`);
}

export function textOf(clause: Y.XmlElement): Y.XmlText {
  const para = clause.get(0) as Y.XmlElement;
  return para.get(0) as Y.XmlText;
}

export function indexOfClause(doc: Y.Doc, id: string): number {
  return firstSection(doc)
    .toArray()
    .findIndex((c) => c instanceof Y.XmlElement && c.getAttribute('id') === id);
}
