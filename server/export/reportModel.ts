import { bracketSpans, bracketsIn, hasOpenBrackets } from '../../shared/model/brackets.js';
import type { Block, Draft, InlineRun, Paragraph } from '../../shared/model/draft.js';
import {
  type Governance,
  type ParagraphStatus,
  standingObjections,
  statusLabels,
  statusOf,
} from '../../shared/model/governance.js';
import { numberDraft, subparagraphLabel } from '../../shared/model/numbering.js';

/**
 * The neutral shape every export format renders: numbers computed, brackets turned into
 * open/close tokens (negotiating text) or dropped (clean report). One place decides what
 * a report contains; the format modules only decide how it looks.
 */
export type Token =
  | { t: 'text'; text: string; bold: boolean; italic: boolean }
  | { t: 'open'; option: number | null; byName: string }
  | { t: 'close' };

export interface ReportLine {
  /** "(a)", "(i)", "•" for list items; null for the paragraph's own text. */
  label: string | null;
  depth: number;
  tokens: Token[];
}

export interface ReportObjection {
  author: string;
  reason: string;
  at: number;
}

export interface ReportBracket {
  id: string;
  byName: string;
  at: number;
  /** Option number inside an inline alternative; null for a plain bracket. */
  option: number | null;
  /** The whole paragraph is bracketed. */
  whole: boolean;
}

export interface ReportParagraph {
  id: string;
  /** "7", "7 bis", "PP2". */
  number: string;
  option: number | null;
  kind: 'operative' | 'preambular';
  status: ParagraphStatus;
  statusLabel: string;
  locked: boolean;
  lock: { byName: string; at: number } | null;
  /** Open brackets in the paragraph (negotiating text only), for the formats that list them. */
  brackets: ReportBracket[];
  /** The whole paragraph is bracketed (negotiating text only). */
  bracketed: boolean;
  lines: ReportLine[];
  objections: ReportObjection[];
}

export interface Report {
  title: string;
  symbol: string;
  revision: string;
  generatedAt: Date;
  variant: 'negotiating' | 'clean';
  /** Clean report of text that is not all agreed, asked for by a chair. */
  draftMark: boolean;
  sections: { id: string; heading: string; paragraphs: ReportParagraph[] }[];
}

export type Variant = Report['variant'];

export interface ReportInput {
  draft: Draft;
  governance: Governance;
  variant: Variant;
  revision: string;
  generatedAt: Date;
  draftMark?: boolean;
}

/**
 * The clean report holds agreed text only: bracketed passages, whole-paragraph brackets and
 * unresolved whole-paragraph alternatives are left out (once everything is agreed there are
 * none; with `draftMark` the chair sees what would be adopted so far), and the remaining
 * paragraphs are renumbered consecutively, bis included.
 */
export function buildReport(input: ReportInput): Report {
  const clean = input.variant === 'clean';
  const draft: Draft = clean
    ? {
        sections: input.draft.sections.map((s) => ({
          ...s,
          paragraphs: s.paragraphs.filter((p) => p.bracket === null && p.altGroup === null),
        })),
      }
    : input.draft;
  const labels = numberDraft(draft, { renumber: clean });
  const gov = input.governance;
  return {
    title: gov.meta.title,
    symbol: gov.meta.symbol,
    revision: input.revision,
    generatedAt: input.generatedAt,
    variant: input.variant,
    draftMark: input.draftMark ?? false,
    sections: draft.sections.map((s) => ({
      id: s.id,
      heading: s.heading,
      paragraphs: s.paragraphs.map((p) => {
        const label = labels.get(p.id)!;
        return {
          id: p.id,
          number: label.number,
          option: clean ? null : label.option,
          kind: p.kind,
          status: statusOf(gov, p.id),
          statusLabel: statusLabels[statusOf(gov, p.id)],
          locked: gov.locks[p.id] !== undefined,
          lock: lockOf(gov, p.id),
          brackets: clean ? [] : bracketsOf(p),
          bracketed: !clean && p.bracket !== null,
          lines: linesOf(p.blocks, 0, clean),
          objections: clean
            ? []
            : standingObjections(gov, p.id).map((o) => ({
                author: o.author.affiliation ? `${o.author.name} (${o.author.affiliation})` : o.author.name,
                reason: o.reason,
                at: o.at,
              })),
        };
      }),
    })),
  };
}

function lockOf(gov: Governance, paragraphId: string): ReportParagraph['lock'] {
  const lock = gov.locks[paragraphId];
  if (!lock) return null;
  return { byName: lock.by.affiliation ? `${lock.by.name} (${lock.by.affiliation})` : lock.by.name, at: lock.at };
}

