import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../shared/model/draft.js';
import { formatLabel, numberDraft, subparagraphLabel } from '../../shared/model/numbering.js';
import { draftOf, para } from './fixtures.js';

const labelsOf = (ps: Paragraph[][], renumber = false) => {
  const m = numberDraft(draftOf(...ps), { renumber });
  return ps.flat().map((p) => formatLabel(m.get(p.id)!));
};

describe('paragraph numbering', () => {
  it('numbers operative paragraphs consecutively across sections and preambular ones apart', () => {
    const pp = (id: string) => para(id, 'x', { kind: 'preambular' });
    expect(labelsOf([[pp('a'), pp('b')], [para('c', 'x'), para('d', 'x')], [para('e', 'x')]])).toEqual([
      'PP1',
      'PP2',
      '1',
      '2',
      '3',
    ]);
  });

  it('labels paragraphs inserted between agreed ones bis, ter, and renumbers them for the report', () => {
    const ps = [[para('a', 'x'), para('b', 'x', { bis: true }), para('c', 'x', { bis: true }), para('d', 'x')]];
    expect(labelsOf(ps)).toEqual(['1', '1 bis', '1 ter', '2']);
    expect(labelsOf(ps, true)).toEqual(['1', '2', '3', '4']);
  });

  it('gives the options of a whole-paragraph alternative one number', () => {
    const ps = [[para('a', 'x'), para('b', 'x', { altGroup: 'g' }), para('c', 'y', { altGroup: 'g' }), para('d', 'z')]];
    expect(labelsOf(ps)).toEqual(['1', '2 (Option 1)', '2 (Option 2)', '3']);
  });

  it('labels subparagraphs (a) … (z), (aa) and (i), (iv), (ix) one level down', () => {
    expect([0, 1, 25, 26].map((i) => subparagraphLabel(0, i))).toEqual(['(a)', '(b)', '(z)', '(aa)']);
    expect([0, 3, 8].map((i) => subparagraphLabel(1, i))).toEqual(['(i)', '(iv)', '(ix)']);
  });

  const paragraphs = fc.array(
    fc.record({ kind: fc.constantFrom('operative' as const, 'preambular' as const), bis: fc.boolean() }),
    { maxLength: 60 },
  );

  it('property: every paragraph gets exactly one label and plain numbers never repeat', () => {
    fc.assert(
      fc.property(paragraphs, fc.integer({ min: 1, max: 4 }), (specs, nSections) => {
        const ps = specs.map((s, i) => para(`p${i}`, 'x', s));
        const sections: Paragraph[][] = Array.from({ length: nSections }, () => []);
        for (const [i, p] of ps.entries()) sections[i % nSections]!.push(p);
        const labels = labelsOf(sections);
        expect(labels).toHaveLength(ps.length);
        expect(new Set(labels).size).toBe(labels.length);
      }),
    );
  });

  it('property: the clean report numbers 1..n with no gaps whatever was inserted bis', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 80 }), (bis) => {
        const ps = bis.map((b, i) => para(`p${i}`, 'x', { bis: b }));
        expect(labelsOf([ps], true)).toEqual(ps.map((_, i) => `${i + 1}`));
      }),
    );
  });

  it('property: numbers survive random moves and deletions (recomputed, never stored)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 10 }), (moves, deletions) => {
        let ps = Array.from({ length: 20 }, (_, i) => para(`p${i}`, 'x'));
        for (const m of moves) {
          const [p] = ps.splice(m % ps.length, 1);
          ps.splice((m * 7) % (ps.length + 1), 0, p!);
        }
        for (const d of deletions) if (ps.length > 0) ps = ps.filter((_, i) => i !== d % ps.length);
        expect(labelsOf([ps])).toEqual(ps.map((_, i) => `${i + 1}`));
      }),
    );
  });
});
