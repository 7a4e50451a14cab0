import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/closeCodes.js';
import { craftUpdate, firstCharId, lastCharId } from '../support/craftUpdate.js';
import { clauseById, textOf } from '../support/editing.js';
import { GuardHarness, settle } from '../support/guardHarness.js';
import type { RawClient } from '../support/rawClient.js';

/**
 * Defect 13: Yjs holds back a struct that refers to something it lacks and integrates it
 * later, when an innocent update supplies the missing piece — unchecked, possibly into a
 * paragraph locked in between. The guard refuses every update that cannot be integrated
 * completely at once, whichever reference is unknown, and never leaves Yjs anything pending.
 */
describe('the guard never lets Yjs hold an update back', () => {
  let h: GuardHarness;
  let m: RawClient;
  const MALLORY = 0x5eed01;

  beforeEach(async () => {
    h = await GuardHarness.start();
    m = await h.join(h.member.token);
  });
  afterEach(() => h.stop());

  const text = (doc: Y.Doc, id: string) => textOf(clauseById(doc, id));

  it('refuses an insert whose right origin the server lacks, so a later update cannot release it into a locked paragraph', async () => {
    const before = await h.snapshot();
    const missing = Y.createID(MALLORY + 1, 0);
    h.sendRaw(
      m,
      craftUpdate([
        {
          client: MALLORY,
          clock: 0,
          origin: firstCharId(text(m.doc, 'p-open')),
          rightOrigin: missing,
          content: new Y.ContentString('Smuggled '),
        },
      ]),
    );
    await h.expectRefused(m, 'unknown_reference', before);

    // The chair agrees and locks p-open; then the missing neighbour arrives, harmlessly placed.
    await h.lock('p-open');
    const m2 = await h.join(h.member.token);
    h.sendRaw(
      m2,
      craftUpdate([
        {
          client: MALLORY + 1,
          clock: 0,
          origin: lastCharId(text(m2.doc, 'p-after')),
          content: new Y.ContentString('!'),
        },
      ]),
    );
    await h.witness.until(() => h.textAt(h.witness.doc, 'p-after') === 'After.!', 'the innocent update');
    const doc = await h.serverDoc();
    expect(h.textAt(doc, 'p-open')).toBe('Open text.');
    expect(h.textAt(await h.storedDoc(), 'p-open')).toBe('Open text.');
    expect(doc.store.pendingStructs).toBeNull();
  });

  it('refuses an insert whose origin the server lacks', async () => {
    const before = await h.snapshot();
    h.sendRaw(
      m,
      craftUpdate([
        {
          client: MALLORY,
          clock: 0,
          origin: Y.createID(MALLORY + 1, 3),
          rightOrigin: firstCharId(text(m.doc, 'p-open')),
          content: new Y.ContentString('x'),
        },
      ]),
    );
    await h.expectRefused(m, 'unknown_reference', before);
  });

  it('refuses an element whose parent the server lacks', async () => {
    const before = await h.snapshot();
    h.sendRaw(
      m,
      craftUpdate([
        { client: MALLORY, clock: 0, parent: Y.createID(MALLORY + 1, 0), content: new Y.ContentString('orphan') },
      ]),
    );
    await h.expectRefused(m, 'unknown_reference', before);
  });

  it('refuses a delete set naming content the server lacks (a pending delete set)', async () => {
    const before = await h.snapshot();
    h.sendRaw(m, craftUpdate([], [{ client: MALLORY + 2, clock: 0, len: 5 }]));
    await h.expectRefused(m, 'unknown_reference', before);
  });

  it('refuses a delete set reaching past the structs the same update brings', async () => {
    const before = await h.snapshot();
    h.sendRaw(
      m,
      craftUpdate(
        [
          {
            client: MALLORY,
            clock: 0,
            origin: lastCharId(text(m.doc, 'p-open')),
            content: new Y.ContentString('ab'),
          },
        ],
        [{ client: MALLORY, clock: 0, len: 4 }],
      ),
    );
    await h.expectRefused(m, 'unknown_reference', before);
  });

  it('refuses a gap in the sender’s own clock', async () => {
    const before = await h.snapshot();
    h.sendRaw(
      m,
      craftUpdate([
        { client: MALLORY, clock: 5, origin: lastCharId(text(m.doc, 'p-open')), content: new Y.ContentString('x') },
      ]),
    );
    await h.expectRefused(m, 'unknown_reference', before);
  });

  it('refuses a struct pointing at a later clock of its own client instead of failing the room', async () => {
    const before = await h.snapshot();
    h.sendRaw(
      m,
      craftUpdate([
        { client: MALLORY, clock: 0, origin: Y.createID(MALLORY, 1), content: new Y.ContentString('a') },
        { client: MALLORY, clock: 1, origin: lastCharId(text(m.doc, 'p-open')), content: new Y.ContentString('b') },
      ]),
    );
    await h.expectRefused(m, 'unknown_reference', before);
    await settle();
    expect(h.witness.closeCode).toBeNull();
    expect(m.closeCode).not.toBe(CloseCode.internalError);
  });

  it('refuses structs of two clients that wait for each other (a cycle)', async () => {
    const before = await h.snapshot();
    h.sendRaw(
      m,
      craftUpdate([
        { client: MALLORY, clock: 0, origin: Y.createID(MALLORY + 1, 0), content: new Y.ContentString('a') },
        { client: MALLORY + 1, clock: 0, origin: Y.createID(MALLORY, 0), content: new Y.ContentString('b') },
      ]),
    );
    await h.expectRefused(m, 'unknown_reference', before);
  });

  it('accepts structs of two clients in one update when one refers to the other', async () => {
    const origin = lastCharId(text(m.doc, 'p-open'));
    h.sendRaw(
      m,
      craftUpdate([
        { client: MALLORY + 1, clock: 0, origin: Y.createID(MALLORY, 0), content: new Y.ContentString('b') },
        { client: MALLORY, clock: 0, origin, content: new Y.ContentString('a') },
      ]),
    );
    await h.witness.until(() => h.textAt(h.witness.doc, 'p-open') === 'Open text.ab', 'both structs');
    expect(m.notices).toEqual([]);
    expect((await h.serverDoc()).store.pendingStructs).toBeNull();
  });
});
