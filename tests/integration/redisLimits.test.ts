import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { httpBudgets, Limits, RateLimited } from '../../server/auth/limits.js';

/**
 * Rate limits shared by the nodes of a cluster through Redis (rate-limiter-flexible's Redis
 * store), and what happens when a node cannot reach Redis: it counts on its own.
 */
const config = { MAX_FAILED_AUTH_PER_IP: 5, FAILED_AUTH_WINDOW_SECONDS: 60, MAX_UPGRADES_PER_USER: 30 };
const clients: Redis[] = [];
const redis = (url = 'redis://127.0.0.1:6379') => {
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  client.on('error', () => undefined);
  clients.push(client);
  return client;
};
afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
});
const connected = (client: Redis) =>
  new Promise<void>((resolve) => (client.status === 'ready' ? resolve() : client.once('ready', () => resolve())));
const person = () => `user-${Math.random().toString(36).slice(2)}`;

async function spendUntilRefused(spend: () => Promise<void>, max: number): Promise<number> {
  for (let i = 0; i < max; i++) {
    try {
      await spend();
    } catch (err) {
      if (err instanceof RateLimited) return i;
      throw err;
    }
  }
  return max;
}

describe('rate limits across nodes', () => {
  it('count one budget for a person whichever node they reach (tokens: 20 an hour)', async () => {
    const [ra, rb] = [redis(), redis()];
    await Promise.all([connected(ra), connected(rb)]);
    const a = new Limits(config, ra);
    const b = new Limits(config, rb);
    const who = person();
    // Alternate nodes, as a round-robin balancer would.
    let accepted = 0;
    for (let i = 0; i < 30; i++) {
      try {
        await (i % 2 === 0 ? a : b).spend('tokens', who);
        accepted++;
      } catch (err) {
        expect(err).toBeInstanceOf(RateLimited);
      }
    }
    expect(accepted).toBe(httpBudgets.tokens.points);
  });

  it('lock out an address after its failed credentials on any node', async () => {
    const [ra, rb, rc] = [redis(), redis(), redis()];
    await Promise.all([connected(ra), connected(rb), connected(rc)]);
    const nodes = [new Limits(config, ra), new Limits(config, rb), new Limits(config, rc)];
    const address = `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < config.MAX_FAILED_AUTH_PER_IP; i++) await nodes[i % 3]?.recordFailure(address);
    for (const n of nodes) await expect(n.checkAddress(address)).rejects.toBeInstanceOf(RateLimited);
  });

  it('keep limiting on each node alone while Redis is unreachable', async () => {
    const dead = redis('redis://127.0.0.1:1');
    const limits = new Limits(config, dead);
    const who = person();
    expect(await spendUntilRefused(() => limits.spend('tokens', who), 40)).toBe(httpBudgets.tokens.points);
    const address = '192.0.2.7';
    for (let i = 0; i < config.MAX_FAILED_AUTH_PER_IP; i++) await limits.recordFailure(address);
    await expect(limits.checkAddress(address)).rejects.toBeInstanceOf(RateLimited);
  });
});
