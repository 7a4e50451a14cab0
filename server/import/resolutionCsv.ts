import { parse } from 'csv-parse/sync';
import { MAX_RESOLUTION_BYTES, MAX_RESOLUTION_ROWS } from '../../shared/model/resolutionImport.js';
import { ImportError } from './importError.js';
import { type ResolutionRow, resolutionRows } from './resolutionRows.js';

/**
 * Reads a comment-resolution table sent back as CSV: decodes it (UTF-8 with or without a
 * byte-order mark, or UTF-16 with one, as spreadsheets save "Unicode text"; anything else is
 * refused rather than guessed), parses it (RFC 4180, with csv-parse) and reads the rows as
 * resolutionRows.ts does for every format. Whole-file problems throw ImportError (413/422);
 * row problems are left to the report.
 */
export function readResolutionCsv(bytes: Uint8Array): ResolutionRow[] {
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
  return resolutionRows(records);
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
