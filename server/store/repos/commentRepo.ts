import type { Comment, CommentOutcome } from '../../../shared/model/comments.js';
import type { Actor } from '../../../shared/model/governance.js';

/** What changes on a comment after it is written. */
export interface CommentPatch {
  text?: string;
  editedAt?: number;
  resolved?: { by: Actor; at: number } | null;
  became?: CommentOutcome;
}

/**
 * Comments of each document (shared/model/comments.ts). Reading is per audience: `visible`
 * returns the group's comments and those of one delegation, nothing else — the filter is in
 * the query, so no caller can forget it. Read-then-write (a reply to a thread being deleted,
 * two resolutions at once) goes through `lockThread` inside `store.transaction`.
 */
export interface CommentRepo {
  insert(c: Comment): Promise<void>;
  get(docId: string, id: string): Promise<Comment | null>;
  /** Group comments, plus those of `delegation` when it is not null. */
  visible(docId: string, delegation: string | null): Promise<Comment[]>;
  /**
   * The thread's comments, read after taking a lock on the thread that is held until the
   * transaction ends (PostgreSQL; SQLite's one connection serialises anyway). Use inside
   * `store.transaction`.
   */
  lockThread(docId: string, threadId: string): Promise<Comment[]>;
  /** Applies the patch and bumps `rev`; the comment as it is now, or null if there is none. */
  update(docId: string, id: string, patch: CommentPatch): Promise<Comment | null>;
  /** Deletes these comments of the document; how many were deleted. */
  delete(docId: string, ids: readonly string[]): Promise<number>;
}
