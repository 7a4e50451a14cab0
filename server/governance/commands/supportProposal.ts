import { stanceCommand } from '../proposalStance.js';

export type { StanceInput } from '../proposalStance.js';

/** A delegation supports (co-sponsors) another delegation's proposal; see stanceCommand. */
export const supportProposal = stanceCommand('support');
