import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { demoDraft } from '../../shared/demo/demoDraft.js';
import { isLaminar } from '../../shared/model/bracketNesting.js';
import { proposerLabel } from '../../shared/model/bracketRules.js';
import { blockRuns, bracketSpans } from '../../shared/model/brackets.js';
import type { Bracket, Draft } from '../../shared/model/draft.js';
import { overlappingMarkKey } from '../../shared/model/markKeys.js';
import { readDraft } from '../../shared/model/readDraft.js';
import { bracketAttrs, clauseElement } from '../../shared/model/writeDraft.js';
import { connectProvider, eventually, synced } from '../support/providers.js';
import { removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/** Two real Yjs clients on a real server editing the demo draft's structure concurrently. */
describe('concurrent edits of brackets, alternatives and paragraphs converge', () => {
  let server: TestServer;
  let docId: string;
  let a: ReturnType<typeof connectProvider>;
  let b: ReturnType<typeof connectProvider>;
  let member1: { userId: string; token: string; name: string; affiliation: string };
  let member2: { userId: string; token: string; name: string; affiliation: string };

  beforeEach(async () => {
    server = await startTestServer();
    const demo = demoDraft();
    const setup = server.accord.setup;
    const admin = (await server.accord.store.users.get('admin'))!;
    docId = (await setup.create(admin, demo.title, demo.symbol, { draft: demo.draft, governance: demo.governance })).id;
    member1 = await server.addPerson(docId, 'member', 'Ana');
    member2 = await server.addPerson(docId, 'member', 'Lars');
    a = connectProvider(server.wsUrl, docId, member1.token);
    b = connectProvider(server.wsUrl, docId, member2.token);
    await Promise.all([synced(a), synced(b)]);
  });
  afterEach(async () => {
    a.destroy();
    b.destroy();
    await server.stop();
    removeDir(server.dataDir);
  });

  const clause = (doc: Y.Doc, sectionIndex: number, index: number) => {
    const section = doc.getXmlFragment('default').get(sectionIndex) as Y.XmlElement;
    return section.toArray().filter((n) => n instanceof Y.XmlElement && n.nodeName === 'clause')[index] as Y.XmlElement;
  };
  const firstText = (c: Y.XmlElement) => (c.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  // A bracket names whoever sends it (the server refuses any other proposer).
  const bracketMark = (id: string, who: typeof member1, group: string | null = null): Record<string, unknown> => {
    const br: Bracket = { id, by: who.userId, byName: proposerLabel(who), at: Date.now(), group };
    const attrs = bracketAttrs(br);
    return { [overlappingMarkKey('bracket', attrs)]: attrs };
  };
  const paragraphIds = (d: Draft) => d.sections.flatMap((s) => s.paragraphs.map((p) => p.id));

  it('brackets, nested brackets, alternatives, splits and inserts made at once end identical on both sides', async () => {
    const server0 = await server.accord.services.rooms.get(docId);
    const before = paragraphIds(readDraft(server0.doc.getXmlFragment('default')));

    // A brackets a span of III.1 while B types inside it and brackets a word within it.
    a.doc.transact(() => firstText(clause(a.doc, 1, 4)).format(0, 20, bracketMark('b-a1', member1)));
    b.doc.transact(() => {
      const t = firstText(clause(b.doc, 1, 4));
      t.insert(5, 'NEW ');
      t.format(5, 3, bracketMark('b-b1', member2));
    });
    // A proposes an alternative to section IV paragraph 5 (a copy with a shared altGroup);
    // B splits the same paragraph (the new half gets a fresh id) and inserts a "bis" paragraph after it.
    a.doc.transact(() => {
      const section = a.doc.getXmlFragment('default').get(4) as Y.XmlElement;
      const target = clause(a.doc, 4, 4);
      target.setAttribute('altGroup', 'g-new');
      const idx = section.toArray().indexOf(target);
      section.insert(idx + 1, [
        clauseElement({
          id: 'p-alt-a',
          kind: 'operative',
          bis: false,
          altGroup: 'g-new',
          bracket: null,
          blocks: [{ type: 'text', runs: [{ text: 'Observers may attend all meetings.', brackets: [] }] }],
        }),
      ]);
    });
    b.doc.transact(() => {
      const section = b.doc.getXmlFragment('default').get(4) as Y.XmlElement;
      const target = clause(b.doc, 4, 4);
      const t = firstText(target);
      const tail = t.toString().slice(30);
      t.delete(30, t.length - 30);
      const idx = section.toArray().indexOf(target);
      section.insert(idx + 1, [
        clauseElement({
          id: 'p-split-b',
          kind: 'operative',
          bis: false,
          altGroup: null,
          bracket: null,
          blocks: [{ type: 'text', runs: [{ text: tail, brackets: [] }] }],
        }),
        clauseElement({
          id: 'p-bis-b',
          kind: 'operative',
          bis: true,
          altGroup: null,
          bracket: null,
          blocks: [{ type: 'text', runs: [{ text: 'A bis paragraph.', brackets: [] }] }],
        }),
      ]);
    });

    const same = () =>
      JSON.stringify(readDraft(a.doc.getXmlFragment('default'))) ===
        JSON.stringify(readDraft(b.doc.getXmlFragment('default'))) &&
      JSON.stringify(readDraft(a.doc.getXmlFragment('default'))) ===
        JSON.stringify(readDraft(server0.doc.getXmlFragment('default')));
    await eventually(same, 5000, 'both clients and the server to converge');

    const draft = readDraft(server0.doc.getXmlFragment('default'));
    const ids = paragraphIds(draft);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(before.length + 3);
    expect(ids).toEqual(expect.arrayContaining(['p-alt-a', 'p-split-b', 'p-bis-b', ...before]));
    // Brackets of the concurrently edited paragraph are both there and still nest.
    const para = draft.sections[1]!.paragraphs[4]!;
    const spans = bracketSpans(blockRuns(para.blocks));
    expect(spans.map((s) => s.bracket.id)).toEqual(expect.arrayContaining(['b-a1', 'b-b1']));
    expect(isLaminar(spans)).toBe(true);
    // The alternative stays a pair sharing the group.
    const section4 = draft.sections[4]!.paragraphs;
    expect(section4.filter((p) => p.altGroup === 'g-new').map((p) => p.id)).toContain('p-alt-a');
  });
});
