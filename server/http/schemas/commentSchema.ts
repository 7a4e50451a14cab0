import { z } from '@hono/zod-openapi';
import { commentTypes, commentVisibilities } from '../../../shared/model/comments.js';
import { ActorSchema } from './actorSchema.js';

/** A comment as its reader receives it (shared/model/comments.ts). */
export const CommentSchema = z
  .object({
    id: z.string(),
    docId: z.string(),
    threadId: z.string().openapi({ description: "The thread's first comment; a thread's own id" }),
    paragraphId: z.string(),
    anchor: z
      .object({ from: z.record(z.string(), z.unknown()), to: z.record(z.string(), z.unknown()) })
      .nullable()
      .openapi({
        description: 'The words commented on (Yjs relative positions); null: the whole paragraph, or a reply',
      }),
    quote: z.string().openapi({ description: 'The words as they were when the thread began' }),
    visibility: z.enum(commentVisibilities).openapi({ description: "'delegation': seen only by its delegation" }),
    delegation: z.string().nullable(),
    author: ActorSchema,
    type: z.enum(commentTypes),
    text: z.string(),
    createdAt: z.number(),
    editedAt: z.number().nullable(),
    resolved: z.object({ by: ActorSchema, at: z.number() }).nullable(),
    became: z.object({ kind: z.enum(['proposal', 'objection']), id: z.string() }).nullable(),
    rev: z.number().int().openapi({ description: 'Bumped on every change: keep the highest seen' }),
  })
  .openapi('Comment');
