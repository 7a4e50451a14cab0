import { diffWordsWithSpace } from 'diff';
import { bracketedText, bracketsIn } from './brackets.js';
import type { Block, Draft, Paragraph } from './draft.js';
import { type Governance, type Objection, type ParagraphStatus, statusOf } from './governance.js';
import { formatLabel, numberDraft, subparagraphLabel } from './numbering.js';
import { type Proposal, type ProposalKind, type ProposalType, proposalTypeOf } from './proposals.js';

/** A piece of a paragraph's text in a comparison: kept, inserted or deleted words. */
export interface TextChange {
  op: 'same' | 'ins' | 'del';
  text: string;
}

export type ParagraphChangeKind = 'added' | 'removed' | 'changed' | 'moved' | 'unchanged';

export interface BracketChange {
  id: string;
  byName: string;
}

export interface ObjectionChange {
  id: string;
  author: string;
  reason: string;
}

/** A proposal as a comparison names it: what, by whom, and (when decided) by whom and why. */
export interface ProposalChange {
  id: string;
  kind: ProposalKind;
  type: ProposalType;
  /** "Ana Souza (BRA)", or the delegation itself for an imported proposal. */
  proposer: string;
  quote: string;
  text: string;
  /** Set for accepted (as an alternative too), rejected and withdrawn ones. */
  decision: { by: string; reason: string | null; asAlternative: boolean } | null;
}

/** Proposals whose state moved between the two versions: tabled since, then decided or withdrawn since. */
export interface ProposalChanges {
  tabled: ProposalChange[];
  accepted: ProposalChange[];
  rejected: ProposalChange[];
  withdrawn: ProposalChange[];
}

export interface ParagraphComparison {
  id: string;
  /** Number in the newer text (in the older one for a removed paragraph), e.g. "7 bis (Option 2)". */
  number: string;
  /** Number in the older text; null for an added paragraph. */
  previousNumber: string | null;
  /** Section heading in the newer text (older for a removed paragraph). */
  section: string;
  /** Section heading in the older text; null for an added paragraph. */
  previousSection: string | null;
  /** 'changed' covers text, kind, status, brackets and objections; 'moved' can come with it. */
  kinds: ParagraphChangeKind[];
  /** Word-level diff of the text as printed in the negotiating text (brackets and option labels included). */
  text: TextChange[];
  /** From null: the paragraph is new. Only set when the status differs. */
  status: { from: ParagraphStatus | null; to: ParagraphStatus | null } | null;
  locked: { from: boolean; to: boolean } | null;
  brackets: { added: BracketChange[]; resolved: BracketChange[] };
  /** Lodged: new since the older version; withdrawn/answered: reached that state since then. */
  objections: { lodged: ObjectionChange[]; withdrawn: ObjectionChange[]; answered: ObjectionChange[] };
  /** A proposal both tabled and decided between the versions is in `tabled` and in its decision's list. */
  proposals: ProposalChanges;
}

export interface SectionComparison {
  id: string;
  heading: string;
  change: 'added' | 'removed' | 'renamed';
  previousHeading: string | null;
}

export interface ComparisonSummary {
  added: number;
  removed: number;
  changed: number;
  moved: number;
  statusChanges: number;
  bracketsAdded: number;
  bracketsResolved: number;
  objectionsLodged: number;
  objectionsWithdrawn: number;
  objectionsAnswered: number;
  proposalsTabled: number;
  proposalsAccepted: number;
  proposalsRejected: number;
  proposalsWithdrawn: number;
}

export interface Comparison {
  /** Every paragraph of the newer text in its order, removed ones where they stood in the older text. */
  paragraphs: ParagraphComparison[];
  sections: SectionComparison[];
  summary: ComparisonSummary;
}

export interface DraftVersion {
  draft: Draft;
  governance: Governance;
}

/**
 * A paragraph as printed in the negotiating text: brackets as `[` `]`, inline options labelled,
 * each list item on its own line with its "(a)" label, a whole-paragraph bracket around everything.
 */
export function paragraphText(p: Paragraph): string {
  const text = blocksText(p.blocks, 0).join('\n');
  return p.bracket ? `[${text}]` : text;
}

