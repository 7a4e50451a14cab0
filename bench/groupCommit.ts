/**
 * The room's group commit through the store (`LogDocStore.appendGroup`): what one event-loop
 * turn costs when R rooms each store one 100-byte update and its `text.edit` audit entry in one
 * transaction (each room's part in a savepoint, its append a compare-and-set on its sequence
 * number), on SQLite with synchronous=FULL (the embedded default) and on PostgreSQL (127.0.0.1,
 * DATABASE_URL or the test database, in a schema of its own, dropped after).
 *
 *   npx tsx bench/groupCommit.ts            # ROOMS=1,20,100  TURNS=300
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { AccordStore } from '../server/store/accordStore.js';
import type { DocAppend } from '../server/store/docStore.js';
import { LogDocStore } from '../server/store/logDocStore.js';
import { openPostgresStore } from '../server/store/openPostgresStore.js';
import { openSqliteStore } from '../server/store/openSqliteStore.js';
import { openSqlite } from '../server/store/sqliteDatabase.js';

const URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROOMS = (process.env.ROOMS ?? '1,20,100').split(',').map(Number);
const TURNS = Number(process.env.TURNS ?? 300);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(name: string, store: AccordStore): Promise<void> {
  const docs = new LogDocStore(store);
  const update = randomBytes(100);
  for (const rooms of ROOMS) {
    const prefix = `bench-${randomBytes(4).toString('hex')}`;
    const seqs = new Array<number>(rooms).fill(0);
    const times: number[] = [];
    const started = performance.now();
    for (let t = 0; t < TURNS; t++) {
      const group: DocAppend[] = seqs.map((seq, r) => ({
        docId: `${prefix}-${r}`,
        afterSeq: seq,
        updates: [update],
        writes: [{ audit: { actor: 'bench', action: 'text.edit', detail: { paragraphs: ['p1'] } } }],
        epoch: null,
      }));
      const t0 = performance.now();
      const outcomes = await docs.appendGroup(group);
      times.push(performance.now() - t0);
      outcomes.forEach((o, r) => {
        if (!o.ok) throw o.error;
        seqs[r] = o.lastSeq;
      });
    }
    const totalMs = performance.now() - started;
    times.sort((a, b) => a - b);
    console.log(
      `${name}, ${rooms} room(s) per turn: ${TURNS} turns in ${totalMs.toFixed(0)} ms, per turn p50 ` +
        `${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms; ` +
        `${((rooms * TURNS) / (totalMs / 1000)).toFixed(0)} room appends/s`,
    );
  }
}

const dir = mkdtempSync(join(tmpdir(), 'accord-bench-group-'));
const sqlite = await openSqliteStore(openSqlite(dir, 'FULL'));
await measure('SQLite (FULL)', sqlite);
await sqlite.close();
rmSync(dir, { recursive: true, force: true });

if (process.env.SKIP_PG !== '1') {
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
}
