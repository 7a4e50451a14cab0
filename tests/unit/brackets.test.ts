import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLaminar, nestRange, type Range } from '../../shared/model/bracketNesting.js';
import {
  bracketedText,
  bracketSpans,
  bracketsIn,
  countOpenBrackets,
  hasOpenBrackets,
} from '../../shared/model/brackets.js';
import { parseBracketedText } from '../../shared/model/bracketText.js';
import type { InlineRun } from '../../shared/model/draft.js';
import { bracket, draftOf, para } from './fixtures.js';

const proposer = { by: 'u1', byName: 'Ana (Brazil)', at: 1 };

describe('brackets', () => {
  it('writes nested brackets properly nested, outermost first', () => {
    const outer = bracket('o');
    const inner = bracket('i');
    const runs: InlineRun[] = [
      { text: 'Access should be ', brackets: [] },
      { text: 'encouraged through ', brackets: [outer] },
      { text: 'appropriate', brackets: [outer, inner] },
      { text: ' incentives', brackets: [outer] },
      { text: '.', brackets: [] },
    ];
    expect(bracketedText(runs)).toBe('Access should be [encouraged through [appropriate] incentives].');
    expect(bracketSpans(runs).map((s) => [s.bracket.id, s.from, s.to])).toEqual([
      ['o', 17, 58],
      ['i', 36, 47],
    ]);
  });

  it('labels the options of an inline alternative', () => {
    const runs: InlineRun[] = [
      { text: 'Licences ', brackets: [] },
      { text: 'should', brackets: [bracket('a', 'g')] },
      { text: 'shall', brackets: [bracket('b', 'g')] },
      { text: ' be open.', brackets: [] },
    ];
    expect(bracketedText(runs)).toBe('Licences [Option 1: should][Option 2: shall] be open.');
    expect(bracketedText(runs, { optionLabels: false })).toBe('Licences [should][shall] be open.');
  });

  it('counts open brackets: inline, whole paragraph, and unresolved alternatives', () => {
    const p1 = para('p1', [
      { text: 'x', brackets: [bracket('a')] },
      { text: 'y', brackets: [bracket('a'), bracket('b')] },
    ]);
    const p2 = para('p2', 'plain', { bracket: bracket('c') });
    const p3 = para('p3', 'option', { altGroup: 'g' });
    const p4 = para('p4', 'a literal [ typed in text is not a bracket ]');
    expect(bracketsIn(p1).map((b) => b.id)).toEqual(['a', 'b']);
    expect([p1, p2, p3, p4].map(hasOpenBrackets)).toEqual([true, true, true, false]);
    expect(countOpenBrackets(draftOf([p1, p2, p3, p4]))).toBe(3);
  });

  it('turns literal [..] of imported text into structured brackets, leaving unbalanced ones as text', () => {
    const runs = parseBracketedText('a [b [c] d] e] [] f[', proposer);
    expect(runs.map((r) => [r.text, r.brackets.length])).toEqual([
      ['a ', 0],
      ['b ', 1],
      ['c', 2],
      [' d', 1],
      [' e] [] f[', 0],
    ]);
  });

  it('property: parsing then writing bracketed text gives the same text back', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('[', ']', 'a', ' ', 'é', '🌍') }), (s) => {
        expect(bracketedText(parseBracketedText(s, proposer), { optionLabels: false })).toBe(s);
      }),
    );
  });

  const ranges = fc.array(
    fc
      .tuple(fc.nat({ max: 100 }), fc.nat({ max: 100 }))
      .map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) + 1 })),
    { maxLength: 30 },
  );

  it('property: bracketing any selections keeps all brackets nested, and each covers its selection', () => {
    fc.assert(
      fc.property(ranges, (selections) => {
        const spans: Range[] = [];
        for (const sel of selections) {
          const r = nestRange(spans, sel.from, sel.to);
          expect(r.from).toBeLessThanOrEqual(sel.from);
          expect(r.to).toBeGreaterThanOrEqual(sel.to);
          spans.push(r);
          expect(isLaminar(spans)).toBe(true);
        }
      }),
    );
  });

  it('a bracket crossing an existing one grows to enclose it', () => {
    expect(nestRange([{ from: 5, to: 10 }], 7, 15)).toEqual({ from: 5, to: 15 });
    expect(nestRange([{ from: 5, to: 10 }], 6, 8)).toEqual({ from: 6, to: 8 });
    expect(
      nestRange(
        [
          { from: 5, to: 10 },
          { from: 12, to: 20 },
        ],
        8,
        14,
      ),
    ).toEqual({ from: 5, to: 20 });
  });
});
