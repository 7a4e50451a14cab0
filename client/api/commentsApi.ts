import type { Comment, CommentType, CommentVisibility } from '../../shared/model/comments';
import { api, dataOf } from './apiClient';

export interface NewComment {
  paragraphId: string;
  from?: number;
  to?: number;
  quote?: string;
  visibility: CommentVisibility;
  type?: CommentType;
  text: string;
}

/** Comments of one draft (server/http/routes/commentRoutes.ts); what changes reaches every page live too. */
export function commentsApi(docId: string) {
  const one = (cid: string) => ({ params: { path: { id: docId, cid } } });
  return {
    list: async (): Promise<Comment[]> =>
      (await dataOf(api.GET('/api/documents/{id}/comments', { params: { path: { id: docId } } })))
        .comments as Comment[],
    add: async (body: NewComment): Promise<Comment> =>
      (await dataOf(api.POST('/api/documents/{id}/comments', { params: { path: { id: docId } }, body }))) as Comment,
    reply: async (cid: string, text: string): Promise<Comment> =>
      (await dataOf(
        api.POST('/api/documents/{id}/comments/{cid}/replies', { ...one(cid), body: { text } }),
      )) as Comment,
    resolve: (cid: string) => dataOf(api.POST('/api/documents/{id}/comments/{cid}/resolve', one(cid))),
    reopen: (cid: string) => dataOf(api.POST('/api/documents/{id}/comments/{cid}/reopen', one(cid))),
    remove: (cid: string) => dataOf(api.DELETE('/api/documents/{id}/comments/{cid}', one(cid))),
    toObjection: (cid: string) =>
      dataOf(api.POST('/api/documents/{id}/comments/{cid}/convert', { ...one(cid), body: { kind: 'objection' } })),
  };
}

export type CommentsApi = ReturnType<typeof commentsApi>;
