import { randomBytes } from 'node:crypto';
import type { Principal } from '../../shared/governance/roles.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import type { SqliteDatabase } from './sqliteDatabase.js';

export interface ScreenLink {
  id: string;
  docId: string;
  label: string;
  createdBy: string;
  createdAt: number;
}

/** Prefix of a screen's principal id: never a person's id (those are UUIDs), never a member. */
export const SCREEN_PRINCIPAL_PREFIX = 'screen:';

/**
 * Screen links: the credential of a meeting room's screen. It reads one draft live and nothing
 * else — it is not a person, not a member, and no HTTP route accepts it (`authenticate` looks
 * only at sessions and API tokens); only the collaboration socket of its own draft does, as a
 * read-only connection. Revoking deletes it and closes the sockets it opened at once.
 */
export class ScreenLinks {
  private readonly revokedListeners: Array<(id: string) => void> = [];

  constructor(private readonly db: SqliteDatabase) {}

  /** Registers a listener called with the id of each revoked link (the live sockets close theirs). */
  onRevoked(listener: (id: string) => void): void {
    this.revokedListeners.push(listener);
  }

  /** A new link for a draft; the secret is returned once and only its hash is stored. */
  create(docId: string, label: string, createdBy: string): { link: ScreenLink; secret: string } {
    const secret = newSecret();
    const link: ScreenLink = { id: randomBytes(8).toString('hex'), docId, label, createdBy, createdAt: Date.now() };
    this.db
      .prepare('INSERT INTO screen_links (id, doc_id, hash, label, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(link.id, docId, hashSecret(secret), label, createdBy, link.createdAt);
    return { link, secret };
  }

  list(docId: string): ScreenLink[] {
    return (
      this.db
        .prepare(
          'SELECT id, doc_id, label, created_by, created_at FROM screen_links WHERE doc_id = ? ORDER BY created_at',
        )
        .all(docId) as Row[]
    ).map(toLink);
  }

  /** The link a secret opens, or null. */
  check(secret: string): ScreenLink | null {
    const row = this.db
      .prepare('SELECT id, doc_id, label, created_by, created_at FROM screen_links WHERE hash = ?')
      .get(hashSecret(secret)) as Row | undefined;
    return row ? toLink(row) : null;
  }

  /** Whether the link still exists (open sockets re-check it on every liveness sweep). */
  valid(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM screen_links WHERE id = ?').get(id) !== undefined;
  }

  /** Revokes one of a draft's links; false if the draft has no such link. */
  revoke(docId: string, id: string): boolean {
    const gone = this.db.prepare('DELETE FROM screen_links WHERE id = ? AND doc_id = ?').run(id, docId).changes > 0;
    if (gone) for (const l of this.revokedListeners) l(id);
    return gone;
  }

  /** Who a screen acts as on its draft's socket: nobody's account, labelled with the link's name. */
  static principal(link: ScreenLink): Principal {
    return { userId: `${SCREEN_PRINCIPAL_PREFIX}${link.id}`, name: link.label, affiliation: '', isAdmin: false };
  }
}

interface Row {
  id: string;
  doc_id: string;
  label: string;
  created_by: string;
  created_at: number;
}

function toLink(r: Row): ScreenLink {
  return { id: r.id, docId: r.doc_id, label: r.label, createdBy: r.created_by, createdAt: r.created_at };
}
