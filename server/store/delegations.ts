import { randomUUID } from 'node:crypto';
import type { Delegation, DelegationKind } from '../../shared/model/delegation.js';
import { delegationCode } from '../../shared/model/delegationCode.js';
import type { SqliteDatabase } from './sqliteDatabase.js';

interface DelegationRow {
  id: string;
  name: string;
  code: string;
  kind: DelegationKind;
}

/** Thrown when a name or code is already used by another delegation of the same document. */
export class DelegationTaken extends Error {}

/** The delegations of each document (a group), in the embedded store. */
export class Delegations {
  constructor(private readonly db: SqliteDatabase) {}

  list(docId: string): Delegation[] {
    return this.db
      .prepare('SELECT id, name, code, kind FROM delegations WHERE doc_id = ? ORDER BY name')
      .all(docId) as DelegationRow[];
  }

  get(docId: string, id: string): Delegation | null {
    return (
      (this.db.prepare('SELECT id, name, code, kind FROM delegations WHERE doc_id = ? AND id = ?').get(docId, id) as
        | DelegationRow
        | undefined) ?? null
    );
  }

  /** The delegation a member speaks for on a document, or null (the admin, non-members). */
  ofMember(docId: string, userId: string): Delegation | null {
    return (
      (this.db
        .prepare(
          `SELECT d.id, d.name, d.code, d.kind FROM memberships m JOIN delegations d ON d.id = m.delegation_id
           WHERE m.doc_id = ? AND m.user_id = ?`,
        )
        .get(docId, userId) as DelegationRow | undefined) ?? null
    );
  }

  create(docId: string, name: string, code: string, kind: DelegationKind): Delegation {
    const clash = this.db
      .prepare('SELECT 1 FROM delegations WHERE doc_id = ? AND (lower(name) = lower(?) OR upper(code) = upper(?))')
      .get(docId, name, code);
    if (clash) throw new DelegationTaken('Another delegation of this draft already has this name or code.');
    const d: Delegation = { id: randomUUID(), name, code: code.toUpperCase(), kind };
    this.db
      .prepare('INSERT INTO delegations (id, doc_id, name, code, kind, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(d.id, docId, d.name, d.code, d.kind, Date.now());
    return d;
  }

  /**
   * The delegation named by a free-text affiliation (found by name, case-insensitively, or
   * created with a derived code): how people who joined before delegations existed, or
   * were added without one, get theirs.
   */
  forAffiliation(docId: string, affiliation: string, observer: boolean): Delegation {
    const name = affiliation.trim() || 'Unaffiliated';
    const found = this.db
      .prepare('SELECT id, name, code, kind FROM delegations WHERE doc_id = ? AND lower(name) = lower(?)')
      .get(docId, name) as DelegationRow | undefined;
    if (found) return found;
    const taken = (
      this.db.prepare('SELECT code FROM delegations WHERE doc_id = ?').all(docId) as { code: string }[]
    ).map((r) => r.code);
    const kind: DelegationKind = observer || /^observer\b/i.test(name) ? 'observer' : 'member_state';
    return this.create(docId, name, delegationCode(name, taken), kind);
  }
}
