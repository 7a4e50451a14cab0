import { checkUnlock } from '../../../shared/model/statusRules.js';
import { type GovernanceCommand, ruleError } from '../command.js';
import { requireNotSilenced } from '../underSilence.js';

export interface UnlockInput {
  paragraphId: string;
  /** Why the chair reopens agreed text; recorded. */
  reason: string;
}

/** Reopens a locked paragraph for editing. It stays agreed until its text changes (agreedText.ts). */
export const unlockParagraph: GovernanceCommand<UnlockInput, null, { paragraphId: string }> = {
  permission: 'paragraph.unlock',
  forbidden: 'Only the chair unlocks paragraphs.',
  rule(ctx, { paragraphId, reason }) {
    ctx.paragraph(paragraphId);
    requireNotSilenced(ctx, paragraphId);
    const verdict = checkUnlock({ role: ctx.role, locked: ctx.gov.lock(paragraphId) !== null, reason });
    if (!verdict.ok) throw ruleError(verdict);
    return null;
  },
  apply(ctx, { paragraphId }) {
    ctx.gov.setLock(paragraphId, null);
    return { paragraphId };
  },
  audit({ paragraphId, reason }) {
    return { action: 'paragraph.unlock', detail: { paragraphId, reason } };
  },
};
