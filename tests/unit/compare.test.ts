import { describe, expect, it } from 'vitest';
import { comparisonHtml } from '../../server/export/comparisonHtml.js';
import { exportVocabulary } from '../../server/export/exportVocabulary.js';
import { compareDrafts, paragraphText, wordDiff } from '../../shared/model/compare.js';
import type { Draft } from '../../shared/model/draft.js';
import { emptyGovernance, type Governance, type Objection } from '../../shared/model/governance.js';
import type { Proposal } from '../../shared/model/proposals.js';
import { bracket, draftOf, para } from './fixtures.js';

const gov = (extra: Partial<Governance> = {}): Governance => ({
  ...emptyGovernance({ title: 't', symbol: '' }),
  ...extra,
});

const objection = (id: string, paragraphId: string, state: Objection['state']): Objection => ({
  id,
  paragraphId,
  author: { id: 'm', name: 'Mia', affiliation: 'Chile' },
  reason: `reason ${id}`,
  at: 1,
  state,
  answer: state === 'answered' ? { by: { id: 'c', name: 'Chair', affiliation: '' }, text: 'ok', at: 2 } : null,
  withdrawnAt: state === 'withdrawn' ? 2 : null,
});

const changes = (draftA: Draft, draftB: Draft, govA = gov(), govB = gov()) =>
  compareDrafts({ draft: draftA, governance: govA }, { draft: draftB, governance: govB });

describe('word diff', () => {
  it('shows inserted and deleted words, keeping the whitespace', () => {
    expect(wordDiff('States should publish data', 'States shall publish open data')).toEqual([
      { op: 'same', text: 'States ' },
      { op: 'del', text: 'should' },
      { op: 'ins', text: 'shall' },
      { op: 'same', text: ' publish ' },
      { op: 'ins', text: 'open ' },
      { op: 'same', text: 'data' },
    ]);
  });

  it('rebuilds both texts exactly from its pieces (RTL and emoji included)', () => {
    const a = 'مرحبا بالعالم 🌍 — States <b>should</b> & may';
    const b = 'مرحبا 🌍 بالعالم — States shall & may, "if"';
    const d = wordDiff(a, b);
    expect(
      d
        .filter((t) => t.op !== 'ins')
        .map((t) => t.text)
        .join(''),
    ).toBe(a);
    expect(
      d
        .filter((t) => t.op !== 'del')
        .map((t) => t.text)
        .join(''),
    ).toBe(b);
    expect(wordDiff('same', 'same')).toEqual([{ op: 'same', text: 'same' }]);
  });
});

