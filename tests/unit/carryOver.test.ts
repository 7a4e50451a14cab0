import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { carryOver } from '../../client/collab/carryOver.js';
import type { Draft, Paragraph } from '../../shared/model/draft.js';
import { readDraft } from '../../shared/model/readDraft.js';
import { EDITOR_ROOT } from '../../shared/model/schemaNames.js';
import { clauseElement, writeDraft } from '../../shared/model/writeDraft.js';

/**
 * Defect 12, the client's side: after a refusal the browser starts again from the server's
 * state and re-applies the user's other changes paragraph by paragraph; what cannot be
 * applied is returned with the user's text.
 */
describe('carrying unsent edits over to a fresh session', () => {
  const para = (id: string, text: string): Paragraph => ({
    id,
    kind: 'operative',
    bis: false,
    altGroup: null,
    bracket: null,
    blocks: [{ type: 'text', runs: [{ text, brackets: [] }] }],
  });
  const draft: Draft = {
    sections: [
      { id: 's1', heading: 'One', paragraphs: [para('p1', 'First.'), para('p2', 'Second.'), para('p3', 'Third.')] },
    ],
  };
  const clause = (doc: Y.Doc, id: string) =>
    (doc.getXmlFragment(EDITOR_ROOT).get(0) as Y.XmlElement)
      .toArray()
      .find((n) => n instanceof Y.XmlElement && n.getAttribute('id') === id) as Y.XmlElement;
  const text = (doc: Y.Doc, id: string) => (clause(doc, id).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const texts = (doc: Y.Doc) =>
    readDraft(doc.getXmlFragment(EDITOR_ROOT)).sections[0]?.paragraphs.map((p) => [
      p.id,
      p.blocks.map((b) => (b.type === 'text' ? b.runs.map((r) => r.text).join('') : '')).join('|'),
    ]);

  function setup() {
    const server = new Y.Doc();
    server.transact(() => writeDraft(server.getXmlFragment(EDITOR_ROOT), draft));
    const previous = new Y.Doc();
    Y.applyUpdate(previous, Y.encodeStateAsUpdate(server));
    return { server, previous };
  }
  const fresh = (server: Y.Doc) => {
    const d = new Y.Doc();
    Y.applyUpdate(d, Y.encodeStateAsUpdate(server));
    return d;
  };

  it('re-applies edits to open paragraphs, keeps others’ edits, and returns the blocked one with the user’s text', () => {
    const { server, previous } = setup();
    text(previous, 'p1').insert(6, ' mine');
    text(previous, 'p2').insert(0, 'Also ');
    text(previous, 'p3').insert(6, ' changed');
    // Meanwhile someone else edited p2 on the server.
    text(server, 'p2').insert(7, ' Theirs.');
    const current = fresh(server);
    const result = carryOver(previous, current, (id) => (id === 'p3' ? 'the chair locked it' : null));
    expect(texts(current)).toEqual([
      ['p1', 'First. mine'],
      ['p2', 'Also Second. Theirs.'],
      ['p3', 'Third.'],
    ]);
    expect(result.applied.sort()).toEqual(['p1', 'p2']);
    expect(result.unsent).toEqual([
      { id: 'p3', number: '3', text: 'Third. changed', reason: 'the chair locked it', deleted: false },
    ]);
  });

  it('brings paragraphs added offline after their predecessor, and deletes paragraphs deleted offline', () => {
    const { server, previous } = setup();
    const section = previous.getXmlFragment(EDITOR_ROOT).get(0) as Y.XmlElement;
    section.insert(2, [clauseElement(para('p-new', 'New after first.'))]);
    const s = section.toArray();
    section.delete(s.indexOf(clause(previous, 'p3')), 1);
    // On the server a paragraph was added at the start meanwhile.
    (server.getXmlFragment(EDITOR_ROOT).get(0) as Y.XmlElement).insert(1, [clauseElement(para('p0', 'Zero.'))]);
    const current = fresh(server);
    const result = carryOver(previous, current, () => null);
    expect(texts(current)?.map(([id]) => id)).toEqual(['p0', 'p1', 'p-new', 'p2']);
    expect(result.unsent).toEqual([]);
  });

  it('returns everything changed when the refusal named no paragraph', () => {
    const { server, previous } = setup();
    text(previous, 'p1').insert(0, 'X');
    text(previous, 'p2').insert(0, 'Y');
    const current = fresh(server);
    const result = carryOver(previous, current, () => 'not accepted');
    expect(texts(current)).toEqual(texts(server));
    expect(result.unsent.map((u) => [u.id, u.text])).toEqual([
      ['p1', 'XFirst.'],
      ['p2', 'YSecond.'],
    ]);
  });
});
