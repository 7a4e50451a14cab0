import type { Principal, Role } from '../../../shared/governance/roles.js';
import type { Member } from '../accountRecords.js';
import type { MembershipRepo } from '../repos/membershipRepo.js';
import { KyselyDelegationRepo } from './kyselyDelegationRepo.js';
import type { StoreExecutor } from './storeExecutor.js';

export class KyselyMembershipRepo implements MembershipRepo {
  constructor(private readonly x: StoreExecutor) {}

  async roleOn(docId: string, principal: Principal): Promise<Role | null> {
    if (principal.isAdmin) {
      const doc = await this.x.db.selectFrom('documents').select('id').where('id', '=', docId).executeTakeFirst();
      return doc ? 'chair' : null;
    }
    const row = await this.x.db
      .selectFrom('memberships')
      .select('role')
      .where('doc_id', '=', docId)
      .where('user_id', '=', principal.userId)
      .executeTakeFirst();
    return (row?.role as Role | undefined) ?? null;
  }

  setRole(docId: string, userId: string, role: Role, delegationId: string | null = null): Promise<void> {
    return this.x.atomically(async (x) => {
      await x.db
        .insertInto('memberships')
        .values({ doc_id: docId, user_id: userId, role, delegation_id: null })
        .onConflict((oc) => oc.columns(['doc_id', 'user_id']).doUpdateSet({ role }))
        .execute();
      const delegations = new KyselyDelegationRepo(x);
      let target = delegationId;
      if (target === null && !(await delegations.ofMember(docId, userId))) {
        const user = await x.db.selectFrom('users').select('affiliation').where('id', '=', userId).executeTakeFirst();
        target = (await delegations.forAffiliation(docId, user?.affiliation ?? '', role === 'observer')).id;
      }
      if (target !== null) {
        await x.db
          .updateTable('memberships')
          .set({ delegation_id: target })
          .where('doc_id', '=', docId)
          .where('user_id', '=', userId)
          .execute();
      }
    });
  }

  async remove(docId: string, userId: string): Promise<boolean> {
    const result = await this.x.db
      .deleteFrom('memberships')
      .where('doc_id', '=', docId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async members(docId: string): Promise<Member[]> {
    const delegations = new Map((await new KyselyDelegationRepo(this.x).list(docId)).map((d) => [d.id, d]));
    const rows = await this.x.db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.name', 'u.affiliation', 'm.role', 'm.delegation_id'])
      .where('m.doc_id', '=', docId)
      .orderBy('u.name')
      .orderBy('u.id')
      .execute();
    return rows.map((r) => ({
      userId: r.id,
      name: r.name,
      affiliation: r.affiliation,
      role: r.role as Role,
      delegation: (r.delegation_id && delegations.get(r.delegation_id)) || null,
    }));
  }
}
