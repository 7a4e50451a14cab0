import { exportAkomaNtoso } from './aknExport.js';
import { exportDocx } from './docxExport.js';
import { exportHtml } from './htmlExport.js';
import { exportMarkdown } from './markdownExport.js';
import { exportPdf, type PdfOptions } from './pdfExport.js';
import { buildReport, type ReportInput } from './reportModel.js';

export const exportFormats = ['docx', 'pdf', 'html', 'md', 'akn'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportTypes = {
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
  html: { contentType: 'text/html; charset=utf-8', extension: 'html' },
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  akn: { contentType: 'application/akn+xml; charset=utf-8', extension: 'akn.xml' },
} as const satisfies Record<ExportFormat, { contentType: string; extension: string }>;

export interface ExportedFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

export interface ExportOptions {
  /** @default fonts from PDF_FONTS, else the installed Debian fonts */
  pdf?: PdfOptions;
}

/** Renders a draft (live or a revision) in one format. Pure: reads the model, never the document. */
export async function exportDocument(
  format: ExportFormat,
  input: ReportInput,
  options: ExportOptions = {},
): Promise<ExportedFile> {
  const report = buildReport(input);
  let body: Buffer;
  switch (format) {
    case 'docx':
      body = await exportDocx(report);
      break;
    case 'pdf':
      body = await exportPdf(report, options.pdf);
      break;
    case 'html':
      body = Buffer.from(exportHtml(report));
      break;
    case 'md':
      body = Buffer.from(exportMarkdown(report));
      break;
    case 'akn':
      body = Buffer.from(exportAkomaNtoso(report));
      break;
  }
  const base = [report.symbol || report.title, report.revision, input.variant]
    .filter((x) => x !== '')
    .join('-')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 100);
  return { body, contentType: exportTypes[format].contentType, fileName: `${base}.${exportTypes[format].extension}` };
}
