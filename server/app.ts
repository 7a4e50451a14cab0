import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from 'pino';
import { CollabUpgrade } from './collab/collabUpgrade.js';
import { RoomManager } from './collab/roomManager.js';
import { updatePolicy } from './collab/updatePolicy.js';
import type { Config } from './config.js';
import { DocumentSetup } from './documents/documentSetup.js';
import { GovernanceService } from './governance/governanceService.js';
import { authenticate } from './http/authenticate.js';
import type { AppEnv, Services } from './http/context.js';
import { ApiError } from './http/httpError.js';
import { OpenApiRegistry } from './http/openapi.js';
import { authRoutes } from './http/routes/authRoutes.js';
import { documentRoutes } from './http/routes/documentRoutes.js';
import { exportRoutes } from './http/routes/exportRoutes.js';
import { governanceRoutes } from './http/routes/governanceRoutes.js';
import { importRoutes } from './http/routes/importRoutes.js';
import { revisionRoutes } from './http/routes/revisionRoutes.js';
import { Accounts } from './store/accounts.js';
import { AuditLog } from './store/auditLog.js';
import { RevisionStore } from './store/revisionStore.js';
import { openSqlite, type SqliteDatabase } from './store/sqliteDatabase.js';
import { SqliteDocStore } from './store/sqliteDocStore.js';

export interface Accord {
  app: Hono<AppEnv>;
  services: Services;
  setup: DocumentSetup;
  collab: CollabUpgrade;
  db: SqliteDatabase;
  /** Stores every room, closes sockets with 1001 and the database. */
  close(): Promise<void>;
}

const CLIENT_DIR = resolve(import.meta.dirname, '../dist/client');

/** Builds the whole server without listening (main.ts / startServer.ts listen). */
export function createAccord(config: Config, log: Logger): Accord {
  const db = openSqlite(config.DATA_DIR, config.SQLITE_SYNCHRONOUS);
  const accounts = new Accounts(db);
  const audit = new AuditLog(db);
  const revisions = new RevisionStore(db);
  const docStore = new SqliteDocStore(db);
  let governance: GovernanceService | null = null;
  const rooms = new RoomManager({
    store: docStore,
    log,
    policy: updatePolicy,
    idleMs: config.ROOM_IDLE_MS,
    compactAfterUpdates: config.COMPACT_AFTER_UPDATES,
    awarenessTimeoutMs: config.AWARENESS_TIMEOUT_MS,
    onLoad: (room) => governance?.prepareRoom(room),
    onEdits: (docId, edits) => {
      // One audit entry per persisted batch and person: who changed which paragraphs.
      const byUser = new Map<string, Set<string>>();
      for (const e of edits) {
        const set = byUser.get(e.conn.principal.userId) ?? new Set<string>();
        for (const p of e.paragraphs) set.add(p);
        byUser.set(e.conn.principal.userId, set);
      }
      for (const [userId, paragraphs] of byUser)
        audit.append(docId, userId, 'text.edit', { paragraphs: [...paragraphs] });
    },
  });
  governance = new GovernanceService(rooms, audit);
  const openapi = new OpenApiRegistry();
  const services: Services = { config, log, accounts, audit, rooms, governance, revisions, openapi };
  const setup = new DocumentSetup(accounts, rooms, governance, audit);
  const collab = new CollabUpgrade(config, accounts, rooms, log);

  const app = new Hono<AppEnv>();
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: 20 * 1024 * 1024,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', 'Request body too large (max 20 MiB).');
      },
    }),
  );
  app.use(authenticate(accounts));
  app.get('/healthz', (c) => c.json({ ok: true, rooms: rooms.loadedCount }));
  app.get('/api/openapi.json', (c) => c.json(openapi.document(config.PUBLIC_URL)));
  app.route('/', authRoutes(services));
  app.route('/', importRoutes(services, setup));
  app.route('/', documentRoutes(services, setup));
  app.route('/', governanceRoutes(services));
  app.route('/', revisionRoutes(services));
  app.route('/', exportRoutes(services));
  app.all('/api/*', () => {
    throw new ApiError(404, 'not_found', 'No such API endpoint; see /api/openapi.json.');
  });

  // The single-page app: static assets, and index.html for every client route.
  if (existsSync(CLIENT_DIR)) {
    const index = readFileSync(join(CLIENT_DIR, 'index.html'), 'utf8');
    app.use('/assets/*', serveStatic({ root: CLIENT_DIR }));
    app.get('*', (c) => c.html(index));
  } else {
    app.get('*', (c) => c.text('The client is not built: run `npm run build`.', 503));
  }

  app.onError((err, c) => {
    if (err instanceof ApiError) {
      return c.json({ error: { code: err.code, message: err.message, details: err.details } }, err.status);
    }
    log.error({ err, path: c.req.path }, 'unhandled error');
    return c.json({ error: { code: 'internal', message: 'Something went wrong on the server.' } }, 500);
  });

  return {
    app,
    services,
    setup,
    collab,
    db,
    async close() {
      await rooms.closeAll();
      collab.closeAll(1001, 'server shutting down');
      db.close();
    },
  };
}
