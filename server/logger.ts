import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

/**
 * Structured JSON logs on stdout (or `destination`, for tests that read them); every room or
 * connection line carries `room` and `conn`. Secrets never go here: HTTP lines redact tokens in
 * paths and carry no headers, and sign-in links are printed to the console by main.ts only.
 */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, destination?: DestinationStream): Logger {
  const options = { level: config.LOG_LEVEL, base: { app: 'accord' } };
  return destination ? pino(options, destination) : pino(options);
}
