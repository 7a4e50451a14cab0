import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/closeCodes.js';
import { clauseString, clauseText } from '../support/draftPaths.js';
import { clauseById, firstSection, indexOfClause, newClause, sendEdit, textOf } from '../support/editing.js';
import { plainTextIn } from '../support/paragraphs.js';
import { connectProvider, eventually, synced } from '../support/providers.js';
import { RawClient } from '../support/rawClient.js';
import { rawRequest, upgradeRequest } from '../support/rawHttp.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/**
 * Limits count people, not sockets or addresses: a conference room shares one public
 * IP, and one person may open many sockets.
 */
describe('connection limits', () => {
  let server: TestServer | null = null;
  const cleanups: Array<() => void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) c();
    if (server) {
      await server.stop();
      removeDir(server.dataDir);
      server = null;
    }
  });

  it('100 members on one address all reconnect within 30 s after a restart', async () => {
    let s = await startTestServer();
    const docId = await s.createDoc();
    const people = await Promise.all(Array.from({ length: 100 }, (_, i) => s.addPerson(docId, 'member', `D${i}`)));
    const port = s.port;
    const providers = people.map((p) => connectProvider(s.wsUrl, docId, p.token));
    cleanups.push(() => {
      for (const p of providers) p.destroy();
    });
    await Promise.all(providers.map((p) => synced(p, 20_000)));

    // The server restarts on the same port and data; every provider reconnects by itself.
    await s.stop();
    await eventually(() => providers.every((p) => !p.wsconnected), 10_000, 'every provider to notice');
    s = await startTestServer({ dataDir: s.dataDir, env: { PORT: port } });
    server = s;
    const restarted = Date.now();
    await eventually(() => providers.every((p) => p.wsconnected && p.synced), 30_000, 'all 100 back');
    console.log(`100 members back ${Date.now() - restarted} ms after the restart`);
    // And they work: the last one's edit reaches the first.
    const last = providers[99]!;
    const first = providers[0]!;
    clauseText(last.doc).insert(0, 'Back. ');
    await eventually(() => clauseString(first.doc).startsWith('Back.'), 10_000, 'the edit');
  }, 120_000);

  it('1,000 bad-token upgrade attempts from one address stay throttled', async () => {
    server = await startTestServer();
    const s = server;
    const docId = await s.createDoc();
    const member = await s.addPerson(docId, 'member');
    const statuses: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < 1000) {
        const i = next++;
        statuses.push((await rawRequest(s.port, upgradeRequest(`/collab/${docId}?token=guess-${i}`))) ?? 0);
      }
    };
    await Promise.all(Array.from({ length: 20 }, worker));
    const checked = statuses.filter((x) => x === 401).length;
    const throttled = statuses.filter((x) => x === 429).length;
    console.log(`bad tokens: ${checked} checked (401), ${throttled} throttled (429)`);
    expect(checked + throttled).toBe(1000);
    expect(checked).toBeLessThanOrEqual(s.accord.services.config.MAX_FAILED_AUTH_PER_IP);
    // While the address is blocked no credential is checked at all (that would be an oracle).
    expect(await rawRequest(s.port, upgradeRequest(`/collab/${docId}?token=${member.token}`))).toBe(429);
  }, 120_000);

  it('a person reconnecting in a tight loop is throttled per person, not their neighbours', async () => {
    server = await startTestServer({ env: { MAX_UPGRADES_PER_USER: 5 } });
    const s = server;
    const docId = await s.createDoc();
    const looper = await s.addPerson(docId, 'member');
    const neighbour = await s.addPerson(docId, 'member');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push(
        await rawRequest(s.port, upgradeRequest(`/collab/${docId}?token=${looper.token}`)).then((x) => x ?? 0),
      );
    }
    expect(statuses.slice(0, 5)).toEqual([101, 101, 101, 101, 101]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    expect(await rawRequest(s.port, upgradeRequest(`/collab/${docId}?token=${neighbour.token}`))).toBe(101);
  });

  it('one member with seven sockets cannot exceed the per-person message budget', async () => {
    server = await startTestServer({ env: { MAX_MESSAGES_PER_SECOND_PER_USER: 100, MAX_UPGRADES_PER_USER: 100 } });
    const s = server;
    const docId = await s.createDoc();
    const member = await s.addPerson(docId, 'member');
    const chair = await RawClient.synced(`${s.wsUrl}/${docId}?token=${ADMIN_TOKEN}`);
    cleanups.push(() => chair.close());
    sendEdit(chair, () => firstSection(chair.doc).insert(1, [newClause('p-flood', '')]));
    const room = await s.accord.services.rooms.get(docId);
    await chair.until(() => indexOfClause(room.doc, 'p-flood') >= 0, 'the paragraph');
    const sockets = await Promise.all(
      Array.from({ length: 7 }, () => RawClient.synced(`${s.wsUrl}/${docId}?token=${member.token}`)),
    );
    cleanups.push(() => {
      for (const c of sockets) c.close();
    });
    // Each socket stays well under the per-connection budget (200/s): 7 × 100 = 700 updates at once.
    for (let i = 0; i < 100; i++) {
      for (const c of sockets) {
        if (!c.isOpen) continue;
        sendEdit(c, () => textOf(clauseById(c.doc, 'p-flood')).insert(0, 'x'));
      }
    }
    await eventually(() => sockets.some((c) => c.closeCode !== null), 10_000, 'a socket to be closed');
    await room.flushed();
    const stored = plainTextIn(room.doc, 'p-flood').length;
    console.log(`per-person budget: ${stored} of 700 updates accepted`);
    // The budget is 100 a second for the person; the burst may straddle two one-second windows.
    expect(stored).toBeLessThanOrEqual(2 * 100);
    expect(sockets.filter((c) => c.closeCode !== null).every((c) => c.closeCode === CloseCode.rateLimited)).toBe(true);
  });
});
