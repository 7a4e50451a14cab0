import type { Logger } from 'pino';

/**
 * Any exception nothing caught is a bug: log it as one fatal JSON line (pino
 * writes synchronously to stdout, so the line is out before the exit) and exit
 * non-zero so the supervisor restarts the process. Continuing after an unknown
 * failure could serve a half-updated room.
 */
export function installCrashHandlers(log: () => Logger): void {
  const die = (what: string) => (err: unknown) => {
    try {
      log().fatal({ err }, `${what}; exiting`);
    } finally {
      process.exit(1);
    }
  };
  process.on('uncaughtException', die('uncaught exception'));
  process.on('unhandledRejection', die('unhandled promise rejection'));
}
