import type { Proposal } from '../../../shared/model/proposals.js';
import { actor, type GovernanceCommand } from '../command.js';
import { pendingProposal } from '../proposalTarget.js';

export interface RejectInput {
  proposalId: string;
  reason: string | null;
}

/** The chair rejects a pending proposal, with an optional reason shown to everyone. The text is unchanged. */
export const rejectProposal: GovernanceCommand<RejectInput, { current: Proposal }, Proposal> = {
  permission: 'proposal.decide',
  forbidden: 'Only the chair decides on proposals.',
  rule(ctx, { proposalId }) {
    return { current: pendingProposal(ctx, proposalId) };
  },
  apply(ctx, { reason }, { current }) {
    const next: Proposal = { ...current, state: 'rejected', decision: { by: actor(ctx.who), at: ctx.now, reason } };
    ctx.gov.putProposal(next);
    return next;
  },
  audit({ proposalId, reason }, { current }) {
    return {
      action: 'proposal.reject',
      detail: { proposalId, paragraphId: current.paragraphId, proposer: current.proposer.delegation ?? null, reason },
    };
  },
};
