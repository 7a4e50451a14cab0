import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { commentTypes, commentVisibilities, MAX_COMMENT_LENGTH } from '../../../shared/model/comments.js';
import { proposalKinds } from '../../../shared/model/proposals.js';
import type { AppEnv, Services } from '../context.js';
import { member } from '../middleware/requireAccess.js';
import { CommentSchema } from '../schemas/commentSchema.js';
import { jsonContent, jsonRequest } from '../schemas/content.js';
import { commandErrors, errorResponses } from '../schemas/errorResponses.js';
import { DocParams } from '../schemas/pathParams.js';
import { apiRouter, requireJson } from '../validate.js';

const text = z.string().trim().min(1, 'Write something').max(MAX_COMMENT_LENGTH);
const offset = z.number().int().min(0).max(1_000_000);
const addBody = z.object({
  paragraphId: z.string().min(1).max(200),
  from: offset
    .optional()
    .openapi({ description: "Offsets in the paragraph's plain text; neither: the whole paragraph" }),
  to: offset.optional(),
  quote: z
    .string()
    .max(10_000)
    .optional()
    .openapi({ description: 'The words as you saw them; 409 text_changed if not' }),
  visibility: z.enum(commentVisibilities),
  type: z.enum(commentTypes).optional(),
  text,
});
const replyBody = z.object({ text });
const convertBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('objection') }),
  z.object({
    kind: z.literal('proposal'),
    change: z.enum(proposalKinds),
    text: z.string().trim().max(4000).default(''),
  }),
]);
const CommentParams = DocParams.extend({ cid: z.string().min(1).max(200).openapi({ description: 'Comment id' }) });
const tags = ['comments'];

/**
 * Threaded comments (server/comments/CONTEXT.md). Every route answers a comment the caller may
 * not see (another delegation's) exactly as one that does not exist: 404.
 */
export function commentRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = apiRouter();
  const asMember = member(s.store);
  const comments = s.comments;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents/{id}/comments',
      operationId: 'listComments',
      tags,
      summary: "The comments you may see: the group's, and your delegation's own",
      middleware: [asMember] as const,
      request: { params: DocParams },
      responses: {
        200: jsonContent(z.object({ comments: z.array(CommentSchema) }), 'Oldest first'),
        ...errorResponses(401, 404),
      },
    }),
    async (c) => {
      const { who, role } = c.get('membership');
      return c.json({ comments: await comments.list(c.req.valid('param').id, who, role) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/comments',
      operationId: 'addComment',
      tags,
      summary: 'Comment on words of a paragraph (or the whole paragraph), for the group or your delegation only',
      description: 'Chair or member; the author and delegation are always yours. Observers read only (403).',
      middleware: [asMember, requireJson] as const,
      request: { params: DocParams, body: jsonRequest(addBody) },
      responses: { 201: jsonContent(CommentSchema, 'The comment'), ...commandErrors(400, 413, 415) },
    }),
    async (c) => {
      const { who, role } = c.get('membership');
      return c.json(await comments.add(c.req.valid('param').id, who, role, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/comments/{cid}/replies',
      operationId: 'replyToComment',
      tags,
      summary: "Reply in a thread (the reply has the thread's visibility)",
      middleware: [asMember, requireJson] as const,
      request: { params: CommentParams, body: jsonRequest(replyBody) },
      responses: { 201: jsonContent(CommentSchema, 'The reply'), ...commandErrors(400, 413, 415) },
    }),
    async (c) => {
      const { id, cid } = c.req.valid('param');
      const { who, role } = c.get('membership');
      return c.json(await comments.reply(id, who, role, cid, c.req.valid('json').text), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/documents/{id}/comments/{cid}',
      operationId: 'editComment',
      tags,
      summary: 'Edit your own comment',
      middleware: [asMember, requireJson] as const,
      request: { params: CommentParams, body: jsonRequest(replyBody) },
      responses: { 200: jsonContent(CommentSchema, 'The comment as edited'), ...commandErrors(400, 413, 415) },
    }),
    async (c) => {
      const { id, cid } = c.req.valid('param');
      const { who, role } = c.get('membership');
      return c.json(await comments.edit(id, who, role, cid, c.req.valid('json').text), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/documents/{id}/comments/{cid}',
      operationId: 'deleteComment',
      tags,
      summary: 'Delete your own comment (a thread others replied to is resolved instead: 409)',
      middleware: [asMember] as const,
      request: { params: CommentParams },
      responses: {
        200: jsonContent(z.object({ deleted: z.array(z.string()) }), 'The ids deleted (a thread: with your replies)'),
        ...commandErrors(),
      },
    }),
    async (c) => {
      const { id, cid } = c.req.valid('param');
      const { who, role } = c.get('membership');
      return c.json({ deleted: await comments.remove(id, who, role, cid) }, 200);
    },
  );

  for (const [action, resolve] of [
    ['resolve', true],
    ['reopen', false],
  ] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/api/documents/{id}/comments/{cid}/${action}`,
        operationId: `${action}Comment`,
        tags,
        summary: resolve ? 'Resolve a thread (its author, or the chair)' : 'Reopen a resolved thread',
        middleware: [asMember] as const,
        request: { params: CommentParams },
        responses: { 200: jsonContent(CommentSchema, 'The thread'), ...commandErrors() },
      }),
      async (c) => {
        const { id, cid } = c.req.valid('param');
        const { who, role } = c.get('membership');
        return c.json(await comments.setResolved(id, who, role, cid, resolve), 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/comments/{cid}/convert',
      operationId: 'convertComment',
      tags,
      summary: 'Turn your thread into a formal objection or a proposal (once)',
      description:
        "An objection takes the comment's text as its reason; a proposal applies to the words commented on as they are now, justified by the comment's text.",
      middleware: [asMember, requireJson] as const,
      request: { params: CommentParams, body: jsonRequest(convertBody) },
      responses: {
        200: jsonContent(
          z.object({ comment: CommentSchema, proposalId: z.string().optional(), objectionId: z.string().optional() }),
          'What the thread became',
        ),
        ...commandErrors(400, 413, 415),
      },
    }),
    async (c) => {
      const { id, cid } = c.req.valid('param');
      const { who, role } = c.get('membership');
      return c.json(await comments.convert(id, who, role, cid, c.req.valid('json')), 200);
    },
  );

  return app;
}
