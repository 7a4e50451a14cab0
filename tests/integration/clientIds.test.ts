import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { craftUpdate, lastCharId } from '../support/craftUpdate.js';
import { clauseById, sendEdit, textOf } from '../support/editing.js';
import { GuardHarness } from '../support/guardHarness.js';
import { RawClient } from '../support/rawClient.js';

/**
 * Defect 15: a Yjs client id belongs to the person who first wrote with it in the
 * document. Another member sending structs under a victim's id (with the next clocks)
 * would make the victim's own next edits vanish; the server refuses it, across restarts.
 */
describe('Yjs client ids are bound to the person who first used them', () => {
  let h: GuardHarness;
  let victim: RawClient;
  let attacker: RawClient;

  beforeEach(async () => {
    h = await GuardHarness.start();
    victim = await h.join(h.otherMember.token);
    attacker = await h.join(h.member.token);
    await h.expectAccepted(victim, () => textOf(clauseById(victim.doc, 'p-after')).insert(0, 'V1 '));
  });
  afterEach(() => h.stop());

  /** An insert at the end of p-open under `client`'s next clock, as an impostor would send it. */
  const impersonate = async (c: RawClient, client: number) => {
    const server = await h.serverDoc();
    return craftUpdate([
      {
        client,
        clock: Y.getState(server.store, client),
        origin: lastCharId(textOf(clauseById(c.doc, 'p-open'))),
        content: new Y.ContentString(' EVIL'),
      },
    ]);
  };

  it('refuses structs under another member’s client id, and the victim’s next edit still lands', async () => {
    const before = await h.snapshot();
    h.sendRaw(attacker, await impersonate(attacker, victim.doc.clientID));
    await h.expectRefused(attacker, 'client_id_taken', before);
    await h.expectAccepted(victim, () => textOf(clauseById(victim.doc, 'p-after')).insert(0, 'V2 '));
    expect(h.textAt(await h.storedDoc(), 'p-after')).toBe('V2 V1 After.');
    expect(h.textAt(await h.storedDoc(), 'p-open')).toBe('Open text.');
  });

  it('refuses the server’s own client id and ids already in the document without an owner', async () => {
    const server = await h.serverDoc();
    const before = await h.snapshot();
    h.sendRaw(attacker, await impersonate(attacker, server.clientID));
    await h.expectRefused(attacker, 'client_id_taken', before);
    // The chair's status and lock were written by the server under its own id: nobody may continue it.
    const serverWritten = [...server.store.clients.keys()].find(
      (c) => (server.getMap('clientIds').get(String(c)) ?? null) === null,
    );
    expect(serverWritten).toBeDefined();
    const a2 = await h.join(h.member.token);
    h.sendRaw(a2, await impersonate(a2, serverWritten as number));
    await h.expectRefused(a2, 'client_id_taken', await h.snapshot());
  });

  it('keeps the binding across a restart: the owner continues, nobody else can', async () => {
    const victimState = Y.encodeStateAsUpdate(victim.doc);
    const victimId = victim.doc.clientID;
    await h.restart();
    const a2 = await h.join(h.member.token);
    const before = await h.snapshot();
    h.sendRaw(a2, await impersonate(a2, victimId));
    await h.expectRefused(a2, 'client_id_taken', before);

    // The victim's browser reconnects with the same Y.Doc (same client id) and goes on typing.
    const again = await RawClient.connect(h.url(h.otherMember.token));
    h.clients.push(again);
    Y.applyUpdate(again.doc, victimState);
    again.doc.clientID = victimId; // after loading: Yjs renames a doc that receives its own id from elsewhere
    await h.expectAccepted(again, () => textOf(clauseById(again.doc, 'p-after')).insert(0, 'V3 '));
    expect(again.doc.clientID).toBe(victimId);
    expect(h.textAt(await h.storedDoc(), 'p-after')).toBe('V3 V1 After.');
  });

  it('lets a person use one client id from two connections (a reconnect overlapping the old socket)', async () => {
    const second = await RawClient.connect(h.url(h.otherMember.token));
    h.clients.push(second);
    Y.applyUpdate(second.doc, Y.encodeStateAsUpdate(victim.doc));
    second.doc.clientID = victim.doc.clientID;
    await h.expectAccepted(second, () => textOf(clauseById(second.doc, 'p-after')).insert(0, 'V4 '));
    sendEdit(victim, () => {});
    expect(victim.notices).toEqual([]);
  });
});
