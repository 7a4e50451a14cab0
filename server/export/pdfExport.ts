import PDFDocument from 'pdfkit';
import type { ExportVocabulary } from './exportVocabulary.js';
import { fontChains, type PdfFontFace, pdfFontList } from './pdfFonts.js';
import { type FlowBox, flowText, outlineText, type PdfCanvas, type StyledText } from './pdfTextFlow.js';
import { heading, openText, paragraphLabel, type Report, type ReportParagraph, type Token } from './reportModel.js';
import { paragraphDirection } from './textDirection.js';

export interface PdfOptions {
  /** Faces to lay text out with. @default pdfFontList(): PDF_FONTS, else the installed Debian fonts */
  fonts?: PdfFontFace[];
}

const plain = (text: string, bold = false, italic = false): StyledText[] => [{ text, bold, italic }];

function styled(ts: Token[], w: ExportVocabulary): StyledText[] {
  return ts.map((t) => {
    if (t.t === 'open') return { text: openText(t, w), bold: true, italic: false };
    if (t.t === 'close') return { text: ']', bold: true, italic: false };
    return { text: t.text, bold: t.bold, italic: t.italic };
  });
}

/** The language of a text when its script says it clearly and it is not the report's. */
function scriptLanguage(text: string, report: string): string | undefined {
  const lang = /\p{Script=Arabic}/u.test(text)
    ? 'ar'
    : /\p{Script=Han}/u.test(text)
      ? 'zh'
      : /\p{Script=Cyrillic}/u.test(text)
        ? 'ru'
        : undefined;
  return lang !== undefined && lang !== report ? lang : undefined;
}

/**
 * A tagged PDF (PDF/A-2a and PDF/UA-1 identification) with pdfkit, A4, laid out by pdfTextFlow.ts (UAX #9
 * bidi with mirrored brackets, UAX #14 line breaks, a font per character from the configured
 * list: pdfFonts.ts).
 *
 * - Structure: Document › H1 title, P for the header line and the DRAFT mark, a Sect per section
 *   with its H2 heading and a P per paragraph (number and text), status line and objection, in
 *   reading order; a paragraph in another script than the report's carries its own /Lang.
 * - Catalog: /Lang of the report's language, the title displayed in the window, /MarkInfo.
 * - Bookmarks: one per section.
 * - Artifacts: page numbers, the running header of pages after the first, and the DRAFT
 *   watermark, which is drawn as outlines so that no text extraction picks it up.
 * - Layout follows the paragraph's direction: an Arabic paragraph has its number on the right.
 */
