import type { Logger } from 'pino';
import { ConfigError } from './config.js';
import { installCrashHandlers } from './crashHandlers.js';
import { ensureDemo } from './demo.js';
import { createLogger } from './logger.js';
import { startServer } from './startServer.js';

/** The only place that listens. `--demo` adds the demo draft and prints sign-in links per role. */
async function main(): Promise<void> {
  // Until the configured logger exists, crashes are logged at the default level.
  let log: Logger = createLogger({ LOG_LEVEL: 'info' });
  installCrashHandlers(() => log);
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  log = server.log;
  const publicUrl = server.accord.services.config.PUBLIC_URL;
  log.info({ url: publicUrl }, 'Accord is listening');
  const lines = [`\nAccord is running at ${publicUrl}\n`];
  if (server.adminSigninLink) lines.push(`Admin (secretariat) one-time sign-in link:\n  ${server.adminSigninLink}\n`);
  if (process.argv.includes('--demo')) {
    const people = await ensureDemo(server.accord);
    lines.push('Demo draft ready. Open each link in its own browser window (private windows work) to try every role:');
    for (const p of people) lines.push(`  ${p.role.padEnd(9)} ${p.name}\n            ${p.link}`);
    lines.push('');
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: storing every document');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