function blocksText(blocks: Block[], depth: number): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.type === 'text') {
      lines.push(bracketedText(block.runs));
      continue;
    }
    block.items.forEach((item, i) => {
      const label = block.ordered ? subparagraphLabel(depth, i) : '•';
      // Depth is bounded: readDraft nests lists schemaLimits.listDepth deep at most.
      const inner = blocksText(item, depth + 1);
      lines.push(`${label} ${inner[0] ?? ''}`);
      for (let k = 1; k < inner.length; k++) lines.push(inner[k] as string);
    });
  }
  return lines;
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

const objectionChange = (o: Objection): ObjectionChange => ({
  id: o.id,
  author: o.author.affiliation ? `${o.author.name} (${o.author.affiliation})` : o.author.name,
  reason: o.reason,
});

const attributed = (a: { name: string; affiliation: string; delegation?: string }) => {
  const d = a.delegation ?? a.affiliation;
  return d && d !== a.name ? `${a.name} (${d})` : a.name;
};

const proposalChange = (p: Proposal): ProposalChange => ({
  id: p.id,
  kind: p.kind,
  type: proposalTypeOf(p),
  proposer: attributed(p.proposer),
  quote: p.quote,
  text: p.text,
  decision: p.decision
    ? { by: attributed(p.decision.by), reason: p.decision.reason, asAlternative: p.state === 'alternative' }
    : null,
});

/** The proposals on each paragraph whose state moved from one version's governance to the other's. */
function proposalChanges(from: Governance, to: Governance): Map<string, ProposalChanges> {
  const before = new Map((from.proposals ?? []).map((p) => [p.id, p]));
  const out = new Map<string, ProposalChanges>();
  for (const p of to.proposals ?? []) {
    const old = before.get(p.id);
    const entry = out.get(p.paragraphId) ?? { tabled: [], accepted: [], rejected: [], withdrawn: [] };
    const c = proposalChange(p);
    if (!old) entry.tabled.push(c);
    if (p.state !== old?.state) {
      if (p.state === 'accepted' || p.state === 'alternative') entry.accepted.push(c);
      else if (p.state === 'rejected') entry.rejected.push(c);
      else if (p.state === 'withdrawn') entry.withdrawn.push(c);
    }
    if (entry.tabled.length + entry.accepted.length + entry.rejected.length + entry.withdrawn.length > 0) {
      out.set(p.paragraphId, entry);
    }
  }
  return out;
}

const noProposalChanges = (): ProposalChanges => ({ tabled: [], accepted: [], rejected: [], withdrawn: [] });

/**
 * Paragraph-by-paragraph comparison matched by paragraph id, not position: word-level
 * insertions and deletions, paragraphs added, removed and moved (to another section, or
 * out of order relative to the paragraphs both versions share), status and lock changes,
 * brackets added and resolved (by bracket id), objections lodged, withdrawn and answered,
 * proposals tabled, accepted, rejected and withdrawn.
 * Pure: the same two versions always give the same comparison.
 */
