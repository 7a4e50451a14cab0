import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bracketedText } from '../../shared/model/brackets.js';
import type { Bracket } from '../../shared/model/draft.js';
import type { Actor } from '../../shared/model/governance.js';
import {
  anchorSpan,
  locateSpan,
  makeAlternative,
  paragraphPlainText,
  plainOf,
  replaceSpan,
  resolveSpan,
} from '../../shared/model/proposalAnchors.js';
import { applyTextChange, type SpanAnchor, stanceProblem } from '../../shared/model/proposals.js';
import { readDraft } from '../../shared/model/readDraft.js';
import { EDITOR_ROOT } from '../../shared/model/schemaNames.js';
import { writeDraft } from '../../shared/model/writeDraft.js';
import { propertyRuns } from '../support/propertyRuns.js';

/** A draft of one paragraph `p1` holding `text`; returns the doc and the paragraph's run of text. */
function paragraphDoc(text: string, runs?: Array<{ text: string; bold?: boolean }>): { doc: Y.Doc; run: Y.XmlText } {
  const doc = new Y.Doc();
  doc.transact(() =>
    writeDraft(doc.getXmlFragment(EDITOR_ROOT), {
      sections: [
        {
          id: 's1',
          heading: 'S',
          paragraphs: [
            {
              id: 'p1',
              kind: 'operative',
              bis: false,
              altGroup: null,
              bracket: null,
              blocks: [{ type: 'text', runs: (runs ?? [{ text }]).map((r) => ({ ...r, brackets: [] })) }],
            },
          ],
        },
      ],
    }),
  );
  return { doc, run: (clauseOf(doc).toArray()[0] as Y.XmlElement).toArray()[0] as Y.XmlText };
}

function clauseOf(doc: Y.Doc): Y.XmlElement<Record<string, string>> {
  const section = doc.getXmlFragment(EDITOR_ROOT).toArray()[0] as Y.XmlElement;
  return section.toArray()[1] as Y.XmlElement<Record<string, string>>;
}

const actorOf = (id: string, delegation?: string): Actor =>
  delegation ? { id, name: id, affiliation: delegation, delegation } : { id, name: id, affiliation: '' };

describe('proposal text changes (pure)', () => {
  it('applies insert, delete and replace to a text', () => {
    expect(applyTextChange('Parties should act.', 8, 8, 'all ')).toBe('Parties all should act.');
    expect(applyTextChange('Parties should act.', 8, 15, '')).toBe('Parties act.');
    expect(applyTextChange('Parties should act.', 8, 14, 'shall')).toBe('Parties shall act.');
    expect(() => applyTextChange('abc', 2, 5, 'x')).toThrow(RangeError);
  });

  it('allows one stance per delegation, never on its own proposal', () => {
    const p = {
      state: 'pending' as const,
      proposer: actorOf('ana', 'BRA'),
      support: [{ by: actorOf('kofi', 'KEN'), at: 1 }],
      opposition: [],
    };
    expect(stanceProblem(p, actorOf('bruno', 'BRA'), 'support')?.code).toBe('own_proposal');
    expect(stanceProblem(p, actorOf('wanjiru', 'KEN'), 'support')?.code).toBe('already_supported');
    expect(stanceProblem(p, actorOf('wanjiru', 'KEN'), 'oppose')).toBeNull();
    expect(stanceProblem(p, actorOf('lars', 'NOR'), 'support')).toBeNull();
    expect(stanceProblem({ ...p, state: 'withdrawn' }, actorOf('lars', 'NOR'), 'support')?.code).toBe('not_pending');
  });
});

describe('proposal anchors (Yjs relative positions)', () => {
  it('follow their span through edits before, inside and after it', () => {
    const { doc, run } = paragraphDoc('Parties should act now.');
    const anchor = anchorSpan(run, 8, 14); // "should"
    run.insert(0, 'All '); // before
    run.insert(run.length - 1, ' together'); // after
    const span = resolveSpan(doc, anchor, 'p1');
    expect(span && plainOf(span.text).slice(span.from, span.to)).toBe('should');
    run.delete(12, 2); // "sh" inside the span
    const inner = resolveSpan(doc, anchor, 'p1');
    expect(inner && plainOf(inner.text).slice(inner.from, inner.to)).toBe('ould');
    run.delete(12, 4); // the rest: the span is empty now
    const gone = resolveSpan(doc, anchor, 'p1');
    expect(gone && gone.to - gone.from).toBe(0);
  });

  it('resolve to nothing once the paragraph is deleted, or for another paragraph', () => {
    const { doc, run } = paragraphDoc('Text.');
    const anchor = anchorSpan(run, 0, 4);
    expect(resolveSpan(doc, anchor, 'p2')).toBeNull();
    const section = doc.getXmlFragment(EDITOR_ROOT).toArray()[0] as Y.XmlElement;
    section.delete(1, 1);
    expect(resolveSpan(doc, anchor, 'p1')).toBeNull();
    expect(resolveSpan(doc, { from: { bogus: 1 }, to: {} }, 'p1')).toBeNull();
  });

  it('locates spans in the plain text of a paragraph, within one run', () => {
    const { doc } = paragraphDoc('Alpha beta.');
    const clause = clauseOf(doc);
    expect(paragraphPlainText(clause)).toBe('Alpha beta.');
    expect(locateSpan(clause, 6, 10)?.from).toBe(6);
    expect(locateSpan(clause, 6, 99)).toBeNull();
    expect(locateSpan(clause, 4, 2)).toBeNull();
  });

  it('a replacement keeps the formatting the replaced text had throughout', () => {
    const { doc, run } = paragraphDoc('', [{ text: 'Parties ' }, { text: 'should', bold: true }, { text: ' act.' }]);
    replaceSpan(run, 8, 14, 'shall');
    const [p] = readDraft(doc.getXmlFragment(EDITOR_ROOT)).sections[0]?.paragraphs ?? [];
    const runs = p?.blocks[0]?.type === 'text' ? p.blocks[0].runs : [];
    expect(runs.map((r) => [r.text, !!r.bold])).toEqual([
      ['Parties ', false],
      ['shall', true],
      [' act.', false],
    ]);
  });

  it('an accepted alternative is the inline alternative model: two options of one group', () => {
    const { doc, run } = paragraphDoc('Parties should act.');
    const b = (id: string): Bracket => ({ id, by: 'ana', byName: 'Ana (Brazil)', at: 1, group: 'g1' });
    makeAlternative(run, 8, 14, 'shall', b('b1'), b('b2'));
    const [p] = readDraft(doc.getXmlFragment(EDITOR_ROOT)).sections[0]?.paragraphs ?? [];
    const runs = p?.blocks[0]?.type === 'text' ? p.blocks[0].runs : [];
    expect(bracketedText(runs)).toBe('Parties [Option 1: should] [Option 2: shall] act.');
  });
});

