import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Comment } from '../model/comments.js';

/**
 * Comments travel beside the document on the collaboration socket, as a y-websocket message of
 * a type of their own: the stock provider ignores types it does not know (it logs them), so
 * stock clients keep working, and Accord's client keeps its comment list current without
 * polling. The server sends each change only to the sockets whose reader may see it
 * (server/comments/CONTEXT.md).
 */
export const COMMENT_MESSAGE = 32;

export type CommentEvent =
  | { kind: 'comment'; comment: Comment }
  | { kind: 'commentDeleted'; id: string; threadId: string; paragraphId: string };

export function encodeCommentEvent(event: CommentEvent): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, COMMENT_MESSAGE);
  encoding.writeVarString(e, JSON.stringify(event));
  return encoding.toUint8Array(e);
}

/** The event of a message body (after its type), or null for anything malformed: a client never throws on it. */
export function decodeCommentEvent(decoder: decoding.Decoder): CommentEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(decoding.readVarString(decoder));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.kind === 'comment') {
    const c = v.comment as Record<string, unknown> | null;
    const ok =
      typeof c === 'object' &&
      c !== null &&
      typeof c.id === 'string' &&
      typeof c.threadId === 'string' &&
      typeof c.paragraphId === 'string' &&
      typeof c.text === 'string' &&
      typeof c.rev === 'number';
    return ok ? (value as CommentEvent) : null;
  }
  if (v.kind === 'commentDeleted') {
    return typeof v.id === 'string' && typeof v.threadId === 'string' && typeof v.paragraphId === 'string'
      ? { kind: 'commentDeleted', id: v.id, threadId: v.threadId, paragraphId: v.paragraphId }
      : null;
  }
  return null;
}
