import type { Principal, Role } from '../../../shared/governance/roles.js';
import type { Member } from '../accountRecords.js';

/** Who may open a document, with which role, speaking for which delegation. */
export interface MembershipRepo {
  /** The role of a person on a document, or null for non-members and unknown documents alike. */
  roleOn(docId: string, principal: Principal): Promise<Role | null>;
  /**
   * Grants a role (and, when given, a delegation). A member added without one joins the
   * delegation named by their affiliation (created if needed).
   */
  setRole(docId: string, userId: string, role: Role, delegationId?: string | null): Promise<void>;
  remove(docId: string, userId: string): Promise<boolean>;
  members(docId: string): Promise<Member[]>;
}