export function exportPdf(r: Report, options: PdfOptions = {}): Promise<Buffer> {
  const w = r.words;
  const chains = fontChains(options.fonts ?? pdfFontList());
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    // PDF/A-2a through pdfkit (sRGB output intent, XMP identification; "a": tagged, Unicode text).
    subset: 'PDF/A-2a',
    lang: r.language,
    displayTitle: true,
    info: { Title: r.title, Creator: 'Accord', Subject: r.variant === 'negotiating' ? w.negotiatingText : w.report },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const canvas: PdfCanvas = doc;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const numberWidth = 84;
  const reportRtl = w.direction === 'rtl';
  let y = doc.page.margins.top;

  const root = doc.struct('Document');
  doc.addStructure(root);
  /**
   * Draws a block as one structure element (its marked content follows it across pages). Its text
   * is drawn in visual order, so an element with right-to-left text also carries its logical text
   * as /ActualText, which assistive technology reads instead of the reordered glyphs.
   */
  const tagged = (
    parent: PDFKit.PDFStructureElement,
    tag: string,
    text: string,
    draw: (() => void)[],
  ): PDFKit.PDFStructureElement => {
    const lang = scriptLanguage(text, r.language);
    const el = doc.struct(tag, {
      ...(lang ? { lang } : {}),
      ...(/[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(text) ? { actual: text } : {}),
    });
    parent.add(el);
    for (const d of draw) {
      const content = doc.markStructureContent(tag);
      d();
      doc.endMarkedContent();
      el.add(content);
    }
    el.end();
    return el;
  };
  const flow = (pieces: StyledText[], box: FlowBox) => {
    y = flowText(canvas, chains, pieces, box, y);
  };
  /** Keeps a heading or a paragraph's first lines with what follows rather than alone at a page foot. */
  const keep = (height: number) => {
    if (y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      y = doc.page.margins.top;
    }
  };
  const headerLine = heading(r).join('   ');
  const headerAlign = reportRtl ? 'left' : 'right';

  doc.fillColor('#444');
  tagged(root, 'P', headerLine, [() => flow(plain(headerLine), { x: left, width, size: 9, align: headerAlign })]);
  doc.fillColor('#000');
  y += 6;
  tagged(root, 'H1', r.title, [() => flow(plain(r.title, true), { x: left, width, size: 16, direction: w.direction })]);
  if (r.variant === 'negotiating') {
    const all = r.sections.flatMap((s) => s.paragraphs);
    const summary = `${w.negotiatingText} · ${w.summary(
      all.length,
      all.reduce((n, p) => n + p.objections.length, 0),
    )}`;
    doc.fillColor('#444');
    tagged(root, 'P', summary, [() => flow(plain(summary), { x: left, width, size: 10, direction: w.direction })]);
    doc.fillColor('#000');
  }
  if (r.draftMark) {
    y += 4;
    doc.fillColor('#b00000');
    tagged(root, 'P', w.draftMark, [() => flow(plain(w.draftMark, true), { x: left, width, size: 14 })]);
    doc.fillColor('#000');
  }

  for (const s of r.sections) {
    keep(60);
    y += 14;
    const sect = doc.struct('Sect');
    root.add(sect);
    doc.outline.addItem(s.heading);
    tagged(sect, 'H2', s.heading, [
      () => flow(plain(s.heading, true), { x: left, width, size: 13, direction: w.direction }),
    ]);
    for (const p of s.paragraphs) paragraph(sect, p);
    sect.end();
  }

  function paragraph(sect: PDFKit.PDFStructureElement, p: ReportParagraph): void {
    keep(30);
    y += 6;
    const top = y;
    const firstText = p.lines.map((l) => l.tokens.map((t) => (t.t === 'text' ? t.text : '')).join('')).join(' ');
    // The paragraph's side follows its text (an Arabic paragraph reads from the right), else the report's.
    const rtl = (paragraphDirection(firstText) ?? w.direction) === 'rtl';
    const direction = rtl ? 'rtl' : 'ltr';
    /** A box inset from the paragraph's start side: the number column, then subparagraph steps. */
    const column = (inset: number, size: number): FlowBox => ({
      x: rtl ? left : left + inset,
      width: width - inset,
      size,
      direction,
    });
    const label = paragraphLabel(p);
    const draws: (() => void)[] = [
      () => {
        const box: FlowBox = {
          x: rtl ? left + width - numberWidth + 6 : left,
          width: numberWidth - 6,
          size: 11,
          direction,
          align: rtl ? 'right' : 'left',
        };
        flowText(canvas, chains, plain(label, true), box, top);
      },
    ];
    const texts: string[] = [label];
    p.lines.forEach((line, i) => {
      const pieces: StyledText[] = [];
      if (i === 0 && p.bracketed) pieces.push({ text: '[', bold: true, italic: false });
      if (line.label) pieces.push({ text: `${line.label} `, bold: false, italic: false });
      pieces.push(...styled(line.tokens, w));
      if (i === p.lines.length - 1 && p.bracketed) pieces.push({ text: ']', bold: true, italic: false });
      texts.push(pieces.map((x) => x.text).join(''));
      draws.push(() => flow(pieces, column(numberWidth + line.depth * 24, 11)));
    });
    tagged(sect, 'P', texts.join(' '), draws);
    if (p.lines.length === 0) y += 14;
    if (r.variant === 'negotiating') {
      doc.fillColor('#555');
      const box = { ...column(numberWidth, 8.5), direction: w.direction };
      tagged(sect, 'P', p.statusLine, [() => flow(plain(p.statusLine, false, true), box)]);
      for (const o of p.objections) {
        const objection = w.objection(o.author, o.reason);
        tagged(sect, 'P', objection, [() => flow(plain(objection, false, true), box)]);
      }
      doc.fillColor('#000');
    }
  }

  const watermark = r.draftMark ? outlineText(chains, w.draftMark, true) : null;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fillColor('#666');
    // Page furniture is an artifact: screen readers and reflow skip it.
    doc.markContent('Artifact', { type: 'Pagination' });
    const pageLabel = w.page(i + 1, range.count);
    flowText(canvas, chains, plain(pageLabel), { x: left, width, size: 8, align: 'center' }, doc.page.height - 40);
    // Every page after the first repeats the symbol, revision and date above the text.
    if (i > range.start)
      flowText(canvas, chains, plain(headerLine), { x: left, width, size: 8, align: headerAlign }, 28);
    doc.endMarkedContent();
    if (watermark) {
      // A watermark on every page, drawn as shapes: the text is not the agreed report.
      doc.markContent('Artifact', { type: 'Layout' });
      const size = Math.min(56, (doc.page.width * 1.1) / Math.max(1, watermark.width ?? 1));
      doc.save();
      doc.rotate(-45, { origin: [doc.page.width / 2, doc.page.height / 2] });
      doc.translate(doc.page.width / 2 - ((watermark.width ?? 0) * size) / 2, doc.page.height / 2 + size * 0.35);
      doc.scale(size, -size);
      doc.fillColor('#b00000').fillOpacity(0.12);
      for (const part of watermark) doc.save().translate(part.x, 0).path(part.svg).fill().restore();
      doc.restore();
      doc.endMarkedContent();
    }
    doc.page.margins.bottom = bottom;
  }
  root.end();
  // pdfkit writes one subset's identification; PDF/UA-1's is added beside PDF/A's in the XMP.
  (doc as unknown as { appendXML(xml: string): void }).appendXML(
    '<rdf:Description xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" rdf:about=""><pdfuaid:part>1</pdfuaid:part></rdf:Description>',
  );
  doc.end();
  return done;
}
