import type { Principal, Role } from '../../shared/governance/roles.js';
import type { Accounts } from '../store/accounts.js';
import { requirePrincipal } from './authenticate.js';
import { notFound } from './httpError.js';

/**
 * The caller and their role on a document. Non-members get the same 404 as
 * for a document that does not exist: they learn nothing, not even that.
 */
export function memberOf(
  c: { get(key: 'principal'): Principal | null },
  accounts: Accounts,
  docId: string,
): { who: Principal; role: Role } {
  const who = requirePrincipal(c);
  const role = accounts.roleOn(docId, who);
  if (!role) throw notFound('No such document, or you are not a member of it.');
  return { who: accounts.onDocument(docId, who), role };
}
