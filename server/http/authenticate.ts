import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import type { Principal } from '../../shared/governance/roles.js';
import { type Limits, RateLimited } from '../auth/limits.js';
import type { CredentialRepo } from '../store/repos/credentialRepo.js';
import type { ClientAddress } from './clientAddress.js';
import { type AppEnv, SESSION_COOKIE } from './context.js';
import { ApiError, rateLimited } from './httpError.js';

/**
 * Finds who is calling: `Authorization: Bearer <token>` for scripts, the session cookie for
 * browsers. A wrong credential counts against the client address's failed-credential budget;
 * once it is spent, nothing from that address is checked until the window passes (429). An
 * expired session is not a guess: it is cleared without counting.
 */
export function authenticate(
  credentials: CredentialRepo,
  limits: Limits,
  addresses: ClientAddress,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const ip = addresses.of(socketAddress(c), c.req.header('x-forwarded-for'));
    c.set('clientIp', ip);
    const header = c.req.header('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const cookie = bearer ? undefined : getCookie(c, SESSION_COOKIE);
    const secret = bearer ?? cookie;
    let principal: Principal | null = null;
    if (secret) {
      await checkAddress(limits, ip);
      principal = (await credentials.check(secret))?.principal ?? null;
      if (!principal) {
        if (!(await credentials.expired(secret))) await limits.recordFailure(ip);
        if (cookie) deleteCookie(c, SESSION_COOKIE, { path: '/' });
      }
    }
    c.set('principal', principal);
    await next();
  };
}

/** 429 if the address has spent its failed-credential budget: no credential from it is checked. */
export async function checkAddress(limits: Limits, ip: string): Promise<void> {
  try {
    await limits.checkAddress(ip);
  } catch (err) {
    if (err instanceof RateLimited)
      throw rateLimited(err.retryAfterMs, 'Too many failed sign-in attempts from your address; wait a moment.');
    throw err;
  }
}

export function requirePrincipal(c: { get(key: 'principal'): Principal | null }): Principal {
  const p = c.get('principal');
  if (!p) throw new ApiError(401, 'unauthorized', 'Sign in first (session cookie or Authorization: Bearer token).');
  return p;
}

/** The TCP peer of the request (the proxy's address behind a reverse proxy); absent in in-process tests. */
function socketAddress(c: Context): string | undefined {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress;
}
