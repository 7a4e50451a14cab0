import { ApiError } from '../http/httpError.js';
import type { CommandContext } from './command.js';
import { SilenceMap } from './silenceMap.js';

/**
 * A paragraph under silence is frozen for everyone, the chair included: its text (the update
 * guard), its status, its lock, objections and proposals. What is circulated is what is adopted;
 * a delegation that disagrees breaks silence, and the chair may end the silence first.
 */
export function requireNotSilenced(ctx: CommandContext, paragraphId: string): void {
  if (new SilenceMap(ctx.doc).frozenBy(paragraphId) === null) return;
  throw new ApiError(
    409,
    'rule_violation',
    'This paragraph is under silence until its deadline: break silence with a reason, or (chair) end the silence first.',
    { rule: 'under_silence' },
  );
}
