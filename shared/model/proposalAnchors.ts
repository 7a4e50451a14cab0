import * as Y from 'yjs';
import type { Bracket } from './draft.js';
import { overlappingMarkKey } from './markKeys.js';
import type { AnchorJson, SpanAnchor } from './proposals.js';
import { Mark, Node } from './schemaNames.js';
import { bracketAttrs } from './writeDraft.js';

/**
 * Where a proposal's span is, in the Yjs document, whatever was typed around it since.
 *
 * A paragraph's plain text is its runs of text (Y.XmlText, in reading order) joined by '\n';
 * proposals address it by offsets in that text, and a span lies within one run. The span is
 * kept as two Yjs relative positions: its start sticks to the first character of the span
 * (assoc 0), its end to the last one (assoc -1), so text typed just before or just after the
 * span stays outside it, and text deleted inside it shrinks it. A span whose characters were
 * all deleted collapses to an empty one.
 */
export interface TextSegment {
  text: Y.XmlText;
  /** Offset of the run's first character in the paragraph's plain text. */
  start: number;
  length: number;
}

export interface ResolvedSpan {
  text: Y.XmlText;
  from: number;
  to: number;
}

/** The plain string of a run (Y.XmlText.toString renders formatting as tags). */
export function plainOf(text: Y.XmlText): string {
  let s = '';
  for (const op of text.toDelta() as Array<{ insert: unknown }>) if (typeof op.insert === 'string') s += op.insert;
  return s;
}

/** The runs of text of a paragraph (clause element), in reading order. */
export function textSegments(clause: Y.XmlElement): TextSegment[] {
  const out: TextSegment[] = [];
  let start = 0;
  const visit = (el: Y.XmlElement) => {
    for (const child of el.toArray()) {
      if (child instanceof Y.XmlText) {
        if (out.length > 0) start += 1; // the '\n' between runs
        const length = plainOf(child).length;
        out.push({ text: child, start, length });
        start += length;
      } else if (child instanceof Y.XmlElement) visit(child);
    }
  };
  visit(clause);
  return out;
}

export function paragraphPlainText(clause: Y.XmlElement): string {
  return textSegments(clause)
    .map((s) => plainOf(s.text))
    .join('\n');
}

/** The run holding [from, to) of the paragraph's plain text, or null if the span crosses runs or lies outside. */
export function locateSpan(clause: Y.XmlElement, from: number, to: number): ResolvedSpan | null {
  if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from <= to)) return null;
  for (const s of textSegments(clause)) {
    if (from >= s.start && to <= s.start + s.length) return { text: s.text, from: from - s.start, to: to - s.start };
  }
  return null;
}

export function anchorSpan(text: Y.XmlText, from: number, to: number): SpanAnchor {
  const json = (rp: Y.RelativePosition) => Y.relativePositionToJSON(rp) as AnchorJson;
  const start = Y.createRelativePositionFromTypeIndex(text, from, 0);
  // An empty span (an insertion point) is one position: both ends stick to the same character.
  const end = from === to ? start : Y.createRelativePositionFromTypeIndex(text, to, -1);
  return { from: json(start), to: json(end) };
}

/**
 * Where an anchored span is now, or null if its run of text is gone (its paragraph deleted,
 * split away or replaced) or no longer inside the paragraph `paragraphId`.
 */
export function resolveSpan(doc: Y.Doc, anchor: SpanAnchor, paragraphId: string): ResolvedSpan | null {
  const abs = (json: AnchorJson) => {
    try {
      return Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), doc);
    } catch {
      return null; // malformed anchor: nothing to resolve
    }
  };
  const a = abs(anchor.from);
  const b = abs(anchor.to);
  if (!a || !b || a.type !== b.type || !(a.type instanceof Y.XmlText)) return null;
  const text = a.type;
  if (!insideParagraph(text, paragraphId)) return null;
  return { text, from: a.index, to: Math.max(a.index, b.index) };
}

/**
 * Where an anchored span is now in its paragraph's plain-text offsets (the coordinates it was
 * tabled in), or null if it no longer resolves there. The editor draws tabled proposals with it.
 */
export function spanOffsets(doc: Y.Doc, anchor: SpanAnchor, paragraphId: string): { from: number; to: number } | null {
  const span = resolveSpan(doc, anchor, paragraphId);
  if (!span) return null;
  let el: unknown = span.text.parent;
  while (el instanceof Y.XmlElement && el.nodeName !== Node.clause) el = el.parent;
  if (!(el instanceof Y.XmlElement)) return null;
  const segment = textSegments(el).find((s) => s.text === span.text);
  return segment ? { from: segment.start + span.from, to: segment.start + span.to } : null;
}

/** Whether a live type sits in the live clause `paragraphId` (no deleted ancestor on the way). */
function insideParagraph(type: Y.XmlText, paragraphId: string): boolean {
  let item: Y.Item | null = type._item;
  if (item?.deleted) return false;
  while (item) {
    const parent = item.parent;
    if (!(parent instanceof Y.XmlElement)) return false;
    if (parent._item?.deleted) return false;
    if (parent.nodeName === Node.clause) return parent.getAttribute('id') === paragraphId;
    item = parent._item;
  }
  return false;
}

type Attributes = Record<string, unknown>;

/** The formatting of every character in [from, to): attributes they all share (same value). */
function sharedFormatting(text: Y.XmlText, from: number, to: number): Attributes {
  let shared: Attributes | null = null;
  let pos = 0;
  for (const op of text.toDelta() as Array<{ insert: unknown; attributes?: Attributes }>) {
    const len = typeof op.insert === 'string' ? op.insert.length : 1;
    if (pos + len > from && pos < to) {
      const attrs = op.attributes ?? {};
      if (shared === null) shared = { ...attrs };
      else
        for (const k of Object.keys(shared))
          if (JSON.stringify(shared[k]) !== JSON.stringify(attrs[k])) delete shared[k];
    }
    pos += len;
    if (pos >= to) break;
  }
  return shared ?? {};
}

/**
 * Replaces [from, to) of `text` by `insert`. The new text takes the formatting the replaced
 * text had throughout (so a word replaced inside a bracket stays inside it); an insertion
 * takes the formatting on its left, as typing there would.
 */
export function replaceSpan(text: Y.XmlText, from: number, to: number, insert: string): void {
  const attrs = from < to ? sharedFormatting(text, from, to) : undefined;
  if (to > from) text.delete(from, to - from);
  if (insert !== '') text.insert(from, insert, attrs);
}

/**
 * Makes [from, to) and `replacement` competing options of one inline alternative, as the
 * editor's addInlineAlternative does: "[Option 1: current] [Option 2: replacement]", both
 * brackets of group `group` proposed by `by`. The space and the new option keep the
 * formatting common to the whole span (enclosing brackets, bold), not the span's own inner marks.
 */
export function makeAlternative(
  text: Y.XmlText,
  from: number,
  to: number,
  replacement: string,
  first: Bracket,
  second: Bracket,
): void {
  const outer = sharedFormatting(text, from, to);
  const a1 = bracketAttrs(first);
  const a2 = bracketAttrs(second);
  text.format(from, to - from, { [overlappingMarkKey(Mark.bracket, a1)]: a1 });
  text.insert(to, ' ', outer);
  text.insert(to + 1, replacement, { ...outer, [overlappingMarkKey(Mark.bracket, a2)]: a2 });
}
