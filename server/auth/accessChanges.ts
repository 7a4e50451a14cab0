import type { Role } from '../../shared/governance/roles.js';

/** A change of access that open sockets must follow at once. */
export interface AccessListener {
  /** A credential ended (sign-out, a revoked API token): the sockets it opened close. */
  credentialRevoked(credentialId: string): void;
  /**
   * A membership changed: `role` null when removed; `delegationId` the delegation they speak for
   * now (null when removed or without one). Sockets opened with another role or delegation close.
   */
  membershipChanged(docId: string, userId: string, role: Role | null, delegationId: string | null): void;
  /** A chair revoked a meeting room's screen link: the screens it opened close. */
  screenLinkRevoked(linkId: string): void;
}

/**
 * Announces revocations and membership changes once they are committed in the store, to every
 * listener of this process (the live sockets). One node today; in the multi-node mode the same
 * announcements are published to the other nodes (issue 12), so routes announce here and never
 * close sockets themselves.
 */
export class AccessChanges implements AccessListener {
  private readonly listeners: Partial<AccessListener>[] = [];

  listen(listener: Partial<AccessListener>): void {
    this.listeners.push(listener);
  }

  credentialRevoked(credentialId: string): void {
    for (const l of this.listeners) l.credentialRevoked?.(credentialId);
  }

  membershipChanged(docId: string, userId: string, role: Role | null, delegationId: string | null): void {
    for (const l of this.listeners) l.membershipChanged?.(docId, userId, role, delegationId);
  }

  screenLinkRevoked(linkId: string): void {
    for (const l of this.listeners) l.screenLinkRevoked?.(linkId);
  }
}
