import { exportCatalogs } from '../../shared/i18n/exportCatalogs.js';
import { MAX_RESOLUTION_ROWS } from '../../shared/model/resolutionImport.js';
import { resolutionColumns } from '../export/resolutionTable.js';
import { ImportError } from './importError.js';

/** The columns an import reads (the secretariat's observations are its own, not imported). */
type Column = (typeof resolutionColumns)[number];

export interface ResolutionRow {
  /** The row's number as a spreadsheet shows it (the header is row 1). */
  row: number;
  cells: Record<Exclude<Column, 'observations'>, string>;
  /** A problem of the row itself (its shape or a cell), found before any matching. */
  problem: { reason: 'ragged_row' | 'formula_cell'; message: string } | null;
}

/**
 * The rows of a comment-resolution table however it came (CSV cells, or a Word table's cells):
 * the first record is the header, whose columns are found by their name in any of the six
 * languages (or their English keys); a cell the exporter neutralised ('=…) reads back as text,
 * and a cell that would run as a spreadsheet formula is the row's problem, not imported.
 */
export function resolutionRows(records: string[][]): ResolutionRow[] {
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
    let problem: ResolutionRow['problem'] = null;
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
