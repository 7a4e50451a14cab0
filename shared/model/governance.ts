/**
 * Server-owned state of a draft, kept in the Yjs root map `gov` that only the
 * server writes (every client update touching it is refused). Clients read it
 * live; changes go through the HTTP API, which checks role and rules first.
 *
 *   gov.meta        Y.Map  { title, symbol }
 *   gov.statuses    Y.Map  paragraphId → ParagraphStatus
 *   gov.locks       Y.Map  paragraphId → Lock
 *   gov.objections  Y.Map  objectionId → Objection
 *   gov.agreements  Y.Map  paragraphId → Agreement (the text an agreed paragraph was agreed on)
 *   gov.proposals   Y.Map  proposalId → Proposal (proposals.ts)
 *   gov.proposalsOnly Y.Map  '*' | sectionId → { by, at }: where members may only propose
 */
import type { Proposal } from './proposals.js';

export const paragraphStatuses = ['draft', 'under_negotiation', 'agreed_ad_ref', 'agreed'] as const;
export type ParagraphStatus = (typeof paragraphStatuses)[number];

export const statusLabels: Record<ParagraphStatus, string> = {
  draft: 'Draft',
  under_negotiation: 'Under negotiation',
  agreed_ad_ref: 'Agreed ad referendum',
  agreed: 'Agreed',
};

export interface Actor {
  id: string;
  name: string;
  /** The delegation's name on this document (records made before delegations: what the person typed). */
  affiliation: string;
  /** The delegation's short code (absent for the secretariat and for records made before delegations). */
  delegation?: string;
}

export interface Lock {
  by: Actor;
  at: number;
  /** Content hash (shared/governance/paragraphHash.ts) of the text that was locked. */
  textHash?: string;
}

/**
 * Recorded when a paragraph becomes agreed (ad referendum or final): the hash of
 * the text agreed. When the text no longer has this hash the server moves the
 * paragraph back to "under negotiation" in the same step as the change.
 */
export interface Agreement {
  textHash: string;
  by: Actor;
  at: number;
}

export const objectionStates = ['standing', 'withdrawn', 'answered'] as const;
export type ObjectionState = (typeof objectionStates)[number];

export interface Objection {
  id: string;
  paragraphId: string;
  author: Actor;
  reason: string;
  at: number;
  state: ObjectionState;
  /** The chair's answer, when answered. */
  answer: { by: Actor; text: string; at: number } | null;
  withdrawnAt: number | null;
  /** Set when the objection broke silence on the paragraph (shared/model/silence.ts). */
  silenceId?: string;
}

export interface DraftMeta {
  title: string;
  symbol: string;
}

export interface Governance {
  meta: DraftMeta;
  statuses: Record<string, ParagraphStatus>;
  locks: Record<string, Lock>;
  objections: Objection[];
  /** Every proposal, oldest first (absent in snapshots made before proposals existed). */
  proposals?: Proposal[];
  /** Proposals-only scopes: '*' (the whole draft) and/or section ids. */
  proposalsOnly?: string[];
}

export function emptyGovernance(meta: DraftMeta): Governance {
  return { meta, statuses: {}, locks: {}, objections: [] };
}

export function statusOf(gov: Governance, paragraphId: string): ParagraphStatus {
  return gov.statuses[paragraphId] ?? 'draft';
}

export function standingObjections(gov: Governance, paragraphId: string): Objection[] {
  return gov.objections.filter((o) => o.paragraphId === paragraphId && o.state === 'standing');
}
