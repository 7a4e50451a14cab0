import { randomUUID } from 'node:crypto';
import type { Principal, Role } from '../../../shared/governance/roles.js';
import type { DocumentRecord } from '../accounts.js';
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
    return row ? { id: row.id, title: row.title, symbol: row.symbol, createdAt: Number(row.created_at) } : null;
  }

  async listFor(principal: Principal): Promise<Array<DocumentRecord & { role: Role }>> {
    if (principal.isAdmin) {
      const rows = await this.x.db
        .selectFrom('documents')
        .select(['id', 'title', 'symbol', 'created_at'])
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        symbol: r.symbol,
        createdAt: Number(r.created_at),
        role: 'chair',
      }));
    }
    const rows = await this.x.db
      .selectFrom('documents as d')
      .innerJoin('memberships as m', 'm.doc_id', 'd.id')
      .select(['d.id', 'd.title', 'd.symbol', 'd.created_at', 'm.role'])
      .where('m.user_id', '=', principal.userId)
      .orderBy('d.created_at')
      .orderBy('d.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      symbol: r.symbol,
      createdAt: Number(r.created_at),
      role: r.role as Role,
    }));
  }
}
