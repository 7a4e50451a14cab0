import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { DestinationStream, Logger } from 'pino';
import { type Accord, type AccordOptions, createAccord } from './app.js';
import { ensureAdmin } from './bootstrap.js';
import { type Config, loadConfig } from './config.js';
import { createLogger } from './logger.js';

export interface RunningServer {
  port: number;
  url: string;
  accord: Accord;
  log: Logger;
  adminSigninLink: string | null;
  /** Graceful stop: stores every room, closes sockets with 1001, closes the database. */
  close(): Promise<void>;
}

/** Builds Accord and listens; used by main.ts, the tests (PORT 0) and the benchmark. */
export async function startServer(
  overrides: Partial<Record<keyof Config, string | number>> = {},
  options: { logDestination?: DestinationStream } & AccordOptions = {},
): Promise<RunningServer> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const [k, v] of Object.entries(overrides)) env[k] = v === undefined ? undefined : String(v);
  const config = loadConfig(env);
  const log = createLogger(config, options.logDestination);
  const accord = await createAccord(config, log, { clock: options.clock });
  // Deadlines that passed while the server was down take effect before anyone connects.
  await accord.silenceClock.start();
  accord.digests.start();
  const server = createAdaptorServer({ fetch: accord.app.fetch });
  server.on('upgrade', (req, socket, head) => accord.collab.handle(req, socket, head));
  // Not a proxy: answer CONNECT instead of dropping the connection without a word.
  server.on('connect', (_req, socket) => {
    socket.on('error', () => socket.destroy());
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  if (config.PORT === 0) {
    // Port 0 picks a free port; Origin checks and links must name the real one.
    accord.services.config.PUBLIC_URL = overrides.PUBLIC_URL
      ? String(overrides.PUBLIC_URL)
      : `http://localhost:${port}`;
  }
  // After the port is known: the link must name it.
  const { signinLink } = await ensureAdmin(accord);
  let closing: Promise<void> | null = null;
  return {
    port,
    url: `http://${config.HOST}:${port}`,
    accord,
    log,
    adminSigninLink: signinLink,
    close() {
      closing ??= (async () => {
        await accord.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
      })();
      return closing;
    },
  };
}
