import type { Lock, Objection, ParagraphStatus } from '../../shared/model/governance';
import type { Proposal, ProposalKind, ProposalType } from '../../shared/model/proposals';
import type { PresentUser } from '../model/presence';

/** Everything `<accord-paragraph-panel>` shows about one paragraph, and what the viewer may do. */
export interface PanelParagraph {
  id: string;
  /** "7", "7 bis", "PP2", with "(Option 2)" when it is an alternative. */
  label: string;
  status: ParagraphStatus;
  lock: Lock | null;
  openBrackets: number;
  objections: Objection[];
  present: PresentUser[];
  /** Statuses the viewer may move the paragraph to (allowedStatuses). */
  allowedStatuses: ParagraphStatus[];
  /** Why locking is not possible now, or null when the viewer may lock. Undefined: not the viewer's to do. */
  lockBlocked?: string | null;
  canUnlock: boolean;
  canObject: boolean;
  canAnswer: boolean;
  viewerId: string;
  /** The viewer's delegation code on this draft (null for the secretariat). */
  viewerDelegation: string | null;
  /** Proposals on this paragraph, pending first, oldest first. */
  proposals: Proposal[];
  canPropose: boolean;
  /** Support or oppose others' proposals. */
  canTakeStance: boolean;
  /** Accept, accept as alternative, reject; and set proposals only. */
  canDecide: boolean;
  /** The selection in this paragraph (for "Propose change"), if it is in one run of its text. */
  selection: { from: number; to: number; quote: string } | null;
  /** The section holding the paragraph, and whether it or the whole draft is proposals only. */
  sectionId: string;
  sectionProposalsOnly: boolean;
  draftProposalsOnly: boolean;
}

export type ProposalAction = 'support' | 'oppose' | 'withdraw' | 'accept' | 'alternative' | 'reject';

/**
 * Every action names the paragraph the panel showed when it was asked for: the host acts on
 * that one, never on whatever is selected by the time the request is made.
 */
export interface PanelEvents {
  'accord-status': { paragraphId: string; status: ParagraphStatus };
  'accord-lock': { paragraphId: string };
  'accord-unlock': { paragraphId: string; reason: string };
  'accord-objection': { paragraphId: string; reason: string };
  'accord-withdraw': { paragraphId: string; objectionId: string };
  'accord-answer': { paragraphId: string; objectionId: string; text: string };
  'accord-propose': {
    paragraphId: string;
    kind: ProposalKind;
    type?: ProposalType;
    from?: number;
    to?: number;
    quote?: string;
    text: string;
    justification: string;
  };
  'accord-proposal': { paragraphId: string; proposalId: string; action: ProposalAction; reason?: string };
  'accord-proposals-only': { paragraphId: string; scope: string; on: boolean };
}
