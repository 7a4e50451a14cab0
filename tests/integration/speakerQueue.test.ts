import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Role } from '../../shared/governance/roles.js';
import { type MeetingRoom, readMeetingRoom } from '../../shared/model/meetingRoom.js';
import { readDraft } from '../../shared/model/readDraft.js';
import { EDITOR_ROOT, GOVERNANCE_ROOT } from '../../shared/model/schemaNames.js';
import { encodeSyncUpdate } from '../../shared/protocol/frames.js';
import { captureUpdate } from '../support/editing.js';
import { propertyRuns } from '../support/propertyRuns.js';
import { RawClient } from '../support/rawClient.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/**
 * The speaker queue under a room's worth of concurrent requests: real server, real SQLite,
 * real sockets. The audit log is the server's serial order; replayed through a model of the
 * queue, it must give exactly what the server and every client hold.
 */
interface Person {
  userId: string;
  token: string;
  delegation: string;
}

/** What the audit says happened to the queue, replayed: one flag per delegation, order of arrival. */
function replay(entries: Array<{ action: string; detail: Record<string, unknown> }>) {
  let queue: Array<{ flagId: string; seq: number; delegation: string }> = [];
  let floor: string | null = null;
  let lastSeq = 0;
  const flagged = (id: unknown) => {
    const f = queue.find((q) => q.flagId === id);
    if (!f) throw new Error(`audit names flag ${String(id)}, not in the queue`);
    return f;
  };
  for (const { action, detail } of entries) {
    if (action === 'floor.raise') {
      const delegation = detail.delegation as string;
      if (queue.some((q) => q.delegation === delegation)) throw new Error(`second flag for ${delegation}`);
      const seq = detail.seq as number;
      if (seq <= lastSeq) throw new Error(`seq ${seq} after ${lastSeq}: not in order of arrival`);
      lastSeq = seq;
      queue.push({ flagId: detail.flagId as string, seq, delegation });
    } else if (action === 'floor.lower' || action === 'floor.remove') {
      const f = flagged(detail.flagId);
      queue = queue.filter((q) => q !== f);
    } else if (action === 'floor.give') {
      const f = flagged(detail.flagId);
      if (!detail.chosen && queue[0] !== f) throw new Error('"next" did not call the earliest flag');
      queue = queue.filter((q) => q !== f);
      floor = f.flagId;
    } else if (action === 'floor.clear') {
      queue = [];
      floor = null;
    }
  }
  return { queue: queue.map((q) => q.flagId), floor };
}

const shape = (room: MeetingRoom) => ({ queue: room.queue.map((f) => f.id), floor: room.floor?.flag.id ?? null });

