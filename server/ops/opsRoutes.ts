import { timingSafeEqual } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Config } from '../config.js';
import type { AppEnv } from '../http/context.js';
import { jsonContent } from '../http/schemas/content.js';
import { apiRouter } from '../http/validate.js';
import type { Metrics } from './metrics.js';

export interface OpsDeps {
  config: Pick<Config, 'METRICS_TOKEN'>;
  metrics: Metrics;
  /** Rooms loaded in memory, for the liveness answer. */
  loadedRooms: () => number;
  /** Throws if the store cannot answer a query. */
  /** Rejects (or throws) when the store does not answer. */
  checkStore: () => Promise<unknown>;
  /** True once a graceful shutdown has begun: stop sending new traffic here. */
  shuttingDown: () => boolean;
}

const Readiness = z
  .object({ ready: z.boolean(), reason: z.string().optional().openapi({ description: 'Why not ready' }) })
  .openapi('Readiness');
const text = (description: string) => ({ description, content: { 'text/plain': { schema: z.string() } } });

/**
 * Endpoints for the operator's tools: `/healthz` (liveness: the process answers), `/readyz`
 * (load balancers: is the store answering and are we not shutting down?) and `/metrics`
 * (Prometheus). None needs a session; `/metrics` takes METRICS_TOKEN when one is set.
 */
export function opsRoutes(deps: OpsDeps): OpenAPIHono<AppEnv> {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/healthz',
      operationId: 'getHealth',
      tags: ['operations'],
      summary: 'Liveness: the process answers',
      security: [],
      responses: {
        200: jsonContent(z.object({ ok: z.literal(true), rooms: z.number().int() }), 'Alive; rooms loaded'),
      },
    }),
    (c) => c.json({ ok: true as const, rooms: deps.loadedRooms() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/readyz',
      operationId: 'getReadiness',
      tags: ['operations'],
      summary: 'Readiness: the store answers and no shutdown has begun',
      security: [],
      responses: {
        200: jsonContent(Readiness, 'Ready'),
        503: jsonContent(Readiness, 'Not ready: send traffic elsewhere'),
      },
    }),
    async (c) => {
      c.header('Cache-Control', 'no-store');
      if (deps.shuttingDown()) return c.json({ ready: false, reason: 'shutting down' }, 503);
      try {
        await deps.checkStore();
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        return c.json({ ready: false, reason: `store unavailable: ${reason}` }, 503);
      }
      return c.json({ ready: true }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/metrics',
      operationId: 'getMetrics',
      tags: ['operations'],
      summary: 'Prometheus metrics (text exposition format)',
      description: 'Open, or with `Authorization: Bearer <METRICS_TOKEN>` when METRICS_TOKEN is set.',
      security: [{}, { metricsToken: [] }],
      responses: { 200: text('The metrics'), 401: text('METRICS_TOKEN is set and was not sent') },
    }),
    async (c) => {
      const token = deps.config.METRICS_TOKEN;
      if (token && !bearerMatches(c.req.header('authorization'), token)) {
        return c.text('Unauthorized: send Authorization: Bearer <METRICS_TOKEN>\n', 401, {
          'WWW-Authenticate': 'Bearer realm="metrics"',
        });
      }
      const { body, contentType } = await deps.metrics.text();
      return c.text(body, 200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
    },
  );
  return app;
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
