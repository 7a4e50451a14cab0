import { z } from 'zod';
import { parsePdfFontList } from './export/pdfFonts.js';
import { ClientAddress } from './http/clientAddress.js';

/**
 * Every setting Accord reads from the environment, with its default and why.
 * Read once in main.ts; tests build a Config directly with `loadConfig({...})`.
 */
const schema = z.object({
  /** @default 8080 — the port the README tells people to open. */
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** @default 127.0.0.1 — loopback unless the operator opens it up explicitly. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** @default ./data — the SQLite file lives here (unused when DATABASE_URL is set). */
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * PostgreSQL instead of the embedded SQLite file, e.g. `postgres://accord@db:5432/accord`
   * (the multi-node mode, issue 12). Unset (the default): the SQLite file in DATA_DIR. The store
   * migrations run at start.
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  /** Schema of the store's tables in DATABASE_URL's database. @default the server's search_path */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'DATABASE_SCHEMA must be a plain lower-case name')
    .optional(),
  /**
   * Redis of the multi-node mode (with DATABASE_URL): rate limits shared by the nodes and the
   * control channel between them. Not a store of record: when it is down, limits count per node
   * and control messages go through PostgreSQL LISTEN/NOTIFY. Ignored without DATABASE_URL.
   */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://')
    .optional(),
  /**
   * This node's name in the cluster. Must be unique per process start (a restarted node must not
   * resume an old lease's epoch): a random suffix is added to it. @default the host name
   */
  NODE_ID: z.string().min(1).max(100).optional(),
  /**
   * @default 15000 — several nodes: how long a node's lease on a document lasts without renewal.
   * A paused or dead owner is replaced after this; clock skew between nodes must stay well below it.
   */
  LEASE_TTL_MS: z.coerce.number().int().min(500).max(600_000).default(15_000),
  /** @default 5000 — how often a node renews the leases of the documents it serves (a few times per TTL). */
  LEASE_RENEW_MS: z.coerce.number().int().min(100).max(300_000).default(5_000),
  /**
   * Public URL browsers use (scheme://host[:port]). WebSocket upgrades whose Origin
   * differs are refused (cross-site WebSocket hijacking). Defaults to http://localhost:PORT.
   */
  PUBLIC_URL: z.url().optional(),
  /** Fixed API token for the admin (secretariat) — for automated deployments and tests. */
  ADMIN_TOKEN: z.string().min(16, 'ADMIN_TOKEN must be at least 16 characters').optional(),
  /** @default 2097152 (2 MiB) — larger frames close the connection with 1009. */
  MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(2 * 1024 * 1024),
  /** @default 200 — messages per second per connection before it is closed with 4429. */
  MAX_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).default(200),
  /** @default 8 MiB — bytes per second per user (all their connections) before 4429. */
  MAX_BYTES_PER_SECOND_PER_USER: z.coerce
    .number()
    .int()
    .min(1024)
    .default(8 * 1024 * 1024),
  /** @default 20 — concurrent connections per user. */
  MAX_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).default(20),
  /**
   * @default 200 — document messages per second per person, across all their connections,
   * before the connection that exceeds it is closed with 4429 (awareness has its own budget).
   */
  MAX_MESSAGES_PER_SECOND_PER_USER: z.coerce.number().int().min(1).default(200),
  /**
   * @default 30 — failed credential checks per client address per FAILED_AUTH_WINDOW_SECONDS
   * (wrong tokens or cookies, sign-in links, invite tokens, refused upgrades); beyond it the
   * address gets 429 without any credential being checked. Successful sign-ins do not count,
   * so a meeting room behind one address is not locked out by its own members.
   */
  MAX_FAILED_AUTH_PER_IP: z.coerce.number().int().min(1).default(30),
  /** @default 60 — the window of MAX_FAILED_AUTH_PER_IP, and how long an address stays blocked. */
  FAILED_AUTH_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  /** @default 30 — successful WebSocket upgrades per person per 10 seconds (a reconnect loop). */
  MAX_UPGRADES_PER_USER: z.coerce.number().int().min(1).default(30),
  /**
   * Reverse proxies whose X-Forwarded-For is believed (comma-separated IPs or CIDRs, e.g.
   * `127.0.0.1, 10.0.0.0/8`). Empty (the default): the client address is the socket's.
   */
  TRUSTED_PROXIES: z.string().default(''),
  /**
   * @default 30000 — every open WebSocket is pinged this often; one that has not answered
   * the previous ping is terminated (half-open connections hold rooms and connection slots).
   */
  PING_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  /**
   * @default 10000 — an import whose parsing takes longer is refused with 422 and its worker
   * thread terminated (crafted files can keep a parser busy for minutes).
   */
  IMPORT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** @default 10000 — a room stays loaded this long after its last client leaves. */
  ROOM_IDLE_MS: z.coerce.number().int().min(0).default(10_000),
  /** @default 500 — updates in the log before it is compacted into a snapshot. */
  COMPACT_AFTER_UPDATES: z.coerce.number().int().min(1).default(500),
  /** @default 30000 — awareness states not renewed for this long are removed. */
  AWARENESS_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
  /**
   * @default 80 — presence is relayed in one combined frame per connection at most this often
   * (latest state per person), so a room of 100 moving carets costs O(N) frames, not O(N²).
   */
  AWARENESS_INTERVAL_MS: z.coerce.number().int().min(10).max(1000).default(80),
  /** @default 4096 — larger awareness states (presence) are dropped, not relayed. */
  AWARENESS_MAX_STATE_BYTES: z.coerce.number().int().min(256).max(65_536).default(4096),
  /**
   * @default 60 — awareness frames per second per connection; the excess is dropped (never a
   * disconnection), except a lone own state, so the last caret position always lands.
   */
  AWARENESS_MAX_PER_SECOND: z.coerce.number().int().min(1).default(60),
  /**
   * @default FULL — fsync each batch: an acknowledged edit survives power loss.
   * NORMAL survives a process crash only, and is faster.
   */
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  /**
   * Bearer token required to read /metrics. Unset: /metrics is open, as most exporters are —
   * then keep it off the public internet at the reverse proxy (see the README).
   */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  /**
   * Fonts of the PDF export, in order of preference: comma-separated `path[#PostScriptName][@style]`
   * (style regular, bold, italic or boldItalic; a .ttc names its face). Each character takes the
   * first face of its style that has it. Unset: DejaVu, Noto Naskh Arabic, Noto Serif CJK SC and
   * DejaVu Sans where Debian installs them (server/export/pdfFonts.ts). Checked at start.
   */
  PDF_FONTS: z.string().optional(),
  /**
   * @default 1000 — how often the deadline table is polled: a silence procedure takes effect at
   * most this long after its deadline (and at once at start for deadlines passed while down).
   */
  DEADLINE_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /**
   * SMTP server for notification mail, e.g. `smtp://user:pass@mail.example.org:587` or
   * `smtps://…` (nodemailer's URL form). Unset (the default): no mail is sent; people who asked
   * for mail still get their notifications in the app.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  /** @default Accord <accord@localhost> — the From of notification mail. */
  MAIL_FROM: z.string().min(3).default('Accord <accord@localhost>'),
  /** @default 7 — the hour (0–23) of each person's own time zone at which their daily digest goes out. */
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /** @default 60000 — how often the jobs table is polled for digests due. */
  DIGEST_POLL_MS: z.coerce.number().int().min(50).max(3_600_000).default(60_000),
  /** @default info */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = Omit<z.infer<typeof schema>, 'PUBLIC_URL'> & { PUBLIC_URL: string };

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every variable.`);
  }
  const c = parsed.data;
  try {
    new ClientAddress(c.TRUSTED_PROXIES);
    // A font list that names a missing file would otherwise only fail at the first PDF export.
    if (c.PDF_FONTS !== undefined && c.PDF_FONTS.trim() !== '') parsePdfFontList(c.PDF_FONTS, true);
  } catch (err) {
    throw new ConfigError(`Invalid configuration:\n  ${(err as Error).message}\nSee .env.example for every variable.`);
  }
  return { ...c, PUBLIC_URL: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '') };
}
