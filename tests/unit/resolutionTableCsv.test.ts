import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildCompilation } from '../../server/export/compilationModel.js';
import { exportVocabulary } from '../../server/export/exportVocabulary.js';
import { resolutionTableCsv } from '../../server/export/resolutionTable.js';
import type { Draft } from '../../shared/model/draft.js';
import type { Proposal } from '../../shared/model/proposals.js';

/** What a delegation typed must never run as a spreadsheet formula, however it is padded. */
describe('the comment-resolution table as CSV', () => {
  const draft: Draft = {
    sections: [
      {
        id: 's',
        heading: 'I',
        paragraphs: [
          {
            id: 'p',
            kind: 'operative',
            bis: false,
            altGroup: null,
            bracket: null,
            blocks: [{ type: 'text', runs: [{ text: 'States should act.', brackets: [] }] }],
          },
        ],
      },
    ],
  };
  const proposal = (id: string, justification: string): Proposal => ({
    id,
    paragraphId: 'p',
    kind: 'replace',
    anchor: null,
    quote: 'should',
    text: 'shall',
    justification,
    proposer: { id: 'u', name: 'Ana', affiliation: 'Brazil', delegation: 'BRA' },
    at: 1,
    support: [],
    opposition: [],
    state: 'pending',
    decision: null,
  });
  const hostile = ['=1+1', ' =cmd|"/c calc"!A1', '+SUM(A1)', '-2+3', '@A1', '\t=1', 'Plain, with "quotes"'];

  it('prefixes every cell that a spreadsheet would evaluate, keeps the rest as typed', () => {
    const compilation = buildCompilation({
      draft,
      governance: {
        meta: { title: 'T', symbol: 'EG/1' },
        statuses: {},
        locks: {},
        objections: [],
        proposals: hostile.map((j, i) => proposal(`x${i}`, j)),
      },
      revision: 'Rev.1',
      generatedAt: new Date(0),
      words: exportVocabulary('en'),
    });
    const rows = parse(resolutionTableCsv(compilation), { bom: true }) as string[][];
    const comments = rows.slice(1).map((r) => r[3]);
    expect(comments).toEqual([
      "'=1+1",
      '\' =cmd|"/c calc"!A1',
      "'+SUM(A1)",
      "'-2+3",
      "'@A1",
      "'\t=1",
      'Plain, with "quotes"',
    ]);
    expect(rows.slice(1).every((r) => r[0] === 'BRA' && r[1] === '1')).toBe(true);
  });
});
