import { randomBytes, randomUUID } from 'node:crypto';
import type { Principal, Role } from '../../shared/governance/roles.js';
import { isLanguage, type Language } from '../../shared/i18n/languages.js';
import type { Delegation } from '../../shared/model/delegation.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import { Delegations } from './delegations.js';
import type { SqliteDatabase } from './sqliteDatabase.js';

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

/**
 * What other parts of the server must react to at once: every open socket opened with
 * a revoked credential, or by a person whose membership changed, is closed (CollabUpgrade).
 */
export interface AccountListeners {
  credentialRevoked(credentialId: string): void;
  /** `delegationId`: the delegation they speak for now (null when removed or without one). */
  membershipChanged(docId: string, userId: string, role: Role | null, delegationId: string | null): void;
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

interface UserRow {
  id: string;
  name: string;
  affiliation: string;
  is_admin: number;
}

const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;
const SIGNIN_LINK_TTL_MS = 24 * 3600 * 1000;

/**
 * People, credentials, documents and memberships in the embedded store.
 * Every secret (session, API token, sign-in link, invite) is stored as its
 * SHA-256 hash; the plain value is returned once, at creation.
 */
export class Accounts {
  private readonly listeners: Partial<AccountListeners>[] = [];
  readonly delegations: Delegations;

  constructor(private readonly db: SqliteDatabase) {
    this.delegations = new Delegations(db);
  }

  /** Registers listeners for revocations and membership changes. */
  listen(l: Partial<AccountListeners>): void {
    this.listeners.push(l);
  }

  isEmpty(): boolean {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n === 0;
  }

