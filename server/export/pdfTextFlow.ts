import { existsSync } from 'node:fs';
import * as fontkit from 'fontkit';

/** A piece of text in one style, as the exports' tokens give it. */
export interface StyledText {
  text: string;
  bold: boolean;
  italic: boolean;
}

type Style = 'regular' | 'bold' | 'italic' | 'boldItalic';

interface FontFile {
  /** A path for pdfkit (embedded, subset) or a standard PDF font name. */
  src: string;
  has(codePoint: number): boolean;
}

const dejavu = '/usr/share/fonts/truetype/dejavu';
const files: Record<'serif' | 'sans', Record<Style, string>> = {
  serif: {
    regular: `${dejavu}/DejaVuSerif.ttf`,
    bold: `${dejavu}/DejaVuSerif-Bold.ttf`,
    italic: `${dejavu}/DejaVuSerif-Italic.ttf`,
    boldItalic: `${dejavu}/DejaVuSerif-BoldItalic.ttf`,
  },
  // DejaVu Sans also has Arabic and Hebrew letters, which DejaVu Serif lacks.
  sans: {
    regular: `${dejavu}/DejaVuSans.ttf`,
    bold: `${dejavu}/DejaVuSans-Bold.ttf`,
    italic: `${dejavu}/DejaVuSans-Oblique.ttf`,
    boldItalic: `${dejavu}/DejaVuSans-BoldOblique.ttf`,
  },
};
const standard: Record<Style, string> = {
  regular: 'Times-Roman',
  bold: 'Times-Bold',
  italic: 'Times-Italic',
  boldItalic: 'Times-BoldItalic',
};

let chains: Record<Style, FontFile[]> | null = null;

/** Per style, the fonts to try in order; loaded once per process. */
function fontChains(): Record<Style, FontFile[]> {
  if (chains) return chains;
  const load = (path: string): FontFile | null => {
    if (!existsSync(path)) return null;
    const font = fontkit.openSync(path);
    if (!('hasGlyphForCodePoint' in font)) return null;
    return { src: path, has: (cp) => font.hasGlyphForCodePoint(cp) };
  };
  const loaded = new Map<string, FontFile | null>();
  const cached = (path: string): FontFile | null => {
    if (!loaded.has(path)) loaded.set(path, load(path));
    return loaded.get(path) ?? null;
  };
  const chain = (style: Style): FontFile[] => {
    // The style first; then the regular faces, which cover more scripts than the bold and oblique ones.
    const paths = [files.serif[style], files.sans[style], files.serif.regular, files.sans.regular];
    const found = [...new Set(paths)].map(cached).filter((f): f is FontFile => f !== null);
    // Without DejaVu: the standard Times fonts, which only encode Latin-1 (WinAnsi).
    return found.length > 0 ? found : [{ src: standard[style], has: (cp) => cp < 0x100 }];
  };
  chains = { regular: chain('regular'), bold: chain('bold'), italic: chain('italic'), boldItalic: chain('boldItalic') };
  return chains;
}

/** The font of the document's own text (labels, page numbers). */
export function baseFont(bold = false, italic = false): string {
  return fontChains()[styleOf(bold, italic)][0]?.src ?? standard.regular;
}

const styleOf = (bold: boolean, italic: boolean): Style =>
  bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular';

/** What pdfkit draws: one font, and the real text when what is drawn is a stand-in. */
interface Atom {
  text: string;
  font: string;
  /** Set when no font has the glyphs (emoji): a box is drawn, the text survives as ActualText. */
  actual: string | null;
  width: number;
}

type Direction = 'ltr' | 'rtl' | 'neutral';

const rtlChar = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const ltrChar = /[\p{L}\p{N}]/u;

function directionOf(text: string): Direction {
  if (rtlChar.test(text)) return 'rtl';
  return ltrChar.test(text) ? 'ltr' : 'neutral';
}

/**
 * Ends the ActualText span under the same transformation the glyph was drawn with (pdfkit
 * draws text under a flipped matrix it restores right after): readers such as poppler place
 * the replacement text with the matrix current at EMC, and would otherwise put it at the
 * mirrored position on the page.
 */
