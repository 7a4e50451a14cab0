import type { Objection } from '../../../shared/model/governance.js';
import { forbidden, notFound } from '../../http/httpError.js';
import type { GovernanceCommand } from '../command.js';

export interface WithdrawInput {
  objectionId: string;
}

/** Withdraws an objection; only its author may. Withdrawing twice changes nothing and records nothing. */
export const withdrawObjection: GovernanceCommand<WithdrawInput, { current: Objection }, Objection> = {
  permission: 'objection.withdraw',
  forbidden: 'You cannot withdraw objections.',
  rule(ctx, { objectionId }) {
    const current = ctx.gov.objection(objectionId);
    if (!current) throw notFound('No such objection.');
    if (current.author.id !== ctx.who.userId) throw forbidden('Only the author of an objection can withdraw it.');
    return { current };
  },
  apply(ctx, _input, { current }) {
    if (current.state === 'withdrawn') return current;
    const next: Objection = { ...current, state: 'withdrawn', withdrawnAt: ctx.now };
    ctx.gov.putObjection(next);
    return next;
  },
  audit({ objectionId }, { current }) {
    if (current.state === 'withdrawn') return null;
    return { action: 'objection.withdraw', detail: { objectionId, paragraphId: current.paragraphId } };
  },
};
