import { paragraphHash } from '../../shared/governance/paragraphHash.js';
import { paragraphPlainText, type ResolvedSpan, resolveSpan } from '../../shared/model/proposalAnchors.js';
import { isSpanKind, type Proposal } from '../../shared/model/proposals.js';
import { isAgreed } from '../../shared/model/statusRules.js';
import { ApiError, notFound } from '../http/httpError.js';
import type { CommandContext } from './command.js';
import { findClause, readParagraph } from './paragraphs.js';
import { requireNotSilenced } from './underSilence.js';

/** The proposal, which must exist (404) and be pending (409 not_pending). */
export function pendingProposal(ctx: CommandContext, proposalId: string): Proposal {
  const p = ctx.gov.proposal(proposalId);
  if (!p) throw notFound('No such proposal.');
  if (p.state !== 'pending') {
    throw new ApiError(409, 'rule_violation', `This proposal is already ${p.state}.`, { rule: 'not_pending' });
  }
  return p;
}

/** A locked paragraph takes no proposal and no accepted change: the chair reopens it first. */
export function requireUnlocked(ctx: CommandContext, paragraphId: string): void {
  requireNotSilenced(ctx, paragraphId);
  if (ctx.gov.lock(paragraphId)) {
    throw new ApiError(409, 'rule_violation', 'This paragraph is locked as agreed; ask the chair to reopen it first.', {
      rule: 'locked',
    });
  }
}

const gone = () =>
  new ApiError(
    409,
    'target_gone',
    'The text this proposal was tabled against has been deleted since; it can be withdrawn or rejected, not accepted.',
  );

/**
 * Where a pending proposal applies now, checked against the text it was tabled against:
 * 409 target_gone if that text (or the paragraph) no longer exists, 409 target_changed if
 * it was edited since (the decision would land on words nobody proposed to change).
 */
export function currentTarget(ctx: CommandContext, p: Proposal): ResolvedSpan | null {
  const clause = findClause(ctx.doc, p.paragraphId);
  if (!clause) throw gone();
  if (!isSpanKind(p.kind)) {
    if (p.kind === 'deleteParagraph' && paragraphPlainText(clause) !== p.quote) throw changed();
    return null;
  }
  const span = p.anchor ? resolveSpan(ctx.doc, p.anchor, p.paragraphId) : null;
  if (!span) throw gone();
  if (p.kind !== 'insert' && span.from === span.to) throw gone();
  const now = spanPlain(span);
  if (now !== p.quote) throw changed();
  return span;
}

function changed(): ApiError {
  return new ApiError(
    409,
    'target_changed',
    'The text this proposal was tabled against was edited since; the proposer can table it again on the new text.',
  );
}

function spanPlain(span: ResolvedSpan): string {
  let s = '';
  for (const op of span.text.toDelta() as Array<{ insert: unknown }>) if (typeof op.insert === 'string') s += op.insert;
  return s.slice(span.from, span.to);
}

/**
 * The trust core's agreed-text rule for a change the server itself makes: an agreed paragraph
 * whose text no longer matches its agreement goes back to under negotiation, in the same step.
 * Returns the status it left, or null.
 */
export function reopenIfChanged(ctx: CommandContext, paragraphId: string): string | null {
  const status = ctx.gov.status(paragraphId);
  if (!isAgreed(status)) return null;
  const p = readParagraph(ctx.doc, paragraphId);
  if (p && ctx.gov.agreement(paragraphId)?.textHash === paragraphHash(p)) return null;
  ctx.gov.setStatus(paragraphId, 'under_negotiation');
  ctx.gov.setAgreement(paragraphId, null);
  return status;
}
