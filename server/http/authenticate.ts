import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Principal } from '../../shared/governance/roles.js';
import type { Accounts } from '../store/accounts.js';
import { type AppEnv, SESSION_COOKIE } from './context.js';
import { ApiError } from './httpError.js';

/** Finds who is calling: `Authorization: Bearer <token>` for scripts, the session cookie for browsers. */
export function authenticate(accounts: Accounts): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const secret = bearer ?? getCookie(c, SESSION_COOKIE);
    c.set('principal', secret ? accounts.authenticate(secret) : null);
    await next();
  };
}

export function requirePrincipal(c: Context<AppEnv>): Principal {
  const p = c.get('principal');
  if (!p) throw new ApiError(401, 'unauthorized', 'Sign in first (session cookie or Authorization: Bearer token).');
  return p;
}
