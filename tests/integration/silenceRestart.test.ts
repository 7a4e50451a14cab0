import { afterEach, describe, expect, it } from 'vitest';
import { clockAt, type Person, serverState, silenceApi, silenceDraft } from '../support/silenceDraft.js';
import { removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/**
 * A silence whose deadline passes while the server is down: applied once at the next start,
 * before the server listens, and never again at later starts. Real SQLite file, real restarts.
 */
describe('silence deadline across restarts', () => {
  let server: TestServer | null = null;
  let dataDir = '';
  afterEach(async () => {
    await server?.stop();
    if (dataDir) removeDir(dataDir);
  });

  it('applies a deadline that passed while the server was down at start, once (restarted twice)', async () => {
    server = await startTestServer({ env: { DEADLINE_POLL_MS: 100 } });
    dataDir = server.dataDir;
    const { docId, chair } = await silenceDraft(server);
    const brazil: Person = await server.addPerson(docId, 'member', 'Ana Souza');
    const api = silenceApi(server, docId);
    const deadline = Date.now() + 1500;
    const started = await api.start({
      scope: { kind: 'section', sectionId: 's-b' },
      deadline: new Date(deadline).toISOString(),
      lockOnExpiry: true,
      note: 'Between sessions',
    });
    expect(started.status).toBe(201);
    expect((await api.breakOn('b1', 'Our capital objects', brazil)).status).toBe(201);
    chair.close();
    await server.stop();
    server = null;

    await clockAt(deadline + 300);
    const expireEntries = async (s: TestServer) =>
      (await s.accord.store.audit.list(docId)).filter((e) => e.action === 'silence.expire');
    for (let start = 1; start <= 3; start++) {
      // A long poll interval: whatever is applied here was applied by the start itself.
      server = await startTestServer({ dataDir, env: { DEADLINE_POLL_MS: 60_000 } });
      const entries = await expireEntries(server);
      expect(entries, `start ${start}`).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        actor: null,
        detail: { agreed: ['b2', 'b3'], locked: ['b2', 'b3'], broken: ['b1'] },
      });
      const { gov, silence } = await serverState(server, docId);
      expect(gov.statuses).toMatchObject({ b1: 'under_negotiation', b2: 'agreed', b3: 'agreed' });
      expect(Object.keys(gov.locks).sort()).toEqual(['b2', 'b3']);
      expect(silence.silences[0]).toMatchObject({ state: 'expired', outcome: { agreed: ['b2', 'b3'] } });
      expect(silence.frozen).toEqual({});
      const rows = server.accord.db
        .prepare("SELECT done_at, claimed_until FROM jobs WHERE kind = 'silence.expire'")
        .all() as Array<{
        done_at: number | null;
        claimed_until: number | null;
      }>;
      expect(rows).toHaveLength(1);
      expect(rows[0]?.done_at).toBeGreaterThanOrEqual(deadline);
      if (start === 1) expect(entries[0]?.at).toBeGreaterThan(deadline + 300);
      await server.accord.silenceClock.runDue();
      expect(await expireEntries(server)).toHaveLength(1);
      await server.stop();
      server = null;
    }
  });

  it('applies a deadline claimed by a process that died before completing it, at the next start', async () => {
    server = await startTestServer({ env: { DEADLINE_POLL_MS: 60_000 } });
    dataDir = server.dataDir;
    const { docId, chair } = await silenceDraft(server);
    const api = silenceApi(server, docId);
    const deadline = Date.now() + 1200;
    expect(
      (
        await api.start({
          scope: { kind: 'paragraphs', paragraphIds: ['a2'] },
          deadline: new Date(deadline).toISOString(),
        })
      ).status,
    ).toBe(201);
    await clockAt(deadline + 50);
    // A claim taken and never completed (the process died between claim and effect).
    const claimed = await server.accord.services.deadlines.claimDue(10, 3_600_000);
    expect(claimed).toHaveLength(1);
    chair.close();
    await server.stop();
    server = await startTestServer({ dataDir, env: { DEADLINE_POLL_MS: 60_000 } });
    const { gov } = await serverState(server, docId);
    expect(gov.statuses.a2).toBe('agreed');
    expect((await server.accord.store.audit.list(docId)).filter((e) => e.action === 'silence.expire')).toHaveLength(1);
  });
});
