import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { ClaimedJob, Job, JobRepo, JobToSchedule } from '../repos/jobRepo.js';
import type { StoreExecutor } from './storeExecutor.js';
import type { StoreSchema } from './storeSchema.js';

type JobRow = StoreSchema['jobs'];

export class KyselyJobRepo implements JobRepo {
  constructor(private readonly x: StoreExecutor) {}

  async schedule(job: JobToSchedule): Promise<string> {
    const payload = JSON.stringify(job.payload ?? null);
    const row = await this.x.db
      .insertInto('jobs')
      .values({
        id: randomUUID(),
        key: job.key ?? null,
        kind: job.kind,
        doc_id: job.docId,
        payload,
        run_at: job.runAt,
        claimed_by: null,
        claimed_until: null,
        attempts: 0,
        done_at: null,
        created_at: this.x.now(),
      })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          kind: eb.ref('excluded.kind'),
          doc_id: eb.ref('excluded.doc_id'),
          payload: eb.ref('excluded.payload'),
          run_at: eb.ref('excluded.run_at'),
          claimed_by: null,
          claimed_until: null,
          done_at: null,
        })),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  claimDue(claimer: string, limit: number, claimMs: number, kinds?: readonly string[]): Promise<ClaimedJob[]> {
    return this.x.atomically(async (x) => {
      const now = x.now();
      // PostgreSQL: rows another claimer is taking are skipped, not waited for, and never taken
      // twice. SQLite: the statement runs under the database's single writer lock.
      const skipLocked = x.dialect === 'postgres' ? sql`FOR UPDATE SKIP LOCKED` : sql``;
      const ofKinds =
        kinds === undefined
          ? sql``
          : kinds.length === 0
            ? sql`AND 1 = 0`
            : sql`AND kind IN (${sql.join(kinds.map((k) => sql`${k}`))})`;
      const { rows } = await sql<JobRow>`
        UPDATE jobs SET claimed_by = ${claimer}, claimed_until = ${now + claimMs}, attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM jobs
          WHERE done_at IS NULL AND run_at <= ${now} AND (claimed_until IS NULL OR claimed_until < ${now}) ${ofKinds}
          ORDER BY run_at, id LIMIT ${limit} ${skipLocked})
        RETURNING *`.execute(x.db);
      return rows
        .map((r) => ({ ...toJob(r), claimer, claimedUntil: Number(r.claimed_until) }))
        .sort((a, b) => a.runAt - b.runAt || a.id.localeCompare(b.id));
    });
  }

  async complete(job: ClaimedJob): Promise<boolean> {
    // The claim is identified by claimer and expiry: a claim that expired and was taken again
    // (even by the same claimer) cannot complete any more.
    const result = await this.x.db
      .updateTable('jobs')
      .set({ done_at: this.x.now() })
      .where('id', '=', job.id)
      .where('claimed_by', '=', job.claimer)
      .where('claimed_until', '=', job.claimedUntil)
      .where('done_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async finish(key: string): Promise<boolean> {
    const result = await this.x.db
      .updateTable('jobs')
      .set({ done_at: this.x.now(), claimed_by: null, claimed_until: null })
      .where('key', '=', key)
      .where('done_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async releaseClaims(claimer: string): Promise<number> {
    const result = await this.x.db
      .updateTable('jobs')
      .set({ claimed_by: null, claimed_until: null })
      .where('claimed_by', '=', claimer)
      .where('done_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async cancel(id: string): Promise<boolean> {
    const result = await this.x.db
      .deleteFrom('jobs')
      .where('id', '=', id)
      .where('done_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async pending(docId: string | null): Promise<Job[]> {
    const rows = await this.x.db
      .selectFrom('jobs')
      .selectAll()
      .where('done_at', 'is', null)
      .$if(docId !== null, (q) => q.where('doc_id', '=', docId))
      .orderBy('run_at')
      .orderBy('id')
      .execute();
    return rows.map(toJob);
  }
}

function toJob(r: JobRow): Job {
  return {
    id: r.id,
    key: r.key,
    kind: r.kind,
    docId: r.doc_id,
    payload: JSON.parse(r.payload) as unknown,
    runAt: Number(r.run_at),
    attempts: Number(r.attempts),
  };
}
