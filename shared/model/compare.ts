import { diffWordsWithSpace } from 'diff';
import { blockRuns, bracketedText, bracketsIn } from './brackets.js';
import type { Draft, Paragraph } from './draft.js';
import { type Governance, statusOf } from './governance.js';
import { formatLabel, numberDraft } from './numbering.js';

/** A piece of a paragraph's text in a comparison: kept, inserted or deleted words. */
export interface TextChange {
  op: 'same' | 'ins' | 'del';
  text: string;
}

export type ParagraphChangeKind = 'added' | 'removed' | 'changed' | 'moved' | 'unchanged';

export interface ParagraphComparison {
  id: string;
  /** Number in the newer text (or in the older one for a removed paragraph). */
  number: string;
  section: string;
  kinds: ParagraphChangeKind[];
  text: TextChange[];
  status: { from: string; to: string } | null;
  bracketsAdded: number;
  bracketsResolved: number;
  objectionsLodged: number;
  objectionsClosed: number;
}

export interface Comparison {
  paragraphs: ParagraphComparison[];
  summary: Record<Exclude<ParagraphChangeKind, 'unchanged'>, number>;
}

export interface DraftVersion {
  draft: Draft;
  governance: Governance;
}

function paragraphText(p: Paragraph): string {
  const text = bracketedText(blockRuns(p.blocks));
  return p.bracket ? `[${text}]` : text;
}

interface Placed {
  p: Paragraph;
  section: string;
  index: number;
}

function place(draft: Draft): Map<string, Placed> {
  const m = new Map<string, Placed>();
  let index = 0;
  for (const s of draft.sections) for (const p of s.paragraphs) m.set(p.id, { p, section: s.id, index: index++ });
  return m;
}

/**
 * Paragraph-by-paragraph comparison matched by paragraph id, not position: word-level
 * insertions and deletions, paragraphs added, removed and moved (to another section, or
 * out of order relative to the paragraphs both versions share), status changes, brackets
 * added and resolved, objections lodged and closed.
 */
export function compareDrafts(from: DraftVersion, to: DraftVersion): Comparison {
  const before = place(from.draft);
  const after = place(to.draft);
  const numbersAfter = numberDraft(to.draft);
  const numbersBefore = numberDraft(from.draft);
  // Moved = not on the longest run of shared paragraphs that kept their relative order.
  const shared = [...after.values()].filter((a) => before.has(a.p.id));
  const inOrder = longestIncreasing(shared.map((a) => before.get(a.p.id)!.index));
  const stayed = new Set(inOrder.map((i) => shared[i]!.p.id));
  const headings = new Map(to.draft.sections.map((s) => [s.id, s.heading]));
  const oldHeadings = new Map(from.draft.sections.map((s) => [s.id, s.heading]));

  const result: ParagraphComparison[] = [];
  const objections = (g: Governance, id: string, state: string) =>
    new Set(g.objections.filter((o) => o.paragraphId === id && o.state === state).map((o) => o.id));

  for (const a of after.values()) {
    const b = before.get(a.p.id);
    const newText = paragraphText(a.p);
    const entry: ParagraphComparison = {
      id: a.p.id,
      number: formatLabel(numbersAfter.get(a.p.id)!),
      section: headings.get(a.section) ?? '',
      kinds: [],
      text: [],
      status: null,
      bracketsAdded: 0,
      bracketsResolved: 0,
      objectionsLodged: 0,
      objectionsClosed: 0,
    };
    if (!b) {
      entry.kinds.push('added');
      entry.text = [{ op: 'ins', text: newText }];
      entry.bracketsAdded = bracketsIn(a.p).length;
    } else {
      const oldText = paragraphText(b.p);
      entry.text = wordDiff(oldText, newText);
      if (oldText !== newText || a.p.kind !== b.p.kind) entry.kinds.push('changed');
      if (b.section !== a.section || !stayed.has(a.p.id)) entry.kinds.push('moved');
      const oldIds = new Set(bracketsIn(b.p).map((x) => x.id));
      const newIds = new Set(bracketsIn(a.p).map((x) => x.id));
      entry.bracketsAdded = [...newIds].filter((id) => !oldIds.has(id)).length;
      entry.bracketsResolved = [...oldIds].filter((id) => !newIds.has(id)).length;
    }
    const s0 = b ? statusOf(from.governance, a.p.id) : 'draft';
    const s1 = statusOf(to.governance, a.p.id);
    if (s0 !== s1) entry.status = { from: s0, to: s1 };
    const standingBefore = objections(from.governance, a.p.id, 'standing');
    const standingAfter = objections(to.governance, a.p.id, 'standing');
    entry.objectionsLodged = [...standingAfter].filter((id) => !standingBefore.has(id)).length;
    entry.objectionsClosed = [...standingBefore].filter((id) => !standingAfter.has(id)).length;
    if (
      entry.kinds.length === 0 &&
      (entry.status ||
        entry.bracketsAdded ||
        entry.bracketsResolved ||
        entry.objectionsLodged ||
        entry.objectionsClosed)
    ) {
      entry.kinds.push('changed');
    }
    if (entry.kinds.length === 0) entry.kinds.push('unchanged');
    result.push(entry);
  }
  for (const b of before.values()) {
    if (after.has(b.p.id)) continue;
    result.push({
      id: b.p.id,
      number: formatLabel(numbersBefore.get(b.p.id)!),
      section: oldHeadings.get(b.section) ?? '',
      kinds: ['removed'],
      text: [{ op: 'del', text: paragraphText(b.p) }],
      status: null,
      bracketsAdded: 0,
      bracketsResolved: bracketsIn(b.p).length,
      objectionsLodged: 0,
      objectionsClosed: 0,
    });
  }
  const summary = { added: 0, removed: 0, changed: 0, moved: 0 };
  for (const r of result) for (const k of r.kinds) if (k !== 'unchanged') summary[k] += 1;
  return { paragraphs: result, summary };
}

export function wordDiff(oldText: string, newText: string): TextChange[] {
  return diffWordsWithSpace(oldText, newText).map((c) => ({
    op: c.added ? 'ins' : c.removed ? 'del' : 'same',
    text: c.value,
  }));
}

/** Indices of one longest strictly increasing subsequence (patience sorting, O(n log n)). */
function longestIncreasing(xs: number[]): number[] {
  const tails: number[] = [];
  const prev: number[] = new Array(xs.length).fill(-1);
  for (let i = 0; i < xs.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[tails[mid]!]! < xs[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = prev[i]!) out.unshift(i);
  return out;
}
