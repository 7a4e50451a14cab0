import type { Role } from '../../../shared/governance/roles.js';
import { hashSecret, newSecret } from '../../auth/secrets.js';
import type { InviteOffer, InviteRepo } from '../repos/inviteRepo.js';
import type { StoreExecutor } from './storeExecutor.js';

export class KyselyInviteRepo implements InviteRepo {
  constructor(private readonly x: StoreExecutor) {}

  async create(
    docId: string,
    role: Role,
    createdBy: string,
    ttlMs: number,
    delegationId: string | null = null,
  ): Promise<string> {
    const secret = newSecret();
    await this.x.db
      .insertInto('invites')
      .values({
        hash: hashSecret(secret),
        doc_id: docId,
        role,
        created_by: createdBy,
        expires_at: this.x.now() + ttlMs,
        used_by: null,
        used_at: null,
        delegation_id: delegationId,
      })
      .execute();
    return secret;
  }

  async offer(secret: string): Promise<InviteOffer | null> {
    const row = await this.x.db
      .selectFrom('invites as i')
      .innerJoin('documents as d', 'd.id', 'i.doc_id')
      .select(['i.doc_id', 'i.role', 'i.delegation_id', 'd.title'])
      .where('i.hash', '=', hashSecret(secret))
      .where('i.used_at', 'is', null)
      .where('i.expires_at', '>', this.x.now())
      .executeTakeFirst();
    return row
      ? { docId: row.doc_id, role: row.role as Role, title: row.title, delegationId: row.delegation_id }
      : null;
  }

  consume(secret: string, userId: string): Promise<InviteOffer | null> {
    return this.x.atomically(async (x) => {
      const offer = await new KyselyInviteRepo(x).offer(secret);
      if (!offer) return null;
      // The conditional UPDATE decides: a concurrent acceptance that already marked the invite
      // used makes this one match no row (PostgreSQL re-checks the condition after the row lock).
      const result = await x.db
        .updateTable('invites')
        .set({ used_by: userId, used_at: x.now() })
        .where('hash', '=', hashSecret(secret))
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0 ? offer : null;
    });
  }
}
