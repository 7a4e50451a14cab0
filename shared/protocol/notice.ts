/**
 * Notices the server sends a client about its own edits, carried in the
 * y-protocols auth "permission denied" message as JSON so that the stock
 * y-websocket provider keeps working (it logs the reason) while Accord's
 * client shows it to the user.
 */
export type NoticeCode =
  | 'read_only'
  | 'paragraph_locked'
  | 'server_owned'
  | 'malformed_update'
  | 'unknown_reference'
  | 'duplicate_paragraph_id'
  /** Containment or size rules of the editor schema (loose text, a clause in a clause, a list nested too deep). */
  | 'invalid_structure'
  /** Structs under a Yjs client id another person (or the server) already writes with. */
  | 'client_id_taken'
  /** A bracket naming someone else, or an existing bracket's attributes changed. */
  | 'bracket_forged'
  /** Removing or reshaping another delegation's bracket: for its proposer and the chair. */
  | 'not_your_bracket'
  /** Resolving another's paragraph alternative: the chair's. */
  | 'chair_only'
  /** A member's direct edit where the chair allows only proposals (the whole draft or a section). */
  | 'proposals_only'
  /** An edit to a paragraph under silence (frozen for everyone until its deadline). */
  | 'paragraph_silenced'
  /** A new paragraph in a section (or draft) circulated whole under silence: what was circulated is what is adopted. */
  | 'section_silenced'
  /** The change cannot be sent (larger than the server accepts in one message, even split). */
  | 'too_large';

export interface Notice {
  kind: 'update_refused';
  code: NoticeCode;
  message: string;
  /** Paragraph ids the refused update touched, when known. */
  paragraphIds?: string[];
}

export function encodeNotice(notice: Notice): string {
  return JSON.stringify(notice);
}

export function decodeNotice(reason: string): Notice | null {
  try {
    const value: unknown = JSON.parse(reason);
    if (
      typeof value === 'object' &&
      value !== null &&
      (value as { kind?: unknown }).kind === 'update_refused' &&
      typeof (value as { message?: unknown }).message === 'string'
    ) {
      return value as Notice;
    }
  } catch {
    // Not JSON: a plain y-protocols reason from another server.
  }
  return null;
}
