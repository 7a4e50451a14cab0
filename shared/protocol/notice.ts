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
  | 'duplicate_paragraph_id';

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