describe('the speaker queue', () => {
  let server: TestServer;
  const clients: RawClient[] = [];

  beforeAll(async () => {
    server = await startTestServer({ env: { MAX_CONNECTIONS_PER_USER: 50 } });
  });
  afterAll(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.stop();
    removeDir(server.dataDir);
  });

  const url = (docId: string, token: string) => `${server.wsUrl}/${docId}?token=${token}`;
  /** A person in a role; with `sameAs`, in that person's delegation. */
  const person = async (docId: string, role: Role, sameAs?: Person): Promise<Person> => {
    const p = await server.addPerson(docId, role);
    if (sameAs) {
      const d = await server.accord.store.delegations.ofMember(docId, sameAs.userId);
      await server.accord.store.memberships.setRole(docId, p.userId, role, d?.id ?? null);
    }
    return { ...p, delegation: (await server.accord.store.delegations.ofMember(docId, p.userId))?.code ?? '' };
  };
  const serverRoom = async (docId: string) =>
    readMeetingRoom((await server.accord.services.rooms.get(docId)).doc.getMap(GOVERNANCE_ROOT));
  const clientRoom = (c: RawClient) => readMeetingRoom(c.doc.getMap(GOVERNANCE_ROOT));
  const floorAudit = async (docId: string) =>
    (await server.accord.store.audit.list(docId)).filter((e) => e.action.startsWith('floor.'));
  const firstParagraph = async (docId: string) => {
    const doc = (await server.accord.services.rooms.get(docId)).doc;
    const id = readDraft(doc.getXmlFragment(EDITOR_ROOT)).sections[0]?.paragraphs[0]?.id;
    if (!id) throw new Error('the new draft has no paragraph');
    return id;
  };
  const raise = (docId: string, p: Person, paragraphId: string | null = null) =>
    server.api<{ id: string; seq: number; delegation: string }>(
      'POST',
      `/api/documents/${docId}/floor/flags`,
      { paragraphId },
      p.token,
    );

  it('keeps one flag per delegation, in order of arrival, under concurrent requests of many members', async () => {
    type Act =
      | { kind: 'raise'; who: number; onParagraph: boolean }
      | { kind: 'lower'; who: number }
      | { kind: 'next' }
      | { kind: 'choose'; pick: number }
      | { kind: 'remove'; pick: number }
      | { kind: 'clear' };
    const act: fc.Arbitrary<Act> = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.record({ kind: fc.constant('raise' as const), who: fc.nat(), onParagraph: fc.boolean() }),
      },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('lower' as const), who: fc.nat() }) },
      { weight: 2, arbitrary: fc.constant({ kind: 'next' as const }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('choose' as const), pick: fc.nat() }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
    );
    const scenario = fc.array(fc.array(act, { minLength: 1, maxLength: 14 }), { minLength: 1, maxLength: 4 });

    await fc.assert(
      fc.asyncProperty(scenario, async (batches) => {
        const docId = await server.createDoc('Queue');
        const pid = await firstParagraph(docId);
        // Ten members in six delegations: four delegations of one, two of three.
        const members: Person[] = [];
        for (let i = 0; i < 6; i++) members.push(await person(docId, 'member'));
        for (const lead of [members[0], members[1]] as Person[]) {
          members.push(await person(docId, 'member', lead), await person(docId, 'member', lead));
        }
        const witnesses = [
          await RawClient.synced(url(docId, (await person(docId, 'observer')).token)),
          await RawClient.synced(url(docId, members[2]?.token ?? '')),
        ];
        clients.push(...witnesses);
        const chairView = witnesses[0] as RawClient;

        for (const batch of batches) {
          const launched = batch.map(async (a) => {
            const queue = clientRoom(chairView).queue;
            const picked = (n: number) => queue[n % Math.max(1, queue.length)]?.id ?? 'no-such-flag';
            switch (a.kind) {
              case 'raise': {
                const who = members[a.who % members.length] as Person;
                const res = await raise(docId, who, a.onParagraph ? pid : null);
                expect([201, 409]).toContain(res.status);
                if (res.status === 201) expect(res.body.delegation).toBe(who.delegation);
                return;
              }
              case 'lower': {
                const who = members[a.who % members.length] as Person;
                const res = await server.api('POST', `/api/documents/${docId}/floor/lower`, undefined, who.token);
                expect(res.status).toBe(200);
                return;
              }
              case 'next':
                expect([200, 409]).toContain((await server.api('POST', `/api/documents/${docId}/floor/give`)).status);
                return;
              case 'choose': {
                const res = await server.api('POST', `/api/documents/${docId}/floor/give`, { flagId: picked(a.pick) });
                expect([200, 404]).toContain(res.status);
                return;
              }
              case 'remove': {
                const res = await server.api('DELETE', `/api/documents/${docId}/floor/flags/${picked(a.pick)}`);
                expect([200, 404]).toContain(res.status);
                return;
              }
              case 'clear':
                expect((await server.api('POST', `/api/documents/${docId}/floor/clear`)).status).toBe(200);
                return;
            }
          });
          await Promise.all(launched);
        }

        const room = await serverRoom(docId);
        // The server's serial order, as recorded, replayed through the model: the same queue.
        expect(shape(room)).toEqual(replay(await floorAudit(docId)));
        // One flag per delegation, in order of arrival.
        const delegations = room.queue.map((f) => f.delegation);
        expect(new Set(delegations).size).toBe(delegations.length);
        expect(room.queue.map((f) => f.seq)).toEqual([...room.queue.map((f) => f.seq)].sort((a, b) => a - b));
        // Every client sees it live: the same queue, in the same order, and who has the floor.
        for (const w of witnesses) {
          await w.until(() => JSON.stringify(shape(clientRoom(w))) === JSON.stringify(shape(room)), 'the queue');
        }
        for (const w of witnesses.splice(0)) w.close();
      }),
      propertyRuns('speaker queue under concurrent requests', 8),
    );
  });

  it('gives exactly one flag to a delegation whose members all raise it at once', async () => {
    const docId = await server.createDoc('One flag');
    const lead = await person(docId, 'member');
    const same = [lead];
    for (let i = 0; i < 7; i++) same.push(await person(docId, 'member', lead));
    const others = [await person(docId, 'member'), await person(docId, 'member')];
    const all = [...same, ...others, ...same];
    const results = await Promise.all(all.map((p) => raise(docId, p)));
    const won = results.filter((r) => r.status === 201);
    expect(won.map((r) => r.body.delegation).sort()).toEqual(
      [lead.delegation, ...others.map((o) => o.delegation)].sort(),
    );
    for (const r of results.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect((r.body as unknown as { error: { details: { rule: string } } }).error.details.rule).toBe('already_raised');
    }
    const room = await serverRoom(docId);
    expect(room.queue.filter((f) => f.delegation === lead.delegation)).toHaveLength(1);
    expect(room.queue).toHaveLength(3);
    // After the floor, the delegation may ask again, and goes to the end.
    const first = room.queue[0];
    expect((await server.api('POST', `/api/documents/${docId}/floor/give`)).status).toBe(200);
    const again = await raise(docId, all.find((p) => p.delegation === first?.delegation) as Person);
    expect(again.status).toBe(201);
    expect((await serverRoom(docId)).queue.at(-1)?.id).toBe(again.body.id);
  });

  it('takes the flag of a member removed, made observer or moved to another delegation off the queue, live', async () => {
    const docId = await server.createDoc('Leaving members');
    const [removed, observer, moved, stays, colleague] = [
      await person(docId, 'member'),
      await person(docId, 'member'),
      await person(docId, 'member'),
      await person(docId, 'member'),
      await person(docId, 'member'),
    ] as [Person, Person, Person, Person, Person];
    const witness = await RawClient.synced(url(docId, ADMIN_TOKEN));
    clients.push(witness);
    for (const p of [removed, observer, moved, stays]) expect((await raise(docId, p)).status).toBe(201);
    const newHome = (await server.accord.store.delegations.ofMember(docId, colleague.userId))?.id;
    const base = `/api/documents/${docId}/members`;
    // The chair's three changes and a fourth member's raise, all at once.
    const results = await Promise.all([
      server.api('DELETE', `${base}/${removed.userId}`),
      server.api('PATCH', `${base}/${observer.userId}`, { role: 'observer' }),
      server.api('PATCH', `${base}/${moved.userId}`, { role: 'member', delegationId: newHome }),
      raise(docId, colleague),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 201]);
    const room = await serverRoom(docId);
    expect(room.queue.map((f) => f.delegation).sort()).toEqual([stays.delegation, colleague.delegation].sort());
    // Recorded as removals by the chair, with the reason, and the log still replays to the queue.
    const removals = (await floorAudit(docId)).filter((e) => e.action === 'floor.remove');
    expect(removals.map((e) => e.detail.reason).sort()).toEqual(
      ['became_observer', 'delegation_changed', 'member_removed'].sort(),
    );
    expect(shape(room)).toEqual(replay(await floorAudit(docId)));
    await witness.until(() => JSON.stringify(shape(clientRoom(witness))) === JSON.stringify(shape(room)), 'the queue');
    // A role change that keeps the delegation (member → chair) leaves the flag up.
    expect((await server.api('PATCH', `${base}/${stays.userId}`, { role: 'chair' })).status).toBe(200);
    expect((await serverRoom(docId)).queue.some((f) => f.raisedBy.id === stays.userId)).toBe(true);
  });

  it('refuses members who give the floor and observers who raise a flag, whatever they send', async () => {
    const docId = await server.createDoc('Roles');
    const member = await person(docId, 'member');
    const observer = await person(docId, 'observer');
    const flag = await raise(docId, member);
    expect(flag.status).toBe(201);
    const before = JSON.stringify(await serverRoom(docId));
    const base = `/api/documents/${docId}`;
    const attempts: Array<[string, string, unknown, Person]> = [
      ['POST', `${base}/floor/give`, undefined, member],
      ['POST', `${base}/floor/give`, { flagId: flag.body.id }, member],
      ['DELETE', `${base}/floor/flags/${flag.body.id}`, undefined, member],
      ['POST', `${base}/floor/clear`, undefined, member],
      ['PUT', `${base}/screen/driver`, { userId: member.userId }, member],
      ['POST', `${base}/screen-links`, { label: 'mine' }, member],
      ['POST', `${base}/floor/flags`, {}, observer],
      ['POST', `${base}/floor/flags`, { paragraphId: null, delegation: member.delegation }, observer],
      ['POST', `${base}/floor/lower`, undefined, observer],
      ['POST', `${base}/floor/give`, undefined, observer],
      ['POST', `${base}/screen/paragraph`, { paragraphId: await firstParagraph(docId) }, observer],
      ['POST', `${base}/screen/paragraph`, { paragraphId: await firstParagraph(docId) }, member],
    ];
    for (const [method, path, body, who] of attempts) {
      const res = await server.api(method, path, body, who.token);
      expect(res.status, `${method} ${path} as ${who === member ? 'member' : 'observer'}`).toBe(403);
    }
    // A member cannot raise another delegation's flag: the delegation is always the caller's.
    const other = await person(docId, 'member');
    const res = await raise(docId, other);
    expect(res.body.delegation).toBe(other.delegation);
    expect(JSON.stringify((await serverRoom(docId)).queue.slice(0, 1))).toBe(JSON.stringify(JSON.parse(before).queue));
    expect((await floorAudit(docId)).map((e) => e.action)).toEqual(['floor.raise', 'floor.raise']);
  });

  it('refuses a client that writes the queue itself over the raw wire', async () => {
    const docId = await server.createDoc('Wire');
    const member = await person(docId, 'member');
    const c = await RawClient.synced(url(docId, member.token));
    clients.push(c);
    const update = captureUpdate(c.doc, () => {
      const flags = new Y.Map<unknown>();
      c.doc.getMap(GOVERNANCE_ROOT).set('flags', flags);
      flags.set('forged', { id: 'forged', delegation: member.delegation, seq: 0 });
    });
    c.send(encodeSyncUpdate(update));
    await c.until(() => c.notices.length > 0, 'a refusal');
    expect((await serverRoom(docId)).queue).toEqual([]);
    expect(await floorAudit(docId)).toEqual([]);
    // The admin token here is the chair's: the chair cannot forge a queue over the wire either.
    const chair = await RawClient.synced(url(docId, ADMIN_TOKEN));
    clients.push(chair);
    chair.send(
      encodeSyncUpdate(
        captureUpdate(chair.doc, () => chair.doc.getMap(GOVERNANCE_ROOT).set('room', new Y.Map<unknown>())),
      ),
    );
    await chair.until(() => chair.notices.length > 0, 'a refusal');
    expect((await serverRoom(docId)).floor).toBeNull();
  });
});
