import { describe, expect, it } from 'vitest';
import { compareDrafts, wordDiff } from '../../shared/model/compare.js';
import { emptyGovernance, type Governance } from '../../shared/model/governance.js';
import { bracket, draftOf, para } from './fixtures.js';

const gov = (extra: Partial<Governance> = {}): Governance => ({
  ...emptyGovernance({ title: 't', symbol: '' }),
  ...extra,
});

describe('comparing two versions paragraph by paragraph (matched by id)', () => {
  it('shows inserted and deleted words', () => {
    expect(wordDiff('States should publish data', 'States shall publish open data')).toEqual([
      { op: 'same', text: 'States ' },
      { op: 'del', text: 'should' },
      { op: 'ins', text: 'shall' },
      { op: 'same', text: ' publish ' },
      { op: 'ins', text: 'open ' },
      { op: 'same', text: 'data' },
    ]);
  });

  it('finds added, removed and moved paragraphs by id, not by position', () => {
    const before = draftOf([para('a', 'A'), para('b', 'B'), para('c', 'C'), para('d', 'D'), para('e', 'E')]);
    const after = draftOf([para('x', 'X'), para('a', 'A'), para('c', 'C'), para('d', 'D'), para('b', 'B')]);
    const c = compareDrafts({ draft: before, governance: gov() }, { draft: after, governance: gov() });
    const kinds = Object.fromEntries(c.paragraphs.map((p) => [p.id, p.kinds]));
    expect(kinds).toEqual({
      x: ['added'],
      a: ['unchanged'],
      c: ['unchanged'],
      d: ['unchanged'],
      b: ['moved'],
      e: ['removed'],
    });
    expect(c.summary).toEqual({ added: 1, removed: 1, changed: 0, moved: 1 });
  });

  it('reports status changes, brackets added and resolved, objections lodged', () => {
    const before = draftOf([para('a', [{ text: 'x', brackets: [bracket('b1')] }])]);
    const after = draftOf([para('a', [{ text: 'x', brackets: [bracket('b2')] }])]);
    const objection = {
      id: 'o',
      paragraphId: 'a',
      author: { id: 'm', name: 'M', affiliation: '' },
      reason: 'r',
      at: 1,
      state: 'standing' as const,
      answer: null,
      withdrawnAt: null,
    };
    const c = compareDrafts(
      { draft: before, governance: gov() },
      { draft: after, governance: gov({ statuses: { a: 'under_negotiation' }, objections: [objection] }) },
    );
    expect(c.paragraphs[0]).toMatchObject({
      kinds: ['changed'],
      status: { from: 'draft', to: 'under_negotiation' },
      bracketsAdded: 1,
      bracketsResolved: 1,
      objectionsLodged: 1,
    });
  });
});
