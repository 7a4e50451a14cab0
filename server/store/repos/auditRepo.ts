import type { AuditEntry, Verification } from '../auditLog.js';

/** An audit entry before it is chained: who did what. */
export interface AuditDraft {
  actor: string | null;
  action: string;
  detail: Record<string, unknown>;
}

/**
 * The hash-chained audit log: one chain per document (docId) and one for installation events
 * (docId null). Appends to a chain are serialised (the chain's tail is read and extended in one
 * transaction under a per-chain lock), so concurrent writers never fork or break a chain.
 */
export interface AuditRepo {
  append(docId: string | null, draft: AuditDraft): Promise<AuditEntry>;
  /** Entries of a chain after `afterSeq`, in order. */
  list(docId: string | null, limit?: number, afterSeq?: number): Promise<AuditEntry[]>;
  /** Recomputes the whole chain. */
  verify(docId: string | null): Promise<Verification>;
}
