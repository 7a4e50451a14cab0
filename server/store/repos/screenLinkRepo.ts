import type { Principal } from '../../../shared/governance/roles.js';

export interface ScreenLink {
  id: string;
  docId: string;
  label: string;
  createdBy: string;
  createdAt: number;
}

/** Prefix of a screen's principal id: never a person's id (those are UUIDs), never a member. */
export const SCREEN_PRINCIPAL_PREFIX = 'screen:';

/** Who a screen acts as on its draft's socket: nobody's account, labelled with the link's name. */
export function screenPrincipal(link: ScreenLink): Principal {
  return { userId: `${SCREEN_PRINCIPAL_PREFIX}${link.id}`, name: link.label, affiliation: '', isAdmin: false };
}

/**
 * Screen links (store migration 3): the credential of a meeting room's screen. It reads one draft
 * live and nothing else — it is not a person, not a member, and no HTTP route accepts it
 * (`authenticate` looks only at sessions and API tokens); only the collaboration socket of its
 * own draft does, as a read-only connection. Only the secret's hash is stored.
 */
export interface ScreenLinkRepo {
  /** A new link for a draft; the secret is returned once. */
  create(docId: string, label: string, createdBy: string): Promise<{ link: ScreenLink; secret: string }>;
  list(docId: string): Promise<ScreenLink[]>;
  /** The link a secret opens, or null. */
  check(secret: string): Promise<ScreenLink | null>;
  /** Whether the link still exists (open sockets re-check it on every liveness sweep). */
  valid(id: string): Promise<boolean>;
  /** Deletes one of a draft's links; false if the draft has no such link. */
  revoke(docId: string, id: string): Promise<boolean>;
}
