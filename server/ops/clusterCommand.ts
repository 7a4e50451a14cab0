import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { roundRobinProxy } from '../cluster/roundRobinProxy.js';

/**
 * `npm run cluster -- --nodes 3`: the multi-node mode on one machine, for trying it and for the
 * failover demos — N nodes on PORT+1 … PORT+N sharing PostgreSQL (DATABASE_URL) and Redis
 * (REDIS_URL), and a round-robin proxy on PORT (8080) in front of them. A node that dies is
 * started again after a second, as a supervisor would; Ctrl+C stops everything. Operators run
 * the same nodes under their own supervisor and balancer (Dockerfile, compose.yaml).
 */
const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '3' },
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    demo: { type: 'boolean', default: false },
  },
});
const count = Number(values.nodes);
const port = Number(values.port);
if (!Number.isInteger(count) || count < 1 || count > 16) throw new Error('--nodes must be 1 to 16');
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const here = dirname(fileURLToPath(import.meta.url));
const main = join(here, 'main.js');

const children = new Map<number, ChildProcess>();
let stopping = false;

function start(i: number, demo: boolean): Promise<void> {
  const nodePort = port + 1 + i;
  const dataDir = join(process.env.DATA_DIR ?? './data', `node-${i + 1}`);
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(process.execPath, ['--enable-source-maps', main, ...(demo ? ['--demo'] : [])], {
    env: {
      ...process.env,
      PORT: String(nodePort),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PUBLIC_URL: publicUrl,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      // Unique per process start: a restarted node must never resume an old lease's epoch.
      NODE_ID: `node-${i + 1}-${randomBytes(4).toString('hex')}`,
      INTERNAL_URL: `http://127.0.0.1:${nodePort}`,
      // The proxy and the other nodes are on this machine: their X-Forwarded-For is believed.
      TRUSTED_PROXIES: process.env.TRUSTED_PROXIES ?? '127.0.0.1,::1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.set(i, child);
  return new Promise((resolve) => {
    let ready = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      // Structured logs stay in the node's stream; the human lines (links) are shown once.
      for (const line of text.split('\n'))
        if (line.trim() && !line.startsWith('{')) console.log(`[node ${i + 1}] ${line}`);
      if (!ready && text.includes('Accord is listening')) {
        ready = true;
        resolve();
      }
    });
    child.on('exit', (code, signal) => {
      if (!ready) resolve();
      if (stopping) return;
      console.error(`[node ${i + 1}] exited (${signal ?? code}); starting it again in 1 s`);
      setTimeout(() => void start(i, false), 1000);
    });
  });
}

// The first node migrates the store (and seeds the demo) before the others start.
await start(0, values.demo ?? false);
await Promise.all(Array.from({ length: count - 1 }, (_, i) => start(i + 1, false)));
const targets = Array.from({ length: count }, (_, i) => `http://127.0.0.1:${port + 1 + i}`);
const proxy = roundRobinProxy(targets);
proxy.listen(port, process.env.HOST ?? '127.0.0.1', () => {
  console.log(`\nAccord cluster: ${count} nodes (${targets.join(', ')}) behind ${publicUrl}\n`);
});

const stop = () => {
  if (stopping) return;
  stopping = true;
  proxy.close();
  for (const child of children.values()) child.kill('SIGTERM');
  setTimeout(() => process.exit(0), 5000).unref();
  Promise.all(
    [...children.values()].map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.on('exit', r)))),
  ).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
