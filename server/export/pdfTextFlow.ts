import LineBreaker from 'linebreak';
import type { FontChains, LoadedFace, PdfFontStyle } from './pdfFonts.js';
import { bidi, paragraphDirection } from './textDirection.js';

/** A piece of text in one style, as the exports' tokens give it. */
export interface StyledText {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** The part of pdfkit this module uses, so that it can be typed without pdfkit's internals. */
export interface PdfCanvas {
  font(src: string, family?: string): this;
  registerFont(name: string, src: Buffer, family?: string): this;
  fontSize(size: number): this;
  widthOfString(text: string, options?: { features?: [] }): number;
  text(text: string, x: number, y: number, options: { lineBreak: false; features: []; baseline: 'alphabetic' }): this;
  markContent(tag: string, options: { actual: string }): this;
  endMarkedContent(): this;
  addContent(operators: string): this;
  continueOnNewPage(): this;
  page: { height: number; margins: { top: number; bottom: number } };
}

export interface FlowBox {
  x: number;
  width: number;
  size: number;
  /** Extra space between lines, in points. @default 2 */
  lineGap?: number;
  /** A side of the page. @default the start side of the text's direction (right for Arabic) */
  align?: 'left' | 'right' | 'center';
  /**
   * Direction of a text that has no strong character (digits, punctuation) of its own; a text
   * that has one takes its direction from the first (UAX #9 P2). @default 'ltr'
   */
  direction?: 'ltr' | 'rtl';
}

/** A grapheme-like cluster: a character with the marks, joiners and selectors that follow it. */
interface Cluster {
  start: number;
  end: number;
  style: PdfFontStyle;
  /** null: no configured font has it (emoji); drawn as a box, kept as ActualText. */
  face: LoadedFace | null;
}

const registered = new WeakMap<PdfCanvas, Set<string>>();

/** Selects a face: registered with the document from the bytes in memory, once per document. */
export function selectFace(doc: PdfCanvas, face: LoadedFace): PdfCanvas {
  if (face.data === null) return doc.font(face.src);
  const name = `${face.src}#${face.family ?? ''}`;
  let names = registered.get(doc);
  if (!names) {
    names = new Set();
    registered.set(doc, names);
  }
  if (!names.has(name)) {
    doc.registerFont(name, face.data(), face.family);
    names.add(name);
  }
  return doc.font(name);
}

const joining = /^(?:\p{M}|\u200d|\ufe0f|\ufe0e|[\u{1F3FB}-\u{1F3FF}])$/u;

const styleOf = (bold: boolean, italic: boolean): PdfFontStyle =>
  bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular';

/**
 * Lays out one paragraph of styled text in a box and draws it; returns the y below it.
 *
 * - Fonts: each character gets the first face of its style's chain that has it (pdfFonts.ts);
 *   characters none has are drawn as a box with the real text kept as ActualText.
 * - Line breaks: UAX #14 (linebreak), so Chinese breaks between ideographs and never before "，".
 * - Direction: UAX #9 (bidi-js). Embedding levels are computed once for the paragraph; each laid
 *   out line is reordered on its own (rule L2) and right-to-left brackets are mirrored (L4).
 *   Runs of one face, style and level are handed to pdfkit in logical order when fontkit will
 *   reverse them itself (Arabic: it shapes them, joined forms, in logical order and returns
 *   visual glyphs), and already reversed when it will not (neutrals alone in a right-to-left run).
 */
export function flowText(
  doc: PdfCanvas,
  chains: FontChains,
  pieces: StyledText[],
  box: FlowBox,
  startY: number,
): number {
  const text = pieces.map((p) => p.text).join('');
  if (text === '') return startY;
  const clusters = clustersOf(text, pieces, chains);
  const clusterAt = new Map<number, Cluster>();
  for (const c of clusters) for (let i = c.start; i < c.end; i++) clusterAt.set(i, c);
  const levels = bidi.getEmbeddingLevels(text, paragraphDirection(text) ?? box.direction ?? 'ltr');
  const gap = box.lineGap ?? 2;

  const widthCache = new Map<string, number>();
  const measure = (face: LoadedFace | null, style: PdfFontStyle, s: string): number => {
    const f = face ?? boxFace(chains, style);
    const key = `${f.src}#${f.family ?? ''}#${box.size}#${face === null ? '□' : s}`;
    let w = widthCache.get(key);
    if (w === undefined) {
      w = selectFace(doc, f)
        .fontSize(box.size)
        .widthOfString(face === null ? '□' : s, { features: [] });
      widthCache.set(key, w);
    }
    return w;
  };
  /** Width of text[a, b) measured by runs of one face and style (an Arabic word is shaped whole). */
  const widthOf = (a: number, b: number): number => {
    let w = 0;
    for (const run of runsOf(clusters, a, b)) w += measure(run.face, run.style, text.slice(run.start, run.end));
    return w;
  };

  // Greedy filling between UAX #14 break opportunities.
  const lines: { start: number; end: number }[] = [];
  const breaker = new LineBreaker(text);
  let lineStart = 0;
  let lineWidth = 0;
  let last = 0;
  for (let brk = breaker.nextBreak(); brk !== null; brk = breaker.nextBreak()) {
    const segment = { start: last, end: brk.position };
    last = brk.position;
    const trimmed = trimEnd(text, segment.start, segment.end);
    const full = widthOf(segment.start, segment.end);
    const visible = widthOf(segment.start, trimmed);
    if (lineWidth + visible > box.width && lineWidth > 0) {
      lines.push({ start: lineStart, end: segment.start });
      lineStart = segment.start;
      lineWidth = 0;
    }
    if (visible > box.width) {
      // Longer than the line (a URL, a long word): cut between clusters.
      for (const c of clusters) {
        if (c.end <= segment.start || c.start >= segment.end) continue;
        const w = widthOf(c.start, c.end);
        if (lineWidth + w > box.width && lineWidth > 0) {
          lines.push({ start: lineStart, end: c.start });
          lineStart = c.start;
          lineWidth = 0;
        }
        lineWidth += w;
      }
    } else {
      lineWidth += full;
    }
    if (brk.required) {
      lines.push({ start: lineStart, end: segment.end });
      lineStart = segment.end;
      lineWidth = 0;
    }
  }
  if (lineStart < text.length) lines.push({ start: lineStart, end: text.length });

  let y = startY;
  for (const line of lines) {
    const end = trimEnd(text, line.start, line.end);
    const used = clusters.filter((c) => c.start >= line.start && c.end <= end);
    const faces = used.map((c) => c.face ?? boxFace(chains, c.style));
    const ascent = Math.max(0.8, ...faces.map((f) => f.ascent)) * box.size;
    const descent = Math.max(0.2, ...faces.map((f) => f.descent)) * box.size;
    if (y + ascent + descent > doc.page.height - doc.page.margins.bottom) {
      doc.continueOnNewPage();
      y = doc.page.margins.top;
    }
    if (end > line.start) {
      const runs = visualRuns(text, levels, clusterAt, line.start, end);
      const widths = runs.map((r) => measure(r.face, r.style, r.draw));
      const total = widths.reduce((a, b) => a + b, 0);
      const paragraphLevel = levels.paragraphs.find((p) => p.start <= line.start && line.start <= p.end)?.level ?? 0;
      const rtl = (paragraphLevel & 1) === 1;
      const align = box.align ?? (rtl ? 'right' : 'left');
      let x = box.x + (align === 'right' ? box.width - total : align === 'center' ? (box.width - total) / 2 : 0);
      runs.forEach((run, k) => {
        drawRun(doc, chains, run, x, y + ascent, box.size);
        x += widths[k]!;
      });
    }
    y += ascent + descent + gap;
  }
  return y;
}

/** End of [start, end) without trailing white space and newlines. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}

function clustersOf(text: string, pieces: StyledText[], chains: FontChains): Cluster[] {
  const clusters: Cluster[] = [];
  let offset = 0;
  for (const piece of pieces) {
    const style = styleOf(piece.bold, piece.italic);
    const chain = chains[style];
    let i = 0;
    for (const ch of piece.text) {
      const start = offset + i;
      i += ch.length;
      const cp = ch.codePointAt(0)!;
      const previous = clusters.at(-1);
      // Marks, joiners and selectors stay with the character before them, in its font.
      const joins =
        previous !== undefined &&
        previous.end === start &&
        previous.style === style &&
        (joining.test(ch) || text.slice(previous.start, previous.end).endsWith('\u200d'));
      if (joins) {
        previous.end = start + ch.length;
        continue;
      }
      const face = /\s/.test(ch)
        ? (chain.find((f) => f.has(0x20)) ?? chain[0]!)
        : (chain.find((f) => f.has(cp)) ?? null);
      clusters.push({ start, end: start + ch.length, style, face });
    }
    offset += piece.text.length;
  }
  void text;
  return clusters;
}

interface LogicalRun {
  start: number;
  end: number;
  face: LoadedFace | null;
  style: PdfFontStyle;
}

/** Consecutive clusters of [a, b) sharing face and style. */
function runsOf(clusters: Cluster[], a: number, b: number): LogicalRun[] {
  const runs: LogicalRun[] = [];
  for (const c of clusters) {
    if (c.end <= a || c.start >= b) continue;
    const prev = runs.at(-1);
    if (prev && prev.face === c.face && prev.style === c.style && prev.face !== null && prev.end === c.start)
      prev.end = c.end;
    else runs.push({ start: c.start, end: c.end, face: c.face, style: c.style });
  }
  return runs;
}

/** What is drawn, left to right: a string for pdfkit, its face and style, and the text it stands for. */
interface VisualRun {
  face: LoadedFace | null;
  style: PdfFontStyle;
  /** The string given to pdfkit (logical for fontkit to reverse and shape, or already visual). */
  draw: string;
  /** The characters it stands for, in logical order (ActualText of a box). */
  actual: string;
}

/**
 * One line in visual order (UAX #9 L2 over the paragraph's levels), cut into runs of one cluster
 * face, style and level; brackets and other mirrored characters at odd levels mirrored (L4).
 */
function visualRuns(
  text: string,
  levels: ReturnType<typeof bidi.getEmbeddingLevels>,
  clusterAt: Map<number, Cluster>,
  start: number,
  end: number,
): VisualRun[] {
  // (bidi-js returns the indices of the whole string, with only this line's segments reversed.)
  const order = bidi.getReorderedIndices(text, levels, start, end - 1).slice(start, end);
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels, start, end - 1);
  // Clusters in visual order (a reversed cluster shows its last unit first: keep its first sighting).
  const seen = new Set<Cluster>();
  const visual: Cluster[] = [];
  for (const i of order) {
    const c = clusterAt.get(i);
    if (c && !seen.has(c)) {
      seen.add(c);
      visual.push(c);
    }
  }
  const odd = (c: Cluster) => (levels.levels[c.start]! & 1) === 1;
  const groups: Cluster[][] = [];
  for (const c of visual) {
    const group = groups.at(-1);
    const prev = group?.at(-1);
    const contiguous = prev !== undefined && (odd(c) ? c.end === prev.start : c.start === prev.end);
    if (
      group &&
      prev &&
      contiguous &&
      prev.face === c.face &&
      prev.style === c.style &&
      odd(prev) === odd(c) &&
      c.face !== null
    )
      group.push(c);
    else groups.push([c]);
  }
  const chars = (c: Cluster) => {
    let s = '';
    for (let i = c.start; i < c.end; i++) s += mirrored.get(i) ?? text[i]!;
    return s;
  };
  return groups.map((group) => {
    const first = group[0]!;
    const logical = odd(first) ? [...group].reverse() : group;
    const actual = logical.map((c) => text.slice(c.start, c.end)).join('');
    const logicalMirrored = logical.map(chars).join('');
    let draw = logicalMirrored;
    // fontkit reverses (and shapes) runs of right-to-left scripts itself; other odd runs are reversed here.
    if (odd(first) && first.face !== null && first.face.direction(logicalMirrored) !== 'rtl')
      draw = group.map(chars).join('');
    return { face: first.face, style: first.style, draw, actual };
  });
}

