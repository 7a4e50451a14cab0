import { randomUUID } from 'node:crypto';
import type { Principal, Role } from '../../shared/governance/roles.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import type { SqliteDatabase } from './sqliteDatabase.js';

export type CredentialKind = 'session' | 'api_token' | 'signin_link';

export interface Member {
  userId: string;
  name: string;
  affiliation: string;
  role: Role;
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
  constructor(private readonly db: SqliteDatabase) {}

  isEmpty(): boolean {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n === 0;
  }

  createUser(name: string, affiliation: string, isAdmin = false, id: string = randomUUID()): Principal {
    this.db
      .prepare('INSERT INTO users (id, name, affiliation, is_admin, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, name, affiliation, isAdmin ? 1 : 0, Date.now());
    return { userId: id, name, affiliation, isAdmin };
  }

  user(userId: string): Principal | null {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(userId) as UserRow | undefined;
    return row ? toPrincipal(row) : null;
  }

  /** Issues a credential and returns its secret (shown once). `secret` lets ADMIN_TOKEN be installed. */
  issue(userId: string, kind: CredentialKind, secret: string = newSecret()): string {
    const ttl = kind === 'session' ? SESSION_TTL_MS : kind === 'signin_link' ? SIGNIN_LINK_TTL_MS : null;
    this.db
      .prepare(
        `INSERT INTO credentials (hash, user_id, kind, expires_at, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (hash) DO UPDATE SET user_id = excluded.user_id, kind = excluded.kind`,
      )
      .run(hashSecret(secret), userId, kind, ttl === null ? null : Date.now() + ttl, Date.now());
    return secret;
  }

  /** The person a session cookie or API token belongs to, or null if unknown or expired. */
  authenticate(secret: string, kinds: readonly CredentialKind[] = ['session', 'api_token']): Principal | null {
    const row = this.db
      .prepare(
        `SELECT u.*, c.kind, c.expires_at FROM credentials c JOIN users u ON u.id = c.user_id
         WHERE c.hash = ?`,
      )
      .get(hashSecret(secret)) as (UserRow & { kind: CredentialKind; expires_at: number | null }) | undefined;
    if (!row || !kinds.includes(row.kind)) return null;
    if (row.expires_at !== null && row.expires_at < Date.now()) return null;
    return toPrincipal(row);
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

  revoke(secret: string): void {
    this.db.prepare('DELETE FROM credentials WHERE hash = ?').run(hashSecret(secret));
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

  setRole(docId: string, userId: string, role: Role): void {
    this.db
      .prepare(
        `INSERT INTO memberships (doc_id, user_id, role) VALUES (?, ?, ?)
         ON CONFLICT (doc_id, user_id) DO UPDATE SET role = excluded.role`,
      )
      .run(docId, userId, role);
  }

  removeMember(docId: string, userId: string): boolean {
    return this.db.prepare('DELETE FROM memberships WHERE doc_id = ? AND user_id = ?').run(docId, userId).changes > 0;
  }

  members(docId: string): Member[] {
    return (
      this.db
        .prepare(
          `SELECT u.id, u.name, u.affiliation, m.role FROM memberships m JOIN users u ON u.id = m.user_id
           WHERE m.doc_id = ? ORDER BY u.name`,
        )
        .all(docId) as Array<{ id: string; name: string; affiliation: string; role: Role }>
    ).map((r) => ({ userId: r.id, name: r.name, affiliation: r.affiliation, role: r.role }));
  }

  createInvite(docId: string, role: Role, createdBy: string, ttlMs: number): string {
    const secret = newSecret();
    this.db
      .prepare('INSERT INTO invites (hash, doc_id, role, created_by, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(hashSecret(secret), docId, role, createdBy, Date.now() + ttlMs);
    return secret;
  }

  /** What an invite offers, if it is still valid (single use, not expired). */
  invite(secret: string): { docId: string; role: Role; title: string } | null {
    const row = this.db
      .prepare(
        `SELECT i.doc_id, i.role, d.title FROM invites i JOIN documents d ON d.id = i.doc_id
         WHERE i.hash = ? AND i.used_at IS NULL AND i.expires_at > ?`,
      )
      .get(hashSecret(secret), Date.now()) as { doc_id: string; role: Role; title: string } | undefined;
    return row ? { docId: row.doc_id, role: row.role, title: row.title } : null;
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
      if (!principal.isAdmin) this.setRole(offer.docId, principal.userId, offer.role);
      return { principal, session: this.issue(principal.userId, 'session'), docId: offer.docId, role: offer.role };
    })();
  }
}

function toPrincipal(row: UserRow): Principal {
  return { userId: row.id, name: row.name, affiliation: row.affiliation, isAdmin: row.is_admin === 1 };
}
