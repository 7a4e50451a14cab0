import type { Verification } from './auditLog.js';
import type { AuditRepo } from './repos/auditRepo.js';

/** Verifies an audit chain (every read of the audit log says whether its chain is intact). */
export interface AuditVerifier {
  /** From the last verified entry, or from the first when `full`. */
  verify(docId: string | null, options?: { full?: boolean }): Promise<Verification>;
}

/**
 * Verification through the store's repository: always from the first entry, a page at a time
 * (the event loop is yielded between pages). The embedded file uses `AuditLog`, which keeps a
 * checkpoint and hashes long chains on the worker pool.
 */
export function repoAuditVerifier(audit: AuditRepo): AuditVerifier {
  return { verify: (docId) => audit.verify(docId) };
}
