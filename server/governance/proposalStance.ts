import { type Proposal, stanceProblem } from '../../shared/model/proposals.js';
import { actor, type GovernanceCommand, ruleError } from './command.js';
import { pendingProposal } from './proposalTarget.js';

export interface StanceInput {
  proposalId: string;
}

/**
 * Support and opposition are one rule seen from two sides: one stance per delegation (a second
 * one of the same kind is refused, 409 already_supported / already_opposed), and taking one
 * side withdraws the delegation from the other.
 */
export function stanceCommand(
  stance: 'support' | 'oppose',
): GovernanceCommand<StanceInput, { current: Proposal }, Proposal> {
  const [mineList, otherList] =
    stance === 'support' ? (['support', 'opposition'] as const) : (['opposition', 'support'] as const);
  return {
    permission: 'proposal.support',
    forbidden: `Observers cannot ${stance} proposals.`,
    rule(ctx, { proposalId }) {
      const current = pendingProposal(ctx, proposalId);
      const problem = stanceProblem(current, actor(ctx.who), stance);
      if (problem) throw ruleError(problem);
      return { current };
    },
    apply(ctx, _input, { current }) {
      const by = actor(ctx.who);
      const mine = (s: { by: { id: string; delegation?: string } }) =>
        by.delegation ? s.by.delegation === by.delegation : s.by.id === by.id;
      const next: Proposal = {
        ...current,
        [mineList]: [...current[mineList], { by, at: ctx.now }],
        [otherList]: current[otherList].filter((s) => !mine(s)),
      };
      ctx.gov.putProposal(next);
      return next;
    },
    audit({ proposalId }, { current }) {
      return { action: `proposal.${stance}`, detail: { proposalId, paragraphId: current.paragraphId } };
    },
  };
}
