import * as Y from 'yjs';
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
import { Mark, Node } from './schemaNames.js';

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

function readBlocks(parent: Y.XmlElement): Block[] {
  const blocks: Block[] = [];
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === Node.paragraph) blocks.push({ type: 'text', runs: readInline(child) });
    else if (child.nodeName === Node.bulletList || child.nodeName === Node.orderedList) {
      const items = child
        .toArray()
        .filter((i): i is Y.XmlElement => i instanceof Y.XmlElement && i.nodeName === Node.listItem)
        .map((i) => readBlocks(i));
      blocks.push({ type: 'list', ordered: child.nodeName === Node.orderedList, items });
    }
  }
  return blocks;
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
  const runs: InlineRun[] = [];
  const collect = (bs: Block[]) => {
    for (const b of bs) {
      if (b.type === 'text') runs.push(...b.runs);
      else for (const item of b.items) collect(item);
    }
  };
  collect(blocks);
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
  return {
    meta: { title: str(meta?.get('title')) ?? '', symbol: str(meta?.get('symbol')) ?? '' },
    statuses,
    locks,
    objections,
  };
}
