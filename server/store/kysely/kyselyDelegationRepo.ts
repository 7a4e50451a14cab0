import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Delegation, DelegationKind } from '../../../shared/model/delegation.js';
import { delegationCode } from '../../../shared/model/delegationCode.js';
import { DelegationTaken } from '../delegations.js';
import type { DelegationRepo } from '../repos/delegationRepo.js';
import type { StoreExecutor } from './storeExecutor.js';

const COLUMNS = ['id', 'name', 'code', 'kind'] as const;

export class KyselyDelegationRepo implements DelegationRepo {
  constructor(private readonly x: StoreExecutor) {}

  async list(docId: string): Promise<Delegation[]> {
    const rows = await this.x.db
      .selectFrom('delegations')
      .select(COLUMNS)
      .where('doc_id', '=', docId)
      .orderBy('name')
      .execute();
    return rows.map(toDelegation);
  }

  async get(docId: string, id: string): Promise<Delegation | null> {
    const row = await this.x.db
      .selectFrom('delegations')
      .select(COLUMNS)
      .where('doc_id', '=', docId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toDelegation(row) : null;
  }

  async ofMember(docId: string, userId: string): Promise<Delegation | null> {
    const row = await this.x.db
      .selectFrom('memberships as m')
      .innerJoin('delegations as d', 'd.id', 'm.delegation_id')
      .select(['d.id', 'd.name', 'd.code', 'd.kind'])
      .where('m.doc_id', '=', docId)
      .where('m.user_id', '=', userId)
      .executeTakeFirst();
    return row ? toDelegation(row) : null;
  }

  create(docId: string, name: string, code: string, kind: DelegationKind): Promise<Delegation> {
    return this.x.atomically(async (x) => {
      // The clash check is case-insensitive, which the UNIQUE constraints are not: one at a time per document.
      await x.lock(`delegations:${docId}`);
      const clash = await x.db
        .selectFrom('delegations')
        .select('id')
        .where('doc_id', '=', docId)
        .where((eb) =>
          eb.or([eb(sql`lower(name)`, '=', sql`lower(${name})`), eb(sql`upper(code)`, '=', sql`upper(${code})`)]),
        )
        .executeTakeFirst();
      if (clash) throw new DelegationTaken('Another delegation of this draft already has this name or code.');
      const d: Delegation = { id: randomUUID(), name, code: code.toUpperCase(), kind };
      await x.db
        .insertInto('delegations')
        .values({ id: d.id, doc_id: docId, name: d.name, code: d.code, kind, created_at: x.now() })
        .execute();
      return d;
    });
  }

  forAffiliation(docId: string, affiliation: string, observer: boolean): Promise<Delegation> {
    return this.x.atomically(async (x) => {
      await x.lock(`delegations:${docId}`);
      const name = affiliation.trim() || 'Unaffiliated';
      const found = await x.db
        .selectFrom('delegations')
        .select(COLUMNS)
        .where('doc_id', '=', docId)
        .where(sql`lower(name)`, '=', sql`lower(${name})`)
        .executeTakeFirst();
      if (found) return toDelegation(found);
      const taken = (await x.db.selectFrom('delegations').select('code').where('doc_id', '=', docId).execute()).map(
        (r) => r.code,
      );
      const kind: DelegationKind = observer || /^observer\b/i.test(name) ? 'observer' : 'member_state';
      return new KyselyDelegationRepo(x).create(docId, name, delegationCode(name, taken), kind);
    });
  }
}

function toDelegation(r: { id: string; name: string; code: string; kind: string }): Delegation {
  return { id: r.id, name: r.name, code: r.code, kind: r.kind as DelegationKind };
}
