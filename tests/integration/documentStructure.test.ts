import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { proposerLabel } from '../../shared/model/bracketRules.js';
import { readDraft } from '../../shared/model/readDraft.js';
import { schemaLimits } from '../../shared/model/schemaRules.js';
import { bracketAttrs } from '../../shared/model/writeDraft.js';
import { craftUpdate } from '../support/craftUpdate.js';
import { clauseById, firstSection, indexOfClause, newClause, sendEdit, textOf } from '../support/editing.js';
import { GuardHarness } from '../support/guardHarness.js';
import type { RawClient } from '../support/rawClient.js';

/**
 * Defects 4 and 14 over the raw wire: the server enforces the editor schema's
 * parent → child rules and bounds what one member can make the draft hold (list depth,
 * length of a run of text, attribute sizes), so that no stored draft can break the
 * export, the comparison or the editor of everyone else.
 */
describe('the draft keeps the editor’s structure, within bounds', () => {
  let h: GuardHarness;
  let m: RawClient;

  beforeEach(async () => {
    h = await GuardHarness.start();
    m = await h.join(h.member.token);
  });
  afterEach(() => h.stop());

  const refusedAs = async (code: string, edit: (c: RawClient) => void) => {
    const c = await h.join(h.member.token);
    const before = await h.snapshot();
    sendEdit(c, () => edit(c));
    return h.expectRefused(c, code, before);
  };
  const section = (c: RawClient) => firstSection(c.doc);
  const paragraphOf = (c: RawClient, id: string) => clauseById(c.doc, id).get(0) as Y.XmlElement;

  describe('parent → child rules (defect 4)', () => {
    it('refuses loose text in a section', async () => {
      await refusedAs('invalid_structure', (c) => section(c).insert(1, [new Y.XmlText('loose')]));
    });

    it('refuses a paragraph inside a paragraph (a clause in a clause)', async () => {
      await refusedAs('invalid_structure', (c) => clauseById(c.doc, 'p-open').insert(1, [newClause('p-inner', 'x')]));
    });

    it('refuses a section inside a paragraph', async () => {
      await refusedAs('invalid_structure', (c) => {
        const s = new Y.XmlElement('section');
        s.setAttribute('id', 's-inner');
        paragraphOf(c, 'p-open').insert(1, [s]);
      });
    });

    it('refuses a bare paragraph in a section, and text straight in a clause', async () => {
      await refusedAs('invalid_structure', (c) => section(c).insert(1, [new Y.XmlElement('paragraph')]));
      await refusedAs('invalid_structure', (c) => clauseById(c.doc, 'p-open').insert(0, [new Y.XmlText('x')]));
    });

    it('refuses attributes the element does not have, or values that are not plain values', async () => {
      await refusedAs('invalid_structure', (c) => clauseById(c.doc, 'p-open').setAttribute('onclick', 'alert(1)'));
      await refusedAs('invalid_structure', (c) => paragraphOf(c, 'p-open').setAttribute('style', 'color: red'));
      // `kind` written as a run of characters: Yjs would read its last character as the value.
      const c = await h.join(h.member.token);
      const before = await h.snapshot();
      const clause = clauseById(c.doc, 'p-open');
      h.sendRaw(
        c,
        craftUpdate([
          {
            client: 0x51ab,
            clock: 0,
            parent: (clause._item as Y.Item).id,
            parentSub: 'kind',
            content: new Y.ContentString('preambular'),
          },
        ]),
      );
      await h.expectRefused(c, 'invalid_structure', before);
    });

    it('refuses a map entry on the draft itself and an embedded object in the text', async () => {
      const c = await h.join(h.member.token);
      const before = await h.snapshot();
      h.sendRaw(
        c,
        craftUpdate([{ client: 0x51ac, clock: 0, parent: 'default', parentSub: 'x', content: new Y.ContentAny([1]) }]),
      );
      await h.expectRefused(c, 'invalid_structure', before);
      await refusedAs('invalid_structure', (c2) => textOf(clauseById(c2.doc, 'p-open')).insertEmbed(0, { a: 1 }));
    });

    it('refuses bold in a section heading (its text carries no marks)', async () => {
      await refusedAs('invalid_structure', (c) => {
        const heading = section(c).get(0) as Y.XmlElement;
        const t = new Y.XmlText();
        heading.insert(heading.length, [t]);
        t.insert(0, 'Bold heading', { bold: {} });
      });
    });

    it('accepts what the editor makes: lists in lists, line breaks, marks', async () => {
      await h.expectAccepted(m, () => {
        const clause = newClause('p-lists', 'Intro');
        const outer = new Y.XmlElement('orderedList');
        outer.setAttribute('start', 1 as never);
        clause.insert(1, [outer]);
        section(m).insert(indexOfClause(m.doc, 'p-after') + 1, [clause]);
        const item = new Y.XmlElement('listItem');
        outer.insert(0, [item]);
        const p = new Y.XmlElement('paragraph');
        item.insert(0, [p]);
        const t = new Y.XmlText();
        p.insert(0, [t, new Y.XmlElement('hardBreak'), new Y.XmlText('second line')]);
        t.insert(0, 'first', { bold: {}, italic: {} });
        const inner = new Y.XmlElement('bulletList');
        item.insert(1, [inner]);
        const innerItem = new Y.XmlElement('listItem');
        inner.insert(0, [innerItem]);
        innerItem.insert(0, [new Y.XmlElement('paragraph')]);
      });
      const draft = readDraft((await h.storedDoc()).getXmlFragment('default'));
      const p = draft.sections[0]?.paragraphs.find((x) => x.id === 'p-lists');
      expect(p?.blocks.map((b) => b.type)).toEqual(['text', 'list']);
    });
  });

  describe('bounds (defect 14)', () => {
    /** A clause holding lists nested `depth` deep, built level by level (as typing Tab would). */
    const nestedLists = (c: RawClient, id: string, depth: number) => {
      const clause = newClause(id, 'Deep');
      section(c).insert(indexOfClause(c.doc, 'p-after') + 1, [clause]);
      let holder: Y.XmlElement = clause;
      for (let i = 0; i < depth; i++) {
        const list = new Y.XmlElement('bulletList');
        holder.insert(holder.length, [list]);
        const item = new Y.XmlElement('listItem');
        list.insert(0, [item]);
        const p = new Y.XmlElement('paragraph');
        item.insert(0, [p]);
        p.insert(0, [new Y.XmlText('x')]);
        holder = item;
      }
    };

    it('refuses a 2,000-level nested list, and the export keeps working', async () => {
      const c = await h.join(h.member.token);
      const before = await h.snapshot();
      const update = sendEdit(c, () => nestedLists(c, 'p-deep', 2000));
      expect(update.byteLength).toBeGreaterThan(40_000);
      await h.expectRefused(c, 'invalid_structure', before);
      for (const format of ['md', 'docx', 'html']) {
        const res = await h.server.api('GET', `/api/documents/${h.docId}/export?format=${format}`);
        expect(res.status).toBe(200);
      }
    });

    it(`accepts lists nested ${schemaLimits.listDepth} deep and refuses one level more`, async () => {
      await h.expectAccepted(m, () => nestedLists(m, 'p-deep-ok', schemaLimits.listDepth));
      await refusedAs('invalid_structure', (c) => nestedLists(c, 'p-too-deep', schemaLimits.listDepth + 1));
      // Deepening an existing list by one level is checked against its depth in the document.
      await refusedAs('invalid_structure', (c) => {
        let el = clauseById(c.doc, 'p-deep-ok');
        for (let i = 0; i < schemaLimits.listDepth; i++) {
          const list = el.toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === 'bulletList');
          el = (list as Y.XmlElement).get(0) as Y.XmlElement;
        }
        const list = new Y.XmlElement('orderedList');
        el.insert(el.length, [list]);
      });
    });

    it(`accepts a run of ${schemaLimits.textLength} characters and refuses one more`, async () => {
      await h.expectAccepted(m, () => {
        section(m).insert(indexOfClause(m.doc, 'p-after') + 1, [
          newClause('p-long', 'y'.repeat(schemaLimits.textLength)),
        ]);
      });
      await refusedAs('invalid_structure', (c) => textOf(clauseById(c.doc, 'p-long')).insert(0, 'z'));
      // A replacement that keeps the length within the bound is fine.
      await h.expectAccepted(m, () => {
        const t = textOf(clauseById(m.doc, 'p-long'));
        t.delete(0, 10);
        t.insert(0, 'replaced10');
      });
    });

    it('refuses oversized attributes', async () => {
      await refusedAs('malformed_update', (c) =>
        clauseById(c.doc, 'p-open').setAttribute('altGroup', 'g'.repeat(10_000)),
      );
      await refusedAs('malformed_update', (c) => {
        const b = {
          id: 'b-big',
          by: h.member.userId,
          byName: `${proposerLabel(h.member)}${' '.repeat(5_000)}`,
          at: Date.now(),
          group: null,
        };
        textOf(clauseById(c.doc, 'p-open')).format(0, 4, { 'bracket--big': bracketAttrs(b) });
      });
    });
  });
});
