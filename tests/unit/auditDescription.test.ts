import { describe, expect, it } from 'vitest';
import {
  type AuditContext,
  type AuditRecord,
  actionGroup,
  describeAuditEntry,
  paragraphsOf,
} from '../../client/chair/auditDescription.js';

const ctx: AuditContext = {
  person: (id) => (id === 'u-maria' ? { name: 'Maria Member', affiliation: 'Delegation of Kenya' } : null),
  number: (id) => ({ p1: '1', p2: '2', p7b: '7 bis', pp3: 'PP3' })[id] ?? null,
};
const entry = (action: string, detail: Record<string, unknown>): AuditRecord => ({
  seq: 1,
  at: 0,
  actor: 'u-maria',
  action,
  detail,
});

describe('audit entries as sentences', () => {
  it('describes proposal decisions with the proposing delegation', () => {
    expect(describeAuditEntry(entry('proposal.table', { paragraphId: 'p1', text: 'shall' }), ctx)).toBe(
      'Tabled a proposal on paragraph 1 — “shall”',
    );
    expect(
      describeAuditEntry(entry('proposal.accept', { paragraphId: 'p2', proposer: 'BRA', reopened: 'agreed' }), ctx),
    ).toBe('Accepted a proposal of BRA on paragraph 2 (back to under negotiation)');
    expect(
      describeAuditEntry(entry('proposal.reject', { paragraphId: 'p1', proposer: 'KEN', reason: 'No' }), ctx),
    ).toBe('Rejected a proposal of KEN on paragraph 1 — “No”');
    expect(describeAuditEntry(entry('draft.proposalsOnly', { scope: '*', on: true }), ctx)).toBe(
      'Set proposals only for the whole draft',
    );
    expect(actionGroup('proposal.alternative')).toBe('proposal');
  });

  it('describes comments without their words, saying who could read them', () => {
    expect(describeAuditEntry(entry('comment.add', { paragraphId: 'p1', visibility: 'delegation' }), ctx)).toBe(
      'Commented on paragraph 1 for their delegation only',
    );
    expect(describeAuditEntry(entry('comment.add', { paragraphId: 'p2', visibility: 'group' }), ctx)).toBe(
      'Commented on paragraph 2 for the group',
    );
    expect(describeAuditEntry(entry('comment.resolve', { paragraphId: 'pp3' }), ctx)).toBe(
      'Resolved a comment thread on paragraph PP3',
    );
    expect(
      describeAuditEntry(entry('comment.convert', { paragraphId: 'p1', became: { kind: 'objection', id: 'o' } }), ctx),
    ).toBe('Turned a comment on paragraph 1 into an objection');
    expect(actionGroup('comment.reply')).toBe('comment');
  });

  it('describes the speaker queue and the screen, naming the flag’s delegation, not the chair’s', () => {
    expect(describeAuditEntry(entry('floor.raise', { paragraphId: 'p2', delegation: 'BRA', seq: 3 }), ctx)).toBe(
      'Raised the flag of BRA on paragraph 2',
    );
    expect(describeAuditEntry(entry('floor.give', { to: 'KEN', delegation: 'CHAIR' }), ctx)).toBe(
      'Gave the floor to KEN',
    );
    expect(describeAuditEntry(entry('floor.remove', { of: 'KEN', delegation: 'CHAIR' }), ctx)).toBe(
      'Removed the flag of KEN',
    );
    expect(describeAuditEntry(entry('screen.driver', { driver: 'u-maria' }), ctx)).toBe(
      'The screen now follows Maria Member',
    );
    expect(actionGroup('floor.clear')).toBe('room');
    expect(actionGroup('screen.revoke')).toBe('room');
  });

  it('names paragraphs by number, people by name, statuses by label', () => {
    expect(
      describeAuditEntry(entry('status.set', { paragraphId: 'p7b', from: 'draft', to: 'agreed_ad_ref' }), ctx),
    ).toBe('Set paragraph 7 bis from draft to agreed ad referendum');
    expect(describeAuditEntry(entry('paragraph.unlock', { paragraphId: 'pp3', reason: 'Capitals object' }), ctx)).toBe(
      'Unlocked paragraph PP3 — “Capitals object”',
    );
    expect(describeAuditEntry(entry('member.role', { userId: 'u-maria', role: 'observer' }), ctx)).toBe(
      'Made Maria Member observer',
    );
    expect(describeAuditEntry(entry('member.remove', { userId: 'u-gone' }), ctx)).toBe(
      'Removed a former member from the draft',
    );
  });

  it('lists the paragraphs of a text edit, and says when one has since been removed', () => {
    const e = entry('text.edit', { paragraphs: ['p1', 'p2', 'p-deleted'] });
    expect(describeAuditEntry(e, ctx)).toBe('Edited paragraphs 1, 2 and 1 paragraph since removed');
    expect(paragraphsOf(e)).toEqual(['p1', 'p2', 'p-deleted']);
    expect(describeAuditEntry(entry('text.edit', { paragraphs: ['p1'], count: 12 }), ctx)).toBe(
      'Edited paragraph 1 (12 changes)',
    );
  });

  it('describes exports and revisions, and shows an unknown action by its code', () => {
    expect(
      describeAuditEntry(
        entry('document.export', { format: 'docx', variant: 'clean', revision: 'Rev.1', draftMark: true }),
        ctx,
      ),
    ).toBe('Exported the clean report (Rev.1) as DOCX, marked DRAFT');
    expect(describeAuditEntry(entry('revision.issue', { label: 'Rev.2', note: '' }), ctx)).toBe('Issued Rev.2');
    expect(describeAuditEntry(entry('something.new', {}), ctx)).toBe('something.new');
    expect(actionGroup('objection.lodge')).toBe('objection');
    expect(actionGroup('status.reopen')).toBe('status');
    expect(actionGroup('paragraph.lock')).toBe('lock');
  });
});
