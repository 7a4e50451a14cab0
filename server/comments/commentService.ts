import { randomUUID } from 'node:crypto';
import type { Principal, Role } from '../../shared/governance/roles.js';
import {
  type Comment,
  type CommentProblem,
  type CommentReader,
  type CommentType,
  type CommentVisibility,
  commentProblemMessages,
  convertProblem,
  deleteProblem,
  editProblem,
  maySee,
  problemStatus,
  resolveProblem,
  writeProblem,
} from '../../shared/model/comments.js';
import { anchorSpan, locateSpan, plainOf, spanOffsets } from '../../shared/model/proposalAnchors.js';
import type { ProposalKind, SpanAnchor } from '../../shared/model/proposals.js';
import type { RoomManager } from '../collab/roomManager.js';
import { actor } from '../governance/command.js';
import { type CommentRow, delegationActor } from '../governance/commands/importResolutionTable.js';
import { lodgeObjection } from '../governance/commands/lodgeObjection.js';
import { tableProposal } from '../governance/commands/tableProposal.js';
import type { GovernanceService } from '../governance/governanceService.js';
import { findClause } from '../governance/paragraphs.js';
import { ApiError, notFound } from '../http/httpError.js';
import { type Clock, systemClock } from '../ops/clock.js';
import type { AccordStore } from '../store/accordStore.js';
import type { StoreRepos } from '../store/repos/storeRepos.js';
import type { CommentFeed } from './commentFeed.js';

export interface NewComment {
  paragraphId: string;
  /** Offsets in the paragraph's plain text, as for a proposal; absent: the whole paragraph. */
  from?: number;
  to?: number;
  /** The words the caller saw at [from, to): 409 text_changed if they differ now. */
  quote?: string;
  visibility: CommentVisibility;
  type?: CommentType;
  text: string;
}

/** What a thread becomes: an objection with its text as reason, or a proposal justified by it. */
export type Conversion = { kind: 'objection' } | { kind: 'proposal'; change: ProposalKind; text: string };

const refuse = (p: CommentProblem) =>
  new ApiError(problemStatus(p), problemStatus(p) === 403 ? 'forbidden' : 'conflict', commentProblemMessages[p], {
    problem: p,
  });
/** A comment the reader may not see is answered exactly like one that does not exist. */
const missing = () => notFound('No such comment.');

/**
 * Threaded comments (shared/model/comments.ts): each change is checked against the pure rules,
 * stored with its audit entry in one transaction, then fed live to the sockets that may see it.
 * The author and their delegation are always the caller's; the audit entry never holds the text
 * (a delegation's words would otherwise reach everyone who reads the audit log).
 */
export class CommentService {
  constructor(
    private readonly store: AccordStore,
    private readonly rooms: RoomManager,
    private readonly governance: GovernanceService,
    private readonly feed: CommentFeed,
    private readonly now: Clock = systemClock,
  ) {}

  reader(who: Principal, role: Role): CommentReader {
    return { userId: who.userId, role, delegation: who.delegation ?? null };
  }

  list(docId: string, who: Principal, role: Role): Promise<Comment[]> {
    return this.store.comments.visible(docId, this.reader(who, role).delegation);
  }

  async add(docId: string, who: Principal, role: Role, input: NewComment): Promise<Comment> {
    const reader = this.reader(who, role);
    const problem = writeProblem(reader, input.visibility);
    if (problem) throw refuse(problem);
    const { anchor, quote } = await this.anchor(docId, input);
    const id = randomUUID();
    const comment: Comment = {
      id,
      docId,
      threadId: id,
      paragraphId: input.paragraphId,
      anchor,
      quote,
      visibility: input.visibility,
      delegation: who.delegation ?? null,
      author: actor(who),
      type: input.type ?? 'general',
      text: input.text,
      createdAt: this.now(),
      editedAt: null,
      resolved: null,
      became: null,
      rev: 1,
    };
    await this.store.transaction(async (tx) => {
      await tx.comments.insert(comment);
      await this.audit(tx, docId, who, 'comment.add', comment);
    });
    this.feed.changed(comment);
    return comment;
  }

