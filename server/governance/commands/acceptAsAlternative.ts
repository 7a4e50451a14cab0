import { proposerLabel } from '../../../shared/model/bracketRules.js';
import type { Bracket } from '../../../shared/model/draft.js';
import { newId } from '../../../shared/model/ids.js';
import { makeAlternative, type ResolvedSpan } from '../../../shared/model/proposalAnchors.js';
import type { Proposal } from '../../../shared/model/proposals.js';
import { ApiError } from '../../http/httpError.js';
import { actor, type GovernanceCommand } from '../command.js';
import { currentTarget, pendingProposal, reopenIfChanged, requireUnlocked } from '../proposalTarget.js';

export interface AcceptAlternativeInput {
  proposalId: string;
}

/**
 * The chair accepts a replacement as an alternative: the current wording and the proposed
 * one stand side by side as a bracketed inline alternative, "[Option 1: current] [Option 2:
 * proposed]" — the same model the editor's addInlineAlternative builds (two brackets sharing
 * a group), both proposed by the proposal's author, to be resolved later by choosing one.
 * Only replacements have two wordings to set side by side; other kinds are refused (409).
 */
export const acceptAsAlternative: GovernanceCommand<
  AcceptAlternativeInput,
  { current: Proposal; span: ResolvedSpan },
  Proposal & { group: string; reopened: string | null }
> = {
  permission: 'proposal.decide',
  forbidden: 'Only the chair decides on proposals.',
  rule(ctx, { proposalId }) {
    const current = pendingProposal(ctx, proposalId);
    if (current.kind !== 'replace') {
      throw new ApiError(
        409,
        'rule_violation',
        'Only a replacement can become an alternative to the current wording.',
        {
          rule: 'not_alternative',
        },
      );
    }
    requireUnlocked(ctx, current.paragraphId);
    const span = currentTarget(ctx, current) as ResolvedSpan;
    return { current, span };
  },
  apply(ctx, _input, { current, span }) {
    const group = newId('g');
    const bracket = (): Bracket => ({
      id: newId('b'),
      by: current.proposer.id,
      byName: proposerLabel(current.proposer),
      at: ctx.now,
      group,
    });
    makeAlternative(span.text, span.from, span.to, current.text, bracket(), bracket());
    const reopened = reopenIfChanged(ctx, current.paragraphId);
    const next: Proposal = {
      ...current,
      state: 'alternative',
      decision: { by: actor(ctx.who), at: ctx.now, reason: null },
    };
    ctx.gov.putProposal(next);
    return { ...next, group, reopened };
  },
  audit({ proposalId }, { current }, result) {
    return {
      action: 'proposal.alternative',
      detail: {
        proposalId,
        paragraphId: current.paragraphId,
        proposer: current.proposer.delegation ?? null,
        group: result.group,
        ...(result.reopened ? { reopened: result.reopened } : {}),
      },
    };
  },
};
