import { existsSync, readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';

export type PdfFontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';
const styles: readonly PdfFontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

/** One face of the configured list: a font file, the face inside a collection (.ttc), its style. */
export interface PdfFontFace {
  path: string;
  /** PostScript name of the face in a collection (NotoSerifCJKsc-Regular); null for a single font. */
  postscriptName: string | null;
  style: PdfFontStyle;
}

const dejavu = '/usr/share/fonts/truetype/dejavu';
const noto = '/usr/share/fonts/truetype/noto';
const notoCjk = '/usr/share/fonts/opentype/noto';

/**
 * The faces tried when PDF_FONTS is not set, in order of preference, as Debian installs them:
 * DejaVu Serif for Latin, Greek and Cyrillic (fonts-dejavu), Noto Naskh Arabic (fonts-noto-core),
 * Noto Serif CJK SC for Chinese (fonts-noto-cjk), DejaVu Sans last for Hebrew and symbols.
 * Faces that are not installed are skipped.
 */
export const defaultPdfFontList = [
  `${dejavu}/DejaVuSerif.ttf`,
  `${dejavu}/DejaVuSerif-Bold.ttf@bold`,
  `${dejavu}/DejaVuSerif-Italic.ttf@italic`,
  `${dejavu}/DejaVuSerif-BoldItalic.ttf@boldItalic`,
  `${noto}/NotoNaskhArabic-Regular.ttf`,
  `${noto}/NotoNaskhArabic-Bold.ttf@bold`,
  `${notoCjk}/NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular`,
  `${notoCjk}/NotoSerifCJK-Bold.ttc#NotoSerifCJKsc-Bold@bold`,
  `${dejavu}/DejaVuSans.ttf`,
  `${dejavu}/DejaVuSans-Bold.ttf@bold`,
].join(',');

/** Why PDF_FONTS was refused, naming every bad entry. */
export class PdfFontConfigError extends Error {
  override name = 'PdfFontConfigError';
}

/**
 * Reads a font list: comma-separated entries `path[#PostScriptName][@style]`, style one of
 * regular (the default), bold, italic, boldItalic. For each character and style the first face
 * of that style that has the character is used, then the first regular face that has it.
 * With `strict` (an operator's PDF_FONTS), a missing file, a face absent from its collection or a
 * bad style is an error; otherwise (the defaults) such entries are skipped.
 */
export function parsePdfFontList(spec: string, strict: boolean): PdfFontFace[] {
  const faces: PdfFontFace[] = [];
  const problems: string[] = [];
  for (const raw of spec.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const m = /^(.+?)(?:#([^#@]+))?(?:@([A-Za-z]+))?$/.exec(entry);
    const style = (m?.[3] ?? 'regular') as PdfFontStyle;
    if (!m || !styles.includes(style)) {
      problems.push(`"${entry}": expected path[#PostScriptName][@regular|bold|italic|boldItalic]`);
      continue;
    }
    const face: PdfFontFace = { path: m[1]!, postscriptName: m[2] ?? null, style };
    const problem = faceProblem(face);
    if (problem === null) faces.push(face);
    else if (strict) problems.push(`"${entry}": ${problem}`);
  }
  if (problems.length > 0) throw new PdfFontConfigError(`PDF_FONTS: ${problems.join('; ')}`);
  return faces;
}

function faceProblem(face: PdfFontFace): string | null {
  if (!existsSync(face.path)) return 'no such file';
  try {
    const font = fontkit.openSync(face.path);
    if ('fonts' in font) {
      if (face.postscriptName === null) {
        return `a collection: name a face (${font.fonts.map((f) => f.postscriptName).join(', ')})`;
      }
      if (!font.fonts.some((f) => f.postscriptName === face.postscriptName)) {
        return `no face ${face.postscriptName} (it has ${font.fonts.map((f) => f.postscriptName).join(', ')})`;
      }
    }
    return null;
  } catch (e) {
    return `not a font fontkit can read (${(e as Error).message})`;
  }
}

const lists = new Map<string, PdfFontFace[]>();

/**
 * The font list in force: PDF_FONTS when set (strictly checked), else the installed default faces.
 * Checked once per value and process (checking opens every font file).
 */
export function pdfFontList(env: string | undefined = process.env.PDF_FONTS): PdfFontFace[] {
  const spec = env?.trim() ?? '';
  let list = lists.get(spec);
  if (!list) {
    list = spec !== '' ? parsePdfFontList(spec, true) : parsePdfFontList(defaultPdfFontList, false);
    lists.set(spec, list);
  }
  return list;
}

/** A face ready for layout: what pdfkit needs to select it, its coverage and vertical metrics. */
export interface LoadedFace {
  /** pdfkit's `font(src, family)`: a file, or a standard font's name. */
  src: string;
  family: string | undefined;
  /**
   * The file's bytes, read once per process: pdfkit would read the file again for every document
   * (26 MB for the CJK collection). Null for the standard fonts.
   */
  data: (() => Buffer) | null;
  has(codePoint: number): boolean;
  /** Ascent and descent (positive) as a fraction of the font size. */
  ascent: number;
  descent: number;
  /** fontkit's own layout of a string: its direction tells whether fontkit reverses it. */
  direction(text: string): 'ltr' | 'rtl';
  /**
   * The shaped string as one SVG path in em units (y up), and its advance: for drawing text as
   * shapes (the DRAFT watermark), which no text extraction or screen reader reads. Null for the
   * standard fonts, which have no outlines here.
   */
  outline(text: string): { svg: string; advance: number } | null;
}

/** Faces per style, in the order they are tried for a character. */
export type FontChains = Record<PdfFontStyle, LoadedFace[]>;

const loaded = new Map<string, FontChains>();

/** Loads the chains of a font list (cached per list: fonts are parsed once per process). */
export function fontChains(faces: PdfFontFace[]): FontChains {
  const key = JSON.stringify(faces);
  const cached = loaded.get(key);
  if (cached) return cached;
  const byFace = new Map<PdfFontFace, LoadedFace>();
  for (const face of faces) {
    // One read per file: fontkit parses these bytes, pdfkit embeds from them.
    const bytes = readFileSync(face.path);
    const font = face.postscriptName ? fontkit.create(bytes, face.postscriptName) : fontkit.create(bytes);
    if (!('hasGlyphForCodePoint' in font)) continue;
    const directions = new Map<string, 'ltr' | 'rtl'>();
    byFace.set(face, {
      src: face.path,
      family: face.postscriptName ?? undefined,
      data: () => bytes,
      has: (cp) => font.hasGlyphForCodePoint(cp),
      ascent: font.ascent / font.unitsPerEm,
      descent: Math.abs(font.descent) / font.unitsPerEm,
      direction: (text) => {
        let d = directions.get(text);
        if (d === undefined) {
          d = font.layout(text).direction === 'rtl' ? 'rtl' : 'ltr';
          directions.set(text, d);
        }
        return d;
      },
      outline: (text) => {
        const run = font.layout(text);
        let x = 0;
        const parts: string[] = [];
        run.glyphs.forEach((glyph, i) => {
          const pos = run.positions[i]!;
          parts.push(
            glyph.path
              .translate(x + pos.xOffset, pos.yOffset)
              .scale(1 / font.unitsPerEm)
              .toSVG(),
          );
          x += pos.xAdvance;
        });
        return { svg: parts.join(' '), advance: x / font.unitsPerEm };
      },
    });
  }
  const chain = (style: PdfFontStyle): LoadedFace[] => {
    const own = faces.filter((f) => f.style === style);
    const regular = style === 'regular' ? [] : faces.filter((f) => f.style === 'regular');
    const found = [...own, ...regular].map((f) => byFace.get(f)).filter((f): f is LoadedFace => f !== undefined);
    // No font installed at all: the standard Times fonts, which encode Latin-1 only (WinAnsi).
    return found.length > 0 ? found : [timesFace(style)];
  };
  const chains: FontChains = {
    regular: chain('regular'),
    bold: chain('bold'),
    italic: chain('italic'),
    boldItalic: chain('boldItalic'),
  };
  loaded.set(key, chains);
  return chains;
}

const times: Record<PdfFontStyle, string> = {
  regular: 'Times-Roman',
  bold: 'Times-Bold',
  italic: 'Times-Italic',
  boldItalic: 'Times-BoldItalic',
};

function timesFace(style: PdfFontStyle): LoadedFace {
  return {
    src: times[style],
    family: undefined,
    data: null,
    has: (cp) => cp >= 0x20 && cp < 0x100,
    ascent: 0.683,
    descent: 0.217,
    direction: () => 'ltr',
    outline: () => null,
  };
}
