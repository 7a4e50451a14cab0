import { Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAwareness, encodeAwarenessUpdate, encodeSyncUpdate } from '../../shared/protocol/frames.js';
import { clauseString, clauseText, firstClause } from '../support/draftPaths.js';
import { captureUpdate } from '../support/editing.js';
import { RawClient } from '../support/rawClient.js';
import { removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/**
 * One write per socket per flush (issue 16): what a turn has for a reader — the document
 * update and the presence relay — reaches its socket in one write, framed once for everyone.
 * Counted at the TCP level: every `net.Socket#write` the server makes on a collab socket.
 */
describe('one write per socket per flush', () => {
  let server: TestServer;
  let docId: string;
  const clients: RawClient[] = [];
  const realWrite = Socket.prototype.write;
  /** Server-side writes per client port (the server's sockets have the server's local port). */
  const writes = new Map<number, number>();

  beforeEach(async () => {
    server = await startTestServer({ env: { AWARENESS_INTERVAL_MS: 50, PING_INTERVAL_MS: 600_000 } });
    docId = await server.createDoc('Writes');
    const port = server.port;
    Socket.prototype.write = function (this: Socket, ...args: Parameters<Socket['write']>) {
      if (this.localPort === port && this.remotePort !== undefined)
        writes.set(this.remotePort, (writes.get(this.remotePort) ?? 0) + 1);
      return realWrite.apply(this, args);
    } as Socket['write'];
  });
  afterEach(async () => {
    Socket.prototype.write = realWrite;
    for (const c of clients.splice(0)) c.close();
    await server.stop();
    removeDir(server.dataDir);
  });

  const join = async () => {
    const c = await RawClient.synced(
      `${server.wsUrl}/${docId}?token=${(await server.addPerson(docId, 'member')).token}`,
    );
    clients.push(c);
    return c;
  };
  const hasText = (c: RawClient) => {
    const para = firstClause(c.doc).get(0);
    return para instanceof Y.XmlElement && para.get(0) instanceof Y.XmlText;
  };
  /** The client's own TCP port (the server sees it as the remote port). */
  const portOf = (c: RawClient) => (c.ws as unknown as { _socket: Socket })._socket.localPort as number;

  it('a document update and a presence change of one turn reach each reader as one write, in order', async () => {
    const writer = await join();
    const readers = [await join(), await join(), await join()];
    await new Promise((r) => setTimeout(r, 100)); // handshakes and their replies are done
    writes.clear();
    const received: string[][] = readers.map(() => []);
    readers.forEach((r, i) => {
      r.ws.on('message', (data: Buffer) => received[i]?.push(data[0] === 1 ? 'awareness' : 'update'));
    });
    const update = captureUpdate(writer.doc, () => clauseText(writer.doc).insert(0, 'Typed. '));
    const presence = encodeAwareness(
      encodeAwarenessUpdate([{ clientId: writer.doc.clientID, clock: 1, state: { paragraph: 'p1' } }]),
    );
    // Both frames in one TCP write, so the server reads them in one turn.
    const raw = (writer.ws as unknown as { _socket: Socket })._socket;
    raw.cork();
    writer.send(encodeSyncUpdate(update));
    writer.send(presence);
    raw.uncork();
    for (const r of readers) {
      await r.until(() => clauseString(r.doc).startsWith('Typed. '), 'the update');
      await r.until(() => r.awareness.get(writer.doc.clientID) !== undefined, 'the presence');
    }
    for (const [i, r] of readers.entries()) {
      expect(writes.get(portOf(r)), `server writes to reader ${i}`).toBe(1);
      // The writer's first update also binds its client id (a server update of the same turn).
      expect(received[i]).toEqual(['update', 'update', 'awareness']);
    }
  });

  it('a burst of updates from several writers arrives complete and in each writer’s order', async () => {
    const writers = [await join(), await join()];
    const reader = await join();
    // The paragraph's text exists before both type into it (each would create its own otherwise).
    writers[0]?.send(encodeSyncUpdate(captureUpdate(writers[0].doc, () => clauseText(writers[0]!.doc))));
    for (const c of [...writers, reader]) await c.until(() => hasText(c), 'the text');
    for (let k = 0; k < 30; k++) {
      for (const [w, c] of writers.entries()) {
        const text = clauseText(c.doc);
        const u = captureUpdate(c.doc, () => text.insert(text.length, `${w}:${k};`));
        c.send(encodeSyncUpdate(u));
      }
    }
    const expected = (w: number) => Array.from({ length: 30 }, (_, k) => `${w}:${k};`).join('');
    await reader.until(() => {
      const s = clauseString(reader.doc);
      return s.includes(expected(0).slice(-5)) && s.includes(expected(1).slice(-5));
    }, 'every update');
    const s = clauseString(reader.doc);
    for (const w of [0, 1])
      expect(
        s
          .split(/(?=\d:)/)
          .filter((x) => x.startsWith(`${w}:`))
          .join(''),
      ).toBe(expected(w));
    expect(reader.doc.store.pendingStructs).toBeNull();
  });
});
