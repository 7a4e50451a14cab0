import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { demoDraft } from '../../shared/demo/demoDraft.js';
import { bracketedText } from '../../shared/model/brackets.js';
import { markNameOf, overlappingMarkKey } from '../../shared/model/markKeys.js';
import { readDraft, readGovernance } from '../../shared/model/readDraft.js';
import { writeDraft, writeGovernance } from '../../shared/model/writeDraft.js';

describe('the draft in Yjs', () => {
  it('reads back exactly what was written (the demo draft)', () => {
    const demo = demoDraft();
    const doc = new Y.Doc();
    doc.transact(() => {
      writeDraft(doc.getXmlFragment('default'), demo.draft);
      writeGovernance(doc.getMap('gov'), { meta: { title: demo.title, symbol: demo.symbol }, ...demo.governance });
    });
    // A second replica, synced through an update, reads the same.
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    expect(readDraft(replica.getXmlFragment('default'))).toEqual(demo.draft);
    expect(readGovernance(replica.getMap('gov')).objections).toEqual(demo.governance.objections);
  });

  it('reads nested brackets outermost first whatever order their marks were applied in', () => {
    const doc = new Y.Doc();
    const frag = doc.getXmlFragment('default');
    const section = new Y.XmlElement('section');
    const clause = new Y.XmlElement('clause');
    const p = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    frag.push([section]);
    section.push([clause]);
    clause.setAttribute('id', 'p1');
    clause.push([p]);
    p.push([text]);
    text.insert(0, 'aa bb cc');
    const inner = { id: 'inner', by: 'u', byName: 'U', at: 1, group: null };
    const outer = { id: 'outer', by: 'u', byName: 'U', at: 2, group: null };
    text.format(3, 2, { [overlappingMarkKey('bracket', inner)]: inner });
    text.format(0, 8, { [overlappingMarkKey('bracket', outer)]: outer });
    const para = readDraft(frag).sections[0]!.paragraphs[0]!;
    const block = para.blocks[0]!;
    expect(block.type === 'text' && bracketedText(block.runs)).toBe('[aa [bb] cc]');
  });

  it('survives malformed data a modified client may write: unknown nodes, bad attributes', () => {
    const doc = new Y.Doc();
    const frag = doc.getXmlFragment('default');
    const section = new Y.XmlElement('section');
    frag.push([section, new Y.XmlElement('script'), new Y.XmlText('stray')]);
    const clause = new Y.XmlElement('clause');
    section.push([new Y.XmlElement('marquee'), clause]);
    clause.setAttribute('kind', 42 as unknown as string);
    clause.setAttribute('bracket', 'not an object');
    const draft = readDraft(frag);
    expect(draft.sections).toHaveLength(1);
    const p = draft.sections[0]!.paragraphs[0]!;
    expect(p.kind).toBe('operative');
    expect(p.bracket).not.toBeNull(); // a malformed bracket still counts as open
  });

  it('names overlapping marks the way the editor binding does', () => {
    const key = overlappingMarkKey('bracket', { id: 'b', by: 'u', byName: 'U', at: 1, group: null });
    expect(key).toMatch(/^bracket--[A-Za-z0-9+/=]{8}$/);
    expect(markNameOf(key)).toBe('bracket');
    expect(markNameOf('bold')).toBe('bold');
  });
});
