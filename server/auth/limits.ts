import type { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config.js';

/** What an HTTP rate limit is counted per, and how much it allows. */
interface Budget {
  points: number;
  seconds: number;
}

/**
 * Rate limits on the HTTP API, per person: issuing credentials, inviting, importing,
 * exporting are rare for a human and expensive or sensitive when scripted.
 */
export const httpBudgets = {
  /** POST /api/tokens */
  tokens: { points: 20, seconds: 3600 },
  /** POST /api/documents/:id/invites and new sign-in links for members */
  invites: { points: 200, seconds: 3600 },
  /** POST /api/documents/import and …/resolution-table/import: files parsed on the worker pool */
  imports: { points: 20, seconds: 600 },
  /** GET …/export and …/compare */
  exports: { points: 120, seconds: 60 },
} as const satisfies Record<string, Budget>;

export type HttpBudget = keyof typeof httpBudgets;

/** Refused by a limit: retry after this many milliseconds. */
export class RateLimited extends Error {
  constructor(readonly retryAfterMs: number) {
    super('rate limited');
  }
}

/**
 * Every counting limit of the server, on rate-limiter-flexible (its Redis store takes
 * the place of the memory one when several nodes must share the counts).
 *
 * - Failed credential checks per client address: wrong bearer tokens or cookies, sign-in
 *   links, invite tokens, refused upgrades. Successful ones never count, so a meeting room
 *   behind one address is not locked out by its own members. While an address is over its
 *   budget no credential from it is checked at all (a check would be an oracle).
 * - Successful WebSocket upgrades per person (a client stuck in a reconnect loop).
 * - The HTTP budgets above, per person.
 *
 * Per-message budgets on open sockets are not here: they are decided synchronously on
 * every frame (see UserBudgets), which a promise-based limiter cannot do in order.
 */
export class Limits {
  private readonly failures: RateLimiterAbstract;
  private readonly failurePoints: number;
  private readonly upgrades: RateLimiterAbstract;
  private readonly http: Record<HttpBudget, RateLimiterAbstract>;

  /**
   * `redis` (the cluster's REDIS_URL): the counts are shared by every node, through the same
   * library's Redis store; while Redis is unreachable each node counts on its own (the memory
   * limiter is the insurance), so limits loosen to N × the budget but never stop the service.
   */
  constructor(
    config: Pick<Config, 'MAX_FAILED_AUTH_PER_IP' | 'FAILED_AUTH_WINDOW_SECONDS' | 'MAX_UPGRADES_PER_USER'>,
    redis?: Redis,
    namespace = '',
  ) {
    const limiter = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract => {
      const memory = new RateLimiterMemory({ keyPrefix, points, duration });
      if (!redis) return memory;
      return new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: namespace ? `accord:${namespace}:${keyPrefix}` : `accord:${keyPrefix}`,
        points,
        duration,
        insuranceLimiter: memory,
      });
    };
    this.failurePoints = config.MAX_FAILED_AUTH_PER_IP;
    this.failures = limiter('auth-fail', config.MAX_FAILED_AUTH_PER_IP, config.FAILED_AUTH_WINDOW_SECONDS);
    this.upgrades = limiter('upgrade', config.MAX_UPGRADES_PER_USER, 10);
    this.http = Object.fromEntries(
      Object.entries(httpBudgets).map(([name, b]) => [name, limiter(`http-${name}`, b.points, b.seconds)]),
    ) as Record<HttpBudget, RateLimiterAbstract>;
  }

  /** Throws RateLimited if the address has used up its failed-credential budget. */
  async checkAddress(address: string): Promise<void> {
    const res = await this.failures.get(address);
    if (res && res.consumedPoints >= this.failurePoints) throw new RateLimited(res.msBeforeNext);
  }

  /** Counts a failed credential check against the address. */
  async recordFailure(address: string): Promise<void> {
    await this.failures.penalty(address, 1);
  }

  /** Counts a successful upgrade; throws RateLimited beyond the person's budget. */
  async admitUpgrade(userId: string): Promise<void> {
    await consume(this.upgrades, userId);
  }

  /** Counts one use of an HTTP budget by a person; throws RateLimited beyond it. */
  async spend(budget: HttpBudget, userId: string): Promise<void> {
    await consume(this.http[budget], userId);
  }
}

async function consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw new RateLimited(err.msBeforeNext);
    throw err;
  }
}
