import * as Y from 'yjs';
import { newId } from '../../../shared/model/ids.js';
import { type ResolvedSpan, replaceSpan } from '../../../shared/model/proposalAnchors.js';
import type { Proposal } from '../../../shared/model/proposals.js';
import { Node } from '../../../shared/model/schemaNames.js';
import { clauseElement } from '../../../shared/model/writeDraft.js';
import { ApiError } from '../../http/httpError.js';
import { actor, type CommandContext, type GovernanceCommand } from '../command.js';
import { findClause } from '../paragraphs.js';
import { currentTarget, pendingProposal, reopenIfChanged, requireUnlocked } from '../proposalTarget.js';

export interface AcceptInput {
  proposalId: string;
}

interface Plan {
  current: Proposal;
  span: ResolvedSpan | null;
}

/**
 * The chair accepts a proposal: its change is applied to the text in the same synchronous
 * step as the decision (nobody sees one without the other), then the agreed-text rule runs —
 * an agreed paragraph whose text changed goes back to under negotiation. Refused on a locked
 * paragraph, and when the target text was deleted (409 target_gone) or edited (409
 * target_changed) since the proposal was tabled.
 */
export const acceptProposal: GovernanceCommand<AcceptInput, Plan, Proposal & { reopened: string | null }> = {
  permission: 'proposal.decide',
  forbidden: 'Only the chair decides on proposals.',
  rule(ctx, { proposalId }) {
    const current = pendingProposal(ctx, proposalId);
    requireUnlocked(ctx, current.paragraphId);
    const span = currentTarget(ctx, current);
    if (current.kind === 'deleteParagraph') {
      const section = findClause(ctx.doc, current.paragraphId)?.parent;
      const clauses = section instanceof Y.XmlElement ? section.toArray().filter(isClause).length : 0;
      if (clauses <= 1) {
        throw new ApiError(
          409,
          'rule_violation',
          'A section keeps at least one paragraph; delete the section instead.',
          {
            rule: 'last_paragraph',
          },
        );
      }
    }
    return { current, span };
  },
  apply(ctx, _input, { current, span }) {
    applyChange(ctx, current, span);
    const reopened = current.kind === 'deleteParagraph' ? null : reopenIfChanged(ctx, current.paragraphId);
    const next: Proposal = {
      ...current,
      state: 'accepted',
      decision: { by: actor(ctx.who), at: ctx.now, reason: null },
    };
    ctx.gov.putProposal(next);
    return { ...next, reopened };
  },
  audit({ proposalId }, { current }, result) {
    return {
      action: 'proposal.accept',
      detail: {
        proposalId,
        paragraphId: current.paragraphId,
        kind: current.kind,
        proposer: current.proposer.delegation ?? null,
        ...(result.reopened ? { reopened: result.reopened } : {}),
      },
    };
  },
};

function isClause(n: unknown): boolean {
  return n instanceof Y.XmlElement && n.nodeName === Node.clause;
}

function applyChange(ctx: CommandContext, p: Proposal, span: ResolvedSpan | null): void {
  if (span) {
    replaceSpan(span.text, span.from, span.to, p.kind === 'delete' ? '' : p.text);
    return;
  }
  const clause = findClause(ctx.doc, p.paragraphId) as Y.XmlElement;
  const section = clause.parent as Y.XmlElement;
  const index = section.toArray().indexOf(clause);
  if (p.kind === 'deleteParagraph') {
    section.delete(index, 1);
    return;
  }
  const kind = clause.getAttribute('kind') === 'preambular' ? 'preambular' : 'operative';
  // A paragraph added between numbered ones is "N bis" until the next renumbering.
  const added = clauseElement({
    id: newId('p'),
    kind,
    bis: true,
    altGroup: null,
    bracket: null,
    blocks: [{ type: 'text', runs: [{ text: p.text, brackets: [] }] }],
  });
  section.insert(index + 1, [added]);
}
