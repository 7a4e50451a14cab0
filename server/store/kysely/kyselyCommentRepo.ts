import type { Selectable } from 'kysely';
import type { Comment, CommentOutcome, CommentType, CommentVisibility } from '../../../shared/model/comments.js';
import type { Actor } from '../../../shared/model/governance.js';
import type { SpanAnchor } from '../../../shared/model/proposals.js';
import type { CommentPatch, CommentRepo } from '../repos/commentRepo.js';
import type { StoreExecutor } from './storeExecutor.js';
import type { StoreSchema } from './storeSchema.js';

type Row = Selectable<StoreSchema['comments']>;

export class KyselyCommentRepo implements CommentRepo {
  constructor(private readonly x: StoreExecutor) {}

  async insert(c: Comment): Promise<void> {
    await this.x.db
      .insertInto('comments')
      .values({
        id: c.id,
        doc_id: c.docId,
        thread_id: c.threadId,
        paragraph_id: c.paragraphId,
        anchor: c.anchor ? JSON.stringify(c.anchor) : null,
        quote: c.quote,
        visibility: c.visibility,
        delegation: c.delegation,
        author_id: c.author.id,
        author_name: c.author.name,
        author_affiliation: c.author.affiliation,
        type: c.type,
        text: c.text,
        created_at: c.createdAt,
        edited_at: c.editedAt,
        resolved: c.resolved ? JSON.stringify(c.resolved) : null,
        became: c.became ? JSON.stringify(c.became) : null,
        rev: c.rev,
      })
      .execute();
  }

  async get(docId: string, id: string): Promise<Comment | null> {
    const row = await this.x.db
      .selectFrom('comments')
      .selectAll()
      .where('doc_id', '=', docId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toComment(row) : null;
  }

  async visible(docId: string, delegation: string | null): Promise<Comment[]> {
    const rows = await this.x.db
      .selectFrom('comments')
      .selectAll()
      .where('doc_id', '=', docId)
      .where((eb) =>
        delegation === null
          ? eb('visibility', '=', 'group')
          : eb.or([
              eb('visibility', '=', 'group'),
              eb.and([eb('visibility', '=', 'delegation'), eb('delegation', '=', delegation)]),
            ]),
      )
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toComment);
  }

  async lockThread(docId: string, threadId: string): Promise<Comment[]> {
    await this.x.lock(`comments:${threadId}`);
    const rows = await this.x.db
      .selectFrom('comments')
      .selectAll()
      .where('doc_id', '=', docId)
      .where('thread_id', '=', threadId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toComment);
  }

  async update(docId: string, id: string, patch: CommentPatch): Promise<Comment | null> {
    const set: Partial<Row> = {};
    if (patch.text !== undefined) set.text = patch.text;
    if (patch.editedAt !== undefined) set.edited_at = patch.editedAt;
    if (patch.resolved !== undefined) set.resolved = patch.resolved ? JSON.stringify(patch.resolved) : null;
    if (patch.became !== undefined) set.became = JSON.stringify(patch.became);
    return this.x.atomically(async (x) => {
      const changed = await x.db
        .updateTable('comments')
        .set((eb) => ({ ...set, rev: eb('rev', '+', 1) }))
        .where('doc_id', '=', docId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) === 0) return null;
      return new KyselyCommentRepo(x).get(docId, id);
    });
  }

  async delete(docId: string, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const r = await this.x.db
      .deleteFrom('comments')
      .where('doc_id', '=', docId)
      .where('id', 'in', [...ids])
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}

function toComment(r: Row): Comment {
  const author: Actor = { id: r.author_id, name: r.author_name, affiliation: r.author_affiliation };
  if (r.delegation !== null) author.delegation = r.delegation;
  return {
    id: r.id,
    docId: r.doc_id,
    threadId: r.thread_id,
    paragraphId: r.paragraph_id,
    anchor: r.anchor ? (JSON.parse(r.anchor) as SpanAnchor) : null,
    quote: r.quote,
    visibility: r.visibility as CommentVisibility,
    delegation: r.delegation,
    author,
    type: r.type as CommentType,
    text: r.text,
    createdAt: Number(r.created_at),
    editedAt: r.edited_at === null ? null : Number(r.edited_at),
    resolved: r.resolved ? (JSON.parse(r.resolved) as { by: Actor; at: number }) : null,
    became: r.became ? (JSON.parse(r.became) as CommentOutcome) : null,
    rev: Number(r.rev),
  };
}
