import { mayWithdraw, type Proposal } from '../../../shared/model/proposals.js';
import { forbidden } from '../../http/httpError.js';
import { actor, type GovernanceCommand } from '../command.js';
import { pendingProposal } from '../proposalTarget.js';

export interface WithdrawProposalInput {
  proposalId: string;
}

/**
 * The proposer withdraws their pending proposal — for one imported in a delegation's name, anyone
 * of that delegation (nobody else can, not even the chair: the chair rejects).
 */
export const withdrawProposal: GovernanceCommand<WithdrawProposalInput, { current: Proposal }, Proposal> = {
  permission: 'proposal.withdraw',
  forbidden: 'Observers cannot withdraw proposals.',
  rule(ctx, { proposalId }) {
    const current = pendingProposal(ctx, proposalId);
    if (!mayWithdraw(current, actor(ctx.who)))
      throw forbidden('Only the proposer (or their delegation, for an imported one) can withdraw a proposal.');
    return { current };
  },
  apply(ctx, _input, { current }) {
    const next: Proposal = {
      ...current,
      state: 'withdrawn',
      decision: { by: actor(ctx.who), at: ctx.now, reason: null },
    };
    ctx.gov.putProposal(next);
    return next;
  },
  audit({ proposalId }, { current }) {
    return { action: 'proposal.withdraw', detail: { proposalId, paragraphId: current.paragraphId } };
  },
};
