import { can } from '../governance/permissions.js';
import type { Role } from '../governance/roles.js';
import { type ParagraphStatus, paragraphStatuses } from './governance.js';

export type RuleCode =
  | 'forbidden'
  | 'locked'
  | 'not_locked'
  | 'already_locked'
  | 'open_brackets'
  | 'standing_objection'
  | 'not_agreed'
  | 'reason_required';

export type Verdict = { ok: true } | { ok: false; code: RuleCode; message: string };

export interface ParagraphFacts {
  openBrackets: boolean;
  standingObjections: number;
  locked: boolean;
}

const ok: Verdict = { ok: true };
const no = (code: RuleCode, message: string): Verdict => ({ ok: false, code, message });

/**
 * Members may move a paragraph between "draft" and "under negotiation" (flagging that
 * talks have started is not a decision). Every other change — and any agreement — is the
 * chair's, and nothing is agreed while brackets or standing objections remain.
 */
const negotiationStatuses: readonly ParagraphStatus[] = ['draft', 'under_negotiation'];
export const agreedStatuses: readonly ParagraphStatus[] = ['agreed_ad_ref', 'agreed'];

export function isAgreed(status: ParagraphStatus): boolean {
  return agreedStatuses.includes(status);
}

export function checkStatusChange(
  input: { from: ParagraphStatus; to: ParagraphStatus; role: Role } & ParagraphFacts,
): Verdict {
  const { from, to, role } = input;
  if (!can(role, 'status.negotiate')) return no('forbidden', 'Observers cannot change statuses.');
  if (!can(role, 'status.decide') && !(negotiationStatuses.includes(from) && negotiationStatuses.includes(to))) {
    return no('forbidden', 'Only the chair can agree a paragraph or reopen an agreed one.');
  }
  if (input.locked) return no('locked', 'The paragraph is locked; the chair must unlock it first.');
  if (agreedStatuses.includes(to)) {
    if (input.openBrackets) return no('open_brackets', 'The paragraph still has open brackets or alternatives.');
    if (input.standingObjections > 0) return no('standing_objection', 'The paragraph has a standing objection.');
  }
  return ok;
}

export function checkLock(input: { role: Role; status: ParagraphStatus } & ParagraphFacts): Verdict {
  if (!can(input.role, 'paragraph.lock')) return no('forbidden', 'Only the chair locks paragraphs.');
  if (input.locked) return no('already_locked', 'The paragraph is already locked.');
  if (input.status !== 'agreed') return no('not_agreed', 'Only an agreed paragraph can be locked.');
  if (input.openBrackets) return no('open_brackets', 'The paragraph still has open brackets or alternatives.');
  if (input.standingObjections > 0) return no('standing_objection', 'The paragraph has a standing objection.');
  return ok;
}

export function checkUnlock(input: { role: Role; locked: boolean; reason: string }): Verdict {
  if (!can(input.role, 'paragraph.unlock')) return no('forbidden', 'Only the chair unlocks paragraphs.');
  if (!input.locked) return no('not_locked', 'The paragraph is not locked.');
  if (input.reason.trim() === '')
    return no('reason_required', 'Unlocking an agreed paragraph needs a recorded reason.');
  return ok;
}

/** The statuses the UI offers this role for a paragraph (the current one excluded). */
export function allowedStatuses(role: Role, from: ParagraphStatus, facts: ParagraphFacts): ParagraphStatus[] {
  return paragraphStatuses.filter((to) => to !== from && checkStatusChange({ from, to, role, ...facts }).ok);
}