/** The face used to draw a box for characters no font has. */
function boxFace(chains: FontChains, style: PdfFontStyle): LoadedFace {
  return chains[style].find((f) => f.has(0x25a1)) ?? chains.regular.find((f) => f.has(0x25a1)) ?? chains[style][0]!;
}

function drawRun(doc: PdfCanvas, chains: FontChains, run: VisualRun, x: number, baseline: number, size: number): void {
  const face = run.face ?? boxFace(chains, run.style);
  selectFace(doc, face).fontSize(size);
  if (run.face !== null) {
    doc.text(run.draw, x, baseline, { lineBreak: false, features: [], baseline: 'alphabetic' });
    return;
  }
  // A box for characters no font has (an emoji); copy, search and screen readers get the real text.
  doc.markContent('Span', { actual: run.actual });
  doc.text(face.has(0x25a1) ? '□' : '?', x, baseline, { lineBreak: false, features: [], baseline: 'alphabetic' });
  endActualText(doc);
}

/**
 * Ends the ActualText span under the same transformation the glyph was drawn with (pdfkit draws
 * text under a flipped matrix it restores right after): readers such as poppler place the
 * replacement text with the matrix current at EMC, and would otherwise put it at the mirrored
 * position on the page.
 */
function endActualText(doc: PdfCanvas): void {
  doc.addContent(`q 1 0 0 -1 0 ${doc.page.height} cm`);
  doc.endMarkedContent();
  doc.addContent('Q');
}

/**
 * A one-line text as outlines (em units, y up, left to right): each visual run shaped by its
 * face. For the DRAFT watermark, which must be seen but never read as text.
 */
export function outlineText(
  chains: FontChains,
  text: string,
  bold: boolean,
): { svg: string; x: number }[] & { width?: number } {
  const clusters = clustersOf(text, [{ text, bold, italic: false }], chains);
  const clusterAt = new Map<number, Cluster>();
  for (const c of clusters) for (let i = c.start; i < c.end; i++) clusterAt.set(i, c);
  const levels = bidi.getEmbeddingLevels(text, paragraphDirection(text) ?? 'ltr');
  const out: { svg: string; x: number }[] & { width?: number } = [];
  let x = 0;
  for (const run of visualRuns(text, levels, clusterAt, 0, text.length)) {
    const shape = run.face?.outline(run.draw);
    if (!shape) continue;
    out.push({ svg: shape.svg, x });
    x += shape.advance;
  }
  out.width = x;
  return out;
}
