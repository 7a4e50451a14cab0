import type { AuditDraft } from './repos/auditRepo.js';

/** Text edits are recorded per person and paragraph once per this window (a clock minute). */
export const EDIT_WINDOW_MS = 60_000;

/**
 * Coalesces text edits for the audit log: one `text.edit` entry per person, paragraph and
 * clock minute, naming the paragraph ids — enough to answer "who changed paragraph 12 on
 * Tuesday afternoon" without an entry per keystroke batch.
 *
 * The entry goes with the first edit of the minute, stored in the same transaction as that
 * edit (never later, so a crash cannot lose it); further edits by the same person to the same
 * paragraph in that minute add nothing. The memory of what was recorded is per
 * process: after a restart the same minute may be recorded once more, never less.
 */
export class TextEditAudit {
  /** docId → userId → paragraphId → the minute last recorded. */
  private readonly recorded = new Map<string, Map<string, Map<string, number>>>();

  /** The entries to store with a batch of accepted edits. */
  record(
    docId: string,
    edits: ReadonlyArray<{ userId: string; paragraphs: Iterable<string> }>,
    now: number,
  ): AuditDraft[] {
    const minute = Math.floor(now / EDIT_WINDOW_MS);
    let byUser = this.recorded.get(docId);
    if (!byUser) this.recorded.set(docId, (byUser = new Map()));
    const fresh = new Map<string, Set<string>>();
    for (const { userId, paragraphs } of edits) {
      let seen = byUser.get(userId);
      if (!seen) byUser.set(userId, (seen = new Map()));
      for (const p of paragraphs) {
        if (seen.get(p) === minute) continue;
        seen.set(p, minute);
        let set = fresh.get(userId);
        if (!set) fresh.set(userId, (set = new Set()));
        set.add(p);
      }
      // Forget what belongs to earlier minutes: memory stays bounded by the current minute's edits.
      for (const [p, m] of seen) if (m !== minute) seen.delete(p);
    }
    return [...fresh].map(([userId, paragraphs]) => ({
      actor: userId,
      action: 'text.edit',
      detail: { paragraphs: [...paragraphs], minute: new Date(minute * EDIT_WINDOW_MS).toISOString() },
    }));
  }
}