describe('comparing two versions paragraph by paragraph (matched by id)', () => {
  it('finds added, removed and moved paragraphs by id, not by position, and keeps removed ones in place', () => {
    const before = draftOf([para('a', 'A'), para('b', 'B'), para('c', 'C'), para('d', 'D'), para('e', 'E')]);
    const after = draftOf([para('x', 'X'), para('a', 'A'), para('c', 'C'), para('d', 'D'), para('b', 'B')]);
    const c = changes(before, after);
    expect(c.paragraphs.map((p) => [p.id, p.kinds])).toEqual([
      ['x', ['added']],
      ['a', ['unchanged']],
      ['c', ['unchanged']],
      ['d', ['unchanged']],
      // e stood right after d in the older text, so it is shown there.
      ['e', ['removed']],
      ['b', ['moved']],
    ]);
    expect(c.summary).toMatchObject({ added: 1, removed: 1, changed: 0, moved: 1 });
    const b = c.paragraphs.find((p) => p.id === 'b');
    expect(b).toMatchObject({ number: '5', previousNumber: '2' });
  });

  it('a paragraph that only changed section is moved; renamed and new sections are listed', () => {
    const before = draftOf([para('a', 'A'), para('b', 'B')], [para('c', 'C')]);
    const after: Draft = {
      sections: [
        { id: 's0', heading: 'Section 1', paragraphs: [para('a', 'A')] },
        { id: 's1', heading: 'Renamed', paragraphs: [para('b', 'B'), para('c', 'C')] },
        { id: 's9', heading: 'New', paragraphs: [] },
      ],
    };
    const c = changes(before, after);
    expect(c.paragraphs.find((p) => p.id === 'b')).toMatchObject({
      kinds: ['moved'],
      section: 'Renamed',
      previousSection: 'Section 1',
    });
    expect(c.sections).toEqual([
      { id: 's1', heading: 'Renamed', change: 'renamed', previousHeading: 'Section 2' },
      { id: 's9', heading: 'New', change: 'added', previousHeading: null },
    ]);
  });

  it('reports status and lock changes, brackets added and resolved by id, objections lodged/withdrawn/answered', () => {
    const before = draftOf([para('a', [{ text: 'x', brackets: [bracket('b1')] }]), para('z', 'Z')]);
    const after = draftOf([para('a', [{ text: 'x', brackets: [bracket('b2')] }]), para('z', 'Z')]);
    const lock = { by: { id: 'c', name: 'Chair', affiliation: '' }, at: 3 };
    const c = changes(
      before,
      after,
      gov({ objections: [objection('o2', 'a', 'standing'), objection('o3', 'a', 'standing')] }),
      gov({
        statuses: { a: 'under_negotiation', z: 'agreed' },
        locks: { z: lock },
        objections: [
          objection('o1', 'a', 'standing'),
          objection('o2', 'a', 'withdrawn'),
          objection('o3', 'a', 'answered'),
        ],
      }),
    );
    const [a, z] = c.paragraphs;
    expect(a).toMatchObject({
      kinds: ['changed'],
      status: { from: 'draft', to: 'under_negotiation' },
      brackets: { added: [{ id: 'b2', byName: 'Ana (Brazil)' }], resolved: [{ id: 'b1', byName: 'Ana (Brazil)' }] },
    });
    expect(a!.objections).toEqual({
      lodged: [{ id: 'o1', author: 'Mia (Chile)', reason: 'reason o1' }],
      withdrawn: [{ id: 'o2', author: 'Mia (Chile)', reason: 'reason o2' }],
      answered: [{ id: 'o3', author: 'Mia (Chile)', reason: 'reason o3' }],
    });
    // The bracket swap is invisible in the plain text ("[x]" both times) but is reported.
    expect(a!.text).toEqual([{ op: 'same', text: '[x]' }]);
    expect(z).toMatchObject({
      kinds: ['changed'],
      status: { from: 'draft', to: 'agreed' },
      locked: { from: false, to: true },
    });
    expect(c.summary).toMatchObject({
      changed: 2,
      statusChanges: 2,
      bracketsAdded: 1,
      bracketsResolved: 1,
      objectionsLodged: 1,
      objectionsWithdrawn: 1,
      objectionsAnswered: 1,
    });
  });

  it('shows exactly the edits made between two versions: words, brackets, options, subparagraphs', () => {
    const b = (id: string, group: string | null = null) => bracket(id, group);
    const before = draftOf([
      para('p1', 'States should publish climate data.'),
      para('p2', [
        { text: 'Licences ', brackets: [] },
        { text: 'should', brackets: [b('o1', 'g')] },
        { text: 'shall', brackets: [b('o2', 'g')] },
        { text: ' be open.', brackets: [] },
      ]),
      para('p3', 'Unchanged text.'),
      {
        ...para('p4', 'The Group:'),
        blocks: [
          { type: 'text', runs: [{ text: 'The Group:', brackets: [] }] },
          {
            type: 'list',
            ordered: true,
            items: [
              [{ type: 'text', runs: [{ text: 'meets yearly;', brackets: [] }] }],
              [{ type: 'text', runs: [{ text: 'reports.', brackets: [] }] }],
            ],
          },
        ],
      },
    ]);
    const after = structuredClone(before);
    const ps = after.sections[0]!.paragraphs;
    // 1. a word replaced and one inserted.
    ps[0]!.blocks = [{ type: 'text', runs: [{ text: 'States shall publish open climate data.', brackets: [] }] }];
    // 2. the chair chose Option 2: the alternative is resolved.
    ps[1]!.blocks = [{ type: 'text', runs: [{ text: 'Licences shall be open.', brackets: [] }] }];
    // 4. a member bracketed "yearly" in subparagraph (a).
    const list = ps[3]!.blocks[1]!;
    if (list.type !== 'list') throw new Error('fixture');
    list.items[0] = [
      {
        type: 'text',
        runs: [
          { text: 'meets ', brackets: [] },
          { text: 'yearly', brackets: [b('n1')] },
          { text: ';', brackets: [] },
        ],
      },
    ];
    expect(paragraphText(before.sections[0]!.paragraphs[3]!)).toBe('The Group:\n(a) meets yearly;\n(b) reports.');

    const c = changes(before, after);
    const edits = Object.fromEntries(
      c.paragraphs.map((p) => [p.id, p.text.filter((t) => t.op !== 'same').map((t) => `${t.op}:${t.text}`)]),
    );
    expect(edits).toEqual({
      p1: ['del:should', 'ins:shall', 'ins:open '],
      // jsdiff treats brackets as punctuation tokens: the minimal edit keeps "shall".
      p2: ['del:[Option 1: should][Option 2: ', 'del:]'],
      p3: [],
      p4: ['ins:[', 'ins:]'],
    });
    expect(c.paragraphs.map((p) => p.kinds[0])).toEqual(['changed', 'changed', 'unchanged', 'changed']);
    expect(c.paragraphs[1]!.brackets.resolved.map((x) => x.id)).toEqual(['o1', 'o2']);
    expect(c.paragraphs[3]!.brackets.added.map((x) => x.id)).toEqual(['n1']);
  });

  it('is empty when nothing changed, and whole-paragraph brackets count as text and brackets', () => {
    const d = draftOf([para('a', 'A', { bracket: bracket('pb') })]);
    expect(changes(d, structuredClone(d)).paragraphs.map((p) => p.kinds)).toEqual([['unchanged']]);
    const agreed = draftOf([para('a', 'A')]);
    const c = changes(d, agreed);
    expect(c.paragraphs[0]!.text).toEqual([
      { op: 'del', text: '[' },
      { op: 'same', text: 'A' },
      { op: 'del', text: ']' },
    ]);
    expect(c.paragraphs[0]!.brackets.resolved).toEqual([{ id: 'pb', byName: 'Ana (Brazil)' }]);
  });
});