function endActualText(doc: PdfCanvas): void {
  doc.addContent(`q 1 0 0 -1 0 ${doc.page.height} cm`);
  doc.endMarkedContent();
  doc.addContent('Q');
}

/** The paragraph's direction is that of its first strong (letter) character, as in the Unicode bidi algorithm. */
function baseDirection(text: string): 'ltr' | 'rtl' {
  const first = /[\p{L}]/u.exec(text)?.[0] ?? '';
  return rtlChar.test(first) ? 'rtl' : 'ltr';
}

/** The minimal part of pdfkit this module uses, so that it can be typed without pdfkit's internals. */
export interface PdfCanvas {
  font(src: string): this;
  fontSize(size: number): this;
  widthOfString(text: string): number;
  text(text: string, x: number, y: number, options: { lineBreak: false }): this;
  markContent(tag: string, options: { actual: string }): this;
  endMarkedContent(): this;
  addContent(operators: string): this;
  addPage(): this;
  page: { height: number; margins: { top: number; bottom: number } };
}

export interface FlowBox {
  x: number;
  width: number;
  size: number;
  /** Extra space between lines, in points. @default 2 */
  lineGap?: number;
  align?: 'left' | 'center' | 'right';
}

/**
 * Lays text out line by line itself instead of through pdfkit's line wrapper, so that
 * every character gets a font that has it (DejaVu Serif, then DejaVu Sans for Arabic and
 * Hebrew), characters no font has (emoji) are drawn as a box while the PDF keeps the real
 * text (ActualText, so copy and search still find them), and right-to-left words are put
 * in visual order within each line (a word-level simplification of the Unicode bidi
 * algorithm: fontkit shapes and orders the letters inside a word). Returns the y below
 * the text.
 */
