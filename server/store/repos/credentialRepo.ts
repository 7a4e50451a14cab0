import type { ApiTokenInfo, CredentialCheck, CredentialKind } from '../accountRecords.js';

/**
 * Sessions, API tokens and one-time sign-in links. Only a secret's SHA-256 hash is stored; the
 * secret is returned once, at issue.
 */
export interface CredentialRepo {
  /** Issues a credential and returns its secret; `secret` lets ADMIN_TOKEN be installed. */
  issue(userId: string, kind: CredentialKind, secret?: string, label?: string | null): Promise<string>;
  /** The person and credential behind a secret, if it is of one of `kinds` and has not expired. */
  check(secret: string, kinds?: readonly CredentialKind[]): Promise<CredentialCheck | null>;
  /** Whether `secret` is a real credential that has expired (not a guess). */
  expired(secret: string): Promise<boolean>;
  /** Whether a credential still exists and has not expired (open sockets re-check it). */
  valid(credentialId: string): Promise<boolean>;
  /** Deletes a credential of one of `kinds` and returns what it was, atomically: a one-time link is used once. */
  consume(secret: string, kinds: readonly CredentialKind[]): Promise<CredentialCheck | null>;
  /** Ends a credential; its public id (to close its sockets), or null if unknown. */
  revoke(secret: string): Promise<string | null>;
  apiTokens(userId: string): Promise<ApiTokenInfo[]>;
  revokeApiToken(userId: string, id: string): Promise<boolean>;
  /** Deletes a person's credentials of one kind (earlier sign-in links, when a new one is sent). */
  revokeAll(userId: string, kind: CredentialKind): Promise<number>;
}
