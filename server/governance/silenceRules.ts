import { MAX_SILENCE_MS, MIN_SILENCE_MS, type Silence } from '../../shared/model/silence.js';
import { ApiError, notFound } from '../http/httpError.js';
import type { CommandContext } from './command.js';
import { SilenceMap } from './silenceMap.js';

/** 409 with the rule's code, as every governance refusal (clients switch on `details.rule`). */
export function silenceConflict(rule: string, message: string, extra: Record<string, unknown> = {}): ApiError {
  return new ApiError(409, 'rule_violation', message, { rule, ...extra });
}

/** A deadline the chair may set now: far enough ahead to reach everyone, not absurdly far. */
export function requireDeadline(now: number, deadline: number): void {
  if (!Number.isFinite(deadline) || deadline < now + MIN_SILENCE_MS) {
    throw new ApiError(400, 'bad_request', `The deadline must be at least ${MIN_SILENCE_MS / 1000} s in the future.`);
  }
  if (deadline > now + MAX_SILENCE_MS) {
    throw new ApiError(400, 'bad_request', 'The deadline must be within 90 days.');
  }
}

/**
 * A silence the chair (or a delegation) can still act on: running, and before its deadline.
 * Once the deadline has passed the outcome is due — whether or not the server has applied it
 * yet — so nothing may change it any more: not a late break, an extension or an early end.
 */
export function requireRunning(ctx: CommandContext, silenceId: string): Silence {
  const s = new SilenceMap(ctx.doc).silence(silenceId);
  if (!s) throw notFound('No silence procedure with this id on this draft.');
  if (s.state !== 'running') {
    throw silenceConflict(
      'silence_closed',
      `This silence procedure has already ${s.state === 'expired' ? 'expired' : 'been ended'}.`,
    );
  }
  if (ctx.now >= s.deadline) {
    throw silenceConflict('silence_over', 'The deadline of this silence procedure has passed.');
  }
  return s;
}