describe('proposals between two versions', () => {
  const proposal = (
    id: string,
    paragraphId: string,
    state: Proposal['state'],
    extra: Partial<Proposal> = {},
  ): Proposal => ({
    id,
    paragraphId,
    kind: 'replace',
    type: 'technical',
    anchor: null,
    quote: 'should',
    text: 'shall',
    justification: '',
    proposer: { id: 'u1', name: 'Ana Souza', affiliation: 'Brazil', delegation: 'BRA' },
    at: 1,
    support: [],
    opposition: [],
    state,
    decision:
      state === 'pending'
        ? null
        : {
            by: { id: 'c', name: 'Carla Chair', affiliation: '', delegation: 'CHR' },
            at: 2,
            reason: state === 'rejected' ? 'No support.' : null,
          },
    ...extra,
  });
  const draft = draftOf([para('a', 'States should act.'), para('b', 'B')]);
  const before = gov({
    proposals: [proposal('kept', 'a', 'pending'), proposal('acc', 'a', 'pending'), proposal('rej', 'b', 'pending')],
  });
  const after = gov({
    proposals: [
      proposal('kept', 'a', 'pending'),
      proposal('acc', 'a', 'alternative'),
      proposal('rej', 'b', 'rejected'),
      proposal('new', 'b', 'pending', { kind: 'delete', text: '', quote: 'B', type: 'editorial' }),
      proposal('both', 'a', 'withdrawn', { kind: 'insert', quote: '' }),
    ],
  });

  it('lists proposals tabled, accepted (as an alternative too), rejected and withdrawn since the older version', () => {
    const c = changes(draft, draft, before, after);
    const [a, b] = c.paragraphs;
    expect(a?.kinds).toEqual(['changed']);
    expect(a?.proposals.tabled.map((p) => p.id)).toEqual(['both']);
    expect(a?.proposals.accepted.map((p) => [p.id, p.decision?.asAlternative])).toEqual([['acc', true]]);
    expect(a?.proposals.withdrawn.map((p) => p.id)).toEqual(['both']);
    expect(b?.proposals.rejected).toEqual([
      {
        id: 'rej',
        kind: 'replace',
        type: 'technical',
        proposer: 'Ana Souza (BRA)',
        quote: 'should',
        text: 'shall',
        decision: { by: 'Carla Chair (CHR)', reason: 'No support.', asAlternative: false },
      },
    ]);
    expect(b?.proposals.tabled.map((p) => [p.id, p.type])).toEqual([['new', 'editorial']]);
    expect(c.summary).toMatchObject({
      proposalsTabled: 2,
      proposalsAccepted: 1,
      proposalsRejected: 1,
      proposalsWithdrawn: 1,
    });
    // Nothing moved: nothing reported.
    expect(changes(draft, draft, after, after).summary).toMatchObject({ proposalsTabled: 0, changed: 0 });
  });

  it('says it in the comparison page, in the reader’s language, names escaped', () => {
    const hostile = gov({
      proposals: [
        ...(after.proposals ?? []),
        proposal('x', 'b', 'pending', {
          proposer: { id: 'u2', name: '<img src=x onerror=alert(1)>', affiliation: '', delegation: 'EVL' },
        }),
      ],
    });
    const c = changes(draft, draft, before, hostile);
    const en = comparisonHtml(c, 'Rev.1', 'live');
    expect(en).toContain(
      'proposal by Ana Souza (BRA) accepted as an alternative by Carla Chair (CHR): MOD (replace text) “should” → “shall”',
    );
    expect(en).toContain(
      'proposal by Ana Souza (BRA) rejected by Carla Chair (CHR): MOD (replace text) “should” → “shall” (No support.)',
    );
    expect(en).toContain('proposal tabled by Ana Souza (BRA): SUP (delete text) “B”');
    expect(en).toContain('Proposals: 3 tabled, 1 accepted, 1 rejected, 1 withdrawn.');
    expect(en).not.toContain('<img');
    const fr = comparisonHtml(c, 'Rev.1', 'live', false, exportVocabulary('fr'));
    expect(fr).toContain('Propositions : 3 déposées, 1 acceptées, 1 rejetées, 1 retirées.');
    expect(fr).toContain('proposition de Ana Souza (BRA) retirée');
  });
});
