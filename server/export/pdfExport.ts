import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { heading, paragraphLabel, type Report, type Token } from './reportModel.js';

const dejavu = '/usr/share/fonts/truetype/dejavu';
const fonts = {
  regular: `${dejavu}/DejaVuSerif.ttf`,
  bold: `${dejavu}/DejaVuSerif-Bold.ttf`,
  italic: `${dejavu}/DejaVuSerif-Italic.ttf`,
  boldItalic: `${dejavu}/DejaVuSerif-BoldItalic.ttf`,
};

/**
 * PDF with pdfkit. DejaVu (Debian's fonts-dejavu, pulled in with Chromium) covers Latin,
 * Cyrillic, Greek, Arabic and Hebrew letters; without it the standard Times fonts are
 * used. pdfkit does not shape right-to-left text or colour emoji: such characters are
 * kept in the text (copy and search work) but may not display as they would in Word.
 */
export function exportPdf(r: Report): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: r.title, Creator: 'Accord' },
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const embedded = existsSync(fonts.regular);
  const face = (bold: boolean, italic: boolean): string => {
    if (!embedded)
      return bold && italic ? 'Times-BoldItalic' : bold ? 'Times-Bold' : italic ? 'Times-Italic' : 'Times-Roman';
    return bold && italic ? fonts.boldItalic : bold ? fonts.bold : italic ? fonts.italic : fonts.regular;
  };
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font(face(false, false)).fontSize(9).fillColor('#444').text(heading(r).join('   '), { align: 'right' });
  doc.moveDown(0.5).font(face(true, false)).fontSize(16).fillColor('#000').text(r.title);
  if (r.draftMark)
    doc.moveDown(0.3).font(face(true, false)).fontSize(14).fillColor('#b00000').text('DRAFT — not agreed');
  doc.fillColor('#000');

  const writeTokens = (ts: Token[], x: number, w: number, prefix: string) => {
    const parts: { text: string; bold: boolean; italic: boolean }[] = [];
    if (prefix) parts.push({ text: prefix, bold: false, italic: false });
    for (const t of ts) {
      if (t.t === 'open')
        parts.push({ text: t.option !== null ? `[Option ${t.option}: ` : '[', bold: true, italic: false });
      else if (t.t === 'close') parts.push({ text: ']', bold: true, italic: false });
      else parts.push({ text: t.text, bold: t.bold, italic: t.italic });
    }
    if (parts.length === 0) parts.push({ text: ' ', bold: false, italic: false });
    parts.forEach((part, i) => {
      doc.font(face(part.bold, part.italic)).fontSize(11);
      const opts = { continued: i < parts.length - 1, width: w, lineGap: 2 };
      if (i === 0) doc.text(part.text, x, doc.y, opts);
      else doc.text(part.text, opts);
    });
  };

  for (const s of r.sections) {
    doc.moveDown(1).font(face(true, false)).fontSize(13).text(s.heading, left, doc.y, { width });
    for (const p of s.paragraphs) {
      doc.moveDown(0.5);
      const y = doc.y;
      doc.font(face(true, false)).fontSize(11).text(paragraphLabel(p), left, y, { width: 60 });
      doc.y = y;
      p.lines.forEach((line, i) => {
        const indent = 70 + Math.max(0, line.depth - 0) * 24;
        const open = i === 0 && p.bracketed ? '[' : '';
        const tokens: Token[] =
          p.bracketed && i === p.lines.length - 1 ? [...line.tokens, { t: 'close' }] : line.tokens;
        writeTokens(tokens, left + indent, width - indent, `${open}${line.label ? `${line.label} ` : ''}`);
      });
      if (r.variant === 'negotiating') {
        doc.font(face(false, true)).fontSize(8.5).fillColor('#555');
        doc.text(`${p.statusLabel}${p.locked ? ' · locked' : ''}`, left + 70, doc.y, { width: width - 70 });
        for (const o of p.objections) doc.text(`Objection by ${o.author}: ${o.reason}`, { width: width - 70 });
        doc.fillColor('#000');
      }
    }
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(face(false, false)).fontSize(8).fillColor('#666');
    doc.text(`${i + 1} / ${range.count}`, left, doc.page.height - 36, { width, align: 'center' });
    if (r.draftMark) {
      // A watermark on every page: the text is not the agreed report.
      doc.save();
      doc.rotate(-45, { origin: [doc.page.width / 2, doc.page.height / 2] });
      doc.font(face(true, false)).fontSize(56).fillColor('#b00000').fillOpacity(0.12);
      doc.text('DRAFT — not agreed', 0, doc.page.height / 2 - 30, { width: doc.page.width, align: 'center' });
      doc.restore();
    }
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
