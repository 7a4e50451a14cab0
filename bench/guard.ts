import * as Y from 'yjs';
import { BracketIndex } from '../server/collab/bracketIndex.js';
import { ClientIds } from '../server/collab/clientIds.js';
import { Connection } from '../server/collab/connection.js';
import { LockIndex } from '../server/collab/lockIndex.js';
import { inspectUpdate } from '../server/collab/updateInspection.js';
import { updatePolicy } from '../server/collab/updatePolicy.js';
import type { Draft, Paragraph } from '../shared/model/draft.js';
import { EDITOR_ROOT, Node } from '../shared/model/schemaNames.js';
import { writeDraft } from '../shared/model/writeDraft.js';
import { type BenchSection, fmt, renderSection } from './section.js';

/**
 * The cost of the server's update check on a 1,000-paragraph draft (issue 4): a typing
 * update, the same in a heavily bracketed paragraph (where deletions replay the paragraph's
 * brackets), a paste of a new paragraph and a select-all delete, each inspected and judged
 * against 100 locks, compared with the cost of applying the same update to a copy.
 */
export interface GuardRow {
  name: string;
  updateBytes: number;
  checkUs: number;
  applyUs: number;
  ratio: number;
}

function bigDraft(paragraphs: number): Draft {
  const ps: Paragraph[] = Array.from({ length: paragraphs }, (_, i) => ({
    id: `p${i}`,
    kind: 'operative',
    bis: false,
    altGroup: null,
    bracket: null,
    blocks: [
      {
        type: 'text',
        runs:
          i === 601
            ? // A heavily negotiated paragraph: twenty brackets of several delegations.
              Array.from({ length: 20 }, (_, b) => [
                { text: `words ${b} `, brackets: [] },
                {
                  text: `bracketed ${b}`,
                  brackets: [{ id: `b${b}`, by: `u${b % 4}`, byName: `Delegate ${b % 4}`, at: 1, group: null }],
                },
              ]).flat()
            : [{ text: `Paragraph ${i} of the draft recommendations, with some words to edit.`, brackets: [] }],
      },
    ],
  }));
  return {
    sections: Array.from({ length: 10 }, (_, s) => ({
      id: `s${s}`,
      heading: `Section ${s}`,
      paragraphs: ps.slice(s * 100, s * 100 + 100),
    })),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeUs(fn: () => void, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  return median(samples);
}

export function runGuardBench(paragraphs = 1000): GuardRow[] {
  const base = new Y.Doc();
  base.transact(() => writeDraft(base.getXmlFragment(EDITOR_ROOT), bigDraft(paragraphs)));
  const state = Y.encodeStateAsUpdate(base);
  const locks = new LockIndex(base);
  locks.rebuild(Array.from({ length: 100 }, (_, i) => `p${i * 10 + 5}`));
  const brackets = new BracketIndex(base);
  const clientIds = new ClientIds(base);
  const conn = new Connection(
    { send: () => {}, sendBatch: () => {}, close: () => {} },
    { userId: 'u', name: 'U', affiliation: '', isAdmin: false },
    'member',
    'bench',
    1000,
  );

  const clauseText = (doc: Y.Doc, i: number) => {
    const section = doc.getXmlFragment(EDITOR_ROOT).get(Math.floor(i / 100)) as Y.XmlElement;
    const clause = section.toArray().filter((n) => n instanceof Y.XmlElement && n.nodeName === Node.clause)[
      i % 100
    ] as Y.XmlElement;
    return (clause.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  };
  const updateOf = (edit: (doc: Y.Doc) => void): Uint8Array => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const sv = Y.encodeStateVector(doc);
    edit(doc);
    return Y.encodeStateAsUpdate(doc, sv);
  };
  const cases: [string, Uint8Array][] = [
    ['typing one character', updateOf((d) => clauseText(d, 501).insert(10, 'x'))],
    ['typing in a paragraph with 20 brackets', updateOf((d) => clauseText(d, 601).insert(30, 'x'))],
    ['deleting a word in a paragraph with 20 brackets', updateOf((d) => clauseText(d, 601).delete(20, 6))],
    [
      'pasting a new paragraph',
      updateOf((d) => {
        const section = d.getXmlFragment(EDITOR_ROOT).get(3) as Y.XmlElement;
        const c = new Y.XmlElement(Node.clause);
        c.setAttribute('id', 'p-new');
        const p = new Y.XmlElement(Node.paragraph);
        p.insert(0, [new Y.XmlText('A pasted paragraph of about eighty characters to stand for a real one.')]);
        c.insert(0, [p]);
        section.insert(5, [c]);
      }),
    ],
    [
      'select-all delete (1,000 paragraphs)',
      updateOf((d) => {
        const root = d.getXmlFragment(EDITOR_ROOT);
        root.delete(0, root.length);
      }),
    ],
  ];
  return cases.map(([name, update]) => {
    const runs = name.startsWith('select-all') ? 30 : 300;
    const checkUs = timeUs(() => {
      const facts = inspectUpdate(base, update, { protectedContainers: locks.protectedContainers, brackets });
      updatePolicy(facts, conn, { locks, clientIds, proposalsOnly: new Set(), now: Date.now() });
    }, runs);
    const copies = Array.from({ length: runs }, () => {
      const d = new Y.Doc();
      Y.applyUpdate(d, state);
      return d;
    });
    let k = 0;
    const applyUs = timeUs(() => Y.applyUpdate(copies[k++]!, update), runs);
    return { name, updateBytes: update.length, checkUs, applyUs, ratio: checkUs / applyUs };
  });
}

/** The `npm run bench` section. */
export async function benchSection(): Promise<BenchSection> {
  const rows = runGuardBench();
  return {
    title: 'update check (1,000-paragraph draft, 100 locks)',
    columns: ['bytes', 'check µs', 'apply µs', 'check / apply'],
    rows: rows.map((g) => ({
      metric: g.name,
      values: [String(g.updateBytes), fmt(g.checkUs), fmt(g.applyUs), fmt(g.ratio, 2)],
    })),
    data: rows,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(renderSection(await benchSection()));
