/**
 * Importing a filled-in comment-resolution table (the CSV or Word table Accord exports, as a
 * secretariat sends it back): each row becomes a proposal (or, with a comment and no proposed
 * change, a group comment) attributed to the delegation it names, or is
 * refused with a reason. The report is per row, in the file's order; a refused row creates
 * nothing. Shared so that the chair's screen and the API speak the same codes.
 */
export const importRowReasons = [
  /** More cells than the header has columns, with text in the extra ones. */
  'ragged_row',
  /** A cell starting with =, +, - or @: a spreadsheet formula, not text (prefix it with an apostrophe). */
  'formula_cell',
  /** No delegation of this draft has this code or name (another draft's delegations do not count). */
  'unknown_delegation',
  /** No paragraph of the draft has this number now. */
  'unknown_paragraph',
  /** Not general, technical or editorial (in any of the six languages). */
  'unknown_type',
  /** The proposed change is not in the form the table exports (kind, text concerned, proposed text). */
  'unreadable_change',
  /** An insertion says what, not where: write it as a replacement of the words around the place. */
  'position_needed',
  /** The text concerned is not in the paragraph, or not exactly once within one line. */
  'quote_not_found',
  'quote_ambiguous',
  /** The paragraph is locked as agreed, or under silence: it takes no proposal. */
  'paragraph_locked',
  'paragraph_silenced',
  /** The same delegation already has this very proposal pending (or an earlier row of the file). */
  'duplicate',
  /** A cell longer than a proposal may be. */
  'too_long',
] as const;
export type ImportRowReason = (typeof importRowReasons)[number];

export type ImportRowOutcome =
  /** A proposal (a row with a proposed change) or a group comment (a row with a comment only). */
  | {
      row: number;
      status: 'created';
      proposalId?: string;
      commentId?: string;
      paragraphId: string;
      delegation: string;
    }
  | { row: number; status: 'refused'; reason: ImportRowReason; message: string };

export interface ImportReport {
  /** Data rows read (the header excluded). */
  rows: number;
  created: number;
  refused: number;
  outcomes: ImportRowOutcome[];
}

/** The largest table accepted, and the most rows in it. */
export const MAX_RESOLUTION_BYTES = 1024 * 1024;
/** A Word table carries its styles, fonts and perhaps a logo: more room than the CSV. */
export const MAX_RESOLUTION_DOCX_BYTES = 5 * 1024 * 1024;
export const MAX_RESOLUTION_ROWS = 2000;