  createUser(name: string, affiliation: string, isAdmin = false, id: string = randomUUID()): Principal {
    this.db
      .prepare('INSERT INTO users (id, name, affiliation, is_admin, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, name, affiliation, isAdmin ? 1 : 0, Date.now());
    return { userId: id, name, affiliation, isAdmin };
  }

  /** The interface language the person chose, or null (never chosen, or no such person). */
  language(userId: string): Language | null {
    const row = this.db.prepare('SELECT language FROM users WHERE id = ?').get(userId) as
      | { language: string | null }
      | undefined;
    const language = row?.language;
    return isLanguage(language) ? language : null;
  }

  /** Remembers the person's interface language; false when there is no such person. */
  setLanguage(userId: string, language: Language): boolean {
    return this.db.prepare('UPDATE users SET language = ? WHERE id = ?').run(language, userId).changes > 0;
  }

  user(userId: string): Principal | null {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(userId) as UserRow | undefined;
    return row ? toPrincipal(row) : null;
  }

  /** Issues a credential and returns its secret (shown once). `secret` lets ADMIN_TOKEN be installed. */
  issue(userId: string, kind: CredentialKind, secret: string = newSecret(), label: string | null = null): string {
    const ttl = kind === 'session' ? SESSION_TTL_MS : kind === 'signin_link' ? SIGNIN_LINK_TTL_MS : null;
    this.db
      .prepare(
        `INSERT INTO credentials (hash, id, user_id, kind, label, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (hash) DO UPDATE SET user_id = excluded.user_id, kind = excluded.kind`,
      )
      .run(
        hashSecret(secret),
        newCredentialId(),
        userId,
        kind,
        label,
        ttl === null ? null : Date.now() + ttl,
        Date.now(),
      );
    return secret;
  }

  /** Issues an API token for scripts: its public id (to list and revoke it) and the secret, shown once. */
  issueApiToken(userId: string, label: string): { id: string; token: string } {
    const token = this.issue(userId, 'api_token', newSecret(), label);
    return { id: this.credentialIdOf(token) as string, token };
  }

  /** The person a session cookie or API token belongs to, or null if unknown or expired. */
  authenticate(secret: string, kinds: readonly CredentialKind[] = ['session', 'api_token']): Principal | null {
    return this.check(secret, kinds)?.principal ?? null;
  }

  /** Like authenticate, with the credential itself (its id and expiry), for connections that outlive the request. */
  check(secret: string, kinds: readonly CredentialKind[] = ['session', 'api_token']): CredentialCheck | null {
    const row = this.db
      .prepare(
        `SELECT u.*, c.id AS credential_id, c.kind, c.expires_at FROM credentials c JOIN users u ON u.id = c.user_id
         WHERE c.hash = ?`,
      )
      .get(hashSecret(secret)) as
      | (UserRow & { credential_id: string; kind: CredentialKind; expires_at: number | null })
      | undefined;
    if (!row || !kinds.includes(row.kind)) return null;
    if (row.expires_at !== null && row.expires_at < Date.now()) return null;
    return { principal: toPrincipal(row), credentialId: row.credential_id, kind: row.kind, expiresAt: row.expires_at };
  }

  /** Whether `secret` is a real credential that has expired (not a guess). */
  expired(secret: string): boolean {
    const row = this.db.prepare('SELECT expires_at FROM credentials WHERE hash = ?').get(hashSecret(secret)) as
      | { expires_at: number | null }
      | undefined;
    return row !== undefined && row.expires_at !== null && row.expires_at < Date.now();
  }

  /** Whether a credential still exists and has not expired (open sockets re-check this periodically). */
  credentialValid(credentialId: string): boolean {
    const row = this.db.prepare('SELECT expires_at FROM credentials WHERE id = ?').get(credentialId) as
      | { expires_at: number | null }
      | undefined;
    return row !== undefined && (row.expires_at === null || row.expires_at >= Date.now());
  }

  /** A person's API tokens (never their secrets). */
  apiTokens(userId: string): ApiTokenInfo[] {
    return (
      this.db
        .prepare(
          "SELECT id, label, created_at FROM credentials WHERE user_id = ? AND kind = 'api_token' ORDER BY created_at",
        )
        .all(userId) as Array<{ id: string; label: string | null; created_at: number }>
    ).map((r) => ({ id: r.id, label: r.label ?? '', createdAt: r.created_at }));
  }

  /** Revokes one of a person's API tokens; false if they have no such token. */
  revokeApiToken(userId: string, id: string): boolean {
    const gone =
      this.db.prepare("DELETE FROM credentials WHERE id = ? AND user_id = ? AND kind = 'api_token'").run(id, userId)
        .changes > 0;
    if (gone) this.emitRevoked(id);
    return gone;
  }

  /** Exchanges a one-time sign-in link for a session; the link is consumed. */
  redeemSigninLink(secret: string): { principal: Principal; session: string } | null {
    return this.db.transaction(() => {
      const principal = this.authenticate(secret, ['signin_link']);
      if (!principal) return null;
      this.db.prepare('DELETE FROM credentials WHERE hash = ?').run(hashSecret(secret));
      return { principal, session: this.issue(principal.userId, 'session') };
    })();
  }

  /** Ends a credential (signing out); the sockets it opened are closed at once. */
  revoke(secret: string): void {
    const id = this.credentialIdOf(secret);
    this.db.prepare('DELETE FROM credentials WHERE hash = ?').run(hashSecret(secret));
    if (id) this.emitRevoked(id);
  }

  private credentialIdOf(secret: string): string | null {
    const row = this.db.prepare('SELECT id FROM credentials WHERE hash = ?').get(hashSecret(secret)) as
      | { id: string }
      | undefined;
    return row?.id ?? null;
  }

  private emitRevoked(credentialId: string): void {
    for (const l of this.listeners) l.credentialRevoked?.(credentialId);
  }

  /**
   * A new one-time sign-in link for an existing person; their earlier unused links stop working,
   * so only the last link handed out is valid. Returns the secret (shown once).
   */
  reissueSigninLink(userId: string): string {
    return this.db.transaction(() => {
      this.db.prepare("DELETE FROM credentials WHERE user_id = ? AND kind = 'signin_link'").run(userId);
      return this.issue(userId, 'signin_link');
    })();
  }

  createDocument(title: string, symbol: string | null, createdBy: string, id: string = randomUUID()): DocumentRecord {
    const createdAt = Date.now();
    this.db
      .prepare('INSERT INTO documents (id, title, symbol, created_by, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, title, symbol, createdBy, createdAt);
    return { id, title, symbol, createdAt };
  }

  document(id: string): DocumentRecord | null {
    const row = this.db.prepare('SELECT id, title, symbol, created_at FROM documents WHERE id = ?').get(id) as
      | { id: string; title: string; symbol: string | null; created_at: number }
      | undefined;
    return row ? { id: row.id, title: row.title, symbol: row.symbol, createdAt: row.created_at } : null;
  }

  /** Documents a person may open, with their role (the admin sees all, as chair). */
  documentsOf(principal: Principal): Array<DocumentRecord & { role: Role }> {
    const rows = principal.isAdmin
      ? this.db
          .prepare(`SELECT id, title, symbol, created_at, 'chair' AS role FROM documents ORDER BY created_at`)
          .all()
      : this.db
          .prepare(
            `SELECT d.id, d.title, d.symbol, d.created_at, m.role FROM documents d
             JOIN memberships m ON m.doc_id = d.id WHERE m.user_id = ? ORDER BY d.created_at`,
          )
          .all(principal.userId);
    return (rows as Array<{ id: string; title: string; symbol: string | null; created_at: number; role: Role }>).map(
      (r) => ({ id: r.id, title: r.title, symbol: r.symbol, createdAt: r.created_at, role: r.role }),
    );
  }

  /** The role of a person on a document, or null for non-members and unknown documents alike. */
  roleOn(docId: string, principal: Principal): Role | null {
    if (principal.isAdmin) return this.document(docId) ? 'chair' : null;
    const row = this.db
      .prepare('SELECT role FROM memberships WHERE doc_id = ? AND user_id = ?')
      .get(docId, principal.userId) as { role: Role } | undefined;
    return row?.role ?? null;
  }

  /**
   * Grants a role (and, when given, a delegation). Every member belongs to a delegation: one
   * added without it joins the delegation named by their affiliation (created if needed).
   */
  /**
   * The person as they act on one document: labelled with the delegation they speak for
   * there, so that brackets, objections, proposals and the audit name person and delegation.
   */
  onDocument(docId: string, principal: Principal): Principal {
    const d = this.delegations.ofMember(docId, principal.userId);
    return d ? { ...principal, affiliation: d.name, delegation: d.code } : principal;
  }

  setRole(docId: string, userId: string, role: Role, delegationId: string | null = null): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO memberships (doc_id, user_id, role) VALUES (?, ?, ?)
           ON CONFLICT (doc_id, user_id) DO UPDATE SET role = excluded.role`,
        )
        .run(docId, userId, role);
      let target = delegationId;
      if (target === null && !this.delegations.ofMember(docId, userId)) {
        const user = this.user(userId);
        target = this.delegations.forAffiliation(docId, user?.affiliation ?? '', role === 'observer').id;
      }
      if (target !== null) {
        this.db
          .prepare('UPDATE memberships SET delegation_id = ? WHERE doc_id = ? AND user_id = ?')
          .run(target, docId, userId);
      }
    })();
    const now = this.delegations.ofMember(docId, userId)?.id ?? null;
    for (const l of this.listeners) l.membershipChanged?.(docId, userId, role, now);
  }

  removeMember(docId: string, userId: string): boolean {
    const removed =
      this.db.prepare('DELETE FROM memberships WHERE doc_id = ? AND user_id = ?').run(docId, userId).changes > 0;
    if (removed) for (const l of this.listeners) l.membershipChanged?.(docId, userId, null, null);
    return removed;
  }

  members(docId: string): Member[] {
    const delegations = new Map(this.delegations.list(docId).map((d) => [d.id, d]));
    return (
      this.db
        .prepare(
          `SELECT u.id, u.name, u.affiliation, m.role, m.delegation_id FROM memberships m JOIN users u ON u.id = m.user_id
           WHERE m.doc_id = ? ORDER BY u.name`,
        )
        .all(docId) as Array<{
        id: string;
        name: string;
        affiliation: string;
        role: Role;
        delegation_id: string | null;
      }>
    ).map((r) => ({
      userId: r.id,
      name: r.name,
      affiliation: r.affiliation,
      role: r.role,
      delegation: (r.delegation_id && delegations.get(r.delegation_id)) || null,
    }));
  }

  createInvite(
    docId: string,
    role: Role,
    createdBy: string,
    ttlMs: number,
    delegationId: string | null = null,
  ): string {
    const secret = newSecret();
    this.db
      .prepare(
        'INSERT INTO invites (hash, doc_id, role, created_by, expires_at, delegation_id) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(hashSecret(secret), docId, role, createdBy, Date.now() + ttlMs, delegationId);
    return secret;
  }

  /** What an invite offers, if it is still valid (single use, not expired). */
  invite(
    secret: string,
  ): { docId: string; role: Role; title: string; delegationId: string | null; delegation: Delegation | null } | null {
    const row = this.db
      .prepare(
        `SELECT i.doc_id, i.role, i.delegation_id, d.title FROM invites i JOIN documents d ON d.id = i.doc_id
         WHERE i.hash = ? AND i.used_at IS NULL AND i.expires_at > ?`,
      )
      .get(hashSecret(secret), Date.now()) as
      | { doc_id: string; role: Role; title: string; delegation_id: string | null }
      | undefined;
    if (!row) return null;
    const delegation = row.delegation_id ? this.delegations.get(row.doc_id, row.delegation_id) : null;
    return { docId: row.doc_id, role: row.role, title: row.title, delegationId: row.delegation_id, delegation };
  }

  /** Accepts an invite: creates the person, grants the role, consumes the invite, opens a session. */
  acceptInvite(
    secret: string,
    name: string,
    affiliation: string,
    existing: Principal | null,
  ): { principal: Principal; session: string; docId: string; role: Role } | null {
    return this.db.transaction(() => {
      const offer = this.invite(secret);
      if (!offer) return null;
      const principal = existing ?? this.createUser(name, affiliation);
      this.db
        .prepare('UPDATE invites SET used_by = ?, used_at = ? WHERE hash = ?')
        .run(principal.userId, Date.now(), hashSecret(secret));
      if (!principal.isAdmin) this.setRole(offer.docId, principal.userId, offer.role, offer.delegationId);
      return { principal, session: this.issue(principal.userId, 'session'), docId: offer.docId, role: offer.role };
    })();
  }
}

function newCredentialId(): string {
  return randomBytes(8).toString('hex');
}

function toPrincipal(row: UserRow): Principal {
  return { userId: row.id, name: row.name, affiliation: row.affiliation, isAdmin: row.is_admin === 1 };
}
