import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/governance/roles.js';
import type { ParagraphStatus } from '../../shared/model/governance.js';
import { allowedStatuses, checkLock, checkStatusChange, checkUnlock } from '../../shared/model/statusRules.js';

const clean = { openBrackets: false, standingObjections: 0, locked: false };
const change = (role: Role, from: ParagraphStatus, to: ParagraphStatus, facts = clean) =>
  checkStatusChange({ role, from, to, ...facts });

describe('status rules', () => {
  it('lets members move only between draft and under negotiation', () => {
    expect(change('member', 'draft', 'under_negotiation').ok).toBe(true);
    expect(change('member', 'under_negotiation', 'draft').ok).toBe(true);
    expect(change('member', 'under_negotiation', 'agreed')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(change('member', 'agreed', 'draft')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(change('observer', 'draft', 'under_negotiation')).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('lets the chair agree only what has no open brackets and no standing objection', () => {
    expect(change('chair', 'under_negotiation', 'agreed').ok).toBe(true);
    expect(change('chair', 'draft', 'agreed_ad_ref', { ...clean, openBrackets: true })).toMatchObject({
      code: 'open_brackets',
    });
    expect(change('chair', 'draft', 'agreed', { ...clean, standingObjections: 1 })).toMatchObject({
      code: 'standing_objection',
    });
    expect(change('chair', 'agreed', 'under_negotiation', { ...clean, openBrackets: true }).ok).toBe(true);
  });

  it('freezes the status of a locked paragraph until it is unlocked', () => {
    expect(change('chair', 'agreed', 'under_negotiation', { ...clean, locked: true })).toMatchObject({
      code: 'locked',
    });
  });

  it('locks only agreed, clean paragraphs, by the chair; unlocking needs a reason', () => {
    expect(checkLock({ role: 'chair', status: 'agreed', ...clean }).ok).toBe(true);
    expect(checkLock({ role: 'member', status: 'agreed', ...clean })).toMatchObject({ code: 'forbidden' });
    expect(checkLock({ role: 'chair', status: 'agreed_ad_ref', ...clean })).toMatchObject({ code: 'not_agreed' });
    expect(checkLock({ role: 'chair', status: 'agreed', ...clean, locked: true })).toMatchObject({
      code: 'already_locked',
    });
    expect(checkUnlock({ role: 'chair', locked: true, reason: '  ' })).toMatchObject({ code: 'reason_required' });
    expect(checkUnlock({ role: 'chair', locked: true, reason: 'Typo in the agreed text' }).ok).toBe(true);
    expect(checkUnlock({ role: 'member', locked: true, reason: 'x' })).toMatchObject({ code: 'forbidden' });
  });

  it('offers each role exactly the statuses it may set', () => {
    expect(allowedStatuses('member', 'draft', clean)).toEqual(['under_negotiation']);
    expect(allowedStatuses('observer', 'draft', clean)).toEqual([]);
    expect(allowedStatuses('chair', 'draft', { ...clean, openBrackets: true })).toEqual(['under_negotiation']);
    expect(allowedStatuses('chair', 'draft', clean)).toEqual(['under_negotiation', 'agreed_ad_ref', 'agreed']);
  });
});
