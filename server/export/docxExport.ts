import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx';
import { heading, paragraphLabel, type Report, type Token } from './reportModel.js';

const rtlLetter = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

function rightToLeft(tokens: Token[]): boolean {
  const text = tokens.map((t) => (t.t === 'text' ? t.text : '')).join('');
  const first = /\p{L}/u.exec(text)?.[0];
  return first !== undefined && rtlLetter.test(first);
}

/**
 * A real Word document: Title/Heading 1 styles for the title and sections, and a
 * "Numbered Paragraph" style with a hanging indent. Paragraph numbers are written as
 * text in that style rather than as Word list numbering, because "7 bis" and shared
 * option numbers cannot be expressed by Word's counters and must match every other
 * format exactly. Standing objections are Word footnotes.
 */
export async function exportDocx(r: Report): Promise<Buffer> {
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  let nextFootnote = 1;
  const runs = (ts: Token[]): ParagraphChild[] =>
    ts.flatMap((t) => {
      if (t.t === 'open') return new TextRun({ text: t.option !== null ? `[Option ${t.option}: ` : '[', bold: true });
      if (t.t === 'close') return new TextRun({ text: ']', bold: true });
      // A hard break in the text is a Word line break, not a literal newline (which Word shows as a space).
      return t.text
        .split('\n')
        .map((text, i) => new TextRun({ text, bold: t.bold, italics: t.italic, break: i > 0 ? 1 : undefined }));
    });
  const body: Paragraph[] = [new Paragraph({ text: r.title, heading: HeadingLevel.TITLE })];
  if (r.draftMark) {
    body.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: 'DRAFT — not agreed', bold: true, color: 'B00000', size: 32 })],
      }),
    );
  }
  for (const s of r.sections) {
    body.push(new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_1 }));
    for (const p of s.paragraphs) {
      p.lines.forEach((line, i) => {
        const children: ParagraphChild[] = [];
        if (i === 0) {
          children.push(new TextRun({ text: paragraphLabel(p), bold: true }), new TextRun({ text: '\t' }));
          if (p.bracketed) children.push(new TextRun({ text: '[', bold: true }));
        }
        if (line.label) children.push(new TextRun({ text: `${line.label}\t` }));
        children.push(...runs(line.tokens));
        if (i === p.lines.length - 1) {
          if (p.bracketed) children.push(new TextRun({ text: ']', bold: true }));
          for (const o of p.objections) {
            const id = nextFootnote++;
            footnotes[id] = { children: [new Paragraph(`Objection by ${o.author}: ${o.reason}`)] };
            children.push(new FootnoteReferenceRun(id));
          }
        }
        body.push(
          new Paragraph({
            style: i === 0 ? 'NumberedParagraph' : 'Subparagraph',
            // A paragraph written in Arabic or Hebrew runs right to left (its first letter decides, as in Unicode bidi).
            bidirectional: rightToLeft(line.tokens),
            children,
          }),
        );
      });
      if (r.variant === 'negotiating') {
        const status = `${p.statusLabel}${p.locked ? ' · locked' : ''}`;
        body.push(
          new Paragraph({ style: 'ParagraphStatus', children: [new TextRun({ text: status, italics: true })] }),
        );
      }
    }
  }
  const doc = new Document({
    creator: 'Accord',
    title: r.title,
    description: r.variant === 'negotiating' ? 'Negotiating text' : 'Report',
    styles: {
      paragraphStyles: [
        {
          id: 'NumberedParagraph',
          name: 'Numbered Paragraph',
          basedOn: 'Normal',
          next: 'NumberedParagraph',
          quickFormat: true,
          paragraph: {
            indent: { left: 720, hanging: 720 },
            spacing: { after: 120 },
          },
        },
        {
          id: 'Subparagraph',
          name: 'Subparagraph',
          basedOn: 'Normal',
          paragraph: { indent: { left: 1440, hanging: 720 }, spacing: { after: 80 } },
        },
        {
          id: 'ParagraphStatus',
          name: 'Paragraph Status',
          basedOn: 'Normal',
          run: { size: 18, color: '555555' },
          paragraph: { indent: { left: 720 }, spacing: { after: 160 } },
        },
      ],
    },
    footnotes,
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(heading(r).join('   '))] }),
              ...(r.draftMark
                ? [
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      children: [new TextRun({ text: 'DRAFT — not agreed', bold: true, color: 'B00000' })],
                    }),
                  ]
                : []),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
