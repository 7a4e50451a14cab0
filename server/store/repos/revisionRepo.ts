export interface RevisionInfo {
  id: string;
  docId: string;
  /** 0 for the zero draft, then 1, 2, ... */
  number: number;
  /** 'Zero draft', 'Rev.1', ... */
  label: string;
  note: string;
  issuedBy: string;
  issuedAt: number;
}

/** Issued revisions: numbered 0 (zero draft), 1, 2, … per document, never changed once issued. */
export interface RevisionRepo {
  /** Issues the next revision; concurrent issues get distinct consecutive numbers. */
  issue(docId: string, issuedBy: string, note: string, state: Uint8Array): Promise<RevisionInfo>;
  list(docId: string): Promise<RevisionInfo[]>;
  get(docId: string, number: number): Promise<{ info: RevisionInfo; state: Uint8Array } | null>;
}
