import type { Principal, Role } from '../../shared/governance/roles.js';
import type { Delegation } from '../../shared/model/delegation.js';

/** People, credentials, documents and memberships as the store's repositories hand them out. */
export type CredentialKind = 'session' | 'api_token' | 'signin_link';

/** A valid credential and whom it belongs to. */
export interface CredentialCheck {
  principal: Principal;
  /** Public id of the credential (never the secret or its hash). */
  credentialId: string;
  kind: CredentialKind;
  /** Epoch ms, or null for credentials that do not expire (API tokens). */
  expiresAt: number | null;
}

export interface ApiTokenInfo {
  id: string;
  label: string;
  createdAt: number;
}

export interface Member {
  userId: string;
  name: string;
  affiliation: string;
  role: Role;
  /** The delegation they speak for on this document. */
  delegation: Delegation | null;
}

export interface DocumentRecord {
  id: string;
  title: string;
  symbol: string | null;
  createdAt: number;
}
