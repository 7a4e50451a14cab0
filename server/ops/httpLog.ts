import type { Context, MiddlewareHandler } from 'hono';
import { pinoLogger } from 'hono-pino';
import type { Level, Logger } from 'pino';
import type { AppEnv } from '../http/context.js';

/**
 * Path segments that are secrets: one-time sign-in links and invitation tokens. They are replaced
 * before anything is logged, so a log file never holds a working link.
 */
const SECRET_IN_PATH = /^(\/signin\/|\/invite\/|\/api\/invites\/)[^/]+/;

/** Requests an operator does not want a line for at `info`: probes, scrapes and static files. */
const QUIET = /^\/(?:healthz|readyz|metrics|assets\/|favicon\.ico$|robots\.txt$|manifest\.webmanifest$|icon)/;

export function redactPath(path: string): string {
  return path.replace(SECRET_IN_PATH, '$1[redacted]');
}

/**
 * One JSON line per HTTP request (hono-pino): method, path with secrets redacted, status, time,
 * and who asked. No headers and no query string: they carry session cookies, bearer tokens and
 * `?token=`.
 */
export function httpLog(log: Logger): MiddlewareHandler<AppEnv> {
  return pinoLogger({
    pino: log.child({ component: 'http' }),
    http: {
      reqId: () => crypto.randomUUID(),
      onReqBindings: (c: Context) => ({ req: { method: c.req.method, path: redactPath(c.req.path) } }),
      onResBindings: (c: Context) => ({
        res: { status: c.res.status },
        user: (c as Context<AppEnv>).get('principal')?.userId ?? null,
      }),
      onResLevel: (c: Context): Level => {
        if (c.res.status >= 500) return 'error';
        if (QUIET.test(c.req.path)) return 'debug';
        return 'info';
      },
      onResMessage: () => 'request',
    },
  }) as unknown as MiddlewareHandler<AppEnv>;
}
