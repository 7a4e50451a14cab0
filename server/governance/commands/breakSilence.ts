import { randomUUID } from 'node:crypto';
import type { Objection, ParagraphStatus } from '../../../shared/model/governance.js';
import type { Silence } from '../../../shared/model/silence.js';
import { actor, type GovernanceCommand } from '../command.js';
import { SilenceMap } from '../silenceMap.js';
import { requireRunning, silenceConflict } from '../silenceRules.js';

export interface BreakSilenceInput {
  paragraphId: string;
  reason: string;
}

interface Plan {
  silenceId: string;
  from: ParagraphStatus;
}

/**
 * A delegation breaks silence on one paragraph, with a reason. It is recorded as a standing
 * objection of the caller and their delegation (so the paragraph cannot be agreed while it
 * stands, and the chair answers it like any other), the paragraph leaves the silence as
 * "under negotiation", and the rest of the silence runs on. Only before the deadline: a break
 * one second late is refused (409 silence_over), whether or not the expiry has been applied yet.
 */
export const breakSilence: GovernanceCommand<BreakSilenceInput, Plan, Objection> = {
  permission: 'silence.break',
  forbidden: 'Observers cannot break silence.',
  rule(ctx, { paragraphId }) {
    ctx.paragraph(paragraphId);
    const silences = new SilenceMap(ctx.doc);
    const silenceId = silences.frozenBy(paragraphId);
    if (!silenceId) {
      // Already applied at its deadline: say so, rather than suggest the paragraph was never circulated.
      if (silences.all().some((s) => s.state === 'expired' && s.outcome?.agreed.includes(paragraphId))) {
        throw silenceConflict(
          'silence_over',
          'The deadline has passed: silence was not broken on this paragraph in time.',
        );
      }
      throw silenceConflict(
        'not_under_silence',
        'This paragraph is not under silence (any more): lodge an objection instead.',
      );
    }
    requireRunning(ctx, silenceId);
    return { silenceId, from: ctx.gov.status(paragraphId) };
  },
  apply(ctx, { paragraphId, reason }, { silenceId, from }) {
    const by = actor(ctx.who);
    const objection: Objection = {
      id: randomUUID(),
      paragraphId,
      author: by,
      reason,
      at: ctx.now,
      state: 'standing',
      answer: null,
      withdrawnAt: null,
      silenceId,
    };
    ctx.gov.putObjection(objection);
    if (from !== 'under_negotiation') ctx.gov.setStatus(paragraphId, 'under_negotiation');
    ctx.gov.setAgreement(paragraphId, null);
    const silences = new SilenceMap(ctx.doc);
    silences.setFrozen(paragraphId, null);
    const s = silences.silence(silenceId) as Silence;
    silences.putSilence({
      ...s,
      breaks: [...s.breaks, { paragraphId, objectionId: objection.id, by, reason, at: ctx.now }],
    });
    return objection;
  },
  audit({ paragraphId, reason }, { silenceId, from }, objection) {
    return {
      action: 'silence.break',
      detail: { silenceId, paragraphId, objectionId: objection.id, reason, from, to: 'under_negotiation' },
    };
  },
};
