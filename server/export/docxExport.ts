import {
  AlignmentType,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx';
import PDFDocument from 'pdfkit';
import { heading, openText, paragraphLabel, type Report, type ReportParagraph, type Token } from './reportModel.js';
import { directionRuns, paragraphDirection } from './textDirection.js';

/** A paragraph written in Arabic or Hebrew runs right to left; one with no letter takes the report's direction. */
function rightToLeft(tokens: Token[], r: Report): boolean {
  const text = tokens.map((t) => (t.t === 'text' ? t.text : '')).join('');
  return (paragraphDirection(text) ?? r.words.direction) === 'rtl';
}

/** Body text: Times New Roman 11 pt, as UN documents are set. Sizes are in half-points, indents in twips. */
const FONT = 'Times New Roman';
/** Chinese text: SimSun, the face of UN Chinese documents (Word substitutes it where it is missing). */
const EAST_ASIAN_FONT = 'SimSun';
const SIZE = 22;
/** The number column: half an inch unless the label needs more. */
const NUMBER_COLUMN = 720;
const SUBPARAGRAPH_STEP = 720;
/** Word styles by depth: "Subparagraph", "Subparagraph 2", … (deeper lines use the last). */
const MAX_STYLED_DEPTH = 6;

/** Style ids the importer (server/import/docxBlocks.ts) recognises in our own files. */
export const docxStyles = {
  numbered: 'NumberedParagraph',
  continued: 'ParagraphContinued',
  subparagraph: (depth: number) => (depth <= 1 ? 'Subparagraph' : `Subparagraph${Math.min(depth, MAX_STYLED_DEPTH)}`),
  status: 'ParagraphStatus',
  objection: 'Objection',
  draftMark: 'DraftMark',
  bracket: 'Bracket',
} as const;

/** Word's proofing language for the report language: a region when only a language is given. */
export function wordLanguage(tag: string): string {
  if (tag.includes('-')) return tag;
  const regions: Record<string, string> = {
    en: 'en-GB',
    fr: 'fr-FR',
    es: 'es-ES',
    ru: 'ru-RU',
    zh: 'zh-CN',
    ar: 'ar-SA',
  };
  return regions[tag.toLowerCase()] ?? tag;
}

/**
 * Width of a bold label in twips, from the Adobe metrics of Times-Bold that pdfkit ships (Times New
 * Roman has the same widths): the number column must be wide enough for "8 (Option 1)" or
 * "12 quater", or Word pushes the text to the next tab stop.
 */
function labelColumn(labels: string[]): number {
  const pdf = new PDFDocument({ autoFirstPage: false });
  pdf.font('Times-Bold').fontSize(SIZE / 2);
  const widest = Math.max(0, ...labels.map((l) => pdf.widthOfString(l) * 20));
  // A gap of at least 0.1 inch after the label, in steps of a quarter inch.
  return Math.max(NUMBER_COLUMN, Math.ceil((widest + 144) / 360) * 360);
}

/**
 * A real Word document: Title/Heading 1 styles for the title and sections, a "Numbered
 * Paragraph" style with a hanging indent, "Subparagraph" styles per depth, a "Bracket" character
 * style for structural brackets (a bracket typed in the text has none, so it reads back as text).
 * Paragraph numbers are written as text rather than as Word list numbering, because "7 bis" and
 * shared option numbers cannot be expressed by Word's counters and must match every other format
 * exactly. Standing objections are Word footnotes; a status line is kept with its paragraph;
 * pages are numbered in the footer; the document's language is set for proofing.
 */
export async function exportDocx(r: Report): Promise<Buffer> {
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  let nextFootnote = 1;
  const w = r.words;
  const rtlReport = w.direction === 'rtl';
  const bracket = (text: string) =>
    new TextRun({ text, style: docxStyles.bracket, rightToLeft: rtlReport || undefined });
  /** Vocabulary and labels: right-to-left runs in an Arabic report. */
  const said = (text: string, extra: { bold?: boolean } = {}) =>
    new TextRun({ text, ...extra, rightToLeft: rtlReport || undefined });
  const runs = (ts: Token[]): ParagraphChild[] =>
    ts.flatMap((t) => {
      if (t.t === 'open') return bracket(openText(t, w));
      if (t.t === 'close') return bracket(']');
      // A hard break in the text is a Word line break, not a literal newline (which Word shows as a space).
      // Arabic and Hebrew stretches are runs of their own marked w:rtl (complex script), as Word writes them.
      return t.text.split('\n').flatMap((line, i) =>
        (line === '' ? [{ text: '', rtl: false }] : directionRuns(line)).map(
          (piece, j) =>
            new TextRun({
              text: piece.text,
              bold: t.bold || undefined,
              italics: t.italic || undefined,
              break: i > 0 && j === 0 ? 1 : undefined,
              rightToLeft: piece.rtl || undefined,
            }),
        ),
      );
    });
  const column = labelColumn(r.sections.flatMap((s) => s.paragraphs.map(paragraphLabel)));
  const titleLike = (text: string) => (paragraphDirection(text) ?? w.direction) === 'rtl';
  const body: Paragraph[] = [
    new Paragraph({ text: r.title, heading: HeadingLevel.TITLE, bidirectional: titleLike(r.title) }),
  ];
  const negotiating = r.variant === 'negotiating';
  if (negotiating) {
    const all = r.sections.flatMap((s) => s.paragraphs);
    const objections = all.reduce((n, p) => n + p.objections.length, 0);
    // Subtitle: the importer skips it (it is about the text, not text).
    body.push(
      new Paragraph({
        style: 'Subtitle',
        bidirectional: rtlReport,
        children: [said(`${w.negotiatingText} · ${w.summary(all.length, objections)}`)],
      }),
    );
  }
  if (r.draftMark) {
    body.push(
      new Paragraph({
        style: docxStyles.draftMark,
        bidirectional: rtlReport,
        children: [said(w.draftMark)],
      }),
    );
  }
  for (const s of r.sections) {
    body.push(new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_1, bidirectional: titleLike(s.heading) }));
    for (const p of s.paragraphs) body.push(...paragraphOf(p));
  }

  function paragraphOf(p: ReportParagraph): Paragraph[] {
    const out: Paragraph[] = [];
    const lines = p.lines.length > 0 ? p.lines : [{ label: null, depth: 0, tokens: [] }];
    lines.forEach((line, i) => {
      const first = i === 0;
      const last = i === lines.length - 1;
      const children: ParagraphChild[] = [];
      if (first) {
        children.push(said(paragraphLabel(p), { bold: true }), new TextRun({ text: '\t' }));
        if (p.bracketed) children.push(bracket('['));
        // A paragraph that starts with a subparagraph: its label on the number line.
        if (line.depth > 0 && line.label) children.push(new TextRun({ text: `${line.label}\t` }));
      } else if (line.label) {
        children.push(new TextRun({ text: `${line.label}\t` }));
      }
      children.push(...runs(line.tokens));
      if (last) {
        if (p.bracketed) children.push(bracket(']'));
        for (const o of p.objections) {
          const id = nextFootnote++;
          footnotes[id] = {
            children: [
              new Paragraph({
                style: docxStyles.objection,
                bidirectional: titleLike(o.reason),
                children: [said(w.objection(o.author, o.reason))],
              }),
            ],
          };
          children.push(new FootnoteReferenceRun(id));
        }
      }
      const style = first
        ? docxStyles.numbered
        : line.depth === 0
          ? docxStyles.continued
          : docxStyles.subparagraph(line.depth);
      const left = column + line.depth * SUBPARAGRAPH_STEP;
      const hanging = first ? column : line.label ? SUBPARAGRAPH_STEP : 0;
      out.push(
        new Paragraph({
          style,
          indent: { left: first ? column : left, hanging },
          // The status line below belongs to this paragraph: never at the top of the next page alone.
          keepNext: negotiating && last,
          keepLines: negotiating && last,
          // A paragraph written in Arabic or Hebrew runs right to left (its first letter decides, as in Unicode bidi).
          bidirectional: rightToLeft(line.tokens, r),
          children,
        }),
      );
    });
    if (negotiating) {
      out.push(
        new Paragraph({
          style: docxStyles.status,
          indent: { left: column },
          keepLines: true,
          bidirectional: rtlReport,
          children: [said(p.statusLine)],
        }),
      );
    }
    return out;
  }

  // The report's language for Latin/Cyrillic text; Chinese and Arabic runs are always tagged as such.
  const language = { value: wordLanguage(r.language), eastAsia: 'zh-CN', bidirectional: 'ar-SA' };
  const subparagraphStyles = Array.from({ length: MAX_STYLED_DEPTH }, (_, i) => ({
    id: docxStyles.subparagraph(i + 1),
    name: i === 0 ? 'Subparagraph' : `Subparagraph ${i + 1}`,
    basedOn: 'Normal',
    next: docxStyles.subparagraph(i + 1),
    paragraph: {
      indent: { left: NUMBER_COLUMN + (i + 1) * SUBPARAGRAPH_STEP, hanging: SUBPARAGRAPH_STEP },
      spacing: { after: 80 },
    },
  }));
  const doc = new Document({
    creator: 'Accord',
    title: r.title,
    description: negotiating ? w.negotiatingText : w.report,
    styles: {
      default: {
        document: {
          run: { font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: EAST_ASIAN_FONT }, size: SIZE, language },
        },
        heading1: { paragraph: { keepNext: true, keepLines: true, spacing: { before: 240, after: 120 } } },
      },
      paragraphStyles: [
        {
          id: docxStyles.numbered,
          name: 'Numbered Paragraph',
          basedOn: 'Normal',
          next: docxStyles.numbered,
          quickFormat: true,
          paragraph: { indent: { left: NUMBER_COLUMN, hanging: NUMBER_COLUMN }, spacing: { after: 120 } },
        },
        {
          id: docxStyles.continued,
          name: 'Paragraph Continued',
          basedOn: 'Normal',
          paragraph: { indent: { left: NUMBER_COLUMN }, spacing: { after: 120 } },
        },
        ...subparagraphStyles,
        {
          id: docxStyles.status,
          name: 'Paragraph Status',
          basedOn: 'Normal',
          run: { size: 18, color: '555555', italics: true },
          paragraph: { indent: { left: NUMBER_COLUMN }, spacing: { after: 160 } },
        },
        { id: docxStyles.objection, name: 'Objection', basedOn: 'FootnoteText' },
        {
          id: 'Subtitle',
          name: 'Subtitle',
          basedOn: 'Normal',
          run: { color: '444444', size: 24 },
          paragraph: { spacing: { after: 240 } },
        },
        {
          id: docxStyles.draftMark,
          name: 'Draft Mark',
          basedOn: 'Normal',
          run: { bold: true, color: 'B00000', size: 32 },
          paragraph: { alignment: AlignmentType.CENTER },
        },
      ],
      characterStyles: [
        { id: docxStyles.bracket, name: 'Bracket', basedOn: 'DefaultParagraphFont', run: { bold: true } },
      ],
    },
    footnotes,
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.END,
                bidirectional: rtlReport,
                children: [said(heading(r).join('   '))],
              }),
              ...(r.draftMark
                ? [
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      bidirectional: rtlReport,
                      children: [
                        new TextRun({ text: w.draftMark, bold: true, color: 'B00000', rightToLeft: rtlReport }),
                      ],
                    }),
                  ]
                : []),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                bidirectional: rtlReport,
                children: [new TextRun({ children: pageLabel(r), rightToLeft: rtlReport || undefined })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** "Page {page} of {total}" in the report's language, with Word's PAGE and NUMPAGES fields for the numbers. */
function pageLabel(r: Report): (string | (typeof PageNumber)[keyof typeof PageNumber])[] {
  const { before, between, after } = r.words.pageParts();
  return [before, PageNumber.CURRENT, between, PageNumber.TOTAL_PAGES, after].filter((x) => x !== '');
}
