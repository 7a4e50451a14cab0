import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol/messageTypes.js';
import { clauseById, firstSection, indexOfClause, textOf } from '../support/editing.js';
import { GuardHarness } from '../support/guardHarness.js';
import { connectProvider, eventually, synced } from '../support/providers.js';

/**
 * Defect 22: an honest client is never refused. A stock y-websocket client typing while
 * it reconnects sends its new edit before the sync step 2 that carries the offline edits
 * it builds on; the server lets it wait for that step 2 (as bytes, never inside Yjs) and
 * then checks it. Typing into a paragraph someone has just deleted is not an error either.
 */
describe('honest clients are not refused while reconnecting', () => {
  let h: GuardHarness;
  const providers: WebsocketProvider[] = [];

  beforeEach(async () => {
    h = await GuardHarness.start();
  });
  afterEach(async () => {
    for (const p of providers.splice(0)) p.destroy();
    await h.stop();
  });

  /** A stock provider for `token`, recording every refusal the server sends it. */
  const provider = (token: string) => {
    const p = connectProvider(h.server.wsUrl, h.docId, token);
    providers.push(p);
    const refusals: string[] = [];
    p.messageHandlers[MessageType.auth] = (_e, d) => {
      decoding.readVarUint(d);
      refusals.push(decoding.readVarString(d));
    };
    return { p, refusals };
  };

  it('five times out of five, typing during the reconnect handshake integrates', async () => {
    const { p, refusals } = provider(h.member.token);
    await synced(p);
    for (let round = 1; round <= 5; round++) {
      p.disconnect();
      textOf(clauseById(p.doc, 'p-open')).insert(0, `offline${round} `);
      // Type the moment the socket opens: before the provider even sends its sync step 1.
      const typeOnOpen = ({ status }: { status: string }) => {
        if (status !== 'connected') return;
        p.off('status', typeOnOpen);
        textOf(clauseById(p.doc, 'p-open')).insert(0, `typed${round} `);
      };
      p.on('status', typeOnOpen);
      p.connect();
      const expected = textOf(clauseById(p.doc, 'p-open'));
      await synced(p);
      const room = await h.serverDoc();
      await eventually(
        () => h.textAt(room, 'p-open') === expected.toString() && expected.toString().startsWith(`typed${round}`),
        5000,
        `round ${round} to reach the server`,
      );
    }
    expect(refusals).toEqual([]);
    expect(h.textAt(await h.storedDoc(), 'p-open')).toBe(
      'typed5 offline5 typed4 offline4 typed3 offline3 typed2 offline2 typed1 offline1 Open text.',
    );
  });

  it('typing offline into a paragraph another member deletes meanwhile is not refused', async () => {
    const a = provider(h.member.token);
    const b = provider(h.otherMember.token);
    await Promise.all([synced(a.p), synced(b.p)]);
    a.p.disconnect();
    textOf(clauseById(a.p.doc, 'p-after')).insert(6, ' and more');
    b.p.doc.transact(() => firstSection(b.p.doc).delete(indexOfClause(b.p.doc, 'p-after'), 1));
    const room = await h.serverDoc();
    await eventually(() => indexOfClause(room, 'p-after') < 0, 5000, 'the deletion to reach the server');
    a.p.connect();
    await synced(a.p);
    await eventually(() => indexOfClause(a.p.doc, 'p-after') < 0, 5000, 'the member to converge');
    expect(a.refusals).toEqual([]);
    expect(Y.encodeStateVector(room)).toEqual(Y.encodeStateVector(a.p.doc));
  });
});
