import { Redis } from 'ioredis';
import pg from 'pg';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { AccessChanges } from '../../server/auth/accessChanges.js';
import { ControlBus, type ControlTransport } from '../../server/cluster/controlBus.js';
import type { ControlMessage } from '../../server/cluster/controlMessage.js';
import { PostgresControlTransport } from '../../server/cluster/postgresControlTransport.js';
import { RedisControlTransport } from '../../server/cluster/redisControlTransport.js';
import { relayAccessChanges } from '../../server/cluster/relayAccessChanges.js';
import { until } from '../support/silenceDraft.js';
import { TEST_DATABASE_URL } from '../support/storeAdapters.js';

/**
 * Control messages between nodes, over the real Redis and PostgreSQL of this machine: each node
 * is a ControlBus with its own connections. Redis "down" is a node whose Redis URL points at a
 * port nobody listens on (the service itself is shared with other test files).
 */
const REDIS = 'redis://127.0.0.1:6379';
const DEAD_REDIS = 'redis://127.0.0.1:1';
const PG = TEST_DATABASE_URL;
const log = pino({ level: 'silent' });

const buses: ControlBus[] = [];
afterEach(async () => {
  await Promise.all(buses.splice(0).map((b) => b.close()));
});

async function node(id: string, redisUrl = REDIS): Promise<{ bus: ControlBus; got: ControlMessage[] }> {
  const transports: ControlTransport[] = [new RedisControlTransport(redisUrl), new PostgresControlTransport(PG)];
  const bus = new ControlBus(id, transports, log);
  buses.push(bus);
  const got: ControlMessage[] = [];
  bus.onMessage((m) => got.push(m));
  await bus.start();
  return { bus, got };
}
const revoked = (credentialId: string): ControlMessage => ({ kind: 'credentialRevoked', credentialId });
const suffix = () => Math.random().toString(36).slice(2);

describe('control messages between nodes', () => {
  it('reach every other node once over Redis, never the sender', async () => {
    const [a, b, c] = await Promise.all([node(`a-${suffix()}`), node(`b-${suffix()}`), node(`c-${suffix()}`)]);
    expect(await a.bus.publish(revoked('cred-1'))).toBe('redis');
    await until(async () => b.got.length === 1 && c.got.length === 1, 'delivery to b and c');
    // Time for a duplicate or an echo to show up, if there were one.
    await new Promise((r) => setTimeout(r, 300));
    expect(b.got).toEqual([revoked('cred-1')]);
    expect(c.got).toEqual([revoked('cred-1')]);
    expect(a.got).toEqual([]);
  });

  it('go through PostgreSQL LISTEN/NOTIFY when the sender cannot reach Redis', async () => {
    const a = await node(`a-${suffix()}`, DEAD_REDIS);
    const b = await node(`b-${suffix()}`);
    expect(await a.bus.publish(revoked('cred-2'))).toBe('postgres');
    await until(async () => b.got.length === 1, 'delivery over PostgreSQL');
    expect(b.got).toEqual([revoked('cred-2')]);
  });

  it('drop whatever else arrives on the channels: malformed, unknown, oversized, forged kinds', async () => {
    const b = await node(`b-${suffix()}`);
    const raw = new Redis(REDIS);
    const client = new pg.Client({ connectionString: PG });
    await client.connect();
    try {
      const hostile = [
        'not json',
        '{}',
        JSON.stringify({ id: 'x', from: 'evil', message: { kind: 'dropDatabase' } }),
        JSON.stringify({
          id: 'y',
          from: 'evil',
          message: { kind: 'membershipChanged', docId: 'd', userId: 'u', role: 'admin', delegationId: null },
        }),
        JSON.stringify({ id: 'z', from: 'evil', message: revoked('x'.repeat(9000)) }),
        JSON.stringify([1, 2, 3]),
      ];
      for (const h of hostile) {
        await raw.publish('accord:control', h);
        await client.query('SELECT pg_notify($1, $2)', ['accord_control', h.slice(0, 7999)]);
      }
      // A well-formed message after them still arrives: the bus survived.
      await raw.publish('accord:control', JSON.stringify({ id: suffix(), from: 'other', message: revoked('ok') }));
      await until(async () => b.got.length > 0, 'the valid message');
      await new Promise((r) => setTimeout(r, 200));
      expect(b.got).toEqual([revoked('ok')]);
    } finally {
      raw.disconnect();
      await client.end();
    }
  });

  it('relay access changes: a sign-out on one node closes sockets on the others, with no echo loop', async () => {
    const [a, b] = await Promise.all([node(`a-${suffix()}`), node(`b-${suffix()}`)]);
    const accessA = new AccessChanges();
    const accessB = new AccessChanges();
    relayAccessChanges(accessA, a.bus);
    relayAccessChanges(accessB, b.bus);
    const seenA: string[] = [];
    const seenB: string[] = [];
    const record = (into: string[]) => ({
      credentialRevoked: (id: string) => into.push(`revoked ${id}`),
      membershipChanged: (doc: string, user: string, role: string | null) => into.push(`${doc}/${user} ${role}`),
    });
    accessA.listen(record(seenA));
    accessB.listen(record(seenB));

    accessA.credentialRevoked('session-9');
    accessB.membershipChanged('doc-1', 'user-2', null, null);
    await until(async () => seenA.length === 2 && seenB.length === 2, 'both announcements on both nodes');
    await new Promise((r) => setTimeout(r, 400));
    // Each node saw each announcement exactly once: its own locally, the other's over the bus.
    expect(seenA.sort()).toEqual(['doc-1/user-2 null', 'revoked session-9']);
    expect(seenB.sort()).toEqual(['doc-1/user-2 null', 'revoked session-9']);
  });
});
