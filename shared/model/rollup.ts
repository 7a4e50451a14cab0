import { bracketsIn } from './brackets.js';
import type { Draft, Paragraph } from './draft.js';
import { type Governance, standingObjections, statusOf } from './governance.js';

export interface Rollup {
  total: number;
  agreed: number;
  agreedAdRef: number;
  underNegotiation: number;
  draft: number;
  locked: number;
  bracketedParagraphs: number;
  openBrackets: number;
  standingObjections: number;
}

export function rollup(paragraphs: readonly Paragraph[], gov: Governance): Rollup {
  const r: Rollup = {
    total: 0,
    agreed: 0,
    agreedAdRef: 0,
    underNegotiation: 0,
    draft: 0,
    locked: 0,
    bracketedParagraphs: 0,
    openBrackets: 0,
    standingObjections: 0,
  };
  for (const p of paragraphs) {
    r.total += 1;
    const status = statusOf(gov, p.id);
    if (status === 'agreed') r.agreed += 1;
    else if (status === 'agreed_ad_ref') r.agreedAdRef += 1;
    else if (status === 'under_negotiation') r.underNegotiation += 1;
    else r.draft += 1;
    if (gov.locks[p.id]) r.locked += 1;
    const brackets = bracketsIn(p).length;
    if (brackets > 0 || p.altGroup !== null) r.bracketedParagraphs += 1;
    r.openBrackets += brackets;
    r.standingObjections += standingObjections(gov, p.id).length;
  }
  return r;
}

export interface DraftRollup {
  overall: Rollup;
  sections: { id: string; heading: string; rollup: Rollup }[];
}

export function draftRollup(draft: Draft, gov: Governance): DraftRollup {
  return {
    overall: rollup(
      draft.sections.flatMap((s) => s.paragraphs),
      gov,
    ),
    sections: draft.sections.map((s) => ({ id: s.id, heading: s.heading, rollup: rollup(s.paragraphs, gov) })),
  };
}
