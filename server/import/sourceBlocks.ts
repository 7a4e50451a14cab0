/**
 * What a DOCX or Markdown reader hands to buildDraft.ts: the file's blocks in reading order, with
 * the structure the format itself says (a Word style, list nesting, a bold number) and nothing yet
 * decided about numbers, brackets or alternatives, which are the same for every format.
 */

/** Characters a reader uses for brackets that are text, not proposals (escaped in Markdown, unstyled in our DOCX). */
export const LITERAL_OPEN = '\uE000';
export const LITERAL_CLOSE = '\uE001';
/** An escaped "(" in Markdown: never the start of a typed label "(a)". */
export const LITERAL_PAREN = '\uE003';
/** Precedes a character written as a numeric reference in Markdown: "&#x32;030" is never a number. */
export const NOT_A_NUMBER = '\uE004';
/** Stands for a note reference until notes are numbered across the document (buildDraft.ts). */
export const NOTE_MARK = '\uE002';

/** The same private-use characters typed in a file become U+FFFD, so they can never be taken for ours. */
export function ownCharactersOut(text: string): string {
  return text.replace(/[\uE000-\uE004]/g, '\uFFFD');
}

/** A piece of inline text. `[` and `]` in it may become brackets; LITERAL_OPEN/CLOSE never do. */
export interface Piece {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** A footnote or endnote, kept as text (see buildDraft.ts). */
export interface Note {
  kind: 'Footnote' | 'Endnote';
  pieces: Piece[];
}

/**
 * Where a line of text goes:
 * - `paragraph`: a new paragraph (its number, if typed, is in `number` or at the start of the text);
 * - `auto`: a new paragraph, unless it starts with a typed subparagraph label "(a)" under a paragraph;
 * - `continuation`: another text block of the current paragraph (depth 0) or subparagraph (depth n);
 * - `item`: a subparagraph at `depth` ≥ 1; `ordered` null lets a typed label decide.
 * A `relative` depth counts from the line before the last `anchor` block (a list nested in a list
 * item whose own place the builder decided).
 */
export type Place =
  | { role: 'paragraph'; number?: string }
  | { role: 'auto' }
  | { role: 'continuation'; depth: number; relative?: boolean }
  | { role: 'item'; depth: number; ordered: boolean | null; relative?: boolean };

/** Where a table was found, for the refusal. */
export interface TableAt {
  rows: number;
  columns: number;
  firstCell: string;
  /** Markdown: the line it starts on. */
  line?: number;
}

export type SourceBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; pieces: Piece[]; notes: Note[] }
  | { kind: 'line'; place: Place; pieces: Piece[]; notes: Note[] }
  | { kind: 'table'; at: TableAt }
  | { kind: 'anchor' };

/** Plain text of pieces, literal brackets shown as brackets, white space collapsed. */
export function plainText(pieces: Piece[]): string {
  return pieces
    .map((p) => p.text)
    .join('')
    .replaceAll(LITERAL_OPEN, '[')
    .replaceAll(LITERAL_CLOSE, ']')
    .replaceAll(LITERAL_PAREN, '(')
    .replaceAll(NOT_A_NUMBER, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Superscript digits: the marker a footnote reference leaves in the text ("¹²"). */
export function superscript(n: number): string {
  return [...String(n)].map((d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]).join('');
}
