import { z } from '@hono/zod-openapi';
import { objectionStates, paragraphStatuses } from '../../../shared/model/governance.js';
import { ActorSchema } from './actorSchema.js';
import { ProposalSchema } from './proposalSchema.js';

/** Server-owned state of a draft (shared/model/governance.ts). */

export const ParagraphStatusSchema = z.enum(paragraphStatuses).openapi('ParagraphStatus');

export const ObjectionSchema = z
  .object({
    id: z.string(),
    paragraphId: z.string(),
    author: ActorSchema,
    reason: z.string(),
    at: z.number(),
    state: z.enum(objectionStates),
    answer: z.object({ by: ActorSchema, text: z.string(), at: z.number() }).nullable(),
    withdrawnAt: z.number().nullable(),
    silenceId: z
      .string()
      .optional()
      .openapi({ description: 'The silence procedure this objection broke, if it broke one' }),
  })
  .openapi('Objection');

export const GovernanceSchema = z
  .object({
    meta: z.object({ title: z.string(), symbol: z.string() }),
    statuses: z.record(z.string(), ParagraphStatusSchema),
    locks: z.record(z.string(), z.object({ by: ActorSchema, at: z.number(), textHash: z.string().optional() })),
    objections: z.array(ObjectionSchema),
    proposals: z
      .array(z.lazy(() => ProposalSchema))
      .optional()
      .openapi({ description: 'Absent in revisions issued before proposals existed' }),
    proposalsOnly: z
      .array(z.string())
      .optional()
      .openapi({ description: "Where members may only propose: '*' (the whole draft) and/or section ids" }),
  })
  .openapi('Governance');
