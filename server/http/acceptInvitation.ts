import type { Principal, Role } from '../../shared/governance/roles.js';
import type { AccordStore } from '../store/accordStore.js';

export interface AcceptedInvitation {
  principal: Principal;
  session: string;
  docId: string;
  role: Role;
  /** The delegation the member now speaks for; undefined when no membership changed (the admin). */
  delegationId?: string | null;
}

/**
 * Accepts an invitation in one transaction: the invite is consumed (of concurrent acceptances
 * exactly one wins), the person created (or the signed-in one kept), the role granted, a session
 * issued and the join audited — all or nothing. Null when the invite is invalid, used or expired.
 */
export function acceptInvitation(
  store: AccordStore,
  secret: string,
  name: string,
  affiliation: string,
  existing: Principal | null,
): Promise<AcceptedInvitation | null> {
  return store
    .transaction(async (tx) => {
      if (!(await tx.invites.offer(secret))) return null;
      const principal = existing ?? (await tx.users.create(name, affiliation));
      const offer = await tx.invites.consume(secret, principal.userId);
      // Lost the race to a concurrent acceptance: roll back the person created for it.
      if (!offer) throw new InviteTaken();
      let delegationId: string | null | undefined;
      if (!principal.isAdmin) {
        await tx.memberships.setRole(offer.docId, principal.userId, offer.role, offer.delegationId);
        delegationId = (await tx.delegations.ofMember(offer.docId, principal.userId))?.id ?? null;
      }
      const session = await tx.credentials.issue(principal.userId, 'session');
      await tx.audit.append(offer.docId, {
        actor: principal.userId,
        action: 'member.join',
        detail: { role: offer.role, via: 'invite' },
      });
      return { principal, session, docId: offer.docId, role: offer.role, delegationId };
    })
    .catch((err: unknown) => {
      if (err instanceof InviteTaken) return null;
      throw err;
    });
}

/** A concurrent acceptance consumed the invite first (rolls this acceptance back). */
class InviteTaken extends Error {
  constructor() {
    super('the invitation was accepted concurrently');
  }
}
