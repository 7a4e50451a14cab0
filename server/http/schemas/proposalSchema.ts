import { z } from '@hono/zod-openapi';
import { proposalKinds, proposalStates, proposalTypes } from '../../../shared/model/proposals.js';
import { ActorSchema } from './actorSchema.js';

/** A delegation's proposal against the text (shared/model/proposals.ts). */
const Stance = z.object({ by: ActorSchema, at: z.number() });

export const ProposalSchema = z
  .object({
    id: z.string(),
    paragraphId: z.string(),
    kind: z.enum(proposalKinds),
    type: z
      .enum(proposalTypes)
      .optional()
      .openapi({ description: 'General, technical or editorial; absent on proposals tabled before types (technical)' }),
    anchor: z
      .object({ from: z.record(z.string(), z.unknown()), to: z.record(z.string(), z.unknown()) })
      .nullable()
      .openapi({ description: 'Where a span proposal applies (Yjs relative positions); null for paragraph kinds' }),
    quote: z.string(),
    text: z.string(),
    justification: z.string(),
    proposer: ActorSchema,
    importedBy: ActorSchema.optional().openapi({
      description: 'The chair who imported it from a resolution table (the proposer is then the delegation)',
    }),
    at: z.number(),
    support: z.array(Stance),
    opposition: z.array(Stance),
    state: z.enum(proposalStates),
    decision: z.object({ by: ActorSchema, at: z.number(), reason: z.string().nullable() }).nullable(),
  })
  .openapi('Proposal');
