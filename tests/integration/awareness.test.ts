import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { encodeAwareness, encodeAwarenessUpdate } from '../../shared/protocol/frames.js';
import { MessageType } from '../../shared/protocol/messageTypes.js';
import { connectProvider, eventually, synced } from '../support/providers.js';
import { RawClient } from '../support/rawClient.js';
import { removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/**
 * Presence (y-protocols awareness) as a real group produces it: stock providers that
 * re-send every awareness update they receive, people who type fast, people who
 * reconnect — and people who send the server something nasty.
 */
describe('awareness: presence without disconnections, bounded', () => {
  let server: TestServer;
  let docId: string;
  const providers: WebsocketProvider[] = [];
  const raws: RawClient[] = [];

  beforeEach(async () => {
    server = await startTestServer({ env: { AWARENESS_INTERVAL_MS: 80 } });
    docId = await server.createDoc('Presence');
  });
  afterEach(async () => {
    for (const p of providers.splice(0)) p.destroy();
    for (const r of raws.splice(0)) r.close();
    await server.stop();
    removeDir(server.dataDir);
  });

  const member = async (name: string) => server.addPerson(docId, 'member', name);
  const provider = async (name: string) => {
    const p = connectProvider(server.wsUrl, docId, (await member(name)).token);
    providers.push(p);
    return p;
  };
  const raw = async (name: string) => {
    const c = await RawClient.synced(`${server.wsUrl}/${docId}?token=${(await member(name)).token}`);
    raws.push(c);
    return c;
  };
  const closesOf = (p: WebsocketProvider, into: string[], who: string) =>
    p.on('connection-close', (event) => {
      if (event) into.push(`${who}: ${event.code}`);
    });
  /** Each typist moves their caret to paragraph p-1, p-2, … every 16 ms; returns the last n. */
  const moveCaretsFor = async (typists: WebsocketProvider[], ms: number) => {
    const end = Date.now() + ms;
    let n = 0;
    while (Date.now() < end) {
      n++;
      for (const t of typists) t.awareness.setLocalStateField('paragraph', `p-${n}`);
      await new Promise((r) => setTimeout(r, 16));
    }
    return n;
  };
  const lastCaretsSeen = async (bystanders: WebsocketProvider[], typists: WebsocketProvider[], n: number) => {
    for (const b of bystanders) {
      await eventually(
        () => typists.every((t) => b.awareness.getStates().get(t.awareness.clientID)?.paragraph === `p-${n}`),
        5000,
        'every typist’s last caret at every bystander',
      );
    }
  };

  it('idle members are never disconnected by the echoes of others typing, and see everyone', async () => {
    const closes: string[] = [];
    const typists = await Promise.all([0, 1, 2, 3].map((i) => provider(`Typist ${i}`)));
    const bystanders = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => provider(`Bystander ${i}`)));
    for (const [i, p] of [...typists, ...bystanders].entries()) closesOf(p, closes, `client ${i}`);
    await Promise.all([...typists, ...bystanders].map((p) => synced(p)));
    // Four people moving their caret 60 times a second each: every stock provider re-sends all of it.
    const n = await moveCaretsFor(typists, 2500);
    await lastCaretsSeen(bystanders, typists, n);
    expect(closes).toEqual([]);
    expect(bystanders.every((b) => b.wsconnected)).toBe(true);
  });

  it('echoes of others’ presence never count against a bystander’s own message budget', async () => {
    // A document budget (5/s) below the rate of relayed presence (one frame per 80 ms, 12.5/s):
    // a stock provider echoes every frame it receives, and only what it originates may count.
    const old = server;
    server = await startTestServer({ env: { AWARENESS_INTERVAL_MS: 80, MAX_MESSAGES_PER_SECOND: 5 } });
    await old.stop();
    removeDir(old.dataDir);
    docId = await server.createDoc('Presence under a small budget');
    const closes: string[] = [];
    const typists = await Promise.all([0, 1].map((i) => provider(`Typist ${i}`)));
    const bystanders = await Promise.all([0, 1, 2].map((i) => provider(`Bystander ${i}`)));
    for (const [i, p] of [...typists, ...bystanders].entries()) closesOf(p, closes, `client ${i}`);
    await Promise.all([...typists, ...bystanders].map((p) => synced(p)));
    const n = await moveCaretsFor(typists, 2500);
    expect(closes).toEqual([]);
    await lastCaretsSeen(bystanders, typists, n);
    expect(closes).toEqual([]);
    expect(bystanders.every((b) => b.wsconnected)).toBe(true);
  });

  it('a flood of one’s own presence is thinned out, never disconnected, and the last state lands', async () => {
    const witness = await raw('Witness');
    const frames: number[] = [];
    witness.ws.on('message', (data: Buffer) => data[0] === MessageType.awareness && frames.push(Date.now()));
    const flooder = await raw('Flooder');
    const start = Date.now();
    for (let clock = 1; clock <= 2000; clock++) {
      flooder.send(
        encodeAwareness(encodeAwarenessUpdate([{ clientId: 777, clock, state: { paragraph: `p-${clock}` } }])),
      );
    }
    await witness.until(() => witness.awareness.get(777)?.paragraph === 'p-2000', 'the last state');
    const elapsed = Date.now() - start;
    expect(flooder.isOpen).toBe(true);
    // One combined frame per interval at most (80 ms here), whatever the sender does.
    expect(frames.length).toBeLessThanOrEqual(Math.ceil(elapsed / 80) + 2);
  });

  it('a 20,000-deep awareness state neither kills the server nor reaches anyone', async () => {
    const witness = await raw('Witness');
    // Each connection speaks for one awareness client id: one attacker per attempt.
    const attackers = await Promise.all([1, 2, 3, 4].map((i) => raw(`Attacker ${i}`)));
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const frame = (clientId: number, json: string) => {
      // Hand-made: encodeAwarenessUpdate would itself overflow stringifying the state.
      const e = encodeAwarenessUpdate([{ clientId, clock: 1, state: null }]);
      const head = e.slice(0, e.length - 5); // drop the varString "null"
      const body = new TextEncoder().encode(json);
      const len = varUint(body.length);
      return encodeAwareness(new Uint8Array([...head, ...len, ...body]));
    };
    const [deepest, deeper, larger, chatty] = attackers as [RawClient, RawClient, RawClient, RawClient];
    const rootCaret = { type: null, tname: 'default', item: null, assoc: 0 };
    deepest.send(frame(501, `{"cursor":${deep}}`));
    deeper.send(frame(502, `{"cursor":${'['.repeat(1500)}${']'.repeat(1500)}}`)); // small but deep
    larger.send(frame(503, JSON.stringify({ cursor: 'x'.repeat(10_000) }))); // flat but too large
    chatty.send(
      encodeAwareness(
        encodeAwarenessUpdate([
          {
            clientId: 504,
            clock: 1,
            state: { cursor: { anchor: rootCaret, head: rootCaret }, paragraph: 'p1', extra: 'y'.repeat(200) },
          },
        ]),
      ),
    );
    await witness.until(() => witness.awareness.has(504), 'the well-formed state');
    // Only what presence needs is relayed; the rest never left the server.
    expect(witness.awareness.get(504)).toMatchObject({
      cursor: { anchor: rootCaret, head: rootCaret },
      paragraph: 'p1',
    });
    expect(witness.awareness.get(504)).not.toHaveProperty('extra');
    for (const id of [501, 502, 503]) expect(witness.awareness.has(id)).toBe(false);
    expect(attackers.every((a) => a.isOpen)).toBe(true);
    // The server still serves: a newcomer connects and syncs.
    expect((await raw('Late')).isOpen).toBe(true);
  });

  it('a caret editors cannot resolve is not relayed (it would throw in every reader’s page)', async () => {
    const witness = await raw('Witness');
    const sender = await raw('Sender');
    const nowhere = { type: null, tname: null, item: null, assoc: 0 };
    sender.send(
      encodeAwareness(
        encodeAwarenessUpdate([
          { clientId: 610, clock: 1, state: { cursor: { anchor: nowhere, head: 7 }, paragraph: 'p2' } },
        ]),
      ),
    );
    await witness.until(() => witness.awareness.has(610), 'the state');
    expect(witness.awareness.get(610)).toMatchObject({ paragraph: 'p2' });
    expect(witness.awareness.get(610)).not.toHaveProperty('cursor');
  });

  it('nobody can speak for another client id, and an older state never replaces a newer one', async () => {
    const witness = await raw('Witness');
    const owner = await raw('Owner');
    const other = await raw('Other');
    const send = (c: RawClient, clock: number, state: Record<string, unknown> | null) =>
      c.send(encodeAwareness(encodeAwarenessUpdate([{ clientId: 900, clock, state }])));
    send(owner, 5, { paragraph: 'five' });
    await witness.until(() => witness.awareness.has(900), 'the owner’s state');
    send(other, 9, { paragraph: 'hijack' });
    send(other, 10, null);
    send(owner, 3, { paragraph: 'stale' });
    send(owner, 6, { paragraph: 'six' });
    await witness.until(() => witness.awareness.get(900)?.paragraph === 'six', 'the owner’s newer state');
    expect(other.isOpen).toBe(true);
  });

  it('someone who reconnects is shown to the others again', async () => {
    const a = await provider('Ana');
    const b = await provider('Ben');
    await Promise.all([synced(a), synced(b)]);
    a.awareness.setLocalStateField('paragraph', 'p1');
    const id = a.awareness.clientID;
    await eventually(() => b.awareness.getStates().has(id), 5000, 'Ana at Ben');
    a.disconnect();
    await eventually(() => !b.awareness.getStates().has(id), 5000, 'Ana gone at Ben');
    a.connect();
    await eventually(() => b.awareness.getStates().has(id), 5000, 'Ana back at Ben');
  });
});

function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
}
