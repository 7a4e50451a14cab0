import { mayRemoveBracket, mayResolveAlternative, newBracketProblem } from '../../shared/model/bracketRules.js';
import { WHOLE_DRAFT } from '../../shared/model/proposals.js';
import { EDITOR_ROOT } from '../../shared/model/schemaNames.js';
import type { Notice } from '../../shared/protocol/notice.js';
import type { ClientIds } from './clientIds.js';
import type { Connection } from './connection.js';
import type { LockIndex } from './lockIndex.js';
import type { UpdateFacts } from './updateInspection.js';

/** What a policy may consult besides the update's facts. */
export interface PolicyContext {
  locks: LockIndex;
  /** Paragraphs under silence: frozen for everyone, the chair included, until the silence closes. */
  frozen?: LockIndex;
  /**
   * Sections circulated whole under a running silence (`WHOLE_DRAFT` for the draft): closed to new
   * paragraphs until the silence closes (server/governance/CONTEXT.md).
   */
  silencedSections?: ReadonlySet<string>;
  /** Proposals-only scopes ('*' for the whole draft, or section ids): members may not edit there directly. */
  proposalsOnly: ReadonlySet<string>;
  clientIds: ClientIds;
  now: number;
}

/**
 * What the server refuses, whatever a client sends. Checked on the facts of an
 * update before any of it is applied; a refused update is not applied, stored
 * or broadcast, and the whole update is refused (never half-applied).
 */
export function updatePolicy(facts: UpdateFacts, conn: Connection, ctx: PolicyContext): Notice | null {
  if (facts.unknownReference) {
    return refuse(
      'unknown_reference',
      'The update refers to content the server does not have; reload the draft to resynchronise.',
    );
  }
  if (!conn.permissions.edit) {
    return refuse(
      'read_only',
      `As ${conn.role === 'observer' ? 'an observer' : conn.role} you cannot change this draft.`,
    );
  }
  for (const root of facts.roots) {
    if (root !== EDITOR_ROOT) {
      return refuse('server_owned', 'Statuses, locks and objections can only be changed through their commands.');
    }
  }
  for (const client of facts.clients) {
    if (!ctx.clientIds.mayUse(client, conn.principal.userId)) {
      return refuse('client_id_taken', 'The update is written under an editing session that is not yours.');
    }
  }
  if (facts.foreignNames.size > 0) {
    return refuse(
      'malformed_update',
      `The draft cannot hold this content (unknown element or malformed attribute: ${[...facts.foreignNames].join(', ')}).`,
    );
  }
  if (facts.structure.size > 0) {
    return refuse('invalid_structure', `The draft cannot take this shape: ${[...facts.structure].join('; ')}.`);
  }
  const locked = [...facts.paragraphs].filter((id) => ctx.locks.isLocked(id));
  if (locked.length > 0 || facts.deletesProtectedContainer) {
    return {
      kind: 'update_refused',
      code: 'paragraph_locked',
      message:
        locked.length > 0
          ? 'This change touches a paragraph the chair has locked; a chair must unlock it first.'
          : 'This change would delete a section that holds a locked paragraph.',
      paragraphIds: locked,
    };
  }
  const frozen = ctx.frozen;
  if (frozen && frozen.lockedIds.size > 0) {
    const hit = [...facts.paragraphs].filter((id) => frozen.isLocked(id));
    if (hit.length > 0 || facts.deletesFrozenContainer) {
      return {
        kind: 'update_refused',
        code: 'paragraph_silenced',
        message:
          hit.length > 0
            ? 'This paragraph is under silence until its deadline: break silence with a reason instead of editing it.'
            : 'This change would delete a section that holds a paragraph under silence.',
        paragraphIds: hit,
      };
    }
  }
  const closed = ctx.silencedSections;
  if (closed && closed.size > 0 && facts.newParagraphSections.size > 0) {
    const into = [...facts.newParagraphSections];
    if (closed.has(WHOLE_DRAFT) || into.some((id) => closed.has(id))) {
      return {
        kind: 'update_refused',
        code: 'section_silenced',
        message: closed.has(WHOLE_DRAFT)
          ? 'The draft is under silence until its deadline: no paragraph can be added to it.'
          : 'This section is under silence until its deadline: no paragraph can be added to it.',
      };
    }
  }
  if (ctx.proposalsOnly.size > 0 && !conn.permissions.chair && facts.roots.has(EDITOR_ROOT)) {
    const whole = ctx.proposalsOnly.has(WHOLE_DRAFT);
    const sections = [...facts.sections].filter((id) => ctx.proposalsOnly.has(id));
    if (whole || sections.length > 0) {
      return {
        kind: 'update_refused',
        code: 'proposals_only',
        message: whole
          ? 'The chair has set this draft to proposals only: table a proposal instead of editing the text.'
          : 'The chair has set this section to proposals only: table a proposal instead of editing the text.',
        paragraphIds: [...facts.paragraphs],
      };
    }
  }
  for (const id of facts.newParagraphIds) {
    if (ctx.locks.isLocked(id) || ctx.frozen?.isLocked(id)) {
      return {
        kind: 'update_refused',
        code: 'duplicate_paragraph_id',
        message: 'A new paragraph cannot take the id of a locked paragraph or one under silence.',
        paragraphIds: [id],
      };
    }
  }
  const actor = { id: conn.principal.userId, role: conn.role };
  const altered = facts.alteredBrackets[0];
  if (altered)
    return refuse('bracket_forged', 'A bracket keeps the proposer and time it was made with.', altered.paragraph);
  for (const { bracket, paragraph } of facts.newBrackets) {
    const problem = newBracketProblem(bracket, conn.principal, ctx.now);
    if (problem) return refuse('bracket_forged', `Not accepted: ${problem}.`, paragraph);
  }
  for (const { bracket, paragraph } of facts.touchedBrackets) {
    if (mayRemoveBracket(actor, bracket)) continue;
    return refuse(
      'not_your_bracket',
      `Only ${bracket.byName || 'its proposer'} or the chair can remove or reshape this bracket.`,
      paragraph,
    );
  }
  for (const { paragraph, setBy } of facts.resolvedGroups) {
    const owners = [...setBy].map((client) => ctx.clientIds.owner(client) ?? null);
    if (mayResolveAlternative(actor, owners)) continue;
    return refuse('chair_only', 'Only the chair resolves an alternative someone else proposed.', paragraph);
  }
  return null;
}

function refuse(code: Notice['code'], message: string, paragraph?: string | null): Notice {
  return paragraph
    ? { kind: 'update_refused', code, message, paragraphIds: [paragraph] }
    : { kind: 'update_refused', code, message };
}
