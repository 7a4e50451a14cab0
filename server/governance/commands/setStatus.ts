import { paragraphHash } from '../../../shared/governance/paragraphHash.js';
import { hasOpenBrackets } from '../../../shared/model/brackets.js';
import type { ParagraphStatus } from '../../../shared/model/governance.js';
import { checkStatusChange, isAgreed } from '../../../shared/model/statusRules.js';
import { actor, type GovernanceCommand, requireSeenText, ruleError } from '../command.js';
import { requireNotSilenced } from '../underSilence.js';

export interface SetStatusInput {
  paragraphId: string;
  status: ParagraphStatus;
  /** Content hash of the text the caller saw; required to match when given (the UI always sends it). */
  textHash?: string;
}

/**
 * Sets a paragraph's consensus status (rules in shared/model/statusRules.ts). An
 * agreement records the hash of the text agreed: when that text changes, the
 * paragraph goes back to negotiation (agreedText.ts).
 */
export const setStatus: GovernanceCommand<
  SetStatusInput,
  { from: ParagraphStatus; textHash: string },
  { paragraphId: string; status: ParagraphStatus }
> = {
  permission: 'status.negotiate',
  forbidden: 'Observers cannot change statuses.',
  rule(ctx, { paragraphId, status, textHash }) {
    const p = ctx.paragraph(paragraphId);
    requireNotSilenced(ctx, paragraphId);
    const from = ctx.gov.status(paragraphId);
    const verdict = checkStatusChange({
      from,
      to: status,
      role: ctx.role,
      openBrackets: hasOpenBrackets(p),
      standingObjections: ctx.gov.standingObjections(paragraphId),
      locked: ctx.gov.lock(paragraphId) !== null,
    });
    if (!verdict.ok) throw ruleError(verdict);
    const current = paragraphHash(p);
    requireSeenText(current, textHash);
    return { from, textHash: current };
  },
  apply(ctx, { paragraphId, status }, plan) {
    if (plan.from !== status) ctx.gov.setStatus(paragraphId, status);
    if (!isAgreed(status)) ctx.gov.setAgreement(paragraphId, null);
    else if (plan.from !== status || ctx.gov.agreement(paragraphId)?.textHash !== plan.textHash) {
      ctx.gov.setAgreement(paragraphId, { textHash: plan.textHash, by: actor(ctx.who), at: ctx.now });
    }
    return { paragraphId, status };
  },
  audit({ paragraphId, status }, plan) {
    if (plan.from === status) return null;
    return {
      action: 'status.set',
      detail: { paragraphId, from: plan.from, to: status, ...(isAgreed(status) ? { textHash: plan.textHash } : {}) },
    };
  },
};
