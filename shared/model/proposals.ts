import type { Actor } from './governance.js';

/**
 * Proposals: a delegation's formal request to change the chair's text (ADD / MOD / SUP in
 * conference practice). Tabled, supported and opposed by delegations, decided by the chair;
 * all of it server-owned, kept in the `gov` map under `proposals` (proposalId → Proposal).
 *
 * Span proposals (insert, delete, replace) are anchored with Yjs relative positions
 * (`proposalAnchors.ts`) so that they follow their text through everyone's edits; they keep
 * the text they were tabled against (`quote`). The chair can accept one only while its span
 * still holds exactly that text: a span whose text was deleted is `target_gone`, one whose
 * text was edited is `target_changed` (409 either way) — the proposer withdraws and re-tables,
 * or the chair rejects. Nobody's decision ever lands on words they did not see.
 */
export const proposalKinds = ['insert', 'delete', 'replace', 'addParagraph', 'deleteParagraph'] as const;
export type ProposalKind = (typeof proposalKinds)[number];

/** Conference labels: ADD, MOD, SUP (ITU), as a facilitator's compilation shows them. */
export const proposalKindLabels: Record<ProposalKind, string> = {
  insert: 'ADD (insert text)',
  delete: 'SUP (delete text)',
  replace: 'MOD (replace text)',
  addParagraph: 'ADD (new paragraph after)',
  deleteParagraph: 'SUP (delete paragraph)',
};

/**
 * The comment-resolution table's type (ISO/ITU): general, technical or editorial. Optional when
 * tabling; technical (a change of substance) unless said otherwise. Records from before types
 * existed have none and read as technical.
 */
export const proposalTypes = ['general', 'technical', 'editorial'] as const;
export type ProposalType = (typeof proposalTypes)[number];
export const DEFAULT_PROPOSAL_TYPE: ProposalType = 'technical';

export function proposalTypeOf(p: { type?: ProposalType }): ProposalType {
  return p.type && (proposalTypes as readonly string[]).includes(p.type) ? p.type : DEFAULT_PROPOSAL_TYPE;
}

export const proposalStates = ['pending', 'accepted', 'alternative', 'rejected', 'withdrawn'] as const;
export type ProposalState = (typeof proposalStates)[number];

export const proposalStateLabels: Record<ProposalState, string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  alternative: 'Accepted as an alternative',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

/** A Yjs relative position as JSON (Y.relativePositionToJSON): opaque outside proposalAnchors.ts. */
export type AnchorJson = Record<string, unknown>;

export interface SpanAnchor {
  from: AnchorJson;
  to: AnchorJson;
}

/** Kinds that act on a span of text (and need an anchor) rather than on the whole paragraph. */
export function isSpanKind(kind: ProposalKind): kind is 'insert' | 'delete' | 'replace' {
  return kind === 'insert' || kind === 'delete' || kind === 'replace';
}

export interface Stance {
  by: Actor;
  at: number;
}

export interface Proposal {
  id: string;
  paragraphId: string;
  kind: ProposalKind;
  /** General, technical or editorial (absent on records made before types: technical). */
  type?: ProposalType;
  /** Span kinds only. */
  anchor: SpanAnchor | null;
  /** The text the proposal was tabled against: the span (empty for an insert), or the whole paragraph to delete. */
  quote: string;
  /** The text to insert, the replacement, or the new paragraph ('' for deletions). */
  text: string;
  justification: string;
  /**
   * Always the person who tabled it, with their delegation: never what a client claims. A
   * proposal imported from a resolution table names the delegation itself (id `delegation:…`).
   */
  proposer: Actor;
  /** The chair who imported it from a comment-resolution table, when it came that way. */
  importedBy?: Actor;
  at: number;
  /** One entry per delegation (co-sponsors). */
  support: Stance[];
  /** One entry per delegation. */
  opposition: Stance[];
  state: ProposalState;
  decision: { by: Actor; at: number; reason: string | null } | null;
}

/** Proposals-only scopes in `gov.proposalsOnly`: the whole draft, or a section id. */
export const WHOLE_DRAFT = '*';

/**
 * Whether `who` may withdraw `p`: its proposer, or — for a proposal imported in a delegation's
 * name — anyone speaking for that delegation.
 */
export function mayWithdraw(p: Pick<Proposal, 'proposer'>, who: Actor): boolean {
  if (p.proposer.id === who.id) return true;
  return p.proposer.id.startsWith('delegation:') && !!who.delegation && p.proposer.delegation === who.delegation;
}

/** A delegation's key for "one stance per delegation": its code, or the person when they have none. */
export function delegationKey(a: Actor): string {
  return a.delegation ? `d:${a.delegation}` : `u:${a.id}`;
}

/**
 * What `who` may not do about `p`'s support or opposition, or null. One stance per
 * delegation; a delegation does not support or oppose its own proposal; only a pending
 * proposal collects stances. Changing from opposing to supporting (or back) is allowed.
 */
export function stanceProblem(
  p: Pick<Proposal, 'state' | 'proposer' | 'support' | 'opposition'>,
  who: Actor,
  stance: 'support' | 'oppose',
): { code: 'not_pending' | 'own_proposal' | 'already_supported' | 'already_opposed'; message: string } | null {
  if (p.state !== 'pending') return { code: 'not_pending', message: 'This proposal is no longer pending.' };
  const mine = delegationKey(who);
  if (delegationKey(p.proposer) === mine) {
    return { code: 'own_proposal', message: 'A delegation does not support or oppose its own proposal.' };
  }
  const list = stance === 'support' ? p.support : p.opposition;
  if (list.some((s) => delegationKey(s.by) === mine)) {
    return stance === 'support'
      ? { code: 'already_supported', message: 'Your delegation already supports this proposal.' }
      : { code: 'already_opposed', message: 'Your delegation already opposes this proposal.' };
  }
  return null;
}

/**
 * The text after an accepted span change: `text[from, to)` replaced by `insert`. Pure; the
 * server applies the same change to the Yjs text (proposalAnchors.ts) at the anchors' current
 * positions.
 */
export function applyTextChange(text: string, from: number, to: number, insert: string): string {
  if (!(0 <= from && from <= to && to <= text.length))
    throw new RangeError(`span ${from}..${to} outside 0..${text.length}`);
  return text.slice(0, from) + insert + text.slice(to);
}

/** The change a proposal makes to its span, as (from, to, insert) over the span's current text. */
export function spanChange(p: Pick<Proposal, 'kind' | 'text'>): { insert: string } {
  return { insert: p.kind === 'delete' ? '' : p.text };
}
