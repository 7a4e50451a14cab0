import { randomUUID } from 'node:crypto';
import type { Objection } from '../../../shared/model/governance.js';
import { ApiError } from '../../http/httpError.js';
import { actor, type GovernanceCommand } from '../command.js';
import { requireNotSilenced } from '../underSilence.js';

export interface LodgeInput {
  paragraphId: string;
  reason: string;
}

/** Lodges an objection. The author is always the caller: an objection cannot be lodged in someone else's name. */
export const lodgeObjection: GovernanceCommand<LodgeInput, null, Objection> = {
  permission: 'objection.lodge',
  forbidden: 'Observers cannot lodge objections.',
  rule(ctx, { paragraphId }) {
    ctx.paragraph(paragraphId);
    requireNotSilenced(ctx, paragraphId);
    if (ctx.gov.lock(paragraphId)) {
      throw new ApiError(
        409,
        'rule_violation',
        'This paragraph is locked as agreed; ask the chair to reopen it first.',
        {
          rule: 'locked',
        },
      );
    }
    return null;
  },
  apply(ctx, { paragraphId, reason }) {
    const objection: Objection = {
      id: randomUUID(),
      paragraphId,
      author: actor(ctx.who),
      reason,
      at: ctx.now,
      state: 'standing',
      answer: null,
      withdrawnAt: null,
    };
    ctx.gov.putObjection(objection);
    return objection;
  },
  audit({ paragraphId, reason }, _plan, objection) {
    return { action: 'objection.lodge', detail: { objectionId: objection.id, paragraphId, reason } };
  },
};
