/**
 * The negotiating text as plain data, read from the Yjs document (readDraft.ts).
 * Text and brackets are CRDT content that members edit; governance (statuses,
 * locks, objections) is server-owned and lives beside it (governance.ts).
 */

/** A bracket proposed by a member. Inline brackets are marks and may nest. */
export interface Bracket {
  id: string;
  /** User id of the proposer. */
  by: string;
  /** Display name (and delegation) of the proposer at the time. */
  byName: string;
  /** Epoch milliseconds. */
  at: number;
  /**
   * Set on inline alternatives: bracketed spans sharing a group are competing
   * options, labelled Option 1, Option 2, ... in document order.
   */
  group: string | null;
}

export interface InlineRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Enclosing brackets, outermost first. */
  brackets: Bracket[];
}

export interface TextBlock {
  type: 'text';
  runs: InlineRun[];
}

/** A list inside a paragraph; an ordered list holds subparagraphs (a), (b), ... */
export interface ListBlock {
  type: 'list';
  ordered: boolean;
  items: Block[][];
}

export type Block = TextBlock | ListBlock;

export const paragraphKinds = ['operative', 'preambular'] as const;
export type ParagraphKind = (typeof paragraphKinds)[number];

export interface Paragraph {
  /** Stable id: survives typing, moves and concurrent edits; a split's new half gets a new one. */
  id: string;
  kind: ParagraphKind;
  /** Inserted between existing paragraphs after numbering settled: numbered "7 bis", "7 ter". */
  bis: boolean;
  /**
   * Whole-paragraph alternatives: consecutive paragraphs sharing `altGroup`
   * are the competing options for one number (Option 1, Option 2, ...).
   */
  altGroup: string | null;
  /** The whole paragraph is bracketed. */
  bracket: Bracket | null;
  blocks: Block[];
}

export interface Section {
  id: string;
  heading: string;
  paragraphs: Paragraph[];
}

export interface Draft {
  sections: Section[];
}
