import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BracketIndex } from '../../server/collab/bracketIndex.js';
import { inspectUpdate } from '../../server/collab/updateInspection.js';
import type { Draft } from '../../shared/model/draft.js';
import { EDITOR_ROOT } from '../../shared/model/schemaNames.js';
import { writeDraft } from '../../shared/model/writeDraft.js';
import { type CraftedDelete, type CraftedItem, craftUpdate } from '../support/craftUpdate.js';

/**
 * The guard against hand-made updates: random structs with random references (existing,
 * brought by the same update, unknown, the sender's own future clocks, deleted content),
 * random content and random deletions. Whatever the inspection lets through must integrate
 * completely — Yjs throws nothing and keeps nothing pending — because what an update
 * integrates must be exactly what was checked. Replay with GUARD_FUZZ_SEED=<seed>.
 */
describe('what the inspection accepts integrates completely', () => {
  it('holds for random hand-made updates', () => {
    const seed = Number(process.env.GUARD_FUZZ_SEED ?? Date.now() % 1_000_000);
    console.info(`guard fuzz seed ${seed} (replay: GUARD_FUZZ_SEED=${seed})`);
    const { base, state } = baseDoc();
    const existing: Y.ID[] = [];
    for (const [client, structs] of base.store.clients) {
      for (const s of structs)
        for (let k = 0; k < Math.min(s.length, 3); k++) existing.push(Y.createID(client, s.id.clock + k));
    }
    const baseClients = [...base.store.clients.keys()];

    fc.assert(
      fc.property(
        updateArb(existing, baseClients, (c) => Y.getState(base.store, c)),
        ({ items, deletes }) => {
          let update: Uint8Array;
          try {
            update = craftUpdate(items, deletes);
          } catch {
            return; // not encodable at all
          }
          const doc = new Y.Doc();
          Y.applyUpdate(doc, state);
          let facts: ReturnType<typeof inspectUpdate>;
          try {
            facts = inspectUpdate(doc, update, { protectedContainers: new Set(), brackets: new BracketIndex(doc) });
          } catch {
            return; // undecodable: the room closes that connection with 4400
          }
          // Refused by the policy (updatePolicy.ts) before anything is applied.
          if (facts.unknownReference || facts.structure.size > 0) return;
          expect(() => Y.applyUpdate(doc, update)).not.toThrow();
          expect(doc.store.pendingStructs).toBeNull();
          expect(doc.store.pendingDs).toBeNull();
        },
      ),
      { seed, numRuns: Number(process.env.GUARD_FUZZ_RUNS ?? 2000) },
    );
  });
});

/** Three paragraphs, one of them deleted (content collected by Yjs, to refer to). */
function baseDoc(): { base: Y.Doc; state: Uint8Array } {
  const base = new Y.Doc();
  base.transact(() => writeDraft(base.getXmlFragment(EDITOR_ROOT), draft));
  const section = base.getXmlFragment(EDITOR_ROOT).get(0) as Y.XmlElement;
  base.transact(() => section.delete(2, 1));
  return { base, state: Y.encodeStateAsUpdate(base) };
}

describe('an item between neighbours of two different containers', () => {
  it('is refused: Yjs would throw half-way through integrating it (found by the fuzz, seed 410333)', () => {
    const { base, state } = baseDoc();
    const me = MALLORY[0]!;
    const update = craftUpdate(
      [
        { client: me, clock: 0, origin: Y.createID(base.clientID, 22), content: new Y.ContentString('  ') },
        {
          client: me,
          clock: 2,
          origin: Y.createID(base.clientID, 0),
          rightOrigin: Y.createID(me, 1),
          content: new Y.ContentDeleted(1),
        },
      ],
      [{ client: base.clientID, clock: 0, len: 1 }],
    );
    const unguarded = new Y.Doc();
    Y.applyUpdate(unguarded, state);
    expect(() => Y.applyUpdate(unguarded, update)).toThrow('Unexpected case');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const facts = inspectUpdate(doc, update, { protectedContainers: new Set(), brackets: new BracketIndex(doc) });
    expect([...facts.structure]).toContain('an item between neighbours in different places');
  });
});

