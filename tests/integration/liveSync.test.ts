import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { clauseString, clauseText } from '../support/draftPaths.js';
import { connectProvider, eventually, synced } from '../support/providers.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

describe('live co-editing with stock y-websocket providers', () => {
  let server: TestServer;
  let docId: string;
  const providers: Array<ReturnType<typeof connectProvider>> = [];
  const connect = (token = ADMIN_TOKEN, doc?: Y.Doc) => {
    const p = connectProvider(server.wsUrl, docId, token, doc);
    providers.push(p);
    return p;
  };

  beforeEach(async () => {
    server = await startTestServer();
    docId = await server.createDoc();
  });
  afterEach(async () => {
    for (const p of providers.splice(0)) p.destroy();
    await server.stop();
    removeDir(server.dataDir);
  });

  it('two providers converge on concurrent edits', async () => {
    const a = connect();
    const b = connect();
    await Promise.all([synced(a), synced(b)]);
    clauseText(a.doc).insert(0, 'base');
    await eventually(() => clauseString(b.doc) === 'base', 5000, 'b to see the base text');

    clauseText(a.doc).insert(0, 'Alpha ');
    clauseText(b.doc).insert(4, ' Beta');
    await eventually(
      () => clauseString(a.doc) === clauseString(b.doc) && clauseString(a.doc).length === 15,
      5000,
      'convergence',
    );
    expect(clauseString(a.doc)).toBe('Alpha base Beta');
  });

  it('awareness reaches the other client and is removed when its owner disconnects', async () => {
    const a = connect();
    const b = connect();
    await Promise.all([synced(a), synced(b)]);
    // A caret as y-prosemirror announces it (the server relays only resolvable ones).
    const caret = { type: null, tname: 'default', item: null, assoc: 0 };
    a.awareness.setLocalStateField('cursor', { anchor: caret, head: caret });
    const aId = a.awareness.clientID;
    await eventually(() => b.awareness.getStates().get(aId)?.cursor !== undefined, 5000, 'awareness of a at b');
    // The name shown comes from the session, not from what the client claims.
    expect(b.awareness.getStates().get(aId)?.user).toMatchObject({ name: 'Secretariat', role: 'chair' });

    a.destroy();
    await eventually(() => !b.awareness.getStates().has(aId), 5000, 'awareness removal');
  });

  it('a restarted server on the same data serves the full text', async () => {
    const a = connect();
    await synced(a);
    clauseText(a.doc).insert(0, 'Recommends that States consider');
    const room = await server.accord.services.rooms.get(docId);
    await eventually(
      () => clauseString(room.doc) === 'Recommends that States consider',
      5000,
      'server to have the edit',
    );
    a.destroy();
    providers.length = 0;
    await server.stop();

    server = await startTestServer({ dataDir: server.dataDir });
    const fresh = connect();
    await synced(fresh);
    expect(clauseString(fresh.doc)).toBe('Recommends that States consider');
  });

  it('compaction keeps the text identical and shrinks the log to a snapshot', async () => {
    await server.stop();
    server = await startTestServer({ dataDir: server.dataDir, env: { COMPACT_AFTER_UPDATES: 20 } });
    const a = connect();
    await synced(a);
    for (let i = 0; i < 60; i++) clauseText(a.doc).insert(clauseString(a.doc).length, `${i % 10}`);
    const room = await server.accord.services.rooms.get(docId);
    await eventually(() => clauseString(room.doc).length === 60, 5000, 'server to have all edits');
    await room.compact();
    const store = server.accord.db.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc_id = ?').get(docId) as {
      n: number;
    };
    expect(store.n).toBeLessThan(20);
    a.destroy();
    providers.length = 0;
    await server.stop();
    server = await startTestServer({ dataDir: server.dataDir });
    const b = connect();
    await synced(b);
    expect(clauseString(b.doc)).toBe('012345678901234567890123456789012345678901234567890123456789');
  });

  it('an update that fails to store is not broadcast, and the sender keeps it to resend', async () => {
    const a = connect();
    const b = connect();
    await Promise.all([synced(a), synced(b)]);
    clauseText(a.doc).insert(0, 'kept');
    await eventually(() => clauseString(b.doc) === 'kept', 5000, 'b to see kept');
    // A real storage failure: the database itself refuses the write.
    server.accord.db.exec(
      `CREATE TRIGGER fail_writes BEFORE INSERT ON doc_updates BEGIN SELECT RAISE(ABORT, 'disk full'); END;`,
    );
    clauseText(a.doc).insert(4, ' lost?');
    await new Promise((r) => setTimeout(r, 300));
    expect(clauseString(b.doc)).toBe('kept');

    server.accord.db.exec('DROP TRIGGER fail_writes');
    // The room closed its connections (1011); the providers reconnect and a resends its edit.
    await eventually(() => clauseString(b.doc) === 'kept lost?', 8000, 'resent edit to arrive');
    const stored = server.accord.db.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc_id = ?').get(docId) as {
      n: number;
    };
    expect(stored.n).toBeGreaterThan(0);
  });

  it('SIGTERM-style close stores pending edits and closes sockets with 1001', async () => {
    const a = connect();
    await synced(a);
    const codes: number[] = [];
    a.on('connection-close', (e: CloseEvent | null) => {
      if (e) codes.push(e.code);
    });
    a.shouldConnect = true;
    clauseText(a.doc).insert(0, 'last words');
    const room = await server.accord.services.rooms.get(docId);
    await eventually(() => clauseString(room.doc).length === 10, 5000, 'server to receive');
    a.shouldConnect = false;
    await server.stop();
    await eventually(() => codes.includes(1001), 5000, 'close code 1001');
    server = await startTestServer({ dataDir: server.dataDir });
    const b = connect();
    await synced(b);
    expect(clauseString(b.doc)).toBe('last words');
  });
});
