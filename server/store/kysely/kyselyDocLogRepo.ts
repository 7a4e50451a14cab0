import { sql } from 'kysely';
import type { DocLogRepo, LogAppend, LoggedDoc } from '../repos/docLogRepo.js';
import { StaleWriteError } from '../staleWriteError.js';
import { KyselyAuditRepo } from './kyselyAuditRepo.js';
import type { StoreExecutor } from './storeExecutor.js';
import { isUniqueViolation } from './uniqueViolation.js';

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters in one statement. */
const INSERT_CHUNK = 1000;

export class KyselyDocLogRepo implements DocLogRepo {
  constructor(private readonly x: StoreExecutor) {}

  async load(docId: string): Promise<LoggedDoc> {
    // One statement, so one consistent view on PostgreSQL even at READ COMMITTED: a compaction
    // committing between a snapshot read and an updates read would otherwise lose updates.
    const { rows } = await sql<{ seq: number; data: Uint8Array; is_snapshot: number }>`
      SELECT seq, data, 1 AS is_snapshot FROM doc_snapshots WHERE doc_id = ${docId}
      UNION ALL
      SELECT u.seq, u.data, 0 AS is_snapshot FROM doc_updates u
      WHERE u.doc_id = ${docId}
        AND u.seq > coalesce((SELECT s.seq FROM doc_snapshots s WHERE s.doc_id = ${docId}), 0)
      ORDER BY is_snapshot DESC, seq`.execute(this.x.db);
    const first = rows[0];
    const snap = first && Number(first.is_snapshot) === 1 ? first : null;
    const updates = (snap ? rows.slice(1) : rows).map((r) => new Uint8Array(r.data));
    const last = rows[rows.length - 1];
    return {
      snapshot: snap ? new Uint8Array(snap.data) : null,
      snapshotSeq: snap?.seq ?? 0,
      updates,
      lastSeq: last?.seq ?? 0,
    };
  }

  append(a: LogAppend): Promise<number> {
    return this.x.atomically(async (x) => {
      if (a.epoch !== null) {
        // FOR SHARE: a take-over (which updates the lease row) waits until this append has
        // committed, and an append that starts after the take-over sees the new epoch.
        const lease = await x.db
          .selectFrom('doc_leases')
          .select('epoch')
          .where('doc_id', '=', a.docId)
          .$if(x.dialect === 'postgres', (q) => q.forShare())
          .executeTakeFirst();
        if (!lease || lease.epoch !== a.epoch) {
          throw new StaleWriteError(
            'epoch_moved',
            a.docId,
            `The lease of ${a.docId} is at epoch ${lease?.epoch ?? 'none'}, not ${a.epoch}: another node owns it.`,
          );
        }
      }
      const last = await lastSeqOf(x, a.docId);
      if (last !== a.expectedSeq) {
        throw new StaleWriteError(
          'seq_advanced',
          a.docId,
          `The log of ${a.docId} is at ${last}, not ${a.expectedSeq}: another writer advanced it.`,
        );
      }
      let seq = a.expectedSeq;
      const rows = a.updates.map((u) => ({ doc_id: a.docId, seq: ++seq, data: x.bytes(u) }));
      try {
        for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
          await x.db
            .insertInto('doc_updates')
            .values(rows.slice(i, i + INSERT_CHUNK))
            .execute();
        }
      } catch (err) {
        // Two writers read the same last sequence number: the key (doc, seq) lets only one in.
        if (!isUniqueViolation(err)) throw err;
        throw new StaleWriteError('seq_advanced', a.docId, `Another writer appended to ${a.docId} at ${last + 1}.`);
      }
      if (a.audit && a.audit.length > 0) {
        const audit = new KyselyAuditRepo(x);
        for (const draft of a.audit) await audit.append(a.docId, draft);
      }
      return seq;
    });
  }

  compact(docId: string, state: Uint8Array, upToSeq: number): Promise<boolean> {
    return this.x.atomically(async (x) => {
      const last = await lastSeqOf(x, docId);
      if (upToSeq > last) throw new RangeError(`Cannot snapshot ${docId} at ${upToSeq}: its log ends at ${last}.`);
      // The conditional upsert is the compare-and-set: concurrent compactions serialise on the
      // snapshot row and only a newer one replaces it.
      const replaced = await x.db
        .insertInto('doc_snapshots')
        .values({ doc_id: docId, seq: upToSeq, data: x.bytes(state) })
        .onConflict((oc) =>
          oc
            .column('doc_id')
            .doUpdateSet({ seq: upToSeq, data: x.bytes(state) })
            .where(sql<boolean>`doc_snapshots.seq < ${upToSeq}`),
        )
        .returning('seq')
        .executeTakeFirst();
      if (!replaced) return false;
      await x.db.deleteFrom('doc_updates').where('doc_id', '=', docId).where('seq', '<=', upToSeq).execute();
      return true;
    });
  }

  lastSeq(docId: string): Promise<number> {
    return lastSeqOf(this.x, docId);
  }

  async logLength(docId: string): Promise<number> {
    const row = await this.x.db
      .selectFrom('doc_updates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('doc_id', '=', docId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}

async function lastSeqOf(x: StoreExecutor, docId: string): Promise<number> {
  const { rows } = await sql<{ seq: number | null }>`
    SELECT max(seq) AS seq FROM (
      SELECT max(seq) AS seq FROM doc_updates WHERE doc_id = ${docId}
      UNION ALL SELECT seq FROM doc_snapshots WHERE doc_id = ${docId}) AS heads`.execute(x.db);
  return Number(rows[0]?.seq ?? 0);
}
