import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCompilation } from '../../server/export/compilationModel.js';
import { exportVocabulary } from '../../server/export/exportVocabulary.js';
import { resolutionTableCsv } from '../../server/export/resolutionTable.js';
import { readChange, readType } from '../../server/import/resolutionChange.js';
import { readResolutionCsv } from '../../server/import/resolutionCsv.js';
import { languages } from '../../shared/i18n/languages.js';
import type { Draft } from '../../shared/model/draft.js';
import { type Proposal, proposalTypes } from '../../shared/model/proposals.js';
import { propertyRuns } from '../support/propertyRuns.js';

/** The table Accord exports, in any of the six languages, reads back as the proposals it lists. */
describe('reading a resolution table back', () => {
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
            blocks: [{ type: 'text', runs: [{ text: 'States should act now.', brackets: [] }] }],
          },
        ],
      },
    ],
  };
  const proposal = (id: string, p: Partial<Proposal>): Proposal => ({
    id,
    paragraphId: 'p',
    kind: 'replace',
    type: 'technical',
    anchor: null,
    quote: 'should',
    text: 'shall',
    justification: '',
    proposer: { id: 'u', name: 'Ana', affiliation: 'Brazil', delegation: 'BRA' },
    at: 1,
    support: [],
    opposition: [],
    state: 'pending',
    decision: null,
    ...p,
  });
  const exported = (language: (typeof languages)[number], proposals: Proposal[]) =>
    new TextEncoder().encode(
      resolutionTableCsv(
        buildCompilation({
          draft,
          governance: { meta: { title: 'T', symbol: '' }, statuses: {}, locks: {}, objections: [], proposals },
          revision: 'Rev.1',
          generatedAt: new Date(0),
          words: exportVocabulary(language),
        }),
      ),
    );

  it.each(languages)('%s: kinds, words, types and formula-looking comments survive the round trip', (language) => {
    const proposals = [
      proposal('a', { type: 'editorial', justification: '=1+1 is not a formula here' }),
      proposal('b', { kind: 'delete', quote: ' now', text: '', type: 'general' }),
      proposal('c', { kind: 'addParagraph', quote: '', text: 'A new paragraph.' }),
      proposal('d', { kind: 'deleteParagraph', quote: 'States should act now.', text: '' }),
    ];
    const rows = readResolutionCsv(exported(language, proposals));
    expect(rows.map((r) => r.problem)).toEqual([null, null, null, null]);
    expect(rows.map((r) => r.cells.delegation)).toEqual(['BRA', 'BRA', 'BRA', 'BRA']);
    expect(rows.map((r) => readType(r.cells.type))).toEqual(['editorial', 'general', 'technical', 'technical']);
    expect(rows[0]?.cells.comment).toBe('=1+1 is not a formula here');
    expect(rows.map((r) => readChange(r.cells.change))).toEqual([
      { ok: true, kind: 'replace', quote: 'should', text: 'shall' },
      { ok: true, kind: 'delete', quote: ' now', text: '' },
      { ok: true, kind: 'addParagraph', quote: '', text: 'A new paragraph.' },
      { ok: true, kind: 'deleteParagraph', quote: '', text: '' },
    ]);
  });

  it('property: any words (quotes, commas, line-free unicode) read back exactly, in any language and type', () => {
    const words = fc.string({
      unit: fc.constantFrom('a', 'é', '"', ',', ';', ' ', '«', '»', '“', 'ب', '中'),
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...languages),
        fc.constantFrom(...proposalTypes),
        words.filter((w) => w.trim() !== ''),
        words.filter((w) => w.trim() !== ''),
        (language, type, quote, text) => {
          const [row] = readResolutionCsv(exported(language, [proposal('x', { quote, text, type })]));
          expect(readType(row?.cells.type ?? '')).toBe(type);
          expect(readChange(row?.cells.change ?? '')).toEqual({ ok: true, kind: 'replace', quote, text });
        },
      ),
      propertyRuns('resolution table round trip', 200),
    );
  });

  it('an insertion needs a place; a change in other words is unreadable; fewer cells than columns are fine', () => {
    expect(readChange('ADD (insert text)\nProposed text: “x”')).toMatchObject({ ok: false, reason: 'position_needed' });
    expect(readChange('please make it stronger')).toMatchObject({ ok: false, reason: 'unreadable_change' });
    expect(readType('Technique')).toBe('technical');
    expect(readType('urgent')).toBeNull();
    const [row] = readResolutionCsv(
      new TextEncoder().encode('Delegation,Paragraph,Type,Comment,Proposed change,Observations\nBRA,1'),
    );
    expect(row).toMatchObject({ row: 2, problem: null, cells: { delegation: 'BRA', paragraph: '1', change: '' } });
  });
});
