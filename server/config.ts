import { z } from 'zod';

/**
 * Every setting Accord reads from the environment, with its default and why.
 * Read once in main.ts; tests build a Config directly with `loadConfig({...})`.
 */
const schema = z.object({
  /** @default 8080 — the port the README tells people to open. */
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** @default 127.0.0.1 — loopback unless the operator opens it up explicitly. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** @default ./data — the SQLite file lives here. */
  DATA_DIR: z.string().min(1).default('./data'),
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
  /** @default 30 — unauthenticated upgrade attempts per IP per 10 seconds. */
  MAX_UPGRADES_PER_IP: z.coerce.number().int().min(1).default(30),
  /** @default 10000 — a room stays loaded this long after its last client leaves. */
  ROOM_IDLE_MS: z.coerce.number().int().min(0).default(10_000),
  /** @default 500 — updates in the log before it is compacted into a snapshot. */
  COMPACT_AFTER_UPDATES: z.coerce.number().int().min(1).default(500),
  /** @default 30000 — awareness states not renewed for this long are removed. */
  AWARENESS_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
  /**
   * @default FULL — fsync each batch: an acknowledged edit survives power loss.
   * NORMAL survives a process crash only, and is faster.
   */
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
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
  return { ...c, PUBLIC_URL: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '') };
}
