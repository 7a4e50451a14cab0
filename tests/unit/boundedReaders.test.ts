import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportDocument, exportFormats } from '../../server/export/exportDocument.js';
import { blockRuns } from '../../shared/model/brackets.js';
import { compareDrafts } from '../../shared/model/compare.js';
import type { Block, Draft } from '../../shared/model/draft.js';
import type { Governance } from '../../shared/model/governance.js';
import { numberDraft } from '../../shared/model/numbering.js';
import { readDraft } from '../../shared/model/readDraft.js';
import { EDITOR_ROOT } from '../../shared/model/schemaNames.js';
import { schemaLimits } from '../../shared/model/schemaRules.js';
import { writeDraft } from '../../shared/model/writeDraft.js';

/**
 * Defect 14, the readers' side: whatever a stored document holds (a draft written before
 * the guard bounded it, say a list nested 2,000 deep), reading it into the model and every
 * reader of the model — numbering, comparison, each export — finish, and no text is lost.
 */
describe('readers of the document are bounded', () => {
  const DEPTH = 2000;
  const gov: Governance = { meta: { title: 'Deep', symbol: '' }, statuses: {}, locks: {}, objections: [] };

  /** A document with a clause holding lists nested DEPTH deep, built level by level (not through the guard). */
  function deepDoc(): Y.Doc {
    const doc = new Y.Doc();
    const root = doc.getXmlFragment(EDITOR_ROOT);
    doc.transact(() => writeDraft(root, { sections: [{ id: 's', heading: 'S', paragraphs: [] }] }));
    const section = root.get(0) as Y.XmlElement;
    const clause = new Y.XmlElement('clause');
    section.insert(1, [clause]);
    clause.setAttribute('id', 'p-deep');
    let holder: Y.XmlElement = clause;
    doc.transact(() => {
      for (let i = 0; i < DEPTH; i++) {
        const list = new Y.XmlElement('bulletList');
        holder.insert(holder.length, [list]);
        const item = new Y.XmlElement('listItem');
        list.insert(0, [item]);
        const p = new Y.XmlElement('paragraph');
        item.insert(0, [p]);
        p.insert(0, [new Y.XmlText(`level ${i}`)]);
        holder = item;
      }
    });
    return doc;
  }
  let deep: Y.Doc | null = null;
  const deepOnce = () => (deep ??= deepDoc());

  function depthOf(blocks: Block[]): number {
    let max = 0;
    const stack: Array<{ blocks: Block[]; depth: number }> = [{ blocks, depth: 0 }];
    while (stack.length > 0) {
      const { blocks: bs, depth } = stack.pop() as { blocks: Block[]; depth: number };
      max = Math.max(max, depth);
      for (const b of bs)
        if (b.type === 'list') for (const item of b.items) stack.push({ blocks: item, depth: depth + 1 });
    }
    return max;
  }

  it('reads a 2,000-deep list as lists nested to the schema’s depth, keeping every line', () => {
    const draft = readDraft(deepOnce().getXmlFragment(EDITOR_ROOT));
    const p = draft.sections[0]?.paragraphs[0];
    expect(p?.id).toBe('p-deep');
    expect(depthOf(p?.blocks ?? [])).toBe(schemaLimits.listDepth);
    const texts = blockRuns(p?.blocks ?? []).map((r) => r.text);
    expect(texts).toHaveLength(DEPTH);
    expect(texts[0]).toBe('level 0');
    expect(texts[DEPTH - 1]).toBe(`level ${DEPTH - 1}`);
  });

  it('numbers, compares and exports it in every format', async () => {
    const draft = readDraft(deepOnce().getXmlFragment(EDITOR_ROOT));
    expect(numberDraft(draft).get('p-deep')?.number).toBe('1');
    const empty: Draft = { sections: [{ id: 's', heading: 'S', paragraphs: [] }] };
    const comparison = compareDrafts({ draft: empty, governance: gov }, { draft, governance: gov });
    expect(comparison.paragraphs.map((c) => c.id)).toEqual(['p-deep']);
    for (const format of exportFormats) {
      const file = await exportDocument(format, {
        draft,
        governance: gov,
        variant: 'negotiating',
        revision: '',
        generatedAt: new Date(0),
      });
      expect(file.body.byteLength, format).toBeGreaterThan(0);
    }
  });

  it('writes a deeply nested model (an import) within the schema’s depth, keeping the text', () => {
    let blocks: Block[] = [{ type: 'text', runs: [{ text: 'bottom', brackets: [] }] }];
    for (let i = 0; i < DEPTH; i++) {
      blocks = [
        {
          type: 'list',
          ordered: false,
          items: [[{ type: 'text', runs: [{ text: `l${i}`, brackets: [] }] }, ...blocks]],
        },
      ];
    }
    const doc = new Y.Doc();
    const model: Draft = {
      sections: [
        {
          id: 's',
          heading: 'S',
          paragraphs: [{ id: 'p', kind: 'operative', bis: false, altGroup: null, bracket: null, blocks }],
        },
      ],
    };
    doc.transact(() => writeDraft(doc.getXmlFragment(EDITOR_ROOT), model));
    const back = readDraft(doc.getXmlFragment(EDITOR_ROOT)).sections[0]?.paragraphs[0];
    expect(depthOf(back?.blocks ?? [])).toBeLessThanOrEqual(schemaLimits.listDepth);
    const texts = blockRuns(back?.blocks ?? []).map((r) => r.text);
    expect(texts).toHaveLength(DEPTH + 1);
    expect(texts[DEPTH]).toBe('bottom');
  });
});
