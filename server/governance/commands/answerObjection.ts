import type { Objection } from '../../../shared/model/governance.js';
import { ApiError, notFound } from '../../http/httpError.js';
import { actor, type GovernanceCommand } from '../command.js';

export interface AnswerInput {
  objectionId: string;
  text: string;
}

/** The chair answers a standing objection; the answer is shown with it. */
export const answerObjection: GovernanceCommand<AnswerInput, { current: Objection }, Objection> = {
  permission: 'objection.answer',
  forbidden: 'Only a chair answers objections.',
  rule(ctx, { objectionId }) {
    const current = ctx.gov.objection(objectionId);
    if (!current) throw notFound('No such objection.');
    if (current.state === 'withdrawn') {
      throw new ApiError(409, 'rule_violation', 'This objection was withdrawn.', { rule: 'withdrawn' });
    }
    return { current };
  },
  apply(ctx, { text }, { current }) {
    const next: Objection = { ...current, state: 'answered', answer: { by: actor(ctx.who), text, at: ctx.now } };
    ctx.gov.putObjection(next);
    return next;
  },
  audit({ objectionId, text }, { current }) {
    return { action: 'objection.answer', detail: { objectionId, paragraphId: current.paragraphId, text } };
  },
};