export function compareDrafts(from: DraftVersion, to: DraftVersion): Comparison {
  const before = place(from.draft);
  const after = place(to.draft);
  const numbersAfter = numberDraft(to.draft);
  const numbersBefore = numberDraft(from.draft);
  // Moved = not on the longest run of shared paragraphs that kept their relative order.
  const shared = [...after.values()].filter((a) => before.has(a.p.id));
  const inOrder = longestIncreasing(shared.map((a) => before.get(a.p.id)?.index ?? 0));
  const stayed = new Set(inOrder.map((i) => shared[i]?.p.id));
  const headings = new Map(to.draft.sections.map((s) => [s.id, s.heading]));
  const oldHeadings = new Map(from.draft.sections.map((s) => [s.id, s.heading]));
  const objectionsBefore = new Map(from.governance.objections.map((o) => [o.id, o]));
  const objectionsAfter = new Map(to.governance.objections.map((o) => [o.id, o]));
  const proposalsMoved = proposalChanges(from.governance, to.governance);
  const numberIn = (labels: ReturnType<typeof numberDraft>, id: string): string => {
    const label = labels.get(id);
    return label ? formatLabel(label) : '';
  };

  const objectionChanges = (paragraphId: string): ParagraphComparison['objections'] => {
    const out: ParagraphComparison['objections'] = { lodged: [], withdrawn: [], answered: [] };
    for (const o of to.governance.objections) {
      if (o.paragraphId !== paragraphId) continue;
      const old = objectionsBefore.get(o.id);
      if (!old) out.lodged.push(objectionChange(o));
      if (o.state === 'withdrawn' && old?.state !== 'withdrawn') out.withdrawn.push(objectionChange(o));
      if (o.state === 'answered' && old?.state !== 'answered') out.answered.push(objectionChange(o));
    }
    // An objection that disappeared altogether (not expected: they are kept) counts as withdrawn.
    for (const o of from.governance.objections) {
      if (o.paragraphId === paragraphId && o.state === 'standing' && !objectionsAfter.has(o.id)) {
        out.withdrawn.push(objectionChange(o));
      }
    }
    return out;
  };

  const compared = new Map<string, ParagraphComparison>();
  for (const a of after.values()) {
    const b = before.get(a.p.id);
    const newText = paragraphText(a.p);
    const newBrackets = bracketsIn(a.p);
    const oldBrackets = b ? bracketsIn(b.p) : [];
    const oldIds = new Set(oldBrackets.map((x) => x.id));
    const newIds = new Set(newBrackets.map((x) => x.id));
    const s0 = b ? statusOf(from.governance, a.p.id) : null;
    const s1 = statusOf(to.governance, a.p.id);
    const l0 = b ? from.governance.locks[a.p.id] !== undefined : false;
    const l1 = to.governance.locks[a.p.id] !== undefined;
    const entry: ParagraphComparison = {
      id: a.p.id,
      number: numberIn(numbersAfter, a.p.id),
      previousNumber: b ? numberIn(numbersBefore, a.p.id) : null,
      section: headings.get(a.section) ?? '',
      previousSection: b ? (oldHeadings.get(b.section) ?? '') : null,
      kinds: [],
      text: b ? wordDiff(paragraphText(b.p), newText) : newText === '' ? [] : [{ op: 'ins', text: newText }],
      status: s0 !== s1 && !(s0 === null && s1 === 'draft') ? { from: s0, to: s1 } : null,
      locked: l0 !== l1 ? { from: l0, to: l1 } : null,
      brackets: {
        added: newBrackets.filter((x) => !oldIds.has(x.id)).map((x) => ({ id: x.id, byName: x.byName })),
        resolved: oldBrackets.filter((x) => !newIds.has(x.id)).map((x) => ({ id: x.id, byName: x.byName })),
      },
      objections: objectionChanges(a.p.id),
      proposals: proposalsMoved.get(a.p.id) ?? noProposalChanges(),
    };
    if (!b) entry.kinds.push('added');
    else {
      const textChanged = entry.text.some((t) => t.op !== 'same');
      const shapeChanged = a.p.kind !== b.p.kind || a.p.bis !== b.p.bis || a.p.altGroup !== b.p.altGroup;
      const negotiation =
        entry.status !== null ||
        entry.locked !== null ||
        entry.brackets.added.length + entry.brackets.resolved.length > 0 ||
        entry.objections.lodged.length + entry.objections.withdrawn.length + entry.objections.answered.length > 0 ||
        proposalsMoved.has(a.p.id);
      if (textChanged || shapeChanged || negotiation) entry.kinds.push('changed');
      if (b.section !== a.section || !stayed.has(a.p.id)) entry.kinds.push('moved');
      if (entry.kinds.length === 0) entry.kinds.push('unchanged');
    }
    compared.set(a.p.id, entry);
  }

  // Removed paragraphs are shown where they stood: after the nearest earlier paragraph that survived.
  const removedAfter = new Map<string | null, ParagraphComparison[]>();
  let anchor: string | null = null;
  for (const b of before.values()) {
    if (after.has(b.p.id)) {
      anchor = b.p.id;
      continue;
    }
    const oldText = paragraphText(b.p);
    const entry: ParagraphComparison = {
      id: b.p.id,
      number: numberIn(numbersBefore, b.p.id),
      previousNumber: numberIn(numbersBefore, b.p.id),
      section: oldHeadings.get(b.section) ?? '',
      previousSection: oldHeadings.get(b.section) ?? '',
      kinds: ['removed'],
      text: oldText === '' ? [] : [{ op: 'del', text: oldText }],
      // A removed paragraph's status, lock and objections go with it; its brackets count as resolved.
      status: null,
      locked: null,
      brackets: { added: [], resolved: bracketsIn(b.p).map((x) => ({ id: x.id, byName: x.byName })) },
      objections: { lodged: [], withdrawn: [], answered: [] },
      // What removed it may well be a proposal (SUP the paragraph) accepted meanwhile.
      proposals: proposalsMoved.get(b.p.id) ?? noProposalChanges(),
    };
    const list = removedAfter.get(anchor) ?? [];
    list.push(entry);
    removedAfter.set(anchor, list);
  }
  const paragraphs: ParagraphComparison[] = [...(removedAfter.get(null) ?? [])];
  for (const entry of compared.values()) {
    paragraphs.push(entry);
    paragraphs.push(...(removedAfter.get(entry.id) ?? []));
  }

  const sections: SectionComparison[] = [];
  for (const s of to.draft.sections) {
    const old = oldHeadings.get(s.id);
    if (old === undefined) sections.push({ id: s.id, heading: s.heading, change: 'added', previousHeading: null });
    else if (old !== s.heading)
      sections.push({ id: s.id, heading: s.heading, change: 'renamed', previousHeading: old });
  }
  for (const s of from.draft.sections) {
    if (!headings.has(s.id))
      sections.push({ id: s.id, heading: s.heading, change: 'removed', previousHeading: s.heading });
  }

  return { paragraphs, sections, summary: summarize(paragraphs) };
}

