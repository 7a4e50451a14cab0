import type { Silence } from '../../../shared/model/silence.js';
import { ApiError } from '../../http/httpError.js';
import type { DeadlineQueue } from '../../store/deadlineQueue.js';
import { actor, type GovernanceCommand } from '../command.js';
import { SilenceMap, silenceDeadlineKey } from '../silenceMap.js';
import { requireDeadline, requireRunning } from '../silenceRules.js';

export interface ExtendSilenceInput {
  silenceId: string;
  /** Epoch milliseconds; later than the current deadline. */
  deadline: number;
}

/** The chair moves a running silence's deadline later; the deadline row moves in the same transaction. */
export function extendSilence(
  deadlines: DeadlineQueue,
): GovernanceCommand<ExtendSilenceInput, { from: number }, Silence> {
  return {
    permission: 'silence.run',
    forbidden: 'Only the chair extends a silence procedure.',
    rule(ctx, { silenceId, deadline }) {
      const s = requireRunning(ctx, silenceId);
      requireDeadline(ctx.now, deadline);
      if (deadline <= s.deadline) {
        throw new ApiError(400, 'bad_request', 'An extension moves the deadline later; to stop now, end the silence.');
      }
      return { from: s.deadline };
    },
    apply(ctx, { silenceId, deadline }, { from }) {
      const silences = new SilenceMap(ctx.doc);
      const s = silences.silence(silenceId) as Silence;
      const next: Silence = {
        ...s,
        deadline,
        extensions: [...s.extensions, { from, to: deadline, by: actor(ctx.who), at: ctx.now }],
      };
      silences.putSilence(next);
      const docId = ctx.docId;
      ctx.alongside((tx) =>
        deadlines.schedule(tx, { key: silenceDeadlineKey(silenceId), docId, kind: 'silence.expire', dueAt: deadline }),
      );
      return next;
    },
    audit({ silenceId, deadline }, { from }) {
      return {
        action: 'silence.extend',
        detail: { silenceId, from: new Date(from).toISOString(), to: new Date(deadline).toISOString() },
      };
    },
  };
}
