import type { components } from './schema';

/** Shapes of the Accord HTTP API that the client reads, as the server's OpenAPI document defines them. */
type Schemas = components['schemas'];

export type Me = Schemas['User'];
export type DocumentSummary = Schemas['DocumentSummary'];
/** A draft as its page opens it: with what the collaboration socket accepts. */
export type DocumentDetail = Schemas['DocumentDetail'];
export type MemberInfo = Schemas['Member'];
export type Delegation = Schemas['Delegation'];
/** GET …/members: the members, and the same people grouped by delegation. */
export type MembersAnswer = {
  members: MemberInfo[];
  delegations: Schemas['DelegationMembers'][];
};
export type InviteOffer = Schemas['InviteOffer'];
export type InviteCreated = Schemas['InviteCreated'];
export type AuditPage = Schemas['AuditPage'];
export type RevisionInfo = Schemas['IssuedRevision'];
export type RevisionSnapshot = Schemas['RevisionSnapshot'];
