import { describe, expect, it } from 'vitest';
import { demoDraft } from '../../shared/demo/demoDraft.js';
import { emptyGovernance, type Governance } from '../../shared/model/governance.js';
import { draftRollup } from '../../shared/model/rollup.js';
import { bracket, draftOf, para } from './fixtures.js';

describe('consensus roll-up', () => {
  it('counts statuses, bracketed paragraphs, brackets, objections and locks per section and overall', () => {
    const gov: Governance = {
      ...emptyGovernance({ title: 't', symbol: '' }),
      statuses: { a: 'agreed', b: 'under_negotiation', c: 'agreed_ad_ref' },
      locks: { a: { by: { id: 'c', name: 'Chair', affiliation: '' }, at: 1 } },
      objections: [
        {
          id: 'o1',
          paragraphId: 'b',
          author: { id: 'm', name: 'M', affiliation: '' },
          reason: 'r',
          at: 1,
          state: 'standing',
          answer: null,
          withdrawnAt: null,
        },
        {
          id: 'o2',
          paragraphId: 'b',
          author: { id: 'm', name: 'M', affiliation: '' },
          reason: 'r',
          at: 1,
          state: 'withdrawn',
          answer: null,
          withdrawnAt: 2,
        },
      ],
    };
    const d = draftOf(
      [para('a', 'x'), para('b', [{ text: 'y', brackets: [bracket('b1'), bracket('b2')] }])],
      [para('c', 'z'), para('d', 'w', { altGroup: 'g' })],
    );
    const r = draftRollup(d, gov);
    expect(r.sections[0]!.rollup).toMatchObject({
      total: 2,
      agreed: 1,
      underNegotiation: 1,
      locked: 1,
      bracketedParagraphs: 1,
      openBrackets: 2,
      standingObjections: 1,
    });
    expect(r.sections[1]!.rollup).toMatchObject({
      total: 2,
      agreedAdRef: 1,
      draft: 1,
      bracketedParagraphs: 1,
      openBrackets: 0,
    });
    expect(r.overall).toMatchObject({
      total: 4,
      agreed: 1,
      bracketedParagraphs: 2,
      openBrackets: 2,
      standingObjections: 1,
    });
  });

  it('the demo draft shows every feature: ~30 paragraphs, brackets, alternatives, objections, all statuses', () => {
    const demo = demoDraft();
    const r = draftRollup(demo.draft, { meta: { title: demo.title, symbol: demo.symbol }, ...demo.governance });
    expect(r.overall.total).toBeGreaterThanOrEqual(25);
    expect(r.overall.openBrackets).toBeGreaterThan(10);
    expect(r.overall.standingObjections).toBe(2);
    expect(r.overall.agreed).toBeGreaterThan(5);
    expect(r.overall.agreedAdRef).toBeGreaterThan(0);
    const groups = demo.draft.sections.flatMap((s) =>
      s.paragraphs.flatMap((p) => p.blocks.flatMap((b) => (b.type === 'text' ? b.runs : []))),
    );
    expect(groups.some((run) => run.brackets.some((b) => b.group !== null))).toBe(true);
  });
});
