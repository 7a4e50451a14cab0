import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Principal, Role } from '../../../shared/governance/roles.js';
import type { DocumentRecord } from '../accountRecords.js';
import type { DocumentRepo } from '../repos/documentRepo.js';
import type { StoreExecutor } from './storeExecutor.js';

export class KyselyDocumentRepo implements DocumentRepo {
  constructor(private readonly x: StoreExecutor) {}

  async create(
    title: string,
    symbol: string | null,
    createdBy: string,
    id: string = randomUUID(),
  ): Promise<DocumentRecord> {
    const createdAt = this.x.now();
    await this.x.db
      .insertInto('documents')
      .values({ id, title, symbol, created_by: createdBy, created_at: createdAt })
      .execute();
    return { id, title, symbol, createdAt };
  }

  async get(id: string): Promise<DocumentRecord | null> {
    const row = await this.x.db
      .selectFrom('documents')
      .select(['id', 'title', 'symbol', 'created_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async listFor(principal: Principal): Promise<Array<DocumentRecord & { role: Role }>> {
    // The admin sees every draft, as chair; anyone else the drafts of their memberships.
    const rows = await this.x.db
      .selectFrom('documents as d')
      .$if(!principal.isAdmin, (q) =>
        q.innerJoin('memberships as m', 'm.doc_id', 'd.id').where('m.user_id', '=', principal.userId),
      )
      .select(['d.id', 'd.title', 'd.symbol', 'd.created_at'])
      .select(principal.isAdmin ? sql<string>`'chair'`.as('role') : sql<string>`m.role`.as('role'))
      .orderBy('d.created_at')
      .orderBy('d.id')
      .execute();
    return rows.map((r) => ({ ...toRecord(r), role: r.role as Role }));
  }
}

function toRecord(r: { id: string; title: string; symbol: string | null; created_at: number }): DocumentRecord {
  return { id: r.id, title: r.title, symbol: r.symbol, createdAt: Number(r.created_at) };
}
