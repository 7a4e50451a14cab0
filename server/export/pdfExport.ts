import PDFDocument from 'pdfkit';
import { baseFont, flowText, type PdfCanvas, type StyledText } from './pdfTextFlow.js';
import { heading, paragraphLabel, type Report, type Token } from './reportModel.js';

const plain = (text: string, bold = false, italic = false): StyledText[] => [{ text, bold, italic }];

function styled(ts: Token[]): StyledText[] {
  return ts.map((t) => {
    if (t.t === 'open') return { text: t.option !== null ? `[Option ${t.option}: ` : '[', bold: true, italic: false };
    if (t.t === 'close') return { text: ']', bold: true, italic: false };
    return { text: t.text, bold: t.bold, italic: t.italic };
  });
}

/**
 * PDF with pdfkit, A4. Text is laid out by pdfTextFlow.ts: DejaVu Serif (Debian's
 * fonts-dejavu) with DejaVu Sans for Arabic and Hebrew letters, right-to-left words in
 * visual order per line, and characters no installed font has (colour emoji) drawn as a
 * box while the PDF keeps the real character as ActualText, so copying and searching
 * (pdftotext) give the text back intact. Without DejaVu the standard Times fonts are used
 * and non-Latin-1 characters are kept the same way. Limits: bidi is per word, not the full
 * Unicode algorithm; emoji are not drawn.
 */
export function exportPdf(r: Report): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: r.title, Creator: 'Accord', Subject: r.variant === 'negotiating' ? 'Negotiating text' : 'Report' },
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const canvas: PdfCanvas = doc;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const numberWidth = 84;
  let y = doc.page.margins.top;
  /** Keeps a heading or a paragraph's first lines with what follows rather than alone at a page foot. */
  const keep = (height: number) => {
    if (y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      y = doc.page.margins.top;
    }
  };

  doc.fillColor('#444');
  y = flowText(canvas, plain(heading(r).join('   ')), { x: left, width, size: 9, align: 'right' }, y);
  doc.fillColor('#000');
  y = flowText(canvas, plain(r.title, true), { x: left, width, size: 16 }, y + 6);
  if (r.draftMark) {
    doc.fillColor('#b00000');
    y = flowText(canvas, plain('DRAFT — not agreed', true), { x: left, width, size: 14 }, y + 4);
    doc.fillColor('#000');
  }

  for (const s of r.sections) {
    keep(60);
    y = flowText(canvas, plain(s.heading, true), { x: left, width, size: 13 }, y + 14);
    for (const p of s.paragraphs) {
      keep(30);
      y += 6;
      const top = y;
      flowText(canvas, plain(paragraphLabel(p), true), { x: left, width: numberWidth - 6, size: 11 }, top);
      y = top;
      p.lines.forEach((line, i) => {
        const indent = numberWidth + line.depth * 24;
        const pieces: StyledText[] = [];
        if (i === 0 && p.bracketed) pieces.push({ text: '[', bold: true, italic: false });
        if (line.label) pieces.push({ text: `${line.label} `, bold: false, italic: false });
        pieces.push(...styled(line.tokens));
        if (i === p.lines.length - 1 && p.bracketed) pieces.push({ text: ']', bold: true, italic: false });
        y = flowText(canvas, pieces, { x: left + indent, width: width - indent, size: 11 }, y);
      });
      if (p.lines.length === 0) y += 14;
      if (r.variant === 'negotiating') {
        doc.fillColor('#555');
        const status = `${p.statusLabel}${p.locked ? ' · locked' : ''}`;
        const box = { x: left + numberWidth, width: width - numberWidth, size: 8.5 };
        y = flowText(canvas, plain(status, false, true), box, y);
        for (const o of p.objections) {
          y = flowText(canvas, plain(`Objection by ${o.author}: ${o.reason}`, false, true), box, y);
        }
        doc.fillColor('#000');
      }
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(baseFont()).fontSize(8).fillColor('#666');
    doc.text(`${i + 1} / ${range.count}`, left, doc.page.height - 36, { width, align: 'center', lineBreak: false });
    // Every page after the first repeats the symbol, revision and date above the text.
    if (i > range.start)
      flowText(canvas, plain(heading(r).join('   ')), { x: left, width, size: 8, align: 'right' }, 30);
    if (r.draftMark) {
      // A watermark on every page: the text is not the agreed report.
      doc.save();
      doc.rotate(-45, { origin: [doc.page.width / 2, doc.page.height / 2] });
      doc.font(baseFont(true)).fontSize(56).fillColor('#b00000').fillOpacity(0.12);
      doc.text('DRAFT — not agreed', 0, doc.page.height / 2 - 30, {
        width: doc.page.width,
        align: 'center',
        lineBreak: false,
      });
      doc.restore();
    }
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
