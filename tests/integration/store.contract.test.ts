import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccordStore } from '../../server/store/accordStore.js';
import type { ClaimedJob } from '../../server/store/repos/jobRepo.js';
import type { Lease } from '../../server/store/repos/leaseRepo.js';
import type { StoreRepos } from '../../server/store/repos/storeRepos.js';
import { StaleWriteError, type StaleWriteReason } from '../../server/store/staleWriteError.js';
import type { Comment } from '../../shared/model/comments.js';
import { propertyRuns } from '../support/propertyRuns.js';
import { type OpenedStore, storeAdapters } from '../support/storeAdapters.js';

/**
 * The store contract (server/store/CONTEXT.md), one suite run against every adapter: SQLite in a
 * temporary file, PostgreSQL in a schema of its own that is dropped afterwards. Concurrency is
 * real where the adapter has it (a pool of connections on PostgreSQL); time is the store clock,
 * moved forward by the test, so expiries never depend on the machine's speed.
 */
describe.each(storeAdapters)('store contract on $dialect', (adapter) => {
  let opened: OpenedStore;
  let store: AccordStore;
  /** The store clock runs from the wall clock plus what the tests skipped forward. */
  let skipped = 0;
  const now = () => Date.now() + skipped;
  const later = (ms: number) => {
    skipped += ms;
  };

  beforeAll(async () => {
    opened = await adapter.open(now);
    store = opened.store;
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  const bytes = (...values: number[]) => new Uint8Array(values);
  const staleReason = async (p: Promise<unknown>): Promise<StaleWriteReason | 'ok'> => {
    try {
      await p;
      return 'ok';
    } catch (err) {
      if (err instanceof StaleWriteError) return err.reason;
      throw err;
    }
  };
  const newDoc = async () => (await store.documents.create('Draft', null, 'secretariat')).id;

  describe('the update log', () => {
    it('appends in order and loads what was appended', async () => {
      const doc = randomUUID();
      expect(await store.log.load(doc)).toEqual({ snapshot: null, snapshotSeq: 0, updates: [], lastSeq: 0 });
      expect(await store.log.append({ docId: doc, expectedSeq: 0, updates: [bytes(1), bytes(2)], epoch: null })).toBe(
        2,
      );
      expect(await store.log.append({ docId: doc, expectedSeq: 2, updates: [bytes(3)], epoch: null })).toBe(3);
      const loaded = await store.log.load(doc);
      expect(loaded.updates).toEqual([bytes(1), bytes(2), bytes(3)]);
      expect(loaded.lastSeq).toBe(3);
      expect(await store.log.lastSeq(doc)).toBe(3);
      expect(await store.log.logLength(doc)).toBe(3);
    });

    it('stores an append and its audit entries together, or neither', async () => {
      const doc = randomUUID();
      const audit = [{ actor: 'u1', action: 'text.edit', detail: { paragraphs: ['p1'] } }];
      await store.log.append({ docId: doc, expectedSeq: 0, updates: [bytes(1)], audit, epoch: null });
      expect(
        await staleReason(store.log.append({ docId: doc, expectedSeq: 0, updates: [bytes(9)], audit, epoch: null })),
      ).toBe('seq_advanced');
      expect((await store.audit.list(doc)).map((e) => e.action)).toEqual(['text.edit']);
      expect((await store.log.load(doc)).updates).toEqual([bytes(1)]);
      // A transaction that fails after the append leaves nothing of it either.
      await expect(
        store.transaction(async (tx) => {
          await tx.log.append({ docId: doc, expectedSeq: 1, updates: [bytes(2)], audit, epoch: null });
          throw new Error('the rest of the step failed');
        }),
      ).rejects.toThrow('the rest of the step failed');
      expect(await store.log.lastSeq(doc)).toBe(1);
      expect(await store.audit.list(doc)).toHaveLength(1);
    });

    it('compacts atomically, and only with a newer snapshot', async () => {
      const doc = randomUUID();
      await store.log.append({ docId: doc, expectedSeq: 0, updates: [bytes(1), bytes(2), bytes(3)], epoch: null });
      expect(await store.log.compact(doc, bytes(12), 2)).toBe(true);
      expect(await store.log.load(doc)).toEqual({
        snapshot: bytes(12),
        snapshotSeq: 2,
        updates: [bytes(3)],
        lastSeq: 3,
      });
      // An older or equal snapshot (a slow compactor) changes nothing.
      expect(await store.log.compact(doc, bytes(1), 1)).toBe(false);
      expect(await store.log.compact(doc, bytes(99), 2)).toBe(false);
      expect((await store.log.load(doc)).snapshot).toEqual(bytes(12));
      await expect(store.log.compact(doc, bytes(0), 4)).rejects.toThrow(RangeError);
      // Appending after a compaction continues the sequence; a fully compacted log keeps its last seq.
      expect(await store.log.compact(doc, bytes(123), 3)).toBe(true);
      expect(await store.log.lastSeq(doc)).toBe(3);
      expect(await store.log.logLength(doc)).toBe(0);
      expect(
        await staleReason(store.log.append({ docId: doc, expectedSeq: 0, updates: [bytes(4)], epoch: null })),
      ).toBe('seq_advanced');
      expect(await store.log.append({ docId: doc, expectedSeq: 3, updates: [bytes(4)], epoch: null })).toBe(4);
    });

    it('loads a consistent state while appends and compactions run concurrently', async () => {
      // Update n is the byte n; a snapshot at n is the bytes 1..n: every load must be a gap-free prefix.
      const doc = randomUUID();
      let seq = 0;
      const writer = async () => {
        for (let i = 0; i < 40; i++) {
          seq = await store.log.append({ docId: doc, expectedSeq: seq, updates: [bytes(seq + 1)], epoch: null });
          if (seq % 7 === 0) {
            await store.log.compact(doc, bytes(...Array.from({ length: seq }, (_, k) => k + 1)), seq - 2);
          }
        }
      };
      const reader = async () => {
        const seen: number[] = [];
        for (let i = 0; i < 40; i++) {
          const loaded = await store.log.load(doc);
          const all = [...(loaded.snapshot ?? []), ...loaded.updates.map((u) => u[0] ?? -1)];
          const prefix = loaded.snapshot ? [...loaded.snapshot].slice(0, loaded.snapshotSeq) : [];
          const values = [...prefix, ...loaded.updates.map((u) => u[0] ?? -1)];
          expect(values).toEqual(Array.from({ length: loaded.lastSeq }, (_, k) => k + 1));
          expect(all.length).toBeGreaterThanOrEqual(loaded.lastSeq);
          seen.push(loaded.lastSeq);
        }
        return seen;
      };
      const [, a, b] = await Promise.all([writer(), reader(), reader()]);
      for (const seen of [a, b]) expect(seen).toEqual([...seen].sort((x, y) => x - y));
    });

    it('lets exactly one of several writers with the same expected seq win', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 6 }),
          fc.integer({ min: 1, max: 3 }),
          async (batchSizes, rounds) => {
            const doc = randomUUID();
            let expected = 0;
            const kept: number[][] = [];
            for (let round = 0; round < rounds; round++) {
              const batches = batchSizes.map((n, w) => Array.from({ length: n }, (_, k) => bytes(round, w, k)));
              const results = await Promise.all(
                batches.map((updates) =>
                  store.log.append({ docId: doc, expectedSeq: expected, updates, epoch: null }).then(
                    (seq) => ({ ok: true as const, seq }),
                    (err: unknown) => {
                      if (!(err instanceof StaleWriteError) || err.reason !== 'seq_advanced') throw err;
                      return { ok: false as const };
                    },
                  ),
                ),
              );
              const winners = results.flatMap((r, w) => (r.ok ? [{ w, seq: r.seq }] : []));
              expect(winners).toHaveLength(1);
              const winner = winners[0] as { w: number; seq: number };
              expect(winner.seq).toBe(expected + (batchSizes[winner.w] ?? 0));
              expected = winner.seq;
              kept.push(...(batches[winner.w] ?? []).map((u) => [...u]));
            }
            const loaded = await store.log.load(doc);
            expect(loaded.updates.map((u) => [...u])).toEqual(kept);
            expect(loaded.lastSeq).toBe(expected);
          },
        ),
        propertyRuns(`${adapter.dialect}: concurrent appends with one expected seq`, 15),
      );
    });
  });

  describe('leases and epoch fencing', () => {
    const TTL = 10_000;

    it('acquires, renews, refuses a second owner, and takes over only after expiry', async () => {
      const doc = randomUUID();
      const a = (await store.leases.acquire(doc, 'node-a', TTL)) as Lease;
      expect(a).toMatchObject({ docId: doc, owner: 'node-a', epoch: 1 });
      expect(await store.leases.acquire(doc, 'node-b', TTL)).toBeNull();
      // Re-acquiring one's own live lease keeps the epoch.
      expect((await store.leases.acquire(doc, 'node-a', TTL))?.epoch).toBe(1);
      later(TTL / 2);
      const renewed = (await store.leases.renew(a, TTL)) as Lease;
      expect(renewed.epoch).toBe(1);
      expect(renewed.expiresAt).toBeGreaterThan(a.expiresAt);
      later(TTL / 2 + 1);
      expect(await store.leases.acquire(doc, 'node-b', TTL)).toBeNull();
      later(TTL);
      const b = (await store.leases.acquire(doc, 'node-b', TTL)) as Lease;
      expect(b).toMatchObject({ owner: 'node-b', epoch: 2 });
      expect(await store.leases.renew(renewed, TTL)).toBeNull();
      expect(await store.leases.release(renewed)).toBe(false);
      expect(await store.leases.current(doc)).toEqual(b);
    });

    it('refuses an append under a moved epoch, and a release never resets the epoch', async () => {
      const doc = randomUUID();
      const a = (await store.leases.acquire(doc, 'node-a', TTL)) as Lease;
      expect(await store.log.append({ docId: doc, expectedSeq: 0, updates: [bytes(1)], epoch: a.epoch })).toBe(1);
      expect(await staleReason(store.log.append({ docId: doc, expectedSeq: 1, updates: [bytes(2)], epoch: 7 }))).toBe(
        'epoch_moved',
      );
      // Node A pauses past its lease; B takes over and writes; A wakes up and tries to write.
      later(TTL + 1);
      const b = (await store.leases.acquire(doc, 'node-b', TTL)) as Lease;
      expect(b.epoch).toBe(2);
      expect(
        await staleReason(store.log.append({ docId: doc, expectedSeq: 1, updates: [bytes(2)], epoch: a.epoch })),
      ).toBe('epoch_moved');
      expect(await store.log.append({ docId: doc, expectedSeq: 1, updates: [bytes(2)], epoch: b.epoch })).toBe(2);
      // B hands over cleanly; C gets epoch 3 at once; B's epoch is as dead as A's.
      expect(await store.leases.release(b)).toBe(true);
      const c = (await store.leases.acquire(doc, 'node-c', TTL)) as Lease;
      expect(c.epoch).toBe(3);
      for (const stale of [a.epoch, b.epoch]) {
        expect(
          await staleReason(store.log.append({ docId: doc, expectedSeq: 2, updates: [bytes(3)], epoch: stale })),
        ).toBe('epoch_moved');
      }
      expect((await store.log.load(doc)).updates).toEqual([bytes(1), bytes(2)]);
      // No lease at all: an epoch-carrying append is refused too.
      expect(
        await staleReason(store.log.append({ docId: randomUUID(), expectedSeq: 0, updates: [bytes(1)], epoch: 1 })),
      ).toBe('epoch_moved');
    });

    it('gives an expired lease to exactly one of several concurrent acquirers', async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 3 }), async (nodes, rounds) => {
          const doc = randomUUID();
          let epoch = 0;
          for (let round = 0; round < rounds; round++) {
            const got = await Promise.all(
              Array.from({ length: nodes }, (_, n) => store.leases.acquire(doc, `node-${round}-${n}`, TTL)),
            );
            const owners = got.filter((l): l is Lease => l !== null);
            expect(owners).toHaveLength(1);
            expect(owners[0]?.epoch).toBe(epoch + 1);
            expect(await store.leases.current(doc)).toEqual(owners[0]);
            epoch += 1;
            later(TTL + 1);
          }
        }),
        propertyRuns(`${adapter.dialect}: concurrent lease take-over`, 15),
      );
    });

    it('fences a writer whose lease is taken over while it keeps appending', async () => {
      const doc = randomUUID();
      const a = (await store.leases.acquire(doc, 'node-a', TTL)) as Lease;
      let seq = 0;
      let refusedAt: number | null = null;
      const writes = (async () => {
        for (let i = 0; i < 30 && refusedAt === null; i++) {
          try {
            seq = await store.log.append({ docId: doc, expectedSeq: seq, updates: [bytes(i)], epoch: a.epoch });
          } catch (err) {
            if (!(err instanceof StaleWriteError) || err.reason !== 'epoch_moved') throw err;
            refusedAt = seq;
          }
        }
      })();
      later(TTL + 1);
      const b = (await store.leases.acquire(doc, 'node-b', TTL)) as Lease;
      await writes;
      // What A stored before the take-over stays; nothing of A's lands after it.
      const before = await store.log.lastSeq(doc);
      expect(
        await staleReason(store.log.append({ docId: doc, expectedSeq: before, updates: [bytes(0)], epoch: a.epoch })),
      ).toBe('epoch_moved');
      expect(await store.log.append({ docId: doc, expectedSeq: before, updates: [bytes(1)], epoch: b.epoch })).toBe(
        before + 1,
      );
    });
  });

  describe('scheduled jobs', () => {
    /** Runs claimers until no job is due; each job's effect is an audit entry stored with its completion. */
    const drain = async (claimers: number, effects: string, claimMs: number) => {
      const claimedBy = new Map<string, string[]>();
      await Promise.all(
        Array.from({ length: claimers }, async (_, c) => {
          const claimer = `claimer-${c}`;
          for (;;) {
            const jobs = await store.jobs.claimDue(claimer, 2, claimMs);
            if (jobs.length === 0) return;
            for (const job of jobs) {
              // Jobs other tests left due are run too; only this run's are counted.
              if (job.docId === effects) claimedBy.set(job.id, [...(claimedBy.get(job.id) ?? []), claimer]);
              await store.transaction(async (tx) => {
                await tx.audit.append(effects, { actor: claimer, action: 'job.run', detail: { job: job.id } });
                if (!(await tx.jobs.complete(job))) throw new Error('claim lost');
              });
            }
          }
        }),
      );
      return claimedBy;
    };

    it('runs every due job exactly once among concurrent claimers, and no job before its deadline', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 0, max: 4 }),
          fc.integer({ min: 2, max: 5 }),
          async (due, future, claimers) => {
            const effects = `effects-${randomUUID()}`;
            const t = now();
            const ids = new Set<string>();
            for (let i = 0; i < due; i++) {
              ids.add(await store.jobs.schedule({ kind: 'silence.end', docId: effects, payload: { i }, runAt: t - i }));
            }
            const waiting = new Set<string>();
            for (let i = 0; i < future; i++) {
              waiting.add(
                await store.jobs.schedule({
                  kind: 'silence.end',
                  docId: effects,
                  payload: { i },
                  runAt: t + 3_600_000,
                }),
              );
            }
            const claimedBy = await drain(claimers, effects, 60_000);
            expect(new Set(claimedBy.keys())).toEqual(ids);
            for (const by of claimedBy.values()) expect(by).toHaveLength(1);
            const ran = (await store.audit.list(effects)).map((e) => e.detail.job as string);
            expect(ran.sort()).toEqual([...ids].sort());
            expect(new Set((await store.jobs.pending(effects)).map((j) => j.id))).toEqual(waiting);
            for (const id of waiting) expect(await store.jobs.cancel(id)).toBe(true);
          },
        ),
        propertyRuns(`${adapter.dialect}: jobs claimed once by concurrent claimers`, 10),
      );
    });

    it('gives an abandoned claim to another claimer, and the late one cannot complete', async () => {
      const effects = `effects-${randomUUID()}`;
      const id = await store.jobs.schedule({
        kind: 'silence.end',
        docId: effects,
        payload: { n: 1 },
        runAt: now() - 1,
      });
      const [first] = (await store.jobs.claimDue('slow', 1, 5_000)).filter((j) => j.id === id);
      expect(first).toBeDefined();
      expect((await store.jobs.claimDue('other', 10, 5_000)).some((j) => j.id === id)).toBe(false);
      later(5_001);
      const [second] = (await store.jobs.claimDue('other', 10, 5_000)).filter((j) => j.id === id);
      expect(second).toMatchObject({ id, claimer: 'other', attempts: 2, payload: { n: 1 } });
      // The slow claimer comes back: its effect and completion roll back together.
      await expect(
        store.transaction(async (tx) => {
          await tx.audit.append(effects, { actor: 'slow', action: 'job.run', detail: { job: id } });
          if (!(await tx.jobs.complete(first as ClaimedJob))) throw new Error('claim lost');
        }),
      ).rejects.toThrow('claim lost');
      expect(await store.jobs.complete(second as ClaimedJob)).toBe(true);
      expect(await store.jobs.complete(second as ClaimedJob)).toBe(false);
      expect(await store.audit.list(effects)).toEqual([]);
      expect(await store.jobs.cancel(id)).toBe(false);
    });

    it('moves a keyed job instead of adding one, voiding a claim on the old deadline', async () => {
      const doc = randomUUID();
      const key = `silence:${randomUUID()}`;
      const t = now();
      const id = await store.jobs.schedule({ key, kind: 'silence.end', docId: doc, payload: { v: 1 }, runAt: t - 10 });
      const [claimed] = (await store.jobs.claimDue('node-a', 100, 60_000)).filter((j) => j.key === key);
      expect(claimed?.id).toBe(id);
      // The chair extends the silence while node A is about to end it.
      expect(
        await store.jobs.schedule({ key, kind: 'silence.end', docId: doc, payload: { v: 2 }, runAt: t + 5_000 }),
      ).toBe(id);
      expect(await store.jobs.complete(claimed as ClaimedJob)).toBe(false);
      expect(await store.jobs.pending(doc)).toMatchObject([{ id, key, payload: { v: 2 }, runAt: t + 5_000 }]);
      expect((await store.jobs.claimDue('node-a', 100, 60_000)).some((j) => j.key === key)).toBe(false);
      later(5_001);
      const [due] = (await store.jobs.claimDue('node-b', 100, 60_000)).filter((j) => j.key === key);
      expect(await store.jobs.complete(due as ClaimedJob)).toBe(true);
      expect(await store.jobs.pending(doc)).toEqual([]);
      // Scheduling the key again opens it again, still one job.
      expect(await store.jobs.schedule({ key, kind: 'silence.end', docId: doc, payload: { v: 3 }, runAt: t })).toBe(id);
      expect((await store.jobs.pending(doc)).map((j) => j.payload)).toEqual([{ v: 3 }]);
      expect(await store.jobs.cancel(id)).toBe(true);
    });
  });

  describe('accounts, credentials, memberships', () => {
    it('issues, checks, expires and revokes credentials', async () => {
      const alice = await store.users.create('Alice', 'Brazil');
      expect(await store.users.isEmpty()).toBe(false);
      expect(await store.users.get(alice.userId)).toEqual(alice);
      expect(await store.users.language(alice.userId)).toBeNull();
      expect(await store.users.setLanguage(alice.userId, 'fr')).toBe(true);
      expect(await store.users.language(alice.userId)).toBe('fr');
      expect(await store.users.setLanguage('nobody', 'fr')).toBe(false);

      const session = await store.credentials.issue(alice.userId, 'session');
      const checked = await store.credentials.check(session);
      expect(checked).toMatchObject({ principal: alice, kind: 'session' });
      expect(await store.credentials.valid(checked?.credentialId ?? '')).toBe(true);
      expect(await store.credentials.check(session, ['api_token'])).toBeNull();
      expect(await store.credentials.check('a guess')).toBeNull();
      expect(await store.credentials.expired('a guess')).toBe(false);

      const token = await store.credentials.issue(alice.userId, 'api_token', undefined, 'export script');
      const tokens = await store.credentials.apiTokens(alice.userId);
      expect(tokens.map((t) => t.label)).toEqual(['export script']);
      expect(await store.credentials.revokeApiToken('someone else', tokens[0]?.id ?? '')).toBe(false);
      expect(await store.credentials.revokeApiToken(alice.userId, tokens[0]?.id ?? '')).toBe(true);
      expect(await store.credentials.check(token)).toBeNull();

      // Fifteen days later the session has expired; it is known as expired, not as a guess.
      later(15 * 24 * 3600 * 1000);
      expect(await store.credentials.check(session)).toBeNull();
      expect(await store.credentials.expired(session)).toBe(true);
      expect(await store.credentials.valid(checked?.credentialId ?? '')).toBe(false);
      expect(await store.credentials.revoke(session)).toBe(checked?.credentialId);
      expect(await store.credentials.revoke(session)).toBeNull();
    });

    it('redeems a sign-in link once under concurrent redemptions', async () => {
      const bob = await store.users.create('Bob', 'Kenya');
      const link = await store.credentials.issue(bob.userId, 'signin_link');
      const redeemed = await Promise.all(
        Array.from({ length: 6 }, () => store.credentials.consume(link, ['signin_link'])),
      );
      expect(redeemed.filter((r) => r !== null)).toHaveLength(1);
      expect(await store.credentials.check(link, ['signin_link'])).toBeNull();
      await store.credentials.issue(bob.userId, 'signin_link');
      expect(await store.credentials.revokeAll(bob.userId, 'signin_link')).toBe(1);
    });

    it('grants roles with delegations and lists documents per person', async () => {
      const doc = await newDoc();
      const chair = await store.users.create('Chair', 'Norway');
      const member = await store.users.create('Member', 'norway');
      const observer = await store.users.create('Observer', 'Observer NGO');
      await store.memberships.setRole(doc, chair.userId, 'chair');
      await store.memberships.setRole(doc, member.userId, 'member');
      await store.memberships.setRole(doc, observer.userId, 'observer');
      const members = await store.memberships.members(doc);
      expect(members.map((m) => [m.name, m.role, m.delegation?.name])).toEqual([
        ['Chair', 'chair', 'Norway'],
        ['Member', 'member', 'Norway'],
        ['Observer', 'observer', 'Observer NGO'],
      ]);
      expect((await store.delegations.ofMember(doc, observer.userId))?.kind).toBe('observer');
      await expect(store.delegations.create(doc, 'NORWAY', 'XYZ', 'member_state')).rejects.toThrow(/name or code/);
      const eu = await store.delegations.create(doc, 'European Union', 'eu', 'organisation');
      expect(eu.code).toBe('EU');
      await store.memberships.setRole(doc, member.userId, 'chair', eu.id);
      expect(await store.memberships.roleOn(doc, member)).toBe('chair');
      expect((await store.delegations.ofMember(doc, member.userId))?.code).toBe('EU');
      expect(await store.memberships.remove(doc, member.userId)).toBe(true);
      expect(await store.memberships.roleOn(doc, member)).toBeNull();
      expect((await store.documents.listFor(chair)).map((d) => [d.id, d.role])).toEqual([[doc, 'chair']]);
      const admin = { ...chair, isAdmin: true };
      expect(await store.memberships.roleOn(doc, admin)).toBe('chair');
      expect(await store.memberships.roleOn('no such doc', admin)).toBeNull();
      expect((await store.documents.listFor(admin)).some((d) => d.id === doc)).toBe(true);
    });

    it('lets exactly one of several concurrent acceptances use an invite', async () => {
      const doc = await newDoc();
      const secret = await store.invites.create(doc, 'member', 'chair', 3_600_000);
      expect(await store.invites.offer(secret)).toMatchObject({ docId: doc, role: 'member', title: 'Draft' });
      // Each acceptance is the whole step: a new person, the invite consumed, the role, a session.
      const accept = (n: number) =>
        store
          .transaction(async (tx) => {
            const person = await tx.users.create(`Invitee ${n}`, 'Chile');
            const offer = await tx.invites.consume(secret, person.userId);
            if (!offer) throw new Error('invite already used');
            await tx.memberships.setRole(offer.docId, person.userId, offer.role, offer.delegationId);
            return { person, session: await tx.credentials.issue(person.userId, 'session') };
          })
          .catch((err: unknown) => {
            if (err instanceof Error && err.message === 'invite already used') return null;
            throw err;
          });
      const results = await Promise.all(Array.from({ length: 6 }, (_, n) => accept(n)));
      const accepted = results.filter((r) => r !== null);
      expect(accepted).toHaveLength(1);
      expect((await store.memberships.members(doc)).map((m) => m.userId)).toEqual([accepted[0]?.person.userId]);
      // The losers' people were rolled back with their transactions.
      const lost = results.flatMap((r, n) => (r === null ? [n] : []));
      expect(lost).toHaveLength(5);
      expect(await store.invites.offer(secret)).toBeNull();
      expect(await store.invites.consume(secret, 'someone')).toBeNull();
      const expiring = await store.invites.create(doc, 'observer', 'chair', 1_000);
      later(1_001);
      expect(await store.invites.offer(expiring)).toBeNull();
    });
  });

  describe('revisions and the audit log', () => {
    it('numbers concurrent issues consecutively and never changes an issued revision', async () => {
      const doc = await newDoc();
      const issued = await Promise.all(
        Array.from({ length: 5 }, (_, n) => store.revisions.issue(doc, 'chair', `note ${n}`, bytes(n, n))),
      );
      expect(issued.map((r) => r.number).sort()).toEqual([0, 1, 2, 3, 4]);
      const listed = await store.revisions.list(doc);
      expect(listed.map((r) => r.label)).toEqual(['Zero draft', 'Rev.1', 'Rev.2', 'Rev.3', 'Rev.4']);
      const rev1 = await store.revisions.get(doc, 1);
      const issuedRev1 = issued.find((r) => r.number === 1);
      expect(rev1?.info).toEqual(issuedRev1);
      const n = Number(issuedRev1?.note.split(' ')[1]);
      expect(rev1?.state).toEqual(bytes(n, n));
      await expect(opened.raw('UPDATE revisions SET note = ? WHERE doc_id = ?', ['rewritten', doc])).rejects.toThrow(
        /immutable/,
      );
      expect((await store.revisions.get(doc, 1))?.info.note).toBe(issuedRev1?.note);
      expect(await store.revisions.get(doc, 9)).toBeNull();
    });

    it('keeps each chain in order and intact under concurrent writers', async () => {
      const doc = randomUUID();
      const writes = Array.from({ length: 24 }, (_, n) =>
        store.audit.append(n % 3 === 0 ? null : doc, { actor: `u${n}`, action: 'test.entry', detail: { n } }),
      );
      const entries = await Promise.all(writes);
      const ofDoc = await store.audit.list(doc);
      expect(ofDoc.map((e) => e.seq)).toEqual(Array.from({ length: 16 }, (_, k) => k + 1));
      for (let k = 1; k < ofDoc.length; k++) expect(ofDoc[k]?.prevHash).toBe(ofDoc[k - 1]?.hash);
      expect(ofDoc).toEqual(entries.filter((e) => e.docId === doc).sort((a, b) => a.seq - b.seq));
      expect(await store.audit.verify(doc)).toMatchObject({ intact: true, checked: 16 });
      expect((await store.audit.verify(null)).intact).toBe(true);
      expect((await store.audit.list(doc, 5, 10)).map((e) => e.seq)).toEqual([11, 12, 13, 14, 15]);
      await expect(opened.raw('UPDATE audit_entries SET actor = ? WHERE chain = ?', ['forger', doc])).rejects.toThrow(
        /append-only/,
      );
      await expect(opened.raw('DELETE FROM audit_entries WHERE chain = ?', [doc])).rejects.toThrow(/append-only/);
    });
  });

  describe('comments', () => {
    const comment = (doc: string, over: Partial<Comment> = {}): Comment => {
      const id = over.id ?? randomUUID();
      return {
        id,
        docId: doc,
        threadId: id,
        paragraphId: 'p1',
        anchor: { from: { type: null, tname: null, item: { client: 1, clock: 2 }, assoc: 0 }, to: { assoc: -1 } },
        quote: 'should',
        visibility: 'group',
        delegation: 'BRA',
        author: { id: 'u-bra', name: 'Ana', affiliation: 'Brazil', delegation: 'BRA' },
        type: 'general',
        text: 'A comment',
        createdAt: now(),
        editedAt: null,
        resolved: null,
        became: null,
        rev: 1,
        ...over,
      };
    };

    it("serves each reader the group's comments and their own delegation's, nothing else", async () => {
      const doc = await newDoc();
      const group = comment(doc, { text: 'group' });
      const bra = comment(doc, { visibility: 'delegation', text: 'Brazil only' });
      const ken = comment(doc, {
        visibility: 'delegation',
        delegation: 'KEN',
        author: { id: 'u-ken', name: 'Kofi', affiliation: 'Kenya', delegation: 'KEN' },
        text: 'Kenya only',
      });
      for (const c of [group, bra, ken]) await store.comments.insert(c);
      const texts = async (d: string | null) => (await store.comments.visible(doc, d)).map((c) => c.text).sort();
      expect(await texts('BRA')).toEqual(['Brazil only', 'group']);
      expect(await texts('KEN')).toEqual(['Kenya only', 'group']);
      expect(await texts('NOR')).toEqual(['group']);
      expect(await texts(null)).toEqual(['group']);
      expect(await store.comments.get(doc, bra.id)).toEqual(bra);
      expect(await store.comments.get(randomUUID(), bra.id)).toBeNull();
      // The database itself refuses a delegation comment without a delegation.
      await expect(
        opened.raw(
          `INSERT INTO comments (id, doc_id, thread_id, paragraph_id, quote, visibility, delegation, author_id,
             author_name, author_affiliation, type, text, created_at) VALUES (?, ?, ?, 'p', '', 'delegation', NULL,
             'u', 'n', 'a', 'general', 't', 1)`,
          ['x1', doc, 'x1'],
        ),
      ).rejects.toThrow();
    });

    it('updates with a new rev, deletes, and lets exactly one of concurrent resolutions of a thread win', async () => {
      const doc = await newDoc();
      const root = comment(doc);
      await store.comments.insert(root);
      const reply = comment(doc, {
        threadId: root.id,
        anchor: null,
        quote: '',
        text: 'reply',
        createdAt: root.createdAt + 1,
      });
      await store.comments.insert(reply);
      const edited = await store.comments.update(doc, reply.id, { text: 'edited', editedAt: 5 });
      expect(edited).toMatchObject({ text: 'edited', editedAt: 5, rev: 2 });
      expect(await store.comments.update(doc, randomUUID(), { text: 'x' })).toBeNull();
      const by = { id: 'u-chair', name: 'Chair', affiliation: '' };
      // Eight resolvers at once, each reading the thread under its lock: one resolves, the others see it resolved.
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, (_, n) =>
          store.transaction(async (tx) => {
            const thread = await tx.comments.lockThread(doc, root.id);
            expect(thread.map((c) => c.id)).toEqual([root.id, reply.id]);
            if (thread[0]?.resolved) return 'already';
            await tx.comments.update(doc, root.id, { resolved: { by: { ...by, id: `u${n}` }, at: n } });
            return 'resolved';
          }),
        ),
      );
      expect(outcomes.filter((o) => o === 'resolved')).toHaveLength(1);
      const resolved = await store.comments.get(doc, root.id);
      expect(resolved?.rev).toBe(2);
      expect(resolved?.resolved?.by.name).toBe('Chair');
      const reopened = await store.comments.update(doc, root.id, {
        resolved: null,
        became: { kind: 'proposal', id: 'p9' },
      });
      expect(reopened).toMatchObject({ resolved: null, became: { kind: 'proposal', id: 'p9' }, rev: 3 });
      expect(await store.comments.delete(doc, [root.id, reply.id])).toBe(2);
      expect(await store.comments.visible(doc, 'BRA')).toEqual([]);
    });
  });

  describe('group commit, audit listeners, notifications, screen links', () => {
    it('commits the parts of a group together; a failing part is rolled back alone', async () => {
      const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
      await store.log.append({ docId: b, expectedSeq: 0, updates: [bytes(1)], epoch: null });
      const part = (doc: string, expectedSeq: number) => async (tx: StoreRepos) => {
        const seq = await tx.log.append({ docId: doc, expectedSeq, updates: [bytes(7)], epoch: null });
        await tx.audit.append(doc, { actor: 'u', action: 'text.edit', detail: {} });
        return seq;
      };
      // b's room believes its log is empty: its part fails, a's and c's are stored.
      const outcomes = await store.group([part(a, 0), part(b, 0), part(c, 0)]);
      expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
      const failed = outcomes[1];
      expect(failed && !failed.ok && failed.error).toBeInstanceOf(StaleWriteError);
      expect((await store.log.load(a)).lastSeq).toBe(1);
      expect((await store.log.load(b)).updates).toEqual([bytes(1)]);
      expect(await store.audit.list(b)).toEqual([]);
      expect((await store.audit.list(c)).map((e) => e.action)).toEqual(['text.edit']);
    });

    it('runs audit listeners inside the event’s transaction: their writes commit or roll back with it', async () => {
      const docId = await newDoc();
      const user = await store.users.create('Reader', 'Delegation of Tests');
      await store.memberships.setRole(docId, user.userId, 'member');
      const failures: string[] = [];
      const committed: string[] = [];
      const second = await opened.reopen();
      second.onAudited({
        wants: (action) => action.startsWith('contract.'),
        async recorded(entry, tx, afterCommit) {
          if (entry.action === 'contract.broken') throw new Error('listener failed');
          const [id] = await tx.notifications.insert(
            [
              {
                userId: user.userId,
                docId,
                kind: 'revision_issued',
                paragraphId: null,
                paragraphNumber: null,
                label: entry.action,
                actorName: null,
              },
            ],
            entry.at,
          );
          afterCommit(() => committed.push(id ?? ''));
        },
        failed: (_err, entry) => failures.push(entry.action),
      });
      await second.audit.append(docId, { actor: null, action: 'contract.kept', detail: {} });
      await expect(
        second.transaction(async (tx) => {
          await tx.audit.append(docId, { actor: null, action: 'contract.undone', detail: {} });
          throw new Error('the event is rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await second.audit.append(docId, { actor: null, action: 'contract.broken', detail: {} });
      const page = await store.notifications.list(user.userId, 10, null);
      expect(page.items.map((n) => n.label)).toEqual(['contract.kept']);
      expect(page.unread).toBe(1);
      expect(committed).toEqual([page.items[0]?.id]);
      // The listener's failure is contained: the entry it heard of is kept, and the chain is intact.
      expect(failures).toEqual(['contract.broken']);
      expect((await store.audit.list(docId)).map((e) => e.action)).toEqual(['contract.kept', 'contract.broken']);
      expect((await store.audit.verify(docId)).intact).toBe(true);
      expect(await store.notifications.markRead(user.userId, page.items[0]?.id ?? '', now())).toBe(true);
      expect((await store.notifications.list(user.userId, 10, null)).unread).toBe(0);
      // Removed from the draft: nothing about it is listed any more.
      await store.memberships.remove(docId, user.userId);
      expect((await store.notifications.list(user.userId, 10, null)).items).toEqual([]);
    });

    it('keeps a screen link’s secret hashed, opens its own draft only, and revokes it', async () => {
      const docId = await newDoc();
      const { link, secret } = await store.screenLinks.create(docId, 'Room A', 'chair');
      expect(await store.screenLinks.check(secret)).toEqual(link);
      expect(await store.screenLinks.check(`${secret}x`)).toBeNull();
      expect(await store.screenLinks.list(docId)).toEqual([link]);
      expect(await store.screenLinks.valid(link.id)).toBe(true);
      const rows = (await opened.raw('SELECT hash FROM screen_links WHERE id = ?', [link.id])) as Array<{
        hash: string;
      }>;
      expect(rows[0]?.hash).not.toContain(secret);
      expect(await store.screenLinks.revoke(await newDoc(), link.id)).toBe(false);
      expect(await store.screenLinks.revoke(docId, link.id)).toBe(true);
      expect(await store.screenLinks.valid(link.id)).toBe(false);
      expect(await store.screenLinks.check(secret)).toBeNull();
    });
  });

  it('sees what another store over the same data committed (a restart, a second node)', async () => {
    const doc = randomUUID();
    await store.log.append({ docId: doc, expectedSeq: 0, updates: [bytes(1)], epoch: null });
    const other = await opened.reopen();
    expect((await other.log.load(doc)).updates).toEqual([bytes(1)]);
    expect(await other.log.append({ docId: doc, expectedSeq: 1, updates: [bytes(2)], epoch: null })).toBe(2);
    expect(await store.log.lastSeq(doc)).toBe(2);
  });

  describe('notification mail: confirmed addresses, delivery, what was mailed (store migration 8)', () => {
    it('confirms an address only for its own person, once, in time, while it is still the one set', async () => {
      const [ana, mallory] = [await store.users.create('Ana', 'A'), await store.users.create('Mallory', 'M')];
      await store.notifications.setEmail(ana.userId, 'ana@a.test');
      expect(await store.notifications.mailTarget(ana.userId)).toBeNull();
      await store.notifications.addVerification({
        userId: ana.userId,
        email: 'ana@a.test',
        hash: 'h-ana',
        expiresAt: now() + 60_000,
      });
      expect(await store.notifications.confirm(mallory.userId, 'h-ana')).toBeNull();
      // Concurrent redemptions by the owner: exactly one wins.
      const tries = await Promise.all([1, 2, 3].map(() => store.notifications.confirm(ana.userId, 'h-ana')));
      expect(tries.filter((t) => t === 'ana@a.test')).toHaveLength(1);
      expect(await store.notifications.mailTarget(ana.userId)).toEqual({
        email: 'ana@a.test',
        delivery: 'immediate',
        timeZone: null,
      });
      // Setting the same address keeps the confirmation; another one starts unconfirmed and voids old links.
      await store.notifications.setEmail(ana.userId, 'ana@a.test');
      expect((await store.notifications.settings(ana.userId)).verified).toBe(true);
      await store.notifications.addVerification({
        userId: ana.userId,
        email: 'ana@b.test',
        hash: 'h-old',
        expiresAt: now() + 60_000,
      });
      await store.notifications.setEmail(ana.userId, 'ana@c.test');
      expect(await store.notifications.confirm(ana.userId, 'h-old')).toBeNull();
      expect(await store.notifications.mailTarget(ana.userId)).toBeNull();
      // Expired.
      await store.notifications.addVerification({
        userId: ana.userId,
        email: 'ana@c.test',
        hash: 'h-late',
        expiresAt: now() + 1000,
      });
      expect(await store.notifications.lastVerificationAt(ana.userId)).toBeGreaterThan(0);
      later(1001);
      expect(await store.notifications.confirm(ana.userId, 'h-late')).toBeNull();
      await store.notifications.setDelivery(ana.userId, 'digest', 'Asia/Tokyo');
      expect(await store.notifications.settings(ana.userId)).toEqual({
        email: 'ana@c.test',
        verified: false,
        delivery: 'digest',
        timeZone: 'Asia/Tokyo',
      });
    });

    it('lists unread notifications not mailed yet, oldest first, on drafts the person is still on', async () => {
      const docId = await newDoc();
      const reader = await store.users.create('Reader', 'R');
      await store.memberships.setRole(docId, reader.userId, 'member');
      const draft = (label: string) => ({
        userId: reader.userId,
        docId,
        kind: 'revision_issued' as const,
        paragraphId: null,
        paragraphNumber: null,
        label,
        actorName: null,
      });
      const [first] = await store.notifications.insert([draft('one')], now());
      const [second] = await store.notifications.insert([draft('two')], now() + 1);
      const [third] = await store.notifications.insert([draft('three')], now() + 2);
      await store.notifications.markRead(reader.userId, second ?? '', now());
      expect((await store.notifications.unmailed(reader.userId, 10)).map((n) => n.label)).toEqual(['one', 'three']);
      await store.notifications.markMailed([first ?? '', third ?? ''], now());
      expect(await store.notifications.unmailed(reader.userId, 10)).toEqual([]);
      const [fourth] = await store.notifications.insert([draft('four')], now() + 3);
      expect((await store.notifications.unmailed(reader.userId, 10)).map((n) => n.id)).toEqual([fourth]);
      await store.memberships.remove(docId, reader.userId);
      expect(await store.notifications.unmailed(reader.userId, 10)).toEqual([]);
    });
  });
});
