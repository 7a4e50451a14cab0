/** What `<accord-silence-notice>` shows: the running silence procedures, and the selected paragraph's. */
export interface SilenceNoticeView {
  running: Array<{
    id: string;
    /** "the whole draft", "section “Legal measures”", "3 chosen paragraphs" (already in the interface language). */
    scope: string;
    deadline: number;
    note: string;
    by: string;
    /** Paragraphs still frozen, and those on which silence was broken. */
    frozen: number;
    broken: number;
  }>;
  /** The selected paragraph when it is under silence. */
  selected: { paragraphId: string; label: string; deadline: number } | null;
  /** The viewer may break silence (members, the chair); observers only read. */
  canBreak: boolean;
}

export interface SilenceNoticeEvents {
  'accord-break-silence': { paragraphId: string; reason: string };
}
