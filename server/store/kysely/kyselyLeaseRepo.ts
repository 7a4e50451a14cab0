import { sql } from 'kysely';
import type { Lease, LeaseRepo } from '../repos/leaseRepo.js';
import type { StoreExecutor } from './storeExecutor.js';

interface LeaseRow {
  doc_id: string;
  owner: string;
  epoch: number;
  expires_at: number;
}

export class KyselyLeaseRepo implements LeaseRepo {
  constructor(private readonly x: StoreExecutor) {}

  async acquire(docId: string, owner: string, ttlMs: number): Promise<Lease | null> {
    const now = this.x.now();
    // One conditional upsert: on PostgreSQL concurrent acquirers queue on the row and each
    // re-evaluates the WHERE against the winner's version, so exactly one takes an expired lease.
    // SET reads the old row on both dialects.
    const { rows } = await sql<LeaseRow>`
      INSERT INTO doc_leases (doc_id, owner, epoch, expires_at) VALUES (${docId}, ${owner}, 1, ${now + ttlMs})
      ON CONFLICT (doc_id) DO UPDATE SET
        epoch = CASE WHEN doc_leases.owner = excluded.owner AND doc_leases.expires_at > ${now}
                     THEN doc_leases.epoch ELSE doc_leases.epoch + 1 END,
        owner = excluded.owner,
        expires_at = excluded.expires_at
      WHERE doc_leases.expires_at <= ${now} OR doc_leases.owner = excluded.owner
      RETURNING doc_id, owner, epoch, expires_at`.execute(this.x.db);
    return rows[0] ? toLease(rows[0]) : null;
  }

  async renew(lease: Lease, ttlMs: number): Promise<Lease | null> {
    const row = await this.x.db
      .updateTable('doc_leases')
      .set({ expires_at: this.x.now() + ttlMs })
      .where('doc_id', '=', lease.docId)
      .where('owner', '=', lease.owner)
      .where('epoch', '=', lease.epoch)
      .returning(['doc_id', 'owner', 'epoch', 'expires_at'])
      .executeTakeFirst();
    return row ? toLease(row) : null;
  }

  async release(lease: Lease): Promise<boolean> {
    // The row stays (expired now): deleting it would restart the epoch at 1 and let a paused
    // former owner holding epoch 1 write again.
    const result = await this.x.db
      .updateTable('doc_leases')
      .set({ expires_at: this.x.now() })
      .where('doc_id', '=', lease.docId)
      .where('owner', '=', lease.owner)
      .where('epoch', '=', lease.epoch)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async current(docId: string): Promise<Lease | null> {
    const row = await this.x.db.selectFrom('doc_leases').selectAll().where('doc_id', '=', docId).executeTakeFirst();
    return row ? toLease(row) : null;
  }
}

function toLease(r: LeaseRow): Lease {
  return { docId: r.doc_id, owner: r.owner, epoch: Number(r.epoch), expiresAt: Number(r.expires_at) };
}
