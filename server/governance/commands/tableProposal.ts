import { randomUUID } from 'node:crypto';
import { anchorSpan, locateSpan, paragraphPlainText, plainOf } from '../../../shared/model/proposalAnchors.js';
import {
  DEFAULT_PROPOSAL_TYPE,
  isSpanKind,
  type Proposal,
  type ProposalKind,
  type ProposalType,
  type SpanAnchor,
} from '../../../shared/model/proposals.js';
import { ApiError } from '../../http/httpError.js';
import { actor, type GovernanceCommand } from '../command.js';
import { findClause } from '../paragraphs.js';
import { requireUnlocked } from '../proposalTarget.js';

export interface TableInput {
  paragraphId: string;
  kind: ProposalKind;
  /** General, technical or editorial; technical when absent. */
  type?: ProposalType;
  /** Span kinds: offsets in the paragraph's plain text (runs joined by '\n'); an insert has from = to. */
  from?: number;
  to?: number;
  /** The text the caller saw at [from, to) (or the whole paragraph for deleteParagraph); 409 text_changed if it differs. */
  quote?: string;
  text: string;
  justification: string;
}

const bad = (message: string) => new ApiError(400, 'bad_request', message);

/**
 * Tables a proposal against a paragraph. The proposer is always the caller and their
 * delegation (whatever the request claims). The span is anchored in the Yjs document so it
 * follows its text through later edits; a locked paragraph takes no proposal.
 */
export const tableProposal: GovernanceCommand<TableInput, { anchor: SpanAnchor | null; quote: string }, Proposal> = {
  permission: 'proposal.table',
  forbidden: 'Observers cannot table proposals.',
  rule(ctx, input) {
    ctx.paragraph(input.paragraphId);
    requireUnlocked(ctx, input.paragraphId);
    const clause = findClause(ctx.doc, input.paragraphId);
    if (!clause) throw bad('No such paragraph.');
    const { kind, text } = input;
    if ((kind === 'insert' || kind === 'replace' || kind === 'addParagraph') && text.trim() === '') {
      throw bad('This kind of proposal needs the text to insert.');
    }
    if ((kind === 'delete' || kind === 'deleteParagraph') && text !== '') {
      throw bad('A deletion carries no text.');
    }
    let anchor: SpanAnchor | null = null;
    let quote = '';
    if (isSpanKind(kind)) {
      const { from, to } = input;
      if (from === undefined || to === undefined) throw bad('Say where: from and to.');
      if (kind === 'insert' ? from !== to : from >= to) {
        throw bad(kind === 'insert' ? 'An insertion is at one place: from = to.' : 'Select the text: from < to.');
      }
      const span = locateSpan(clause, from, to);
      if (!span) throw bad('The span is outside the paragraph or crosses a line break.');
      quote = plainOf(span.text).slice(span.from, span.to);
      anchor = anchorSpan(span.text, span.from, span.to);
    } else if (kind === 'deleteParagraph') {
      quote = paragraphPlainText(clause);
    }
    if (input.quote !== undefined && input.quote !== quote) {
      throw new ApiError(
        409,
        'text_changed',
        'The text changed while you were writing your proposal. Read it again, then propose.',
      );
    }
    return { anchor, quote };
  },
  apply(ctx, input, plan) {
    const p: Proposal = {
      id: randomUUID(),
      paragraphId: input.paragraphId,
      kind: input.kind,
      type: input.type ?? DEFAULT_PROPOSAL_TYPE,
      anchor: plan.anchor,
      quote: plan.quote,
      text: input.text,
      justification: input.justification,
      proposer: actor(ctx.who),
      at: ctx.now,
      support: [],
      opposition: [],
      state: 'pending',
      decision: null,
    };
    ctx.gov.putProposal(p);
    return p;
  },
  audit(input, plan, p) {
    return {
      action: 'proposal.table',
      detail: {
        proposalId: p.id,
        paragraphId: input.paragraphId,
        kind: input.kind,
        type: p.type,
        quote: plan.quote,
        text: input.text,
      },
    };
  },
};