const draft: Draft = {
  sections: [
    {
      id: 's1',
      heading: 'One',
      paragraphs: ['p1', 'p2', 'p3'].map((id) => ({
        id,
        kind: 'operative' as const,
        bis: false,
        altGroup: null,
        bracket: null,
        blocks: [{ type: 'text' as const, runs: [{ text: `Text of ${id}.`, brackets: [] }] }],
      })),
    },
  ],
};

const MALLORY = [0x7a01, 0x7a02];

function updateArb(
  existing: Y.ID[],
  baseClients: number[],
  stateOf: (client: number) => number,
): fc.Arbitrary<{ items: CraftedItem[]; deletes: CraftedDelete[] }> {
  const clients = [...MALLORY, ...baseClients];
  const ref = (nullWeight: number) =>
    fc.oneof(
      { arbitrary: fc.constant(null), weight: nullWeight },
      { arbitrary: fc.constantFrom(...existing), weight: 4 },
      {
        arbitrary: fc
          .tuple(fc.constantFrom(...clients), fc.integer({ min: 0, max: 12 }))
          .map(([c, k]) => Y.createID(c, stateOf(c) + k)),
        weight: 1,
      },
    );
  const content = fc.oneof(
    fc.string({ minLength: 1, maxLength: 4 }).map((s) => new Y.ContentString(s)),
    fc.constant(null).map(() => new Y.ContentType(new Y.XmlText())),
    fc
      .constantFrom('paragraph', 'clause', 'section', 'bulletList', 'listItem', 'script')
      .map((n) => new Y.ContentType(new Y.XmlElement(n))),
    fc.constant(null).map(() => new Y.ContentType(new Y.Map())),
    fc
      .constantFrom<unknown>('x', 1, true, null, { id: 'b', by: 'u', byName: 'U', at: 1, group: null })
      .map((v) => new Y.ContentAny([v])),
    fc
      .constantFrom('bold', 'bracket--k', 'onclick')
      .map((k) => new Y.ContentFormat(k, (k === 'bold' ? {} : null) as object)),
    fc.integer({ min: 1, max: 3 }).map((n) => new Y.ContentDeleted(n)),
  );
  const item = fc.record({
    client: fc.constantFrom(...MALLORY),
    origin: ref(1),
    rightOrigin: ref(6),
    /** When set, the origin is an earlier struct of the same update (a chain, as typing makes). */
    chained: fc.boolean(),
    parent: fc.oneof(
      fc.constant<string | null>(null),
      fc.constantFrom('default', 'gov', 'evil'),
      fc.constantFrom(...existing),
    ),
    parentSub: fc.oneof(fc.constant(null), fc.constantFrom('id', 'kind', 'bracket', 'altGroup', 'x')),
    content,
  });
  return fc
    .record({
      items: fc.array(item, { maxLength: 8 }),
      deletes: fc.array(
        fc.record({
          client: fc.constantFrom(...clients),
          clock: fc.integer({ min: 0, max: 40 }),
          len: fc.integer({ min: 1, max: 6 }),
        }),
        { maxLength: 3 },
      ),
    })
    .map(({ items, deletes }) => {
      // Consecutive clocks per client from the document's state, as a real update has them.
      const next = new Map<number, number>();
      const out: CraftedItem[] = [];
      for (const { chained, ...it } of items) {
        const clock = next.get(it.client) ?? stateOf(it.client);
        next.set(it.client, clock + it.content.getLength());
        const prev = out[out.length - 1];
        const origin = chained && prev ? Y.createID(prev.client, prev.clock + prev.content.getLength() - 1) : it.origin;
        out.push({ ...it, origin, clock });
      }
      return { items: out, deletes };
    });
}
