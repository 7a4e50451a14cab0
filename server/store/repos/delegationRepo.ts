import type { Delegation, DelegationKind } from '../../../shared/model/delegation.js';

/** The delegations of each document. `create` throws `DelegationTaken` on a name or code clash. */
export interface DelegationRepo {
  list(docId: string): Promise<Delegation[]>;
  get(docId: string, id: string): Promise<Delegation | null>;
  ofMember(docId: string, userId: string): Promise<Delegation | null>;
  create(docId: string, name: string, code: string, kind: DelegationKind): Promise<Delegation>;
  /** The delegation named by a free-text affiliation, found case-insensitively or created. */
  forAffiliation(docId: string, affiliation: string, observer: boolean): Promise<Delegation>;
}
