import type { Principal, Role } from '../../shared/governance/roles.js';
import type { StoreRepos } from '../store/repos/storeRepos.js';
import { requirePrincipal } from './authenticate.js';
import { notFound } from './httpError.js';

/**
 * The caller and their role on a document. Non-members get the same 404 as
 * for a document that does not exist: they learn nothing, not even that.
 */
export async function memberOf(
  c: { get(key: 'principal'): Principal | null },
  store: StoreRepos,
  docId: string,
): Promise<{ who: Principal; role: Role }> {
  const who = requirePrincipal(c);
  const role = await store.memberships.roleOn(docId, who);
  if (!role) throw notFound('No such document, or you are not a member of it.');
  return { who: await onDocument(store, docId, who), role };
}

/**
 * The person as they act on one document: labelled with the delegation they speak for there,
 * so that brackets, objections, proposals and the audit name person and delegation.
 */
export async function onDocument(store: StoreRepos, docId: string, principal: Principal): Promise<Principal> {
  const d = await store.delegations.ofMember(docId, principal.userId);
  return d ? { ...principal, affiliation: d.name, delegation: d.code } : principal;
}
