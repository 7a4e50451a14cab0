import pino, { type Logger } from 'pino';
import type { Config } from './config.js';

/** Structured JSON logs; every room/connection log line carries `room` and `conn`. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({ level: config.LOG_LEVEL, base: { app: 'accord' } });
}
