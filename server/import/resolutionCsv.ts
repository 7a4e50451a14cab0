import { parse } from 'csv-parse/sync';
import { exportCatalogs } from '../../shared/i18n/exportCatalogs.js';
import { MAX_RESOLUTION_BYTES, MAX_RESOLUTION_ROWS } from '../../shared/model/resolutionImport.js';
import { resolutionColumns } from '../export/resolutionTable.js';
import { ImportError } from './importError.js';

/** The columns an import reads (the secretariat's observations are its own, not imported). */
type Column = (typeof resolutionColumns)[number];

export interface ResolutionCsvRow {
  /** The row's number as a spreadsheet shows it (the header is row 1). */
  row: number;
  cells: Record<Exclude<Column, 'observations'>, string>;
  /** A problem of the row itself (its shape or a cell), found before any matching. */
  problem: { reason: 'ragged_row' | 'formula_cell'; message: string } | null;
}

/**
 * Reads a comment-resolution table sent back as CSV: decodes it (UTF-8 with or without a
 * byte-order mark, or UTF-16 with one, as spreadsheets save "Unicode text"; anything else is
 * refused rather than guessed), parses it (RFC 4180, with csv-parse), finds the columns by
 * their header in any of the six languages (or their English keys), and hands back the rows.
 * Whole-file problems throw ImportError (413/422); row problems are left to the report.
 */
export function readResolutionCsv(bytes: Uint8Array): ResolutionCsvRow[] {
  if (bytes.byteLength > MAX_RESOLUTION_BYTES) throw new ImportError(413, 'The table is larger than 1 MB.');
  const text = decode(bytes);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: sniffDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: 100_000,
      to: MAX_RESOLUTION_ROWS + 2,
    }) as string[][];
  } catch (err) {
    const where = err as { lines?: number; code?: string };
    throw new ImportError(422, `This is not a readable CSV table (${where.code ?? 'parse error'}).`, {
      line: where.lines ?? null,
    });
  }
  const [header, ...data] = records;
  if (!header) throw new ImportError(422, 'The table is empty.');
  if (data.length > MAX_RESOLUTION_ROWS) {
    throw new ImportError(422, `The table has more than ${MAX_RESOLUTION_ROWS} rows; split it.`);
  }
  const index = columnIndex(header);
  return data.map((cells, i) => {
    const row = i + 2;
    const raw = (c: Column) => {
      const at = index.get(c);
      return at === undefined ? '' : (cells[at] ?? '').trim();
    };
    const get = (c: Column) => unneutralise(raw(c));
    const extra = cells.slice(header.length).some((c) => c.trim() !== '');
    const values = {
      delegation: get('delegation'),
      paragraph: get('paragraph'),
      type: get('type'),
      comment: get('comment'),
      change: get('change'),
    };
    let problem: ResolutionCsvRow['problem'] = null;
    if (extra) {
      problem = {
        reason: 'ragged_row',
        message: `Row ${row} has ${cells.length} cells; the header has ${header.length}.`,
      };
    } else {
      const formula = (Object.keys(values) as Array<keyof typeof values>).find((k) => isFormula(raw(k)));
      if (formula) {
        problem = {
          reason: 'formula_cell',
          message: `The ${formula} cell of row ${row} starts like a spreadsheet formula (=, +, - or @); put an apostrophe before it to keep it as text.`,
        };
      }
    }
    return { row, cells: values, problem };
  });
}

function decode(bytes: Uint8Array): string {
  const [a, b, c] = bytes;
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
  const body = a === 0xef && b === 0xbb && c === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new ImportError(
      422,
      'The table is not UTF-8 (nor UTF-16 with a byte-order mark). Save it as "CSV UTF-8" and send it again.',
    );
  }
}

/** Spreadsheets in several locales save CSV with semicolons, and "Unicode text" with tabs. */
function sniffDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const count = (d: string) => first.split(d).length - 1;
  const best = [',', ';', '\t'].sort((x, y) => count(y) - count(x))[0] ?? ',';
  return count(best) > 0 ? best : ',';
}

/** The header's words in every language, and the column keys themselves, lower-cased. */
const headerWords: Map<string, Column> = (() => {
  const m = new Map<string, Column>();
  for (const c of resolutionColumns) m.set(c, c);
  for (const lang of Object.values(exportCatalogs)) {
    const table = lang.export.compilation.table as Record<string, string>;
    for (const c of resolutionColumns) m.set(normal(table[c] ?? c), c);
  }
  return m;
})();

function normal(s: string): string {
  return s.normalize('NFC').trim().toLocaleLowerCase();
}

function columnIndex(header: string[]): Map<Column, number> {
  const index = new Map<Column, number>();
  header.forEach((h, i) => {
    const c = headerWords.get(normal(h));
    if (c && !index.has(c)) index.set(c, i);
  });
  const missing = (['delegation', 'paragraph', 'change'] as const).filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw new ImportError(
      422,
      `The header row lacks the column(s) ${missing.join(', ')}: send the table as Accord exports it.`,
      { missing },
    );
  }
  return index;
}

/** What the exporter wrote as text ('=… with an apostrophe) reads back as the text. */
function unneutralise(s: string): string {
  return /^'\s*[=+\-@]/.test(s) ? s.slice(1) : s;
}

/** The exporter's rule: a cell a spreadsheet would run, unless it is a plain number such as "-3". */
function isFormula(s: string): boolean {
  return /^[=+\-@]/.test(s) && !/^[+-]?\d+([.,]\d+)?$/.test(s);
}