  /**
   * Comment rows of an imported resolution table (importResolutionTable.ts): group comments in the
   * named delegation's name, on the whole paragraph, recorded as imported by the chair. A row
   * repeating a group comment the delegation already has on that paragraph is a duplicate
   * (null): importing the same table twice, or Accord's own export, adds nothing.
   */
  async importRows(docId: string, chair: Principal, rows: readonly CommentRow[]): Promise<Array<Comment | null>> {
    const made = await this.store.transaction(async (tx) => {
      // Any group comment of the delegation (by one of its people, or imported) with these words.
      const existing = new Set(
        (await tx.comments.visible(docId, null)).map((c) => JSON.stringify([c.delegation, c.paragraphId, c.text])),
      );
      const out: Array<Comment | null> = [];
      for (const r of rows) {
        const author = delegationActor(r.delegation);
        const key = JSON.stringify([r.delegation.code, r.paragraphId, r.text]);
        if (existing.has(key)) {
          out.push(null);
          continue;
        }
        existing.add(key);
        const id = randomUUID();
        const c: Comment = {
          id,
          docId,
          threadId: id,
          paragraphId: r.paragraphId,
          anchor: null,
          quote: '',
          visibility: 'group',
          delegation: r.delegation.code,
          author,
          type: r.type,
          text: r.text,
          createdAt: this.now(),
          editedAt: null,
          resolved: null,
          became: null,
          rev: 1,
        };
        await tx.comments.insert(c);
        await this.audit(tx, docId, chair, 'comment.add', c, { imported: true, delegation: r.delegation.code });
        out.push(c);
      }
      return out;
    });
    for (const c of made) if (c) this.feed.changed(c);
    return made;
  }

  async reply(docId: string, who: Principal, role: Role, threadId: string, text: string): Promise<Comment> {
    const reader = this.reader(who, role);
    const reply = await this.store.transaction(async (tx) => {
      const thread = await tx.comments.lockThread(docId, threadId);
      const root = thread.find((c) => c.id === threadId);
      if (!root || !maySee(reader, root)) throw missing();
      const problem = writeProblem(reader, root.visibility);
      if (problem) throw refuse(problem);
      const c: Comment = {
        ...root,
        id: randomUUID(),
        anchor: null,
        quote: '',
        author: actor(who),
        type: root.type,
        text,
        createdAt: this.now(),
        editedAt: null,
        resolved: null,
        became: null,
        rev: 1,
      };
      await tx.comments.insert(c);
      await this.audit(tx, docId, who, 'comment.reply', c);
      return c;
    });
    this.feed.changed(reply);
    return reply;
  }

  async edit(docId: string, who: Principal, role: Role, id: string, text: string): Promise<Comment> {
    return this.change(docId, who, role, id, 'comment.edit', (reader, c) => editProblem(reader, c), {
      text,
      editedAt: this.now(),
    });
  }

  async setResolved(docId: string, who: Principal, role: Role, id: string, resolve: boolean): Promise<Comment> {
    return this.change(
      docId,
      who,
      role,
      id,
      resolve ? 'comment.resolve' : 'comment.reopen',
      (reader, c) => resolveProblem(reader, c, resolve),
      { resolved: resolve ? { by: actor(who), at: this.now() } : null },
    );
  }

  /** Deletes one's own comment (a thread: with one's own replies); the ids deleted. */
  async remove(docId: string, who: Principal, role: Role, id: string): Promise<string[]> {
    const reader = this.reader(who, role);
    const removed = await this.store.transaction(async (tx) => {
      const c = await tx.comments.get(docId, id);
      if (!c || !maySee(reader, c)) throw missing();
      const thread = await tx.comments.lockThread(docId, c.threadId);
      const problem = deleteProblem(reader, c, thread);
      if (problem) throw refuse(problem);
      // A thread deleted by its author takes the author's own replies with it (the rule allows no others).
      const ids = c.id === c.threadId ? thread.map((t) => t.id) : [c.id];
      await tx.comments.delete(docId, ids);
      await this.audit(tx, docId, who, 'comment.delete', c);
      return thread.filter((t) => ids.includes(t.id));
    });
    for (const c of removed) this.feed.deleted(c);
    return removed.map((c) => c.id);
  }

