import { readResolutionCsv } from './resolutionCsv.js';
import { readResolutionDocx } from './resolutionDocx.js';
import type { ResolutionRow } from './resolutionRows.js';

/** A Word document is a zip (PK…) or named .docx; anything else is read as CSV. */
export function isDocx(bytes: Uint8Array, fileName: string): boolean {
  return (bytes[0] === 0x50 && bytes[1] === 0x4b) || /\.docx$/i.test(fileName);
}

/** The rows of a filled-in comment-resolution table, sent back as CSV or as a Word document. */
export async function readResolutionTable(bytes: Uint8Array, fileName: string): Promise<ResolutionRow[]> {
  return isDocx(bytes, fileName) ? readResolutionDocx(bytes) : readResolutionCsv(bytes);
}
