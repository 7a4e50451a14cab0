import mammoth from 'mammoth';
import { MAX_RESOLUTION_DOCX_BYTES } from '../../shared/model/resolutionImport.js';
import { ImportError } from './importError.js';
import { type ResolutionRow, resolutionRows } from './resolutionRows.js';
import { inspectZip, ZipRefused } from './zipInspection.js';

/** The parts of mammoth's document model a table is made of (the model is mammoth's own; see docxBlocks.ts). */
interface MElement {
  type: string;
  children?: MElement[];
  value?: string;
  breakType?: string;
}

/**
 * Reads a comment-resolution table sent back as a Word document (the DOCX Accord exports, filled
 * in by a secretariat, or any document with such a table): the first table whose first row
 * names the columns, in any of the six languages. Each cell's paragraphs become its lines, as
 * the exporter wrote them. The archive is checked for bombs before mammoth reads it.
 */
export async function readResolutionDocx(bytes: Uint8Array): Promise<ResolutionRow[]> {
  if (bytes.byteLength > MAX_RESOLUTION_DOCX_BYTES) {
    throw new ImportError(413, `The table is larger than ${MAX_RESOLUTION_DOCX_BYTES / (1024 * 1024)} MB.`);
  }
  try {
    if (!inspectZip(bytes).some((e) => e.name === 'word/document.xml')) {
      throw new ImportError(422, 'This is not a Word document (.docx): word/document.xml is missing.');
    }
  } catch (err) {
    if (!(err instanceof ZipRefused)) throw err;
    throw new ImportError(422, `This is not a readable Word document: ${err.message}.`);
  }
  let document: MElement | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        transformDocument: (d: MElement) => {
          document = d;
          return { ...d, children: [] };
        },
      },
    );
  } catch {
    throw new ImportError(422, 'The Word document could not be read.');
  }
  if (document === null) throw new ImportError(422, 'The Word document could not be read.');
  const tables = collect(document, 'table');
  let headerProblem: ImportError | null = null;
  for (const table of tables) {
    const records = collect(table, 'tableRow').map((row) => collect(row, 'tableCell').map(cellText));
    try {
      return resolutionRows(records);
    } catch (err) {
      // Another table of the document (a cover page's layout table) may come first.
      if (!(err instanceof ImportError) || err.status !== 422) throw err;
      headerProblem ??= err;
    }
  }
  throw (
    headerProblem ??
    new ImportError(422, 'The Word document has no table: send the comment-resolution table as Accord exports it.')
  );
}

/** The elements of `type` under `e`, outermost first, not looking inside one that matched. */
function collect(e: MElement, type: string): MElement[] {
  const found: MElement[] = [];
  const stack = [...(e.children ?? [])].reverse();
  while (stack.length > 0) {
    const next = stack.pop() as MElement;
    if (next.type === type) found.push(next);
    else stack.push(...[...(next.children ?? [])].reverse());
  }
  return found;
}

/** A cell's text: its paragraphs as lines, line breaks kept, tabs as tabs. */
function cellText(cell: MElement): string {
  return collect(cell, 'paragraph')
    .map((p) => {
      let line = '';
      const stack = [...(p.children ?? [])].reverse();
      while (stack.length > 0) {
        const e = stack.pop() as MElement;
        if (e.type === 'text') line += e.value ?? '';
        else if (e.type === 'tab') line += '\t';
        else if (e.type === 'break' && (e.breakType ?? 'line') === 'line') line += '\n';
        else stack.push(...[...(e.children ?? [])].reverse());
      }
      return line;
    })
    .join('\n');
}
