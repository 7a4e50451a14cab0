/**
 * A delegation of a group (one document's membership): a member State, an
 * organisation, or an observer's organisation. Every member of a document speaks
 * for exactly one delegation; proposals, support, brackets, objections and the
 * audit log name the person and their delegation's short code.
 */
export const delegationKinds = ['member_state', 'organisation', 'observer'] as const;
export type DelegationKind = (typeof delegationKinds)[number];

export const delegationKindLabels: Record<DelegationKind, string> = {
  member_state: 'Member State',
  organisation: 'Organisation',
  observer: 'Observer',
};

export interface Delegation {
  id: string;
  name: string;
  /** Short code shown next to names ("BRA", "EU", "ISOC"); unique within the document. */
  code: string;
  kind: DelegationKind;
}

/** What records carry of a delegation: enough to display it without a lookup. */
export interface DelegationRef {
  code: string;
  name: string;
}