  /** Turns a thread into a formal objection or proposal, by its author, once; the comment records what it became. */
  async convert(
    docId: string,
    who: Principal,
    role: Role,
    id: string,
    to: Conversion,
  ): Promise<{ comment: Comment; proposalId?: string; objectionId?: string }> {
    const reader = this.reader(who, role);
    const c = await this.store.comments.get(docId, id);
    if (!c || !maySee(reader, c)) throw missing();
    const problem = convertProblem(reader, c);
    if (problem) throw refuse(problem);
    // The formal step goes through the governance command, with its own rules (locks, silence, roles).
    let outcome: { kind: 'proposal' | 'objection'; id: string };
    if (to.kind === 'objection') {
      const o = await this.governance.run(docId, who, role, lodgeObjection, {
        paragraphId: c.paragraphId,
        reason: c.text,
      });
      outcome = { kind: 'objection', id: o.id };
    } else {
      const p = await this.governance.run(docId, who, role, tableProposal, {
        paragraphId: c.paragraphId,
        kind: to.change,
        type: c.type,
        ...(await this.span(docId, c, to.change)),
        text: to.change === 'delete' || to.change === 'deleteParagraph' ? '' : to.text,
        justification: c.text,
      });
      outcome = { kind: 'proposal', id: p.id };
    }
    const comment = await this.store.transaction(async (tx) => {
      const updated = await tx.comments.update(docId, id, { became: outcome });
      if (!updated) throw missing();
      await this.audit(tx, docId, who, 'comment.convert', updated, { became: outcome });
      return updated;
    });
    this.feed.changed(comment);
    return outcome.kind === 'proposal' ? { comment, proposalId: outcome.id } : { comment, objectionId: outcome.id };
  }

  private async change(
    docId: string,
    who: Principal,
    role: Role,
    id: string,
    action: string,
    problemOf: (reader: CommentReader, c: Comment) => CommentProblem | null,
    patch: Parameters<AccordStore['comments']['update']>[2],
  ): Promise<Comment> {
    const reader = this.reader(who, role);
    const comment = await this.store.transaction(async (tx) => {
      const c = await tx.comments.get(docId, id);
      if (!c || !maySee(reader, c)) throw missing();
      await tx.comments.lockThread(docId, c.threadId);
      const problem = problemOf(reader, c);
      if (problem) throw refuse(problem);
      const updated = await tx.comments.update(docId, id, patch);
      if (!updated) throw missing();
      await this.audit(tx, docId, who, action, updated);
      return updated;
    });
    this.feed.changed(comment);
    return comment;
  }

  /** The span a new comment is on, anchored in the live document so it follows its words. */
  private async anchor(docId: string, input: NewComment): Promise<{ anchor: SpanAnchor | null; quote: string }> {
    const room = await this.rooms.get(docId);
    const clause = findClause(room.doc, input.paragraphId);
    if (!clause) throw notFound('No paragraph with this id in the draft.');
    const { from, to } = input;
    if (from === undefined && to === undefined) return { anchor: null, quote: '' };
    if (from === undefined || to === undefined || from >= to) {
      throw new ApiError(400, 'bad_request', 'Say which words: from < to, or neither for the whole paragraph.');
    }
    const span = locateSpan(clause, from, to);
    if (!span) throw new ApiError(400, 'bad_request', 'The span is outside the paragraph or crosses a line break.');
    const quote = plainOf(span.text).slice(span.from, span.to);
    if (input.quote !== undefined && input.quote !== quote) {
      throw new ApiError(409, 'text_changed', 'The text changed while you were writing. Select the words again.');
    }
    return { anchor: anchorSpan(span.text, span.from, span.to), quote };
  }

  /** Where a proposal made from a comment applies: its words as they are now (an insertion: after them). */
  private async span(
    docId: string,
    c: Comment,
    change: ProposalKind,
  ): Promise<{ from?: number; to?: number; quote?: string }> {
    if (change === 'addParagraph' || change === 'deleteParagraph') return {};
    const room = await this.rooms.get(docId);
    const at = c.anchor ? spanOffsets(room.doc, c.anchor, c.paragraphId) : null;
    if (!at || at.from >= at.to) {
      throw new ApiError(
        409,
        'target_gone',
        'The words this comment was on are no longer in the paragraph: propose from the editor instead.',
      );
    }
    return change === 'insert' ? { from: at.to, to: at.to } : { from: at.from, to: at.to };
  }

  private async audit(
    tx: StoreRepos,
    docId: string,
    who: Principal,
    action: string,
    c: Comment,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    await tx.audit.append(docId, {
      actor: who.userId,
      action,
      detail: {
        commentId: c.id,
        threadId: c.threadId,
        paragraphId: c.paragraphId,
        visibility: c.visibility,
        ...(c.delegation ? { delegation: c.delegation } : {}),
        ...extra,
      },
    });
  }
}
