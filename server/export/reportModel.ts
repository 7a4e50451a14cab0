import { defaultLanguage, type Language } from '../../shared/i18n/languages.js';
import { bracketSpans, bracketsIn, hasOpenBrackets } from '../../shared/model/brackets.js';
import type { Block, Draft, InlineRun, Paragraph } from '../../shared/model/draft.js';
import {
  type Governance,
  type ParagraphStatus,
  standingObjections,
  statusLabels,
  statusOf,
} from '../../shared/model/governance.js';
import type { NotAgreedReason } from '../../shared/model/notAgreedReason.js';
import { numberDraft, subparagraphLabel } from '../../shared/model/numbering.js';
import { exportDate } from './exportDate.js';
import { type ExportVocabulary, exportVocabulary } from './exportVocabulary.js';

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
  /** "7", "7 bis", "PP2": the language-neutral number (AKN eIds, ids), as numberDraft computes it. */
  number: string;
  /** The number as printed in the report's language, with its option: "7 مكرراً", "3 (Option 2)". */
  label: string;
  option: number | null;
  kind: 'operative' | 'preambular';
  status: ParagraphStatus;
  /** The status name in the report's language. */
  statusLabel: string;
  /** The status line of the negotiating text: status name, and "locked" when it is. */
  statusLine: string;
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
  /** The report's language: its vocabulary, and what each file declares (DOCX w:lang, HTML lang, PDF /Lang, AKN FRBRlanguage). */
  language: Language;
  /** Everything the report prints that is not the group's text, in `language`. */
  words: ExportVocabulary;
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
  /** Language of the report's vocabulary and declared language. @default 'en' */
  language?: Language;
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
  const language = input.language ?? defaultLanguage;
  const words = exportVocabulary(language);
  return {
    title: gov.meta.title,
    symbol: gov.meta.symbol,
    revision: words.revision(input.revision),
    generatedAt: input.generatedAt,
    variant: input.variant,
    draftMark: input.draftMark ?? false,
    language,
    words,
    sections: draft.sections.map((s) => ({
      id: s.id,
      heading: s.heading,
      paragraphs: s.paragraphs.map((p) => {
        const label = labels.get(p.id)!;
        const option = clean ? null : label.option;
        const status = statusOf(gov, p.id);
        const locked = gov.locks[p.id] !== undefined;
        return {
          id: p.id,
          number: label.number,
          label: words.paragraphLabel(label.number, option),
          option,
          kind: p.kind,
          status,
          statusLabel: words.status(status),
          statusLine: words.statusLine(status, locked),
          locked,
          lock: lockOf(gov, p.id),
          brackets: clean ? [] : bracketsOf(p),
          bracketed: !clean && p.bracket !== null,
          lines: linesOf(p.blocks, clean),
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

/**
 * One line per text block, list items labelled. In the negotiating text a bracket that spans
 * blocks (the editor lets a bracket run over several subparagraphs) opens on its first line and
 * closes on its last: it is one proposal, printed once.
 */
function linesOf(blocks: Block[], clean: boolean): ReportLine[] {
  const options = clean ? new Map<string, number | null>() : optionsOf(blocks);
  const open: string[] = [];
  const lines = collectLines(blocks, 0, (runs) => tokensOf(runs, clean, options, open));
  const last = lines[lines.length - 1];
  if (last) while (open.pop()) last.tokens.push({ t: 'close' });
  return lines;
}

function collectLines(blocks: Block[], depth: number, tokens: (runs: InlineRun[]) => Token[]): ReportLine[] {
  const lines: ReportLine[] = [];
  for (const block of blocks) {
    if (block.type === 'text') {
      lines.push({ label: null, depth, tokens: tokens(block.runs) });
      continue;
    }
    block.items.forEach((item, i) => {
      const label = block.ordered ? subparagraphLabel(depth, i) : '•';
      const inner = collectLines(item, depth + 1, tokens);
      const first = inner.find((l) => l.label === null && l.depth === depth + 1);
      if (first) first.label = label;
      else inner.unshift({ label, depth: depth + 1, tokens: [] });
      lines.push(...inner);
    });
  }
  return lines;
}

/** Option numbers of inline alternatives, counted over the whole paragraph (as the editor counts them). */
function optionsOf(blocks: Block[]): Map<string, number | null> {
  const runs: InlineRun[] = [];
  const collect = (bs: Block[]) => {
    for (const b of bs) {
      if (b.type === 'text') runs.push(...b.runs);
      else for (const item of b.items) collect(item);
    }
  };
  collect(blocks);
  return new Map(bracketSpans(runs).map((s) => [s.bracket.id, s.option]));
}

function tokensOf(runs: InlineRun[], clean: boolean, options: Map<string, number | null>, open: string[]): Token[] {
  const text = (r: InlineRun): Token => ({ t: 'text', text: r.text, bold: !!r.bold, italic: !!r.italic });
  if (clean) return agreedTokens(runs.filter((r) => r.brackets.length === 0 && r.text !== '').map(text));
  const tokens: Token[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
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
    tokens.push(text(run));
  }
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
  /** In English, for API users. */
  reasons: string[];
  /** The same, as codes the interface words in the reader's language. */
  why: NotAgreedReason[];
}

/** Why the clean report cannot be produced yet: every paragraph not agreed, with the reasons. */
export function notAgreed(draft: Draft, gov: Governance): NotAgreed[] {
  const labels = numberDraft(draft);
  const out: NotAgreed[] = [];
  for (const s of draft.sections) {
    for (const p of s.paragraphs) {
      const why: NotAgreedReason[] = [];
      const status = statusOf(gov, p.id);
      if (status !== 'agreed') why.push({ code: 'status', status });
      if (hasOpenBrackets(p)) why.push({ code: p.altGroup !== null ? 'unresolved_alternative' : 'open_brackets' });
      const count = standingObjections(gov, p.id).length;
      if (count > 0) why.push({ code: 'standing_objections', count });
      if (why.length > 0)
        out.push({ paragraphId: p.id, number: labels.get(p.id)!.number, reasons: why.map(inEnglish), why });
    }
  }
  return out;
}

function inEnglish(r: NotAgreedReason): string {
  switch (r.code) {
    case 'status':
      return `status is "${statusLabels[r.status]}"`;
    case 'open_brackets':
      return 'open brackets';
    case 'unresolved_alternative':
      return 'unresolved alternative';
    case 'standing_objections':
      return `${r.count} standing objection${r.count > 1 ? 's' : ''}`;
  }
}

/** Plain text of a line (for formats that print tokens as characters). */
export function lineText(
  tokens: Token[],
  optionLabels = true,
  words: ExportVocabulary = exportVocabulary(defaultLanguage),
): string {
  return tokens
    .map((t) => (t.t === 'text' ? t.text : t.t === 'close' ? ']' : openText(t, words, optionLabels)))
    .join('');
}

/** What an opening bracket prints: "[" or, opening an option of an inline alternative, "[Option 1: ". */
export function openText(t: Extract<Token, { t: 'open' }>, words: ExportVocabulary, optionLabels = true): string {
  return t.option !== null && optionLabels ? `[${words.optionLabel(t.option)} ` : '[';
}

/**
 * Symbol, revision and date. `iso` for Markdown: its importer recognises our own header line by
 * the ISO date, and Markdown is the interchange format; the other files print the date as the
 * reader of the report's language writes it.
 */
export function heading(report: Report, date: 'long' | 'iso' = 'long'): string[] {
  const day =
    date === 'iso' ? report.generatedAt.toISOString().slice(0, 10) : exportDate(report.generatedAt, report.language);
  return [report.symbol, report.revision, day].filter((x) => x !== '');
}

/** The number as printed, in the report's language. */
export function paragraphLabel(p: ReportParagraph): string {
  return p.label;
}

/** The number with its option in English, language-neutral: what identifiers (AKN eIds) derive from. */
export function neutralLabel(p: ReportParagraph): string {
  return p.option === null ? p.number : `${p.number} (Option ${p.option})`;
}
