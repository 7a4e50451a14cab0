import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { paragraphHash } from '../../shared/governance/paragraphHash.js';
import { clauseById, firstSection, indexOfClause, newClause, sendEdit, textOf } from '../support/editing.js';
import { govOf, hashIn, paragraphIn, plainTextIn } from '../support/paragraphs.js';
import { RawClient } from '../support/rawClient.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/**
 * A chair's decision and members' keystrokes race through the same room. Every
 * decision is one synchronous step (check → apply → index → record) before the
 * next message is looked at, so nothing can land in a paragraph after its lock.
 */
describe('locking while a member types', () => {
  let server: TestServer;
  let docId: string;
  let member: { userId: string; token: string };
  const clients: RawClient[] = [];
  const join = async (token: string) => {
    const c = await RawClient.synced(`${server.wsUrl}/${docId}?token=${token}`);
    clients.push(c);
    return c;
  };
  const para = (pid: string, what: string) => `/api/documents/${docId}/paragraphs/${pid}/${what}`;
  const storedDoc = async () => {
    const stored = await server.accord.store.log.load(docId);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    return doc;
  };

  beforeEach(async () => {
    server = await startTestServer({
      // The typist sends as fast as it can: no message budget gets in the way of the race.
      env: {
        MAX_MESSAGES_PER_SECOND: 1_000_000,
        MAX_BYTES_PER_SECOND_PER_USER: 1024 * 1024 * 1024,
        MAX_MESSAGES_PER_SECOND_PER_USER: 1_000_000,
        MAX_UPGRADES_PER_USER: 1_000_000,
      },
    });
    docId = await server.createDoc();
    member = await server.addPerson(docId, 'member', 'Typist');
    const chair = await join(ADMIN_TOKEN);
    sendEdit(chair, () => firstSection(chair.doc).insert(1, [newClause('p-race', 'Start.')]));
    const room = await server.accord.services.rooms.get(docId);
    await chair.until(() => indexOfClause(room.doc, 'p-race') >= 0, 'the server to have the paragraph');
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.stop();
    removeDir(server.dataDir);
  });

  it('200 rounds: the text a lock records is the text that stays, whatever was in flight', async () => {
    const rounds = Number(process.env.LOCK_RACE_ROUNDS ?? 200);
    const seed = Number(process.env.LOCK_RACE_SEED ?? Date.now() % 2 ** 31);
    console.log(`lock race: LOCK_RACE_SEED=${seed}`);
    const random = mulberry32(seed);
    const witness = await join(ADMIN_TOKEN);
    // What the witness shows at the very moment the lock reaches it (before any later frame).
    let seenAtLock: string | null = null;
    witness.doc.getMap('gov').observeDeep(() => {
      if (seenAtLock === null && govOf(witness.doc, 'p-race').lock) seenAtLock = plainTextIn(witness.doc, 'p-race');
    });
    let typing = false;
    let stop = false;
    let typed = 0;
    let c = await join(member.token);
    // A refused edit means the typist's copy diverged from the server's: it reconnects and
    // carries on from the server's text.
    const burst = () => {
      if (c.notices.length > 0 || !c.isOpen) return false;
      for (let i = 0; i < 3; i++) {
        const t = textOf(clauseById(c.doc, 'p-race'));
        sendEdit(c, () => t.insert(t.length, String(typed++ % 10)));
      }
      return true;
    };
    // Bursts of keystrokes, one per event-loop turn, as fast as the typist can.
    const typist = (async () => {
      while (!stop) {
        if (typing && !burst()) {
          c.close();
          c = await join(member.token);
        }
        await new Promise((r) => (typing ? setImmediate(r) : setTimeout(r, 1)));
      }
      c.close();
    })();

    let locks = 0;
    let beaten = 0;
    for (let round = 0; round < rounds; round++) {
      // Agree while the typist rests, then lock while it types: the lock request and a burst of
      // keystrokes leave at (randomly) nearly the same moment and reach the room in either order.
      typing = false;
      await new Promise((r) => setTimeout(r, 5));
      expect((await server.api('POST', para('p-race', 'status'), { status: 'agreed' })).status).toBe(200);
      seenAtLock = null;
      const lockRequest = server.api<{ error?: { code: string } }>('POST', para('p-race', 'lock'));
      const delay = Math.floor(random() * 4);
      if (delay > 0) await new Promise((r) => setTimeout(r, delay - 1));
      burst();
      typing = true;
      const lock = await lockRequest;
      if (lock.status === 409) {
        // A keystroke got in first: the agreement no longer matched the text and was reopened.
        expect(lock.body.error?.code).toBe('rule_violation');
        beaten++;
        continue;
      }
      expect(lock.status).toBe(200);
      locks++;
      const room = await server.accord.services.rooms.get(docId);
      const recorded = govOf(room.doc, 'p-race').lock?.textHash;
      expect(recorded).toBeDefined();
      // Let the keystrokes in flight arrive (and be refused), with the typist still at it.
      await new Promise((r) => setTimeout(r, 20));
      await witness.until(() => seenAtLock !== null, 'the witness to see the lock');
      const final = plainTextIn(room.doc, 'p-race');
      expect(final).toBe(seenAtLock);
      expect(hashIn(room.doc, 'p-race')).toBe(recorded);
      expect(plainTextIn(witness.doc, 'p-race')).toBe(final);
      typing = false;
      expect((await server.api('POST', para('p-race', 'unlock'), { reason: `round ${round}` })).status).toBe(200);
    }
    stop = true;
    await typist;
    console.log(`lock race: ${rounds} rounds, ${locks} locks, ${beaten} beaten by a keystroke, ${typed} keystrokes`);
    expect(locks + beaten).toBe(rounds);
    expect(locks).toBeGreaterThan(0);
    // What is stored agrees with the live room: no refused keystroke was written.
    const room = await server.accord.services.rooms.get(docId);
    await room.flushed();
    expect(plainTextIn(await storedDoc(), 'p-race')).toBe(plainTextIn(room.doc, 'p-race'));
  }, 240_000);

  it('a lock or an agreement carrying the hash of a text that has changed since is refused with 409', async () => {
    const chairView = await join(ADMIN_TOKEN);
    const m = await join(member.token);
    const seen = hashIn(chairView.doc, 'p-race');
    sendEdit(m, () => textOf(clauseById(m.doc, 'p-race')).insert(0, 'Changed: '));
    const room = await server.accord.services.rooms.get(docId);
    await chairView.until(() => plainTextIn(room.doc, 'p-race').startsWith('Changed: '), 'the edit to land');

    const agree = await server.api<{ error: { code: string } }>('POST', para('p-race', 'status'), {
      status: 'agreed',
      textHash: seen,
    });
    expect(agree.status).toBe(409);
    expect(agree.body.error.code).toBe('text_changed');
    expect(govOf(room.doc, 'p-race').status).toBe('draft');

    const fresh = hashIn(room.doc, 'p-race');
    expect((await server.api('POST', para('p-race', 'status'), { status: 'agreed', textHash: fresh })).status).toBe(
      200,
    );
    const lock = await server.api<{ error: { code: string } }>('POST', para('p-race', 'lock'), { textHash: seen });
    expect(lock.status).toBe(409);
    expect(lock.body.error.code).toBe('text_changed');
    expect(govOf(room.doc, 'p-race').lock).toBeNull();
    const actions = (await server.accord.store.audit.list(docId)).map((e) => e.action);
    expect(actions.filter((a) => a === 'paragraph.lock')).toEqual([]);

    const ok = await server.api('POST', para('p-race', 'lock'), { textHash: fresh });
    expect(ok.status).toBe(200);
    expect(govOf(room.doc, 'p-race').lock?.textHash).toBe(fresh);
    expect(paragraphHash(paragraphIn(room.doc, 'p-race')!)).toBe(fresh);
  });
});

/** A small seeded PRNG, so that a failing interleaving can be replayed with LOCK_RACE_SEED. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
