import { can } from '../governance/permissions.js';
import type { Role } from '../governance/roles.js';
import type { Actor } from './governance.js';
import type { SpanAnchor } from './proposals.js';

/**
 * Comments: side discussion on a span of a paragraph, threaded (a root and its replies),
 * resolved and reopened. Not objections: they never block agreement, and nothing in the
 * status rules reads them.
 *
 * A comment is seen by **the group** (everyone on the draft) or by **its delegation only**
 * (a delegation settling its position before speaking). That is why comments do not live in
 * the shared Yjs document — every member receives all of it — but in the store, served per
 * reader (server/comments/CONTEXT.md). A reply takes its thread's visibility and delegation.
 */
export const commentVisibilities = ['group', 'delegation'] as const;
export type CommentVisibility = (typeof commentVisibilities)[number];

/** The comment types of a comment-resolution table (ISO/ITU practice). */
export const commentTypes = ['general', 'technical', 'editorial'] as const;
export type CommentType = (typeof commentTypes)[number];

/** What an author turned a comment into: a formal proposal or objection, by id. */
export interface CommentOutcome {
  kind: 'proposal' | 'objection';
  id: string;
}

export interface Comment {
  id: string;
  docId: string;
  /** The root's id; a root's is its own. */
  threadId: string;
  paragraphId: string;
  /** Roots only: the span commented on (Yjs relative positions, proposalAnchors.ts); null = the whole paragraph. */
  anchor: SpanAnchor | null;
  /** Roots only: the words the comment was made on, as they were then. */
  quote: string;
  visibility: CommentVisibility;
  /** The author's delegation code; for a delegation comment, the only delegation that sees it. */
  delegation: string | null;
  /** Always the person who wrote it, never what a client claims. */
  author: Actor;
  type: CommentType;
  text: string;
  createdAt: number;
  editedAt: number | null;
  /** Roots only. */
  resolved: { by: Actor; at: number } | null;
  /** Roots only. */
  became: CommentOutcome | null;
  /** Bumped on every change: a reader keeps the highest it saw of each comment. */
  rev: number;
}

/** Who is reading or acting: their role and the delegation they speak for on this draft. */
export interface CommentReader {
  userId: string;
  role: Role;
  delegation: string | null;
}

export const MAX_COMMENT_LENGTH = 4000;

/**
 * Whether `reader` may see `c`. Group comments: everyone on the draft. Delegation comments:
 * the people of that delegation — whatever their role; not the chair of another delegation,
 * not the secretariat (no delegation). The server answers a comment one may not see as if
 * it did not exist.
 */
export function maySee(reader: CommentReader, c: Pick<Comment, 'visibility' | 'delegation'>): boolean {
  if (c.visibility === 'group') return true;
  return reader.delegation !== null && reader.delegation === c.delegation;
}

export type CommentProblem =
  | 'read_only'
  | 'no_delegation'
  | 'not_author'
  | 'not_root'
  | 'already_resolved'
  | 'not_resolved'
  | 'has_replies'
  | 'already_became';

export const commentProblemMessages: Record<CommentProblem, string> = {
  read_only: 'Observers read comments but do not write them.',
  no_delegation: 'Only a person who speaks for a delegation can write to their delegation alone.',
  not_author: 'Only its author may do this.',
  not_root: 'Only a thread (its first comment) is resolved, reopened or turned into a proposal or objection.',
  already_resolved: 'This thread is already resolved.',
  not_resolved: 'This thread is open.',
  has_replies: 'Others have replied to this comment: resolve it instead of deleting it.',
  already_became: 'This comment was already turned into a proposal or an objection.',
};

/** 403 for who one is, 409 for the state the comment is in. */
export function problemStatus(p: CommentProblem): 403 | 409 {
  return p === 'read_only' || p === 'no_delegation' || p === 'not_author' ? 403 : 409;
}

/** May write comments and replies at all (observers read only). */
export function writeProblem(reader: CommentReader, visibility: CommentVisibility): CommentProblem | null {
  if (!can(reader.role, 'comment.write')) return 'read_only';
  if (visibility === 'delegation' && reader.delegation === null) return 'no_delegation';
  return null;
}

/** Editing and deleting are the author's own. Deleting a root others replied to would delete their words. */
export function editProblem(reader: CommentReader, c: Pick<Comment, 'author'>): CommentProblem | null {
  if (!can(reader.role, 'comment.write')) return 'read_only';
  return c.author.id === reader.userId ? null : 'not_author';
}

export function deleteProblem(
  reader: CommentReader,
  c: Pick<Comment, 'author' | 'id' | 'threadId'>,
  thread: readonly Pick<Comment, 'author' | 'id'>[],
): CommentProblem | null {
  const own = editProblem(reader, c);
  if (own) return own;
  if (c.id === c.threadId && thread.some((r) => r.id !== c.id && r.author.id !== reader.userId)) return 'has_replies';
  return null;
}

/** Resolving and reopening: the thread's author or a chair (of a thread they can see). */
export function resolveProblem(
  reader: CommentReader,
  c: Pick<Comment, 'author' | 'id' | 'threadId' | 'resolved'>,
  resolve: boolean,
): CommentProblem | null {
  if (!can(reader.role, 'comment.write')) return 'read_only';
  if (c.id !== c.threadId) return 'not_root';
  if (!can(reader.role, 'comment.resolveAny') && c.author.id !== reader.userId) return 'not_author';
  if (resolve && c.resolved) return 'already_resolved';
  if (!resolve && !c.resolved) return 'not_resolved';
  return null;
}

/** Turning a thread into a proposal or objection: its author, once. */
export function convertProblem(
  reader: CommentReader,
  c: Pick<Comment, 'author' | 'id' | 'threadId' | 'became'>,
): CommentProblem | null {
  const own = editProblem(reader, c);
  if (own) return own;
  if (c.id !== c.threadId) return 'not_root';
  if (c.became) return 'already_became';
  return null;
}

/** Threads (roots oldest first) with their replies (oldest first). */
export function threadsOf(comments: readonly Comment[]): Array<{ root: Comment; replies: Comment[] }> {
  const byThread = new Map<string, { root: Comment | null; replies: Comment[] }>();
  const sorted = [...comments].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  for (const c of sorted) {
    const t = byThread.get(c.threadId) ?? { root: null, replies: [] };
    if (c.id === c.threadId) t.root = c;
    else t.replies.push(c);
    byThread.set(c.threadId, t);
  }
  const out: Array<{ root: Comment; replies: Comment[] }> = [];
  for (const t of byThread.values()) if (t.root) out.push({ root: t.root, replies: t.replies });
  return out;
}

/** Keeps the newer of two versions of one comment (live messages may cross a refetch). */
export function newer(a: Comment | undefined, b: Comment): Comment {
  return a && a.rev > b.rev ? a : b;
}
