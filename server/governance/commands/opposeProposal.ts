import { stanceCommand } from '../proposalStance.js';

/** A delegation opposes another delegation's proposal; see stanceCommand. */
export const opposeProposal = stanceCommand('oppose');
