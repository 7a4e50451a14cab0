import * as Y from 'yjs';
import { blockRuns } from './brackets.js';
import type { Block, Bracket, Draft, InlineRun, Paragraph, ParagraphKind, Section } from './draft.js';
import {
  type Governance,
  type Lock,
  type Objection,
  objectionStates,
  type ParagraphStatus,
  paragraphStatuses,
} from './governance.js';
import { markNameOf } from './markKeys.js';
import { type Proposal, proposalStates } from './proposals.js';
import { Mark, Node } from './schemaNames.js';
import { isList, schemaLimits } from './schemaRules.js';

/**
 * Reads the negotiating text out of the editor's Yjs tree. Clients write this tree, so
 * nothing in it is trusted: unknown nodes are skipped and malformed attributes fall back
 * to conservative defaults (a malformed bracket still counts as an open bracket).
 */
export function readDraft(fragment: Y.XmlFragment): Draft {
  const sections: Section[] = [];
  for (const node of fragment.toArray()) {
    if (!(node instanceof Y.XmlElement) || node.nodeName !== Node.section) continue;
    sections.push(readSection(node));
  }
  return { sections };
}

function readSection(el: Y.XmlElement): Section {
  let heading = '';
  const paragraphs: Paragraph[] = [];
  for (const child of el.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === Node.sectionHeading) heading = plainText(child);
    else if (child.nodeName === Node.clause) paragraphs.push(readClause(child));
  }
  return { id: str(el.getAttribute('id')) ?? '', heading, paragraphs };
}

export function readClause(el: Y.XmlElement): Paragraph {
  const attrs = el.getAttributes() as Record<string, unknown>;
  const kind: ParagraphKind = attrs.kind === 'preambular' ? 'preambular' : 'operative';
  const blocks = readBlocks(el);
  orderBracketsOutermostFirst(blocks);
  return {
    id: str(attrs.id) ?? '',
    kind,
    bis: attrs.bis === true || attrs.bis === 'true',
    altGroup: str(attrs.altGroup),
    bracket: attrs.bracket === undefined || attrs.bracket === null ? null : toBracket(attrs.bracket),
    blocks,
  };
}

/**
 * Blocks of a clause or list item. Lists nest at most schemaLimits.listDepth deep in the
 * model whatever the document holds (the guard refuses deeper ones, but a store written by
 * an older version may have them): deeper lists are read as plain paragraphs of the deepest
 * item, so no text is lost and every reader of the model (exports, comparison, numbering,
 * the panels) recurses a bounded number of levels.
 */
function readBlocks(parent: Y.XmlElement, depth = 0): Block[] {
  const blocks: Block[] = [];
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === Node.paragraph) blocks.push({ type: 'text', runs: readInline(child) });
    else if (isList(child.nodeName)) {
      if (depth >= schemaLimits.listDepth) {
        for (const block of flattenedParagraphs(child)) blocks.push(block);
        continue;
      }
      const items = child
        .toArray()
        .filter((i): i is Y.XmlElement => i instanceof Y.XmlElement && i.nodeName === Node.listItem)
        .map((i) => readBlocks(i, depth + 1));
      blocks.push({ type: 'list', ordered: child.nodeName === Node.orderedList, items });
    }
  }
  return blocks;
}

/** Every paragraph inside `root`, in document order, as text blocks (iteratively: any depth). */
function flattenedParagraphs(root: Y.XmlElement): Block[] {
  const out: Block[] = [];
  const stack: Y.XmlElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop() as Y.XmlElement;
    if (el.nodeName === Node.paragraph) {
      out.push({ type: 'text', runs: readInline(el) });
      continue;
    }
    const children = el.toArray();
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i];
      if (c instanceof Y.XmlElement) stack.push(c);
    }
  }
  return out;
}

function readInline(el: Y.XmlElement): InlineRun[] {
  const runs: InlineRun[] = [];
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert !== 'string') continue;
        runs.push(runOf(op.insert, op.attributes ?? {}));
      }
    } else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') {
      runs.push({ text: '\n', brackets: [] });
    }
  }
  return runs;
}

function runOf(text: string, attributes: Record<string, unknown>): InlineRun {
  const run: InlineRun = { text, brackets: [] };
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    const name = markNameOf(key);
    if (name === Mark.bold) run.bold = true;
    else if (name === Mark.italic) run.italic = true;
    else if (name === Mark.bracket) run.brackets.push(toBracket(value));
  }
  return run;
}

/**
 * Mark order in a run is the order brackets were applied, not their nesting. The
 * enclosing bracket is the one that starts earlier (or, starting together, ends later).
 */
function orderBracketsOutermostFirst(blocks: Block[]): void {
  const runs = blockRuns(blocks);
  const extent = new Map<string, { from: number; to: number }>();
  let offset = 0;
  for (const run of runs) {
    for (const b of run.brackets) {
      const e = extent.get(b.id);
      if (e) e.to = offset + run.text.length;
      else extent.set(b.id, { from: offset, to: offset + run.text.length });
    }
    offset += run.text.length;
  }
  for (const run of runs) {
    if (run.brackets.length < 2) continue;
    run.brackets.sort((a, b) => {
      const ea = extent.get(a.id)!;
      const eb = extent.get(b.id)!;
      return ea.from - eb.from || eb.to - ea.to || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
  }
}

function toBracket(value: unknown): Bracket {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return {
    id: str(v.id) ?? 'unknown',
    by: str(v.by) ?? '',
    byName: str(v.byName) ?? '',
    at: typeof v.at === 'number' && Number.isFinite(v.at) ? v.at : 0,
    group: str(v.group),
  };
}

function plainText(el: Y.XmlElement): string {
  return el
    .toArray()
    .map((c) => (c instanceof Y.XmlText ? c.toString() : ''))
    .join('');
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

/** The server-owned `gov` map as plain data. Only the server writes it, but it is still read defensively. */
export function readGovernance(map: Y.Map<unknown>): Governance {
  const sub = (key: string): Y.Map<unknown> | null => {
    const m = map.get(key);
    return m instanceof Y.Map ? m : null;
  };
  const meta = sub('meta');
  const statuses: Record<string, ParagraphStatus> = {};
  for (const [id, s] of sub('statuses')?.entries() ?? []) {
    if ((paragraphStatuses as readonly unknown[]).includes(s)) statuses[id] = s as ParagraphStatus;
  }
  const locks: Record<string, Lock> = {};
  for (const [id, l] of sub('locks')?.entries() ?? []) if (l && typeof l === 'object') locks[id] = l as Lock;
  const objections: Objection[] = [];
  for (const o of sub('objections')?.values() ?? []) {
    if (o && typeof o === 'object' && (objectionStates as readonly unknown[]).includes((o as Objection).state)) {
      objections.push(o as Objection);
    }
  }
  objections.sort((a, b) => a.at - b.at);
  const proposals: Proposal[] = [];
  for (const p of sub('proposals')?.values() ?? []) {
    if (p && typeof p === 'object' && (proposalStates as readonly unknown[]).includes((p as Proposal).state)) {
      proposals.push(p as Proposal);
    }
  }
  proposals.sort((a, b) => a.at - b.at);
  return {
    meta: { title: str(meta?.get('title')) ?? '', symbol: str(meta?.get('symbol')) ?? '' },
    statuses,
    locks,
    objections,
    proposals,
    proposalsOnly: [...(sub('proposalsOnly')?.keys() ?? [])].sort(),
  };
}
