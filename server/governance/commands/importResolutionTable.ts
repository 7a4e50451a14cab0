import { randomUUID } from 'node:crypto';
import { languages } from '../../../shared/i18n/languages.js';
import { MAX_COMMENT_LENGTH } from '../../../shared/model/comments.js';
import type { Delegation } from '../../../shared/model/delegation.js';
import type { Actor } from '../../../shared/model/governance.js';
import { numberDraft } from '../../../shared/model/numbering.js';
import { anchorSpan, paragraphPlainText, plainOf, textSegments } from '../../../shared/model/proposalAnchors.js';
import { delegationKey, type Proposal, type ProposalType } from '../../../shared/model/proposals.js';
import { readDraft } from '../../../shared/model/readDraft.js';
import type { ImportReport, ImportRowOutcome, ImportRowReason } from '../../../shared/model/resolutionImport.js';
import { EDITOR_ROOT } from '../../../shared/model/schemaNames.js';
import { exportVocabulary } from '../../export/exportVocabulary.js';
import { readChange, readType } from '../../import/resolutionChange.js';
import type { ResolutionRow } from '../../import/resolutionRows.js';
import { actor, type CommandContext, type GovernanceCommand } from '../command.js';
import { findClause } from '../paragraphs.js';
import { SilenceMap } from '../silenceMap.js';

export interface ImportResolutionInput {
  rows: ResolutionRow[];
  /** This draft's delegations (from the store): the only names a row may use. */
  delegations: Delegation[];
  fileName: string;
}

/** A comment row, matched: created by the caller through the comment service (comments are not in the room). */
export interface CommentRow {
  row: number;
  delegation: Delegation;
  paragraphId: string;
  type: ProposalType;
  text: string;
}

interface Plan {
  proposals: Array<{ row: number; proposal: Omit<Proposal, 'id'> }>;
  comments: CommentRow[];
  outcomes: Array<ImportRowOutcome | { row: number; status: 'pending' }>;
}

const normal = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase();

/** The delegation itself as proposer: the table speaks for it, not for one of its people. */
export function delegationActor(d: Delegation): Actor {
  return { id: `delegation:${d.id}`, name: d.name, affiliation: d.name, delegation: d.code };
}

/**
 * Imports a filled-in comment-resolution table (chair): every row with a proposed change
 * against a paragraph number becomes a pending proposal in the name of the delegation it
 * names (matched by code or name, case-insensitively, among this draft's delegations only),
 * with the row's comment as justification and its type. Rows that cannot be matched are
 * refused with a reason and create nothing; the others are created in one step with one
 * audit entry. A row repeating a pending proposal of the same delegation (the same file
 * imported twice) is refused as `duplicate`: importing is idempotent.
 */
export interface ImportResolutionResult {
  /** Comment rows are reported created; the caller fills in their ids (or refuses duplicates). */
  report: ImportReport;
  comments: CommentRow[];
}

