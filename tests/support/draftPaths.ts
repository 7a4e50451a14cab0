import * as Y from 'yjs';

/** The first clause element of the draft (section 0 > first clause). */
export function firstClause(doc: Y.Doc, index = 0): Y.XmlElement {
  const clauses: Y.XmlElement[] = [];
  for (const section of doc.getXmlFragment('default').toArray()) {
    if (!(section instanceof Y.XmlElement)) continue;
    for (const child of section.toArray()) {
      if (child instanceof Y.XmlElement && child.nodeName === 'clause') clauses.push(child);
    }
  }
  const c = clauses[index];
  if (!c) throw new Error(`no clause ${index}`);
  return c;
}

/** The XmlText of a clause's first paragraph, created if the paragraph is empty. */
export function clauseText(doc: Y.Doc, index = 0): Y.XmlText {
  const para = firstClause(doc, index).get(0);
  if (!(para instanceof Y.XmlElement)) throw new Error('clause has no paragraph');
  const first = para.get(0);
  if (first instanceof Y.XmlText) return first;
  const text = new Y.XmlText();
  para.insert(0, [text]);
  return text;
}

export function clauseId(doc: Y.Doc, index = 0): string {
  return String(firstClause(doc, index).getAttribute('id'));
}

/** A clause's first paragraph text, read without creating anything (reads must not write). */
export function clauseString(doc: Y.Doc, index = 0): string {
  const para = firstClause(doc, index).get(0);
  const first = para instanceof Y.XmlElement ? para.get(0) : null;
  return first instanceof Y.XmlText ? first.toString() : '';
}
