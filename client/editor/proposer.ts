import { proposerLabel } from '../../shared/model/bracketRules';
import { newId } from '../../shared/model/ids';
import type { BracketAttrs } from './bracketExtents';

/** Who is proposing: stamped on every bracket this editor creates. */
export interface Proposer {
  id: string;
  name: string;
  affiliation: string;
}

export function newBracket(p: Proposer, group: string | null = null): BracketAttrs {
  return { id: newId('b'), by: p.id, byName: proposerLabel(p), at: Date.now(), group };
}