export const importResolutionTable: GovernanceCommand<ImportResolutionInput, Plan, ImportResolutionResult> = {
  permission: 'proposal.import',
  forbidden: 'Only the chair imports a resolution table.',
  rule(ctx, input) {
    const labels = paragraphLabels(ctx);
    const delegations = new Map<string, Delegation>();
    for (const d of input.delegations) {
      delegations.set(normal(d.code), d);
      if (!delegations.has(normal(d.name))) delegations.set(normal(d.name), d);
    }
    const silence = new SilenceMap(ctx.doc);
    const seen = new Set(
      ctx.gov
        .proposals()
        .filter((p) => p.state === 'pending')
        .map(signature),
    );
    const plan: Plan = { proposals: [], comments: [], outcomes: [] };
    for (const r of input.rows) {
      const refuse = (reason: ImportRowReason, message: string) =>
        plan.outcomes.push({ row: r.row, status: 'refused', reason, message });
      if (r.problem) {
        refuse(r.problem.reason, r.problem.message);
        continue;
      }
      const c = r.cells;
      if (c.change === '' && c.comment === '') {
        refuse('unreadable_change', `Row ${r.row} has no proposed change.`);
        continue;
      }
      const d = delegations.get(normal(c.delegation));
      if (!d) {
        refuse(
          'unknown_delegation',
          `No delegation of this draft is called “${c.delegation.slice(0, 80)}” (code or name).`,
        );
        continue;
      }
      const paragraphId = labels.get(normal(c.paragraph));
      const clause = paragraphId ? findClause(ctx.doc, paragraphId) : null;
      if (!paragraphId || !clause) {
        refuse('unknown_paragraph', `The draft has no paragraph “${c.paragraph.slice(0, 40)}” now.`);
        continue;
      }
      const type = readType(c.type);
      if (!type) {
        refuse('unknown_type', `“${c.type.slice(0, 40)}” is not general, technical or editorial.`);
        continue;
      }
      if (c.change === '') {
        // A comment without a change: a group comment in the delegation's name (the caller stores it).
        if (c.comment.length > MAX_COMMENT_LENGTH) {
          refuse('too_long', `The comment of row ${r.row} is longer than ${MAX_COMMENT_LENGTH} characters.`);
          continue;
        }
        plan.comments.push({ row: r.row, delegation: d, paragraphId, type, text: c.comment });
        plan.outcomes.push({ row: r.row, status: 'pending' });
        continue;
      }
      const change = readChange(c.change);
      if (!change.ok) {
        refuse(change.reason, change.message);
        continue;
      }
      if (change.text.length > 20_000 || c.comment.length > 4000 || /\p{Cc}/u.test(change.text)) {
        refuse('too_long', 'The proposed text is one line of at most 20,000 characters; the comment at most 4,000.');
        continue;
      }
      if (ctx.gov.lock(paragraphId)) {
        refuse('paragraph_locked', `Paragraph ${c.paragraph} is locked as agreed; it takes no proposal.`);
        continue;
      }
      if (silence.frozenBy(paragraphId) !== null) {
        refuse('paragraph_silenced', `Paragraph ${c.paragraph} is under silence; it takes no proposal.`);
        continue;
      }
      let anchor: Proposal['anchor'] = null;
      let quote = '';
      if (change.kind === 'replace' || change.kind === 'delete') {
        const hits = textSegments(clause).flatMap((s) =>
          occurrences(plainOf(s.text), change.quote).map((at) => ({ s, at })),
        );
        const hit = hits[0];
        if (!hit) {
          refuse(
            'quote_not_found',
            `“${change.quote.slice(0, 80)}” is not in paragraph ${c.paragraph} (within one line).`,
          );
          continue;
        }
        if (hits.length > 1) {
          refuse(
            'quote_ambiguous',
            `“${change.quote.slice(0, 80)}” is in paragraph ${c.paragraph} ${hits.length} times: quote more words.`,
          );
          continue;
        }
        anchor = anchorSpan(hit.s.text, hit.at, hit.at + change.quote.length);
        quote = change.quote;
      } else if (change.kind === 'deleteParagraph') quote = paragraphPlainText(clause);
      const proposer = delegationActor(d);
      const proposal: Omit<Proposal, 'id'> = {
        paragraphId,
        kind: change.kind,
        type,
        anchor,
        quote,
        text: change.text,
        justification: c.comment,
        proposer,
        importedBy: actor(ctx.who),
        at: ctx.now,
        support: [],
        opposition: [],
        state: 'pending',
        decision: null,
      };
      const sig = signature(proposal);
      if (seen.has(sig)) {
        refuse('duplicate', `Row ${r.row} repeats a pending proposal of ${d.code} (already imported or tabled).`);
        continue;
      }
      seen.add(sig);
      plan.proposals.push({ row: r.row, proposal });
      plan.outcomes.push({ row: r.row, status: 'pending' });
    }
    return plan;
  },
  apply(ctx, _input, plan) {
    const ids = new Map<number, Proposal>();
    for (const { row, proposal } of plan.proposals) {
      const p: Proposal = { id: randomUUID(), ...proposal };
      ctx.gov.putProposal(p);
      ids.set(row, p);
    }
    const commentRows = new Map(plan.comments.map((c) => [c.row, c]));
    const outcomes: ImportRowOutcome[] = plan.outcomes.map((o) => {
      if (o.status !== 'pending') return o;
      const comment = commentRows.get(o.row);
      if (comment) {
        return { row: o.row, status: 'created', paragraphId: comment.paragraphId, delegation: comment.delegation.code };
      }
      const p = ids.get(o.row) as Proposal;
      return {
        row: o.row,
        status: 'created',
        proposalId: p.id,
        paragraphId: p.paragraphId,
        delegation: p.proposer.delegation ?? '',
      };
    });
    return { report: importReport(outcomes), comments: plan.comments };
  },
  audit(input, _plan, { report }) {
    return {
      action: 'proposal.import',
      detail: {
        fileName: input.fileName.slice(0, 200),
        rows: report.rows,
        created: report.created,
        refused: report.refused,
        proposalIds: report.outcomes.flatMap((o) => (o.status === 'created' && o.proposalId ? [o.proposalId] : [])),
      },
    };
  },
};

/** The report of these outcomes, counted. */
export function importReport(outcomes: ImportRowOutcome[]): ImportReport {
  const created = outcomes.filter((o) => o.status === 'created').length;
  return { rows: outcomes.length, created, refused: outcomes.length - created, outcomes };
}

/** Every way a paragraph's number may be written in the table: neutral ("7 bis") and in each language. */
function paragraphLabels(ctx: CommandContext): Map<string, string> {
  const out = new Map<string, string>();
  const labels = numberDraft(readDraft(ctx.doc.getXmlFragment(EDITOR_ROOT)));
  const words = languages.map((l) => exportVocabulary(l));
  for (const [id, l] of labels) {
    out.set(normal(l.number), id);
    for (const w of words) out.set(normal(w.paragraphLabel(l.number, l.option)), id);
  }
  return out;
}

function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  if (needle === '') return out;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

function signature(p: Pick<Proposal, 'paragraphId' | 'kind' | 'quote' | 'text' | 'proposer'>): string {
  return JSON.stringify([p.paragraphId, p.kind, p.quote, p.text, delegationKey(p.proposer)]);
}
