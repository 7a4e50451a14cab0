import type { Role } from '../../../shared/governance/roles.js';

/** What a valid invite offers. */
export interface InviteOffer {
  docId: string;
  role: Role;
  title: string;
  delegationId: string | null;
}

/** Single-use invitations to a document. */
export interface InviteRepo {
  /** Creates an invite and returns its secret (only its hash is stored). */
  create(docId: string, role: Role, createdBy: string, ttlMs: number, delegationId?: string | null): Promise<string>;
  /** What an invite offers, if still valid (unused, not expired). */
  offer(secret: string): Promise<InviteOffer | null>;
  /**
   * Marks the invite used by `userId` and returns its offer, atomically: of several concurrent
   * acceptances exactly one gets the offer, the others null.
   */
  consume(secret: string, userId: string): Promise<InviteOffer | null>;
}
