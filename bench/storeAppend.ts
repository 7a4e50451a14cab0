/**
 * Append latency and throughput of the store contract's log on SQLite (synchronous=FULL, the
 * server's default) and PostgreSQL (127.0.0.1, DATABASE_URL or the test database), through the
 * same async repositories: 1,000 sequential fenced appends of one 100-byte update with its audit
 * entry (the room's path, one document), then 50 documents appending 20 times each at once.
 *
 *   npx tsx bench/storeAppend.ts
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { AccordStore } from '../server/store/accordStore.js';
import { openPostgresStore } from '../server/store/openPostgresStore.js';
import { openSqliteStore } from '../server/store/openSqliteStore.js';
import { openSqlite } from '../server/store/sqliteDatabase.js';

const URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SEQUENTIAL = 1000;
const DOCS = 50;
const PER_DOC = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(name: string, store: AccordStore): Promise<void> {
  const update = randomBytes(100);
  const doc = `bench-${randomBytes(4).toString('hex')}`;
  const lease = await store.leases.acquire(doc, 'bench-node', 60_000);
  if (!lease) throw new Error('no lease');
  const times: number[] = [];
  let seq = 0;
  const started = performance.now();
  for (let i = 0; i < SEQUENTIAL; i++) {
    const t = performance.now();
    seq = await store.log.append({
      docId: doc,
      expectedSeq: seq,
      updates: [update],
      audit: [{ actor: 'bench', action: 'text.edit', detail: { paragraphs: ['p1'] } }],
      epoch: lease.epoch,
    });
    times.push(performance.now() - t);
  }
  const sequentialMs = performance.now() - started;
  times.sort((a, b) => a - b);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: DOCS }, async (_, d) => {
      let s = 0;
      for (let i = 0; i < PER_DOC; i++) {
        s = await store.log.append({ docId: `${doc}-${d}`, expectedSeq: s, updates: [update], epoch: null });
      }
    }),
  );
  const concurrentMs = performance.now() - t0;
  console.log(
    `${name}: ${SEQUENTIAL} sequential appends in ${sequentialMs.toFixed(0)} ms ` +
      `(p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms); ` +
      `${DOCS}×${PER_DOC} concurrent appends: ${((DOCS * PER_DOC) / (concurrentMs / 1000)).toFixed(0)} appends/s`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'accord-bench-store-'));
const sqlite = await openSqliteStore(openSqlite(dir, 'FULL'));
await measure('SQLite (FULL)', sqlite);
await sqlite.close();
rmSync(dir, { recursive: true, force: true });

const schema = `bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: URL });
await admin.connect();
await admin.query(`CREATE SCHEMA ${schema}`);
try {
  const postgres = await openPostgresStore({ connectionString: URL, schema });
  await measure('PostgreSQL', postgres);
  await postgres.close();
} finally {
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}
