import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { UpdatePolicy } from '../collab/room.js';
import type { AppEnv } from '../http/context.js';
import type { DocStore } from '../store/docStore.js';

/** Storage latencies: a batch commit with fsync is ~1 ms; a slow disk shows up in the upper buckets. */
const STORE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
/** HTTP answers: API calls take milliseconds, exports and imports up to seconds. */
const HTTP_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Label values a client cannot multiply: anything else is counted as `other`. */
const KNOWN_FORMATS = new Set(['docx', 'pdf', 'html', 'md', 'akn', 'json']);
/** Exports of a large draft take up to a few hundred ms (PDF, DOCX). */
const EXPORT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface MetricSources {
  /** Open WebSocket connections. */
  connections: () => number;
  /** Documents loaded in memory. */
  rooms: () => number;
}

/**
 * Accord's Prometheus metrics (prom-client), one registry per server instance so that several
 * servers in one process (the tests) do not share counters. Node's default metrics come with it,
 * event-loop lag included (`nodejs_eventloop_lag_seconds`, `nodejs_eventloop_lag_p99_seconds`).
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly updates: Counter<'result' | 'reason'>;
  private readonly storeSeconds: Histogram<'operation'>;
  private readonly exportSeconds: Histogram<'kind' | 'format' | 'status'>;
  private readonly httpSeconds: Histogram<'method' | 'route' | 'status'>;

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
    new Gauge({
      name: 'accord_connections',
      help: 'Open WebSocket connections',
      registers,
      collect() {
        this.set(sources.connections());
      },
    });
    new Gauge({
      name: 'accord_rooms',
      help: 'Documents loaded in memory (rooms)',
      registers,
      collect() {
        this.set(sources.rooms());
      },
    });
    this.updates = new Counter({
      name: 'accord_updates_total',
      help: 'Document updates from clients that change something, by result and refusal reason',
      labelNames: ['result', 'reason'],
      registers,
    });
    this.storeSeconds = new Histogram({
      name: 'accord_store_seconds',
      help: 'Store operations: append = one flush of a room (committed before it is broadcast), compact, load',
      labelNames: ['operation'],
      buckets: STORE_BUCKETS,
      registers,
    });
    this.exportSeconds = new Histogram({
      name: 'accord_export_seconds',
      help: 'Exports and comparisons, from request to response',
      labelNames: ['kind', 'format', 'status'],
      buckets: EXPORT_BUCKETS,
      registers,
    });
    this.httpSeconds = new Histogram({
      name: 'accord_http_request_seconds',
      help: 'HTTP requests by method, route pattern (never the raw path: ids and tokens stay out) and status',
      labelNames: ['method', 'route', 'status'],
      buckets: HTTP_BUCKETS,
      registers,
    });
  }

  /** Middleware timing every HTTP request; the route label is the pattern of the handler that answered. */
  httpTimer(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const start = performance.now();
      await next();
      const routes = matchedRoutes(c);
      const answered = routes[c.req.routeIndex] ?? routes[routes.length - 1];
      const method = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(c.req.method) ? c.req.method : 'OTHER';
      this.httpSeconds.observe(
        { method, route: answered?.path ?? 'unmatched', status: String(c.res.status) },
        (performance.now() - start) / 1000,
      );
    };
  }

  /** The update policy, counting what it accepts and refuses (by the refusal's code). */
  countingPolicy(policy: UpdatePolicy): UpdatePolicy {
    return (facts, conn, ctx) => {
      const refusal = policy(facts, conn, ctx);
      if (refusal) this.updates.inc({ result: 'refused', reason: refusal.code });
      else this.updates.inc({ result: 'accepted', reason: '' });
      return refusal;
    };
  }

  /** The document store, timing each load, append (a room's flush) and compaction. */
  timedStore(store: DocStore): DocStore {
    const time = async <T>(operation: string, run: () => Promise<T>): Promise<T> => {
      const end = this.storeSeconds.startTimer({ operation });
      try {
        return await run();
      } finally {
        end();
      }
    };
    return {
      load: (docId) => time('load', () => store.load(docId)),
      appendGroup: (appends) => time('append', () => store.appendGroup(appends)),
      compact: (docId, state, upToSeq) => time('compact', () => store.compact(docId, state, upToSeq)),
      logLength: (docId) => store.logLength(docId),
      close: () => store.close(),
    };
  }

  /** Middleware for the export and compare routes: duration by format and status. */
  exportTimer(kind: 'export' | 'compare'): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const start = performance.now();
      await next();
      const asked = c.req.query('format') ?? (kind === 'compare' ? 'json' : '');
      this.exportSeconds.observe(
        { kind, format: KNOWN_FORMATS.has(asked) ? asked : 'other', status: String(c.res.status) },
        (performance.now() - start) / 1000,
      );
    };
  }

  async text(): Promise<{ body: string; contentType: string }> {
    return { body: await this.registry.metrics(), contentType: this.registry.contentType };
  }
}
