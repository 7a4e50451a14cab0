import { z } from '@hono/zod-openapi';
import { proposalKinds, proposalStates } from '../../../shared/model/proposals.js';
import { ActorSchema } from './actorSchema.js';

/** A delegation's proposal against the text (shared/model/proposals.ts). */
const Stance = z.object({ by: ActorSchema, at: z.number() });

export const ProposalSchema = z
  .object({
    id: z.string(),
    paragraphId: z.string(),
    kind: z.enum(proposalKinds),
    anchor: z
      .object({ from: z.record(z.string(), z.unknown()), to: z.record(z.string(), z.unknown()) })
      .nullable()
      .openapi({ description: 'Where a span proposal applies (Yjs relative positions); null for paragraph kinds' }),
    quote: z.string(),
    text: z.string(),
    justification: z.string(),
    proposer: ActorSchema,
    at: z.number(),
    support: z.array(Stance),
    opposition: z.array(Stance),
    state: z.enum(proposalStates),
    decision: z.object({ by: ActorSchema, at: z.number(), reason: z.string().nullable() }).nullable(),
  })
  .openapi('Proposal');