function summarize(paragraphs: ParagraphComparison[]): ComparisonSummary {
  const s: ComparisonSummary = {
    added: 0,
    removed: 0,
    changed: 0,
    moved: 0,
    statusChanges: 0,
    bracketsAdded: 0,
    bracketsResolved: 0,
    objectionsLodged: 0,
    objectionsWithdrawn: 0,
    objectionsAnswered: 0,
    proposalsTabled: 0,
    proposalsAccepted: 0,
    proposalsRejected: 0,
    proposalsWithdrawn: 0,
  };
  for (const p of paragraphs) {
    for (const k of p.kinds) if (k !== 'unchanged') s[k] += 1;
    if (p.status && p.status.from !== null && p.status.to !== null) s.statusChanges += 1;
    s.bracketsAdded += p.brackets.added.length;
    s.bracketsResolved += p.brackets.resolved.length;
    s.objectionsLodged += p.objections.lodged.length;
    s.objectionsWithdrawn += p.objections.withdrawn.length;
    s.objectionsAnswered += p.objections.answered.length;
    s.proposalsTabled += p.proposals.tabled.length;
    s.proposalsAccepted += p.proposals.accepted.length;
    s.proposalsRejected += p.proposals.rejected.length;
    s.proposalsWithdrawn += p.proposals.withdrawn.length;
  }
  return s;
}

/** Word-level diff (whitespace kept, so joining `same`+`ins` gives the new text and `same`+`del` the old). */
export function wordDiff(oldText: string, newText: string): TextChange[] {
  if (oldText === newText) return oldText === '' ? [] : [{ op: 'same', text: oldText }];
  return diffWordsWithSpace(oldText, newText).map((c) => ({
    op: c.added ? 'ins' : c.removed ? 'del' : 'same',
    text: c.value,
  }));
}

/** Indices of one longest strictly increasing subsequence (patience sorting, O(n log n)). */
function longestIncreasing(xs: number[]): number[] {
  const tails: number[] = [];
  const prev: number[] = new Array(xs.length).fill(-1);
  const at = (i: number | undefined): number => (i === undefined ? 0 : (xs[i] ?? 0));
  for (let i = 0; i < xs.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at(tails[mid]) < at(i)) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1] ?? -1;
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = prev[i] ?? -1) out.unshift(i);
  return out;
}