export function flowText(doc: PdfCanvas, pieces: StyledText[], box: FlowBox, startY: number): number {
  const lineHeight = box.size * 1.18 + (box.lineGap ?? 2);
  const groups = wordGroups(doc, pieces, box.size);
  const paragraphDirection = baseDirection(pieces.map((p) => p.text).join(''));
  let y = startY;
  let line: Atom[][] = [];
  let lineWidth = 0;
  const flush = () => {
    while (line.length > 0 && isSpace(line[line.length - 1])) {
      lineWidth -= width(line.pop());
    }
    if (line.length === 0) return;
    if (y + lineHeight > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    const align = box.align ?? (paragraphDirection === 'rtl' ? 'right' : 'left');
    let x = box.x + (align === 'right' ? box.width - lineWidth : align === 'center' ? (box.width - lineWidth) / 2 : 0);
    for (const group of visualOrder(line, paragraphDirection)) {
      for (const atom of group) {
        doc.font(atom.font).fontSize(box.size);
        if (atom.actual !== null) doc.markContent('Span', { actual: atom.actual });
        doc.text(atom.text, x, y, { lineBreak: false });
        if (atom.actual !== null) endActualText(doc);
        x += atom.width;
      }
    }
    y += lineHeight;
    line = [];
    lineWidth = 0;
  };
  for (const group of groups) {
    if (group.some((a) => a.text === '\n')) {
      flush();
      continue;
    }
    const w = width(group);
    if (isSpace(group) && line.length === 0) continue;
    if (lineWidth + w > box.width && line.length > 0) flush();
    if (isSpace(group) && line.length === 0) continue;
    if (w > box.width) {
      // A word longer than the line (a URL): break it between atoms/characters.
      for (const piece of splitToFit(doc, group, box.width, box.size)) {
        if (lineWidth + width(piece) > box.width && line.length > 0) flush();
        line.push(piece);
        lineWidth += width(piece);
      }
      continue;
    }
    line.push(group);
    lineWidth += w;
  }
  flush();
  return y;
}

const width = (group: Atom[] | undefined): number => (group ?? []).reduce((n, a) => n + a.width, 0);
const isSpace = (group: Atom[] | undefined): boolean => (group ?? []).every((a) => /^[^\S\n]*$/.test(a.text));

/** Words (runs of non-space atoms, possibly in several fonts) and the spaces between them. */
function wordGroups(doc: PdfCanvas, pieces: StyledText[], size: number): Atom[][] {
  const groups: Atom[][] = [];
  let current: Atom[] = [];
  let currentIsSpace: boolean | null = null;
  const push = (atom: Atom, space: boolean) => {
    if (currentIsSpace !== space || atom.text === '\n') {
      if (current.length > 0) groups.push(current);
      current = [];
    }
    current.push(atom);
    currentIsSpace = atom.text === '\n' ? null : space;
  };
  for (const piece of pieces) {
    for (const token of piece.text.match(/\n|[^\S\n]+|[^\s]+/g) ?? []) {
      if (token === '\n') {
        push({ text: '\n', font: baseFont(), actual: null, width: 0 }, false);
        continue;
      }
      const space = /^\s+$/.test(token);
      for (const atom of atomsOf(doc, token, piece.bold, piece.italic, size)) push(atom, space);
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Splits a token where the font changes; characters no font has become a stand-in box with ActualText. */
function atomsOf(doc: PdfCanvas, token: string, bold: boolean, italic: boolean, size: number): Atom[] {
  const chain = fontChains()[styleOf(bold, italic)];
  const first = chain[0]?.src ?? standard.regular;
  const atoms: Atom[] = [];
  let text = '';
  let font = first;
  let missing = false;
  const box = chain.find((f) => f.has(0x25a1))?.src ?? null;
  const close = () => {
    if (text === '') return;
    // One box for a run of characters no font has (an emoji with its modifiers, say).
    const drawn = missing ? (box ? '□' : '?') : text;
    const drawnFont = missing ? (box ?? first) : font;
    atoms.push({
      text: drawn,
      font: drawnFont,
      actual: missing ? text : null,
      width: doc.font(drawnFont).fontSize(size).widthOfString(drawn),
    });
    text = '';
  };
  for (const ch of token) {
    const cp = ch.codePointAt(0) ?? 0;
    // Joiners, variation selectors and combining marks stay with the character before them.
    const joins = text !== '' && /\p{M}|\u200d|\ufe0f|\ufe0e|[\u{1F3FB}-\u{1F3FF}]/u.test(ch);
    const lastWasJoiner = text.endsWith('\u200d');
    const owner = chain.find((f) => f.has(cp));
    const isMissing = owner === undefined;
    if (!(joins || lastWasJoiner) && (isMissing !== missing || (!isMissing && owner?.src !== font))) {
      close();
      missing = isMissing;
      font = owner?.src ?? first;
    }
    text += ch;
  }
  close();
  return atoms;
}

function splitToFit(doc: PdfCanvas, group: Atom[], maxWidth: number, size: number): Atom[][] {
  const out: Atom[][] = [];
  let current: Atom[] = [];
  let w = 0;
  for (const atom of group) {
    const parts = atom.actual !== null ? [atom] : [...atom.text].map((c) => ({ ...atom, text: c, width: 0 }));
    for (const part of parts) {
      if (atom.actual === null) part.width = doc.font(part.font).fontSize(size).widthOfString(part.text);
      if (w + part.width > maxWidth && current.length > 0) {
        out.push(current);
        current = [];
        w = 0;
      }
      current.push(part);
      w += part.width;
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Word-level bidi: in a left-to-right line, each run of right-to-left words (with the
 * spaces and punctuation between them) is reversed; in a right-to-left line, the whole
 * line is reversed and each run of left-to-right words is put back in order.
 */
function visualOrder(line: Atom[][], base: 'ltr' | 'rtl'): Atom[][] {
  const dirs = line.map((g) => directionOf(g.map((a) => a.actual ?? a.text).join('')));
  const other = base === 'ltr' ? 'rtl' : 'ltr';
  const ordered = base === 'rtl' ? [...line].reverse() : [...line];
  const orderedDirs = base === 'rtl' ? [...dirs].reverse() : dirs;
  const out: Atom[][] = [];
  let i = 0;
  while (i < ordered.length) {
    if (orderedDirs[i] !== other) {
      out.push(ordered[i] ?? []);
      i++;
      continue;
    }
    // Extend the run over neutrals that are followed by another word of the same direction.
    let end = i;
    for (let j = i + 1; j < ordered.length; j++) {
      if (orderedDirs[j] === other) end = j;
      else if (orderedDirs[j] !== 'neutral') break;
    }
    out.push(...ordered.slice(i, end + 1).reverse());
    i = end + 1;
  }
  return out;
}
