import type { Hono, MiddlewareHandler } from 'hono';
import type { HttpBudget, Limits } from '../../auth/limits.js';
import type { AppEnv } from '../context.js';

/**
 * Spends one unit of a person's HTTP budget (auth/limits.ts) before the route runs;
 * beyond it the answer is 429 with Retry-After (the error mapper adds the header).
 * Anonymous requests pass: the route answers them 401, and failed credentials are
 * throttled per address by `authenticate`.
 */
export function rateLimit(limits: Limits, budget: HttpBudget): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const who = c.get('principal');
    if (who) await limits.spend(budget, who.userId);
    await next();
  };
}

/** Where the budgets apply: issuing tokens, inviting, importing, exporting and comparing. */
export function applyRateLimits(app: Hono<AppEnv>, limits: Limits): void {
  app.on('POST', '/api/tokens', rateLimit(limits, 'tokens'));
  app.on(
    'POST',
    ['/api/documents/:id/invites', '/api/documents/:id/members/:userId/signin-link'],
    rateLimit(limits, 'invites'),
  );
  app.on('POST', ['/api/documents/import', '/api/documents/:id/resolution-table/import'], rateLimit(limits, 'imports'));
  app.on('GET', ['/api/documents/:id/export', '/api/documents/:id/compare'], rateLimit(limits, 'exports'));
}
