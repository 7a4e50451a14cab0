import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGovernance } from '../../shared/model/readDraft.js';
import { readSilences } from '../../shared/model/silence.js';
import { propertyRuns } from '../support/propertyRuns.js';
import { RawClient } from '../support/rawClient.js';
import { type Person, serverState, silenceApi, silenceDraft, until } from '../support/silenceDraft.js';
import { TestClock } from '../support/testClock.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

const PARAGRAPHS = ['a1', 'a2', 'a3', 'b1', 'b2', 'b3'] as const;
/** How far ahead each run's deadline is, on the test's clock. */
const LEAD_MS = 10_000;

/** An instant around the deadline: mostly the milliseconds that decide, sometimes further off. */
const offsetArb = fc.oneof(
  fc.constantFrom(-1, 0, 1),
  fc.integer({ min: -2, max: 2 }),
  fc.integer({ min: -900, max: 900 }),
);

type Action =
  | { kind: 'break'; who: number; paragraph: (typeof PARAGRAPHS)[number]; offset: number }
  | { kind: 'expire'; offset: number };

/**
 * Breaks racing the expiry, on a clock the test moves (server/ops/clock.ts): three delegations
 * break silence on random paragraphs at random instants around the deadline — most of them one
 * millisecond before, at, or one after it — while the expiry is polled at random instants too
 * (the poll interval is out of reach). Actions at the same instant run concurrently; the clock
 * only moves between them, so what the server must answer is exact: a break before the
 * deadline is accepted (once per paragraph: a second delegation is told to object instead), a
 * break at or after it is refused `silence_over` whether or not the expiry has run, the expiry
 * does nothing before the deadline and concludes once at or after it. Whatever the order, no
 * paragraph is both agreed and broken, and a live client converges on the server's state.
 */
describe('break of silence racing its expiry', () => {
  let server: TestServer;
  const clock = new TestClock();

  beforeAll(async () => {
    server = await startTestServer({
      env: { DEADLINE_POLL_MS: 60_000, MAX_UPGRADES_PER_USER: 1000 },
      clock: clock.now,
    });
  });
  afterAll(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  it('decides by the deadline to the millisecond, never agreed and broken, expires once', async () => {
    const actionArb: fc.Arbitrary<Action> = fc.oneof(
      fc.record({
        kind: fc.constant('break' as const),
        who: fc.integer({ min: 0, max: 2 }),
        paragraph: fc.constantFrom(...PARAGRAPHS),
        offset: offsetArb,
      }),
      fc.record({ kind: fc.constant('expire' as const), offset: offsetArb }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(actionArb, { minLength: 1, maxLength: 10 }), async (actions) => {
        const { docId, chair } = await silenceDraft(server);
        const members: Person[] = [];
        for (const name of ['Ana Souza', 'Kofi Otieno', 'Lars Eriksen']) {
          members.push(await server.addPerson(docId, 'member', name));
        }
        const witness = await RawClient.synced(`${server.wsUrl}/${docId}?token=${ADMIN_TOKEN}`);
        const api = silenceApi(server, docId);
        const deadline = clock.now() + LEAD_MS;
        const started = await api.start({
          scope: { kind: 'draft' },
          deadline: new Date(deadline).toISOString(),
          lockOnExpiry: true,
        });
        expect(started.status).toBe(201);
        const sid = started.body.id;

        // The instants in order; what happens at one instant happens concurrently.
        const instants = [...new Set(actions.map((a) => a.offset))].sort((a, b) => a - b);
        const broken = new Set<string>();
        for (const offset of instants) {
          clock.set(deadline + offset);
          const now = actions.filter((a) => a.offset === offset);
          const results = await Promise.all(
            now.map(async (a) => {
              if (a.kind === 'expire') {
                await server.accord.silenceClock.runDue();
                return null;
              }
              const res = await api.breakOn(a.paragraph, `Objection from ${a.who}`, members[a.who]);
              return { ...a, status: res.status, rule: res.body.error?.details?.rule ?? null };
            }),
          );
          // The oracle: the deadline decides, to the millisecond.
          const byParagraph = new Map<string, Array<{ status: number; rule: string | null }>>();
          for (const r of results) {
            if (r) byParagraph.set(r.paragraph, [...(byParagraph.get(r.paragraph) ?? []), r]);
          }
          for (const [p, rs] of byParagraph) {
            const accepted = rs.filter((r) => r.status === 201);
            if (offset < 0 && !broken.has(p)) {
              expect(accepted, `${p} at ${offset} ms`).toHaveLength(1);
              broken.add(p);
            } else expect(accepted, `${p} at ${offset} ms`).toHaveLength(0);
            for (const r of rs) {
              if (r.status === 201) continue;
              expect(r.status).toBe(409);
              // Broken already (by someone else at this instant too): object instead; else too late.
              expect(r.rule, `${p} at ${offset} ms`).toBe(broken.has(p) ? 'not_under_silence' : 'silence_over');
            }
          }
          const state = (await serverState(server, docId)).silence.silences.find((x) => x.id === sid)?.state;
          if (offset < 0) expect(state, `before the deadline (${offset} ms)`).toBe('running');
          else if (now.some((a) => a.kind === 'expire')) expect(state, `polled at ${offset} ms`).toBe('expired');
        }
        clock.set(Math.max(clock.now(), deadline));
        await server.accord.silenceClock.runDue();

        const { gov, silence } = await serverState(server, docId);
        const s = silence.silences.find((x) => x.id === sid);
        expect(s?.state).toBe('expired');
        expect(new Set(s?.breaks.map((b) => b.paragraphId))).toEqual(broken);
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
        // The outcome is stamped with the server's clock, not the wall clock.
        expect(s?.outcome?.at).toBeGreaterThanOrEqual(deadline);
        expect(s?.outcome?.at).toBeLessThanOrEqual(deadline + 900);
        expect(gov.objections.filter((o) => o.silenceId === sid)).toHaveLength(broken.size);
        const audit = await server.accord.store.audit.list(docId);
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
      }),
      propertyRuns('silence break vs expiry', 10),
    );
  }, 120_000);
});
