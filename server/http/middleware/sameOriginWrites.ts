import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { originAllowed } from '../../collab/originPolicy.js';
import { type AppEnv, SESSION_COOKIE } from '../context.js';
import { ApiError } from '../httpError.js';

const SAFE_METHODS = /^(GET|HEAD|OPTIONS)$/;

/**
 * CSRF: a state-changing request authenticated by the session cookie must come from
 * our own pages — `Origin` is the public URL (loopback aliases count on loopback) or
 * the browser says `Sec-Fetch-Site: same-origin`. SameSite=Lax is not enough: another
 * port of the same host is the same site, and it receives the cookie.
 *
 * The same check as Hono's `csrf` middleware, but for every content type (Hono's
 * skips JSON and leaves a body-less POST to the Origin header) and only for cookie
 * authentication: scripts authenticate with a bearer token, which no other site can
 * make a browser send. `sessionEndpoints` are the anonymous requests that *start* a
 * session (sign-in, invite acceptance): checked too, against login CSRF.
 */
export function sameOriginWrites(publicUrl: () => string, sessionEndpoints: RegExp): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.test(c.req.method)) return next();
    const bearer = /^Bearer\s/i.test(c.req.header('authorization') ?? '');
    const cookieAuth = !bearer && getCookie(c, SESSION_COOKIE) !== undefined;
    if (!cookieAuth && !sessionEndpoints.test(c.req.path)) return next();
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    const foreign =
      (origin !== undefined && !originAllowed(origin, publicUrl())) ||
      (fetchSite !== undefined && fetchSite !== 'same-origin');
    // With the cookie, the request must prove it is ours; starting a session without one,
    // only a browser can be misused, and browsers always say where a POST comes from.
    const unproven = cookieAuth && origin === undefined && fetchSite === undefined;
    if (foreign || unproven) {
      throw new ApiError(
        403,
        'forbidden',
        'This request did not come from an Accord page; cross-site requests cannot act with your session.',
      );
    }
    return next();
  };
}
