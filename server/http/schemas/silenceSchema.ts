import { z } from '@hono/zod-openapi';
import { silenceStates } from '../../../shared/model/silence.js';
import { ActorSchema } from './actorSchema.js';

/** A silence procedure as stored in the server-owned `gov` map (shared/model/silence.ts). */
export const SilenceScopeSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('draft') }),
    z.object({ kind: z.literal('section'), sectionId: z.string().min(1).max(200) }),
    z.object({
      kind: z.literal('paragraphs'),
      paragraphIds: z.array(z.string().min(1).max(200)).min(1).max(2000),
    }),
  ])
  .openapi('SilenceScope');

export const SilenceSchema = z
  .object({
    id: z.string(),
    scope: SilenceScopeSchema,
    paragraphIds: z.array(z.string()),
    leftOut: z
      .array(z.string())
      .optional()
      .openapi({ description: 'Paragraphs of the draft or section left out: open brackets or a standing objection' }),
    deadline: z.number().openapi({ description: 'Epoch milliseconds' }),
    timeZone: z.string(),
    lockOnExpiry: z.boolean(),
    note: z.string(),
    startedBy: ActorSchema,
    startedAt: z.number(),
    state: z.enum(silenceStates),
    breaks: z.array(
      z.object({
        paragraphId: z.string(),
        objectionId: z.string(),
        by: ActorSchema,
        reason: z.string(),
        at: z.number(),
      }),
    ),
    extensions: z.array(z.object({ from: z.number(), to: z.number(), by: ActorSchema, at: z.number() })),
    outcome: z
      .object({
        at: z.number(),
        by: ActorSchema.nullable(),
        agreed: z.array(z.string()),
        locked: z.array(z.string()),
        released: z.array(z.string()),
        reason: z.string(),
      })
      .nullable(),
  })
  .openapi('Silence');
