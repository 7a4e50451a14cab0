import {
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { type Compilation, proposalLines } from './compilationModel.js';
import { wordLanguage } from './docxExport.js';
import { exportDate } from './exportDate.js';
import { type ResolutionRow, resolutionColumns, resolutionRows } from './resolutionTable.js';
import { paragraphDirection } from './textDirection.js';

const FONT = 'Times New Roman';

function styles(c: Compilation) {
  const language = { value: wordLanguage(c.words.language), eastAsia: 'zh-CN', bidirectional: 'ar-SA' };
  return {
    default: {
      document: {
        run: { font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: 'SimSun' }, size: 22, language },
      },
    },
  };
}

/** A line of Accord's words or the group's text: right to left when its first strong letter says so. */
function line(text: string, c: Compilation, extra: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  const rtl = (paragraphDirection(text) ?? c.words.direction) === 'rtl';
  return new Paragraph({
    bidirectional: rtl,
    children: [new TextRun({ text, ...extra, rightToLeft: rtl || undefined })],
  });
}

function heading(c: Compilation): Paragraph[] {
  const w = c.words;
  const meta = [c.symbol, c.revision, exportDate(c.generatedAt, w.language)].filter((x) => x !== '').join(' · ');
  return [
    new Paragraph({ text: `${w.compilation('title')}: ${c.title}`, heading: HeadingLevel.TITLE }),
    line(meta, c),
    line(w.compilation('summary', { count: c.count, paragraphs: c.paragraphs.length }), c),
  ];
}

/** The compilation as a Word document: a heading per paragraph, its current text, then each proposal. */
export async function compilationDocx(c: Compilation): Promise<Buffer> {
  const w = c.words;
  const body: Paragraph[] = heading(c);
  if (c.paragraphs.length === 0) body.push(line(w.compilation('none'), c));
  for (const p of c.paragraphs) {
    const title =
      p.number === null ? w.compilation('gone') : `${w.compilation('paragraph', { number: p.number })} — ${p.section}`;
    body.push(new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }));
    if (p.text !== '') body.push(line(`${w.compilation('currentText')}: ${p.text}`, c, { italics: true }));
    for (const x of p.proposals) {
      proposalLines(x, w).forEach((l, i) => {
        body.push(line(l, c, { bold: i === 0 }));
      });
    }
  }
  const doc = new Document({
    creator: 'Accord',
    title: `${w.compilation('title')}: ${c.title}`,
    styles: styles(c),
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}

/** The comment-resolution table as a Word table (landscape, a header row repeated on every page). */
export async function resolutionTableDocx(c: Compilation): Promise<Buffer> {
  const w = c.words;
  const cell = (text: string, bold = false) =>
    new TableCell({ children: text.split('\n').map((l) => line(l, c, { bold })) });
  const header = new TableRow({
    tableHeader: true,
    children: resolutionColumns.map((k) => cell(w.compilation(`table.${k}`), true)),
  });
  const rows = resolutionRows(c).map(
    (r: ResolutionRow) => new TableRow({ children: resolutionColumns.map((k) => cell(r[k])) }),
  );
  const table = new Table({
    rows: [header, ...rows],
    width: { size: 100, type: WidthType.PERCENTAGE },
    visuallyRightToLeft: w.direction === 'rtl' || undefined,
  });
  const doc = new Document({
    creator: 'Accord',
    title: `${w.compilation('table.title')}: ${c.title}`,
    styles: styles(c),
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({ text: `${w.compilation('table.title')}: ${c.title}`, heading: HeadingLevel.TITLE }),
          table,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
