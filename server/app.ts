import type { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from 'pino';
import { AccessChanges } from './auth/accessChanges.js';
import { Limits } from './auth/limits.js';
import { joinCluster } from './cluster/joinCluster.js';
import { relayComments } from './cluster/relayComments.js';
import { CollabUpgrade } from './collab/collabUpgrade.js';
import { RoomManager } from './collab/roomManager.js';
import { updatePolicy } from './collab/updatePolicy.js';
import { CommentFeed } from './comments/commentFeed.js';
import { CommentService } from './comments/commentService.js';
import type { Config } from './config.js';
import { DocumentSetup } from './documents/documentSetup.js';
import { reopenChangedAgreements } from './governance/agreedText.js';
import { GovernanceService } from './governance/governanceService.js';
import { SilenceClock } from './governance/silenceClock.js';
import { authenticate } from './http/authenticate.js';
import { ClientAddress } from './http/clientAddress.js';
import type { AppEnv, Services } from './http/context.js';
import { ApiError, toApiError } from './http/httpError.js';
import { applyRateLimits } from './http/middleware/rateLimit.js';
import { sameOriginWrites } from './http/middleware/sameOriginWrites.js';
import { OPENAPI_PATH, openApiDocument, registerSecuritySchemes } from './http/openApiDocument.js';
import { auditRoutes } from './http/routes/auditRoutes.js';
import { authRoutes } from './http/routes/authRoutes.js';
import { commentRoutes } from './http/routes/commentRoutes.js';
import { compilationRoutes } from './http/routes/compilationRoutes.js';
import { documentRoutes } from './http/routes/documentRoutes.js';
import { exportRoutes } from './http/routes/exportRoutes.js';
import { governanceRoutes } from './http/routes/governanceRoutes.js';
import { importRoutes } from './http/routes/importRoutes.js';
import { meetingRoomRoutes } from './http/routes/meetingRoomRoutes.js';
import { notificationRoutes } from './http/routes/notificationRoutes.js';
import { proposalRoutes } from './http/routes/proposalRoutes.js';
import { resolutionImportRoutes } from './http/routes/resolutionImportRoutes.js';
import { revisionRoutes } from './http/routes/revisionRoutes.js';
import { screenLinkRoutes } from './http/routes/screenLinkRoutes.js';
import { signinLinkRoutes } from './http/routes/signinLinkRoutes.js';
import { silenceRoutes } from './http/routes/silenceRoutes.js';
import { apiRouter } from './http/validate.js';
import { DailyDigest } from './notifications/dailyDigest.js';
import { NotificationMailer } from './notifications/notificationMailer.js';
import { Notifier } from './notifications/notifier.js';
import { type Clock, systemClock } from './ops/clock.js';
import { httpLog } from './ops/httpLog.js';
import { Metrics } from './ops/metrics.js';
import { opsRoutes } from './ops/opsRoutes.js';
import { findClientDir, serveClient } from './ops/staticAssets.js';
import type { AccordStore } from './store/accordStore.js';
import { AuditLog } from './store/auditLog.js';
import { type AuditVerifier, repoAuditVerifier } from './store/auditVerifier.js';
import { LogDocStore } from './store/logDocStore.js';
import { openConfiguredStore } from './store/openConfiguredStore.js';
import { NoSqliteFile, type SqliteDatabase } from './store/sqliteDatabase.js';
import { EMBEDDED_CLAIMER, StoreDeadlineQueue } from './store/storeDeadlineQueue.js';
import { TextEditAudit } from './store/textEditAudit.js';
import { checkChainInWorker } from './work/heavyWork.js';

export interface Accord {
  app: OpenAPIHono<AppEnv>;
  services: Services;
  setup: DocumentSetup;
  collab: CollabUpgrade;
  /** The embedded file's handle (tests, tooling); throws `NoSqliteFile` on PostgreSQL. */
  readonly db: SqliteDatabase;
  /** The store of record: the SQLite file, or PostgreSQL when DATABASE_URL is set. */
  store: AccordStore;
  /** Applies silence deadlines; startServer starts it (applying what fell due while down) before listening. */
  silenceClock: SilenceClock;
  /** Derives notifications from audited events; `idle()` waits for mail in flight (tests). */
  notifier: Notifier;
  /** Daily digests from the jobs table; startServer starts its poll, tests call `runDue()`. */
  digests: DailyDigest;
  /** Stores every room, closes sockets with 1001 and the database. */
  close(): Promise<void>;
}

/** Anonymous requests that start a session: checked for CSRF like cookie-authenticated ones. */
const SESSION_ENDPOINTS = /^\/api\/(signin|invites\/[^/]+\/accept)$/;

export interface AccordOptions {
  /**
   * The server's clock (server/ops/clock.ts): the store's, the silence deadlines', the digest's.
   * Tests pass one they move themselves. @default systemClock
   */
  clock?: Clock;
}

/** Builds the whole server without listening (main.ts / startServer.ts listen). */
export async function createAccord(config: Config, log: Logger, options: AccordOptions = {}): Promise<Accord> {
  const clock = options.clock ?? systemClock;
  // Opening runs the store migrations (one list for SQLite and PostgreSQL, server/store/CONTEXT.md),
  // so every table exists before anything runs.
  const { store, sqlite } = await openConfiguredStore(config, clock);
  // On the file, chain verification starts from a checkpoint and hashes on the worker pool.
  const audit: AuditVerifier = sqlite ? new AuditLog(sqlite, checkChainInWorker) : repoAuditVerifier(store.audit);
  const textEdits = new TextEditAudit();
  // Filled in below: the metrics read the rooms and connections that are built with them.
  let sources: { rooms: RoomManager; collab: CollabUpgrade } | null = null;
  const metrics = new Metrics({
    connections: () => sources?.collab.sockets.size ?? 0,
    rooms: () => sources?.rooms.loadedCount ?? 0,
  });
  const docStore = metrics.timedStore(new LogDocStore(store));
  let closing = false;
  const access = new AccessChanges();
  // The multi-node mode: access changes reach every node's sockets, limits count across nodes.
  const cluster = config.DATABASE_URL ? await joinCluster(config, access, log) : null;
  const rooms = new RoomManager({
    store: docStore,
    // Several nodes: a document is served by the node holding its lease, its appends fenced by the epoch.
    ownership: cluster
      ? { nodeId: cluster.nodeId, leases: store.leases, ttlMs: config.LEASE_TTL_MS, renewMs: config.LEASE_RENEW_MS }
      : null,
    log,
    policy: metrics.countingPolicy(updatePolicy),
    idleMs: config.ROOM_IDLE_MS,
    compactAfterUpdates: config.COMPACT_AFTER_UPDATES,
    awareness: {
      timeoutMs: config.AWARENESS_TIMEOUT_MS,
      intervalMs: config.AWARENESS_INTERVAL_MS,
      maxStateBytes: config.AWARENESS_MAX_STATE_BYTES,
    },
    afterClientUpdate: reopenChangedAgreements(),
    onEdits: (docId, edits) => [
      // Who changed which paragraphs: one entry per person, paragraph and minute.
      ...textEdits.record(
        docId,
        edits.map((e) => ({ userId: e.conn.principal.userId, paragraphs: [...e.paragraphs, ...e.created] })),
        Date.now(),
      ),
      // Removing a bracket and resolving an alternative are recorded as what they are.
      ...edits.flatMap((e) =>
        e.events.map((ev) => ({ actor: e.conn.principal.userId, action: ev.action, detail: ev.detail })),
      ),
    ],
  });
  const governance = new GovernanceService(rooms, clock);
  const mailer = config.SMTP_URL
    ? new NotificationMailer(config.SMTP_URL, config.MAIL_FROM, () => config.PUBLIC_URL)
    : null;
  const notifier = new Notifier({ store, docOf: (docId) => rooms.loadedRoom(docId)?.doc ?? null, log, mailer });
  store.onAudited(notifier);
  // The embedded server is the one process on its file: it always claims as the same name.
  // Several nodes claim under their own id: a node starting must not void another node's claims.
  const deadlines = new StoreDeadlineQueue(store, cluster?.nodeId ?? EMBEDDED_CLAIMER);
  await deadlines.open();
  const digests = new DailyDigest({
    store,
    mailer,
    now: clock,
    log,
    hour: config.DIGEST_HOUR,
    pollMs: config.DIGEST_POLL_MS,
    claimer: cluster?.nodeId ?? EMBEDDED_CLAIMER,
  });
  const silenceClock = new SilenceClock({ rooms, deadlines, log, pollMs: config.DEADLINE_POLL_MS, now: clock });
  const limits = new Limits(config, cluster?.redis ?? undefined, cluster?.namespace);
  const addresses = new ClientAddress(config.TRUSTED_PROXIES);
  const commentFeed = new CommentFeed(store.delegations);
  const comments = new CommentService(store, rooms, governance, commentFeed, clock);
  const services: Services = { config, log, store, access, audit, rooms, governance, limits, deadlines, comments };
  const setup = new DocumentSetup(store.documents, rooms);
  const collab = new CollabUpgrade(config, access, store, rooms, log, limits, addresses);
  commentFeed.attach(collab.live);
  if (cluster) relayComments(commentFeed, store.comments, cluster.bus);
  sources = { rooms, collab };

  const app = apiRouter();
  registerSecuritySchemes(app);
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
  app.use(httpLog(log));
  app.use(metrics.httpTimer());
  app.use(sameOriginWrites(() => config.PUBLIC_URL, SESSION_ENDPOINTS));
  app.use('/api/*', authenticate(store.credentials, limits, addresses));
  applyRateLimits(app, limits);
  app.route(
    '/',
    opsRoutes({
      config,
      metrics,
      loadedRooms: () => rooms.loadedCount,
      checkStore: () => store.users.isEmpty(),
      shuttingDown: () => closing,
    }),
  );
  app.use('/api/documents/:id/export', metrics.exportTimer('export'));
  app.use('/api/documents/:id/compare', metrics.exportTimer('compare'));
  // Built on first request, once every route is registered; routes never change after start.
  let document: ReturnType<typeof openApiDocument> | null = null;
  app.get(OPENAPI_PATH, (c) => c.json((document ??= openApiDocument(app, config.PUBLIC_URL))));
  app.route('/', authRoutes(services));
  app.route('/', importRoutes(services, setup));
  app.route('/', documentRoutes(services, setup));
  app.route('/', signinLinkRoutes(services));
  app.route('/', governanceRoutes(services));
  app.route('/', proposalRoutes(services));
  app.route('/', commentRoutes(services));
  app.route('/', silenceRoutes(services));
  app.route('/', auditRoutes(services));
  app.route('/', revisionRoutes(services));
  app.route('/', exportRoutes(services));
  app.route('/', compilationRoutes(services));
  app.route('/', resolutionImportRoutes(services));
  app.route('/', meetingRoomRoutes(services));
  app.route('/', screenLinkRoutes(services));
  app.route(
    '/',
    notificationRoutes({
      notifications: store.notifications,
      store,
      mailer,
      now: clock,
      digestHour: config.DIGEST_HOUR,
    }),
  );
  app.all('/api/*', () => {
    throw new ApiError(404, 'not_found', `No such API endpoint; see ${OPENAPI_PATH}.`);
  });

  serveClient(app, findClientDir());

  app.onError((err, c) => {
    const apiError = toApiError(err);
    if (apiError) {
      if (apiError.status >= 500) log.error({ err, path: c.req.path }, apiError.message);
      if (apiError.retryAfterSeconds !== null) c.header('Retry-After', String(apiError.retryAfterSeconds));
      return c.json(
        { error: { code: apiError.code, message: apiError.message, details: apiError.details } },
        apiError.status,
      );
    }
    log.error({ err, path: c.req.path }, 'unhandled error');
    return c.json({ error: { code: 'internal', message: 'Something went wrong on the server.' } }, 500);
  });

  return {
    app,
    services,
    setup,
    collab,
    get db(): SqliteDatabase {
      if (!sqlite) throw new NoSqliteFile();
      return sqlite;
    },
    store,
    silenceClock,
    notifier,
    digests,
    async close() {
      closing = true;
      await silenceClock.stop();
      await digests.stop();
      await rooms.closeAll();
      collab.closeAll(1001, 'server shutting down');
      await notifier.idle();
      mailer?.close();
      await cluster?.close();
      await store.close();
      sqlite?.close();
    },
  };
}