type Kind = 'insert' | 'delete' | 'replace';
interface Tabled {
  kind: Kind;
  from: number;
  to: number;
  text: string;
}

/**
 * Two proposals interfere when accepting one may change the other's target: overlapping spans
 * (adjacent non-empty spans do not), an insertion point inside or at the edge of a span, two
 * insertions at one point. Independent proposals must stay acceptable whatever was accepted
 * before them, and commute.
 */
function interfere(a: Tabled, b: Tabled): boolean {
  const point = (p: Tabled) => p.from === p.to;
  if (point(a) && point(b)) return a.from === b.from;
  if (point(a)) return b.from <= a.from && a.from <= b.to;
  if (point(b)) return a.from <= b.from && b.from <= a.to;
  return a.from < b.to && b.from < a.to;
}

describe('overlapping proposals accepted in sequence (property)', () => {
  it('independent ones always apply and commute; interfering ones are refused unless their target is intact', () => {
    const scenario = fc.string({ unit: fc.constantFrom('a', 'b', ' '), minLength: 1, maxLength: 24 }).chain((base) => {
      const n = base.length;
      const tabled = fc
        .tuple(
          fc.constantFrom<Kind>('insert', 'delete', 'replace'),
          fc.integer({ min: 0, max: n }),
          fc.integer({ min: 0, max: n }),
          fc.string({ unit: fc.constantFrom('X', 'Y', 'Z'), minLength: 1, maxLength: 4 }),
        )
        .map(([kind, i, j, text]): Tabled => {
          const [lo, hi] = i <= j ? [i, j] : [j, i];
          if (kind === 'insert') return { kind, from: lo, to: lo, text };
          const to = hi === lo ? Math.min(n, lo + 1) : hi;
          const from = to === lo ? Math.max(0, lo - 1) : lo;
          return { kind, from, to, text: kind === 'delete' ? '' : text };
        })
        .filter((t) => t.kind === 'insert' || t.from < t.to);
      return fc.tuple(fc.constant(base), fc.array(tabled, { minLength: 1, maxLength: 5 })).chain(([b, props]) =>
        fc.tuple(
          fc.constant(b),
          fc.constant(props),
          fc.shuffledSubarray(
            props.map((_, i) => i),
            { minLength: props.length, maxLength: props.length },
          ),
        ),
      );
    });
    fc.assert(
      fc.property(scenario, ([base, props, order]) => {
        const { doc, run } = paragraphDoc(base);
        const replica = new Y.Doc();
        Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
        doc.on('update', (u: Uint8Array) => Y.applyUpdate(replica, u));
        const anchors: SpanAnchor[] = props.map((p) => anchorSpan(run, p.from, p.to));
        const quotes = props.map((p) => base.slice(p.from, p.to));
        const accepted: number[] = [];
        for (const i of order) {
          const p = props[i] as Tabled;
          const independent = accepted.every((j) => !interfere(props[j] as Tabled, p));
          const span = resolveSpan(doc, anchors[i] as SpanAnchor, 'p1');
          const before = plainOf(run);
          const ok =
            span !== null &&
            (p.kind === 'insert' || span.from < span.to) &&
            before.slice(span.from, span.to) === quotes[i];
          if (independent) expect(ok, `independent proposal ${i} must stay acceptable`).toBe(true);
          if (!ok || !span) continue;
          doc.transact(() => replaceSpan(run, span.from, span.to, p.text));
          expect(plainOf(run)).toBe(applyTextChange(before, span.from, span.to, p.text));
          accepted.push(i);
        }
        if (
          accepted.every((a) => accepted.every((b) => a === b || !interfere(props[a] as Tabled, props[b] as Tabled)))
        ) {
          // Independent changes commute: the result is the changes applied to the base text right to left.
          const expected = [...accepted]
            .map((i) => props[i] as Tabled)
            .sort((x, y) => y.from - x.from || y.to - x.to)
            .reduce((text, p) => applyTextChange(text, p.from, p.to, p.text), base);
          expect(plainOf(run)).toBe(expected);
        }
        expect(paragraphPlainText(clauseOf(replica))).toBe(plainOf(run));
      }),
      propertyRuns('overlapping proposals', 150),
    );
  });
});
