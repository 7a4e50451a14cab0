import { paragraphHash } from '../../../shared/governance/paragraphHash.js';
import { hasOpenBrackets } from '../../../shared/model/brackets.js';
import { checkLock } from '../../../shared/model/statusRules.js';
import { actor, type GovernanceCommand, requireSeenText, ruleError } from '../command.js';
import { requireNotSilenced } from '../underSilence.js';

export interface LockInput {
  paragraphId: string;
  /** Content hash of the text the chair saw; required to match when given (the UI always sends it). */
  textHash?: string;
}

/**
 * Locks an agreed paragraph: from this step on, every update touching it is
 * refused (the room's lock index is rebuilt in the same step). The lock records
 * the hash of the text locked.
 */
export const lockParagraph: GovernanceCommand<
  LockInput,
  { textHash: string },
  { paragraphId: string; textHash: string }
> = {
  permission: 'paragraph.lock',
  forbidden: 'Only the chair locks paragraphs.',
  rule(ctx, { paragraphId, textHash }) {
    const p = ctx.paragraph(paragraphId);
    requireNotSilenced(ctx, paragraphId);
    const verdict = checkLock({
      role: ctx.role,
      status: ctx.gov.status(paragraphId),
      openBrackets: hasOpenBrackets(p),
      standingObjections: ctx.gov.standingObjections(paragraphId),
      locked: ctx.gov.lock(paragraphId) !== null,
    });
    if (!verdict.ok) throw ruleError(verdict);
    const current = paragraphHash(p);
    requireSeenText(current, textHash);
    const agreed = ctx.gov.agreement(paragraphId);
    if (agreed && agreed.textHash !== current) {
      throw ruleError({ code: 'not_agreed', message: 'The text changed since it was agreed; agree it again first.' });
    }
    return { textHash: current };
  },
  apply(ctx, { paragraphId }, plan) {
    ctx.gov.setLock(paragraphId, { by: actor(ctx.who), at: ctx.now, textHash: plan.textHash });
    return { paragraphId, textHash: plan.textHash };
  },
  audit({ paragraphId }, plan) {
    return { action: 'paragraph.lock', detail: { paragraphId, textHash: plan.textHash } };
  },
};
