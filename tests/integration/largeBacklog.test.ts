import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { chunkingWebSocket } from '../../client/collab/chunkingWebSocket.js';
import { CloseCode } from '../../shared/protocol/closeCodes.js';
import { MessageType } from '../../shared/protocol/messageTypes.js';
import { firstSection, indexOfClause, newClause } from '../support/editing.js';
import { GuardHarness } from '../support/guardHarness.js';
import { eventually, synced } from '../support/providers.js';

const MAX_MESSAGE_BYTES = 64 * 1024;
const MAX_BYTES_PER_SECOND = 256 * 1024;

/**
 * Defect 20: a member whose unsent edits are larger than one frame the server reads
 * (MAX_MESSAGE_BYTES) used to be closed with 1009 at every reconnect, their edits never
 * arriving. The editor's socket splits the backlog into updates the server integrates one
 * after the other, paced under the per-user rate; what cannot be split is not sent and the
 * user is told.
 */
describe('a large offline backlog reaches the server', () => {
  let h: GuardHarness;
  const providers: WebsocketProvider[] = [];

  beforeEach(async () => {
    h = await GuardHarness.start({ MAX_MESSAGE_BYTES, MAX_BYTES_PER_SECOND_PER_USER: MAX_BYTES_PER_SECOND });
  });
  afterEach(async () => {
    for (const p of providers.splice(0)) p.destroy();
    await h.stop();
  });

  function provider(opts: { chunking: boolean; tooLarge?: (bytes: number, limit: number) => void }) {
    const closes: number[] = [];
    const refusals: string[] = [];
    const Socket = opts.chunking
      ? chunkingWebSocket(
          WebSocket,
          { maxMessageBytes: MAX_MESSAGE_BYTES, maxBytesPerSecond: MAX_BYTES_PER_SECOND },
          { tooLarge: opts.tooLarge ?? (() => {}) },
        )
      : WebSocket;
    const p = new WebsocketProvider(h.server.wsUrl, h.docId, new Y.Doc(), {
      params: { token: h.member.token },
      WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 200,
    });
    p.on('connection-close', (event) => event && closes.push(event.code));
    p.messageHandlers[MessageType.auth] = (_e, d) => {
      decoding.readVarUint(d);
      refusals.push(decoding.readVarString(d));
    };
    providers.push(p);
    return { p, closes, refusals };
  }

  /** Sixty paragraphs of 3,000 characters typed offline: about 180 KB, nearly three frames. */
  const offlineBacklog = (doc: Y.Doc) =>
    doc.transact(() => {
      const s = firstSection(doc);
      for (let i = 0; i < 60; i++) {
        s.insert(indexOfClause(doc, 'p-after') + 1, [newClause(`p-offline-${i}`, `${i} ${'w'.repeat(2_990)}`)]);
      }
    });

  it('without splitting, the stock provider is closed with 1009 at every reconnect and nothing arrives', async () => {
    const { p, closes } = provider({ chunking: false });
    await synced(p);
    p.disconnect();
    offlineBacklog(p.doc);
    p.connect();
    await eventually(
      () => closes.filter((c) => c === CloseCode.messageTooBig).length >= 3,
      10_000,
      'three 1009 closes',
    );
    expect(indexOfClause(await h.serverDoc(), 'p-offline-0')).toBe(-1);
  });

  it('split and paced, the whole backlog arrives, with no close and no refusal', async () => {
    const { p, closes, refusals } = provider({ chunking: true });
    await synced(p);
    p.disconnect();
    offlineBacklog(p.doc);
    expect(Y.encodeStateAsUpdate(p.doc).byteLength).toBeGreaterThan(2.5 * MAX_MESSAGE_BYTES);
    p.connect();
    const room = await h.serverDoc();
    await eventually(() => indexOfClause(room, 'p-offline-59') >= 0, 20_000, 'the whole backlog on the server');
    expect(closes).toEqual([]);
    expect(refusals).toEqual([]);
    const stored = await h.storedDoc();
    for (let i = 0; i < 60; i++) expect(indexOfClause(stored, `p-offline-${i}`)).toBeGreaterThanOrEqual(0);
    expect(Y.encodeStateVector(room)).toEqual(Y.encodeStateVector(p.doc));
  });

  it('a single piece larger than a frame is not sent, and the app is told', async () => {
    const told: Array<[number, number]> = [];
    const { p, closes } = provider({ chunking: true, tooLarge: (bytes, limit) => told.push([bytes, limit]) });
    await synced(p);
    p.doc.transact(() => {
      const s = firstSection(p.doc);
      s.insert(s.length, [newClause('p-huge', 'x'.repeat(MAX_MESSAGE_BYTES + 1_000))]);
    });
    await eventually(() => told.length > 0, 5_000, 'the app to be told');
    expect(told[0]?.[0]).toBeGreaterThan(MAX_MESSAGE_BYTES);
    expect(told[0]?.[1]).toBe(MAX_MESSAGE_BYTES);
    expect(closes).toEqual([]);
    expect(indexOfClause(await h.serverDoc(), 'p-huge')).toBe(-1);
  });
});
