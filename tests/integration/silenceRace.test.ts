import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGovernance } from '../../shared/model/readDraft.js';
import { readSilences } from '../../shared/model/silence.js';
import { propertyRuns } from '../support/propertyRuns.js';
import { RawClient } from '../support/rawClient.js';
import { type Person, serverState, silenceApi, silenceDraft, until } from '../support/silenceDraft.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

const PARAGRAPHS = ['a1', 'a2', 'a3', 'b1', 'b2', 'b3'] as const;
/** How far ahead each run's deadline is: enough for the start to be stored before the first break. */
const LEAD_MS = 1300;

/**
 * Breaks racing the expiry: three delegations break silence on random paragraphs at random
 * moments around the deadline while the expiry runs at random moments too (the clock's poll is
 * driven by the test: the interval is set out of reach). Whatever the order, no paragraph is
 * both agreed and broken, the expiry happens once, every accepted break is recorded and every
 * refused one changed nothing; a live client converges on the server's state.
 */
describe('break of silence racing its expiry', () => {
  let server: TestServer;
  let members: Person[];

  beforeAll(async () => {
    server = await startTestServer({ env: { DEADLINE_POLL_MS: 60_000 } });
  });
  afterAll(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  it('never leaves a paragraph both agreed and broken, and expires once', async () => {
    const breakArb = fc.record({
      who: fc.integer({ min: 0, max: 2 }),
      paragraph: fc.constantFrom(...PARAGRAPHS),
      offset: fc.integer({ min: -350, max: 350 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(breakArb, { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: -150, max: 350 }), { minLength: 1, maxLength: 4 }),
        async (breaks, expiries) => {
          const { docId, chair } = await silenceDraft(server);
          members = [];
          for (const name of ['Ana Souza', 'Kofi Otieno', 'Lars Eriksen']) {
            members.push(await server.addPerson(docId, 'member', name));
          }
          const witness = await RawClient.synced(`${server.wsUrl}/${docId}?token=${ADMIN_TOKEN}`);
          const api = silenceApi(server, docId);
          const deadline = Date.now() + LEAD_MS;
          const started = await api.start({
            scope: { kind: 'draft' },
            deadline: new Date(deadline).toISOString(),
            lockOnExpiry: true,
          });
          expect(started.status).toBe(201);
          const sid = started.body.id;
          const at = (offset: number) => new Promise((r) => setTimeout(r, Math.max(0, deadline + offset - Date.now())));
          const results = await Promise.all([
            ...breaks.map(async (b) => {
              await at(b.offset);
              const res = await api.breakOn(b.paragraph, `Objection from ${b.who}`, members[b.who]);
              return { ...b, status: res.status, rule: res.body.error?.details?.rule ?? null };
            }),
            ...expiries.map(async (offset) => {
              await at(offset);
              await server.accord.silenceClock.runDue();
              return null;
            }),
          ]);
          await at(0);
          await server.accord.silenceClock.runDue();

          const { gov, silence } = await serverState(server, docId);
          const s = silence.silences.find((x) => x.id === sid);
          expect(s?.state).toBe('expired');
          const broken = new Set(s?.breaks.map((b) => b.paragraphId));
          const agreed = new Set(s?.outcome?.agreed);
          for (const p of PARAGRAPHS) {
            expect(broken.has(p) && agreed.has(p), p).toBe(false);
            expect(broken.has(p) || agreed.has(p), p).toBe(true);
            if (agreed.has(p)) {
              expect(gov.statuses[p]).toBe('agreed');
              expect(gov.locks[p]).toBeDefined();
              expect(gov.objections.some((o) => o.paragraphId === p)).toBe(false);
            } else {
              expect(gov.statuses[p]).toBe('under_negotiation');
              expect(gov.locks[p]).toBeUndefined();
            }
          }
          const accepted = results.filter((r) => r !== null && r.status === 201);
          for (const r of results) {
            if (r === null || r.status === 201) continue;
            expect(r.status).toBe(409);
            expect(['silence_over', 'not_under_silence']).toContain(r.rule);
          }
          // One accepted break per broken paragraph (a second delegation is told to object instead).
          expect(accepted.map((r) => r?.paragraph).sort()).toEqual([...broken].sort());
          expect(gov.objections.filter((o) => o.silenceId === sid)).toHaveLength(broken.size);
          const audit = server.accord.services.audit.list(docId);
          expect(audit.filter((e) => e.action === 'silence.expire')).toHaveLength(1);
          expect(audit.filter((e) => e.action === 'silence.break')).toHaveLength(broken.size);
          await until(() => {
            const seen = readGovernance(witness.doc.getMap('gov'));
            return (
              PARAGRAPHS.every((p) => seen.statuses[p] === gov.statuses[p]) &&
              readSilences(witness.doc.getMap('gov')).silences[0]?.state === 'expired'
            );
          }, 'the witness to converge');
          witness.close();
          chair.close();
        },
      ),
      propertyRuns('silence break vs expiry', 8),
    );
  }, 120_000);
});
