import type { Silence } from '../../../shared/model/silence.js';
import type { DeadlineQueue } from '../../store/deadlineQueue.js';
import { actor, type GovernanceCommand } from '../command.js';
import { SilenceMap, silenceDeadlineKey } from '../silenceMap.js';
import { requireRunning } from '../silenceRules.js';

export interface EndSilenceInput {
  silenceId: string;
  reason: string;
}

/**
 * The chair ends a silence before its deadline: it is withdrawn, not concluded. The paragraphs
 * still frozen are released with their status unchanged (nothing is adopted early: delegations
 * were promised the whole period), and the deadline is marked done in the same transaction.
 */
export function endSilence(
  deadlines: DeadlineQueue,
): GovernanceCommand<EndSilenceInput, { released: string[] }, Silence> {
  return {
    permission: 'silence.run',
    forbidden: 'Only the chair ends a silence procedure.',
    rule(ctx, { silenceId }) {
      const s = requireRunning(ctx, silenceId);
      const silences = new SilenceMap(ctx.doc);
      return { released: s.paragraphIds.filter((id) => silences.frozenBy(id) === silenceId) };
    },
    apply(ctx, { silenceId, reason }, { released }) {
      const silences = new SilenceMap(ctx.doc);
      const s = silences.silence(silenceId) as Silence;
      for (const id of released) silences.setFrozen(id, null);
      const next: Silence = {
        ...s,
        state: 'ended',
        outcome: { at: ctx.now, by: actor(ctx.who), agreed: [], locked: [], released, reason },
      };
      silences.putSilence(next);
      ctx.alongside((tx) => deadlines.complete(tx, silenceDeadlineKey(silenceId)));
      return next;
    },
    audit({ silenceId, reason }, { released }) {
      return { action: 'silence.end', detail: { silenceId, released, reason } };
    },
  };
}
