import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clauseById, firstSection, indexOfClause, newClause, sendEdit, textOf } from '../support/editing.js';
import { govOf, plainTextIn } from '../support/paragraphs.js';
import { connectProvider, eventually, synced } from '../support/providers.js';
import { RawClient } from '../support/rawClient.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/** "Agreed" means agreed on this text: the agreement records its hash, and a change to the text reopens it. */
describe('an agreement is tied to the text', () => {
  let server: TestServer;
  let docId: string;
  let member: { userId: string; token: string; name: string };
  const clients: RawClient[] = [];
  const join = async (token: string) => {
    const c = await RawClient.synced(`${server.wsUrl}/${docId}?token=${token}`);
    clients.push(c);
    return c;
  };
  const para = (pid: string, what: string) => `/api/documents/${docId}/paragraphs/${pid}/${what}`;
  const audit = async () => await server.accord.store.audit.list(docId);

  beforeEach(async () => {
    server = await startTestServer();
    docId = await server.createDoc();
    member = await server.addPerson(docId, 'member', 'Maria Member');
    const chair = await join(ADMIN_TOKEN);
    sendEdit(chair, () =>
      firstSection(chair.doc).insert(1, [newClause('p-agreed', 'Agreed words.'), newClause('p-other', 'Other.')]),
    );
    const room = await server.accord.services.rooms.get(docId);
    await chair.until(() => indexOfClause(room.doc, 'p-other') >= 0, 'the server to have the paragraphs');
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.stop();
    removeDir(server.dataDir);
  });

  for (const agreed of ['agreed', 'agreed_ad_ref'] as const) {
    it(`a member editing an ${agreed} paragraph moves it back to under negotiation, live and audited`, async () => {
      expect((await server.api('POST', para('p-agreed', 'status'), { status: agreed })).status).toBe(200);
      const witness = await join(ADMIN_TOKEN);
      const m = await join(member.token);
      expect(govOf(m.doc, 'p-agreed').status).toBe(agreed);

      sendEdit(m, () => textOf(clauseById(m.doc, 'p-agreed')).insert(0, 'Not quite '));
      await witness.until(
        () => plainTextIn(witness.doc, 'p-agreed').startsWith('Not quite'),
        'the edit at the witness',
      );
      await witness.until(() => govOf(witness.doc, 'p-agreed').status === 'under_negotiation', 'the reopening');
      await m.until(() => govOf(m.doc, 'p-agreed').status === 'under_negotiation', 'the editor to see it too');

      const reopened = (await audit()).filter((e) => e.action === 'status.reopen');
      expect(reopened).toHaveLength(1);
      expect(reopened[0]).toMatchObject({
        actor: member.userId,
        detail: { paragraphId: 'p-agreed', from: agreed, to: 'under_negotiation', reason: 'text_changed' },
      });
      // Stored with the edit: a restart on the same file shows the reopened status.
      await server.stop();
      server = await startTestServer({ dataDir: server.dataDir });
      const room = await server.accord.services.rooms.get(docId);
      expect(govOf(room.doc, 'p-agreed').status).toBe('under_negotiation');
      expect(plainTextIn(room.doc, 'p-agreed')).toBe('Not quite Agreed words.');
    });
  }

  it('formatting or bracketing agreed text reopens it too; editing another paragraph does not', async () => {
    await server.api('POST', para('p-agreed', 'status'), { status: 'agreed' });
    const m = await join(member.token);
    sendEdit(m, () => textOf(clauseById(m.doc, 'p-other')).insert(0, 'More. '));
    const room = await server.accord.services.rooms.get(docId);
    await m.until(() => plainTextIn(room.doc, 'p-other').startsWith('More.'), 'the other edit');
    await room.flushed();
    expect(govOf(room.doc, 'p-agreed').status).toBe('agreed');

    sendEdit(m, () => textOf(clauseById(m.doc, 'p-agreed')).format(0, 6, { bold: {} }));
    await m.until(() => govOf(room.doc, 'p-agreed').status === 'under_negotiation', 'the reopening');
  });

  it('a stock y-websocket client typing into agreed text reopens it for everyone', async () => {
    await server.api('POST', para('p-agreed', 'status'), { status: 'agreed' });
    const witness = await join(ADMIN_TOKEN);
    const p = connectProvider(server.wsUrl, docId, member.token);
    try {
      await synced(p);
      await eventually(() => govOf(p.doc, 'p-agreed').status === 'agreed', 5000, 'the provider to see the status');
      textOf(clauseById(p.doc, 'p-agreed')).insert(13, ' Amended.');
      await witness.until(() => govOf(witness.doc, 'p-agreed').status === 'under_negotiation', 'the reopening');
      await eventually(() => govOf(p.doc, 'p-agreed').status === 'under_negotiation', 5000, 'the provider too');
    } finally {
      p.destroy();
    }
  });

  it('re-agreeing records the new text: later edits compare against it', async () => {
    await server.api('POST', para('p-agreed', 'status'), { status: 'agreed' });
    const m = await join(member.token);
    sendEdit(m, () => textOf(clauseById(m.doc, 'p-agreed')).insert(0, 'New '));
    const room = await server.accord.services.rooms.get(docId);
    await m.until(() => govOf(room.doc, 'p-agreed').status === 'under_negotiation', 'the reopening');
    await room.flushed();
    expect((await server.api('POST', para('p-agreed', 'status'), { status: 'agreed' })).status).toBe(200);
    expect((await server.api('POST', para('p-agreed', 'lock'))).status).toBe(200);
    expect(govOf(room.doc, 'p-agreed').status).toBe('agreed');
  });
});