function bracketsOf(p: Paragraph): ReportBracket[] {
  const options = new Map<string, number | null>();
  const collect = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.type === 'text') for (const span of bracketSpans(b.runs)) options.set(span.bracket.id, span.option);
      else for (const item of b.items) collect(item);
    }
  };
  collect(p.blocks);
  return bracketsIn(p).map((b) => ({
    id: b.id,
    byName: b.byName,
    at: b.at,
    option: options.get(b.id) ?? null,
    whole: p.bracket?.id === b.id,
  }));
}

function linesOf(blocks: Block[], depth: number, clean: boolean): ReportLine[] {
  const lines: ReportLine[] = [];
  for (const block of blocks) {
    if (block.type === 'text') {
      lines.push({ label: null, depth, tokens: tokensOf(block.runs, clean) });
      continue;
    }
    block.items.forEach((item, i) => {
      const label = block.ordered ? subparagraphLabel(depth, i) : '•';
      const inner = linesOf(item, depth + 1, clean);
      const first = inner.find((l) => l.label === null && l.depth === depth + 1);
      if (first) first.label = label;
      else inner.unshift({ label, depth: depth + 1, tokens: [] });
      lines.push(...inner);
    });
  }
  return lines;
}

function tokensOf(runs: InlineRun[], clean: boolean): Token[] {
  const text = (r: InlineRun): Token => ({ t: 'text', text: r.text, bold: !!r.bold, italic: !!r.italic });
  if (clean) return agreedTokens(runs.filter((r) => r.brackets.length === 0 && r.text !== '').map(text));
  const options = new Map(bracketSpans(runs).map((s) => [s.bracket.id, s.option]));
  const open: string[] = [];
  const tokens: Token[] = [];
  for (const run of runs) {
    let common = 0;
    while (common < open.length && open[common] === run.brackets[common]?.id) common++;
    while (open.length > common) {
      open.pop();
      tokens.push({ t: 'close' });
    }
    for (const b of run.brackets.slice(common)) {
      open.push(b.id);
      tokens.push({ t: 'open', option: options.get(b.id) ?? null, byName: b.byName });
    }
    if (run.text !== '') tokens.push(text(run));
  }
  while (open.pop()) tokens.push({ t: 'close' });
  return tokens;
}

/** Joins the text around a left-out bracketed passage: no doubled space, no space before punctuation. */
function agreedTokens(tokens: Token[]): Token[] {
  let previous: Extract<Token, { t: 'text' }> | null = null;
  for (const t of tokens) {
    if (t.t !== 'text') continue;
    if (previous && /\s$/.test(previous.text)) {
      if (/^\s/.test(t.text)) t.text = t.text.replace(/^\s+/, '');
      else if (/^[.,;:!?)]/.test(t.text)) previous.text = previous.text.replace(/\s+$/, '');
    }
    previous = t;
  }
  return tokens.filter((t) => t.t !== 'text' || t.text !== '');
}

export interface NotAgreed {
  paragraphId: string;
  number: string;
  reasons: string[];
}

/** Why the clean report cannot be produced yet: every paragraph not agreed, with the reasons. */
export function notAgreed(draft: Draft, gov: Governance): NotAgreed[] {
  const labels = numberDraft(draft);
  const out: NotAgreed[] = [];
  for (const s of draft.sections) {
    for (const p of s.paragraphs) {
      const reasons: string[] = [];
      const status = statusOf(gov, p.id);
      if (status !== 'agreed') reasons.push(`status is "${statusLabels[status]}"`);
      if (hasOpenBrackets(p)) reasons.push(p.altGroup !== null ? 'unresolved alternative' : 'open brackets');
      const n = standingObjections(gov, p.id).length;
      if (n > 0) reasons.push(`${n} standing objection${n > 1 ? 's' : ''}`);
      if (reasons.length > 0) out.push({ paragraphId: p.id, number: labels.get(p.id)!.number, reasons });
    }
  }
  return out;
}

/** Plain text of a line (for formats that print tokens as characters). */
export function lineText(tokens: Token[], optionLabels = true): string {
  return tokens
    .map((t) =>
      t.t === 'text'
        ? t.text
        : t.t === 'close'
          ? ']'
          : t.option !== null && optionLabels
            ? `[Option ${t.option}: `
            : '[',
    )
    .join('');
}

export function heading(report: Report): string[] {
  const lines = [report.symbol, report.revision, report.generatedAt.toISOString().slice(0, 10)].filter((x) => x !== '');
  return lines;
}

export function paragraphLabel(p: ReportParagraph): string {
  return p.option === null ? p.number : `${p.number} (Option ${p.option})`;
}
