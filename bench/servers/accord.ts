import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../server/startServer.js';
import { serveStats } from './childStats.js';

/**
 * Accord with durable storage on (SQLite, synchronous=FULL as shipped). BENCH_DATA_DIR reopens
 * an earlier run's data (the memory phase restarts the server on the documents it created).
 */
const server = await startServer({
  PORT: 0,
  HOST: '127.0.0.1',
  DATA_DIR: process.env.BENCH_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'accord-bench-')),
  ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef', // BENCH_TOKEN in serverProcess.ts
  LOG_LEVEL: 'warn',
  MAX_CONNECTIONS_PER_USER: 100000,
  MAX_UPGRADES_PER_USER: 1000000,
  MAX_MESSAGES_PER_SECOND_PER_USER: 1000000,
  MAX_MESSAGES_PER_SECOND: 1000000,
  MAX_BYTES_PER_SECOND_PER_USER: 1e12,
  ROOM_IDLE_MS: 1000,
  SQLITE_SYNCHRONOUS: process.env.BENCH_SQLITE_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL',
});
serveStats(server.port);
