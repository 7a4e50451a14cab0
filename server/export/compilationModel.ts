import type { Comment, CommentType } from '../../shared/model/comments.js';
import { paragraphText } from '../../shared/model/compare.js';
import type { Draft } from '../../shared/model/draft.js';
import type { Actor, Governance } from '../../shared/model/governance.js';
import { numberDraft } from '../../shared/model/numbering.js';
import { type Proposal, type ProposalType, proposalTypeOf } from '../../shared/model/proposals.js';
import type { ExportVocabulary } from './exportVocabulary.js';

/**
 * The facilitator's compilation: per paragraph, in the draft's order, every proposal tabled
 * against it (oldest first) with who made, supported and opposed it and what the chair decided
 * — the document handed out before a session, and the rows of the comment-resolution table.
 * Proposals against paragraphs since deleted come last, under their own heading.
 */
export interface Compilation {
  title: string;
  symbol: string;
  revision: string;
  generatedAt: Date;
  words: ExportVocabulary;
  paragraphs: CompiledParagraph[];
  /** How many proposals in all. */
  count: number;
  /** Group comment threads, in the draft's paragraph order (the resolution table's comment rows). */
  comments: CompiledComment[];
}

/** A group comment thread as the resolution table lists it: who, where, what (its first comment). */
export interface CompiledComment {
  paragraphId: string;
  number: string | null;
  /** The author's delegation code, else their delegation's name. */
  delegation: string;
  type: CommentType;
  text: string;
  resolved: boolean;
}

export interface CompiledParagraph {
  paragraphId: string;
  /** The printed number in the compilation's language; null for a paragraph no longer in the draft. */
  number: string | null;
  section: string;
  /** The paragraph's text as it stands (plain), '' when gone. */
  text: string;
  proposals: CompiledProposal[];
}

export interface CompiledProposal {
  id: string;
  kind: Proposal['kind'];
  type: ProposalType;
  state: Proposal['state'];
  /** The text the proposal was tabled against, and its own text. */
  quote: string;
  text: string;
  justification: string;
  proposer: string;
  /** The proposer's delegation code, else their delegation's name. */
  delegation: string;
  supporters: string[];
  opposers: string[];
  decision: { by: string; reason: string | null } | null;
}

/** "Ana Souza (BRA)": person and delegation, as everything in Accord is attributed. */
export function attributed(a: Actor): string {
  const delegation = a.delegation ?? a.affiliation;
  return delegation ? `${a.name} (${delegation})` : a.name;
}

export function buildCompilation(input: {
  draft: Draft;
  governance: Governance;
  revision: string;
  generatedAt: Date;
  words: ExportVocabulary;
  /**
   * The comments the reader may see; only group threads made by then are listed (a delegation's
   * own are never in a group document, even for that delegation).
   */
  comments?: readonly Comment[];
  /** Issued revisions list the threads begun before they were issued. */
  before?: number;
}): Compilation {
  const { draft, governance, words } = input;
  const labels = numberDraft(draft);
  const order = new Map([...labels.keys()].map((id, i) => [id, i]));
  const comments: CompiledComment[] = (input.comments ?? [])
    .filter((c) => c.id === c.threadId && c.visibility === 'group' && c.createdAt <= (input.before ?? Infinity))
    .sort((a, b) => (order.get(a.paragraphId) ?? Infinity) - (order.get(b.paragraphId) ?? Infinity))
    .map((c) => {
      const label = labels.get(c.paragraphId);
      return {
        paragraphId: c.paragraphId,
        number: label ? words.paragraphLabel(label.number, label.option) : null,
        delegation: c.author.delegation ?? c.author.affiliation,
        type: c.type,
        text: c.text,
        resolved: c.resolved !== null,
      };
    });
  const byParagraph = new Map<string, Proposal[]>();
  for (const p of governance.proposals ?? []) {
    const list = byParagraph.get(p.paragraphId) ?? [];
    list.push(p);
    byParagraph.set(p.paragraphId, list);
  }
  const compiled = (p: Proposal): CompiledProposal => ({
    id: p.id,
    kind: p.kind,
    type: proposalTypeOf(p),
    state: p.state,
    quote: p.quote,
    text: p.text,
    justification: p.justification,
    proposer: attributed(p.proposer),
    delegation: p.proposer.delegation ?? p.proposer.affiliation,
    supporters: p.support.map((s) => attributed(s.by)),
    opposers: p.opposition.map((s) => attributed(s.by)),
    decision: p.decision ? { by: attributed(p.decision.by), reason: p.decision.reason } : null,
  });
  const paragraphs: CompiledParagraph[] = [];
  for (const s of draft.sections) {
    for (const p of s.paragraphs) {
      const proposals = byParagraph.get(p.id);
      if (!proposals) continue;
      byParagraph.delete(p.id);
      const label = labels.get(p.id);
      paragraphs.push({
        paragraphId: p.id,
        number: label ? words.paragraphLabel(label.number, label.option) : null,
        section: s.heading,
        text: paragraphText(p),
        proposals: proposals.map(compiled),
      });
    }
  }
  for (const [paragraphId, proposals] of byParagraph) {
    paragraphs.push({ paragraphId, number: null, section: '', text: '', proposals: proposals.map(compiled) });
  }
  return {
    title: governance.meta.title,
    symbol: governance.meta.symbol,
    revision: words.revision(input.revision),
    generatedAt: input.generatedAt,
    words,
    paragraphs,
    count: (governance.proposals ?? []).length,
    comments,
  };
}

/** One proposal's lines, in the compilation's language: what, by whom, with whose support, decided how. */
export function proposalLines(p: CompiledProposal, w: ExportVocabulary): string[] {
  const list = (names: string[]) => new Intl.ListFormat(w.language, { type: 'conjunction' }).format(names);
  const lines = [`${w.compilation(`kind.${p.kind}`)} — ${w.compilation(`state.${p.state}`)}`];
  lines.push(w.compilation('type', { type: w.compilation(`table.${p.type}`) }));
  if (p.quote !== '') lines.push(w.compilation('concerned', { text: p.quote }));
  if (p.text !== '') lines.push(w.compilation('proposed', { text: p.text }));
  lines.push(w.compilation('proposedBy', { names: p.proposer }));
  if (p.supporters.length) lines.push(w.compilation('supportedBy', { names: list(p.supporters) }));
  if (p.opposers.length) lines.push(w.compilation('opposedBy', { names: list(p.opposers) }));
  if (p.justification.trim() !== '') lines.push(w.compilation('justification', { text: p.justification }));
  if (p.decision) {
    const state = w.compilation(`state.${p.state}`);
    lines.push(
      p.decision.reason
        ? w.compilation('decisionWhy', { state, name: p.decision.by, reason: p.decision.reason })
        : w.compilation('decision', { state, name: p.decision.by }),
    );
  }
  return lines;
}
