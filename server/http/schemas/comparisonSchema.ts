import { z } from '@hono/zod-openapi';
import { proposalKinds, proposalTypes } from '../../../shared/model/proposals.js';
import { ParagraphStatusSchema } from './governanceSchema.js';

/** What changed between two versions of a draft (shared/model/compare.ts). */
const BracketChange = z.object({ id: z.string(), byName: z.string() });
const ObjectionChange = z.object({ id: z.string(), author: z.string(), reason: z.string() });

const ProposalChange = z
  .object({
    id: z.string(),
    kind: z.enum(proposalKinds),
    type: z.enum(proposalTypes),
    proposer: z.string(),
    quote: z.string(),
    text: z.string(),
    decision: z.object({ by: z.string(), reason: z.string().nullable(), asAlternative: z.boolean() }).nullable(),
  })
  .openapi('ProposalChange');

const ParagraphComparison = z
  .object({
    id: z.string(),
    number: z.string().openapi({ description: 'Number in the newer text, e.g. "7 bis (Option 2)"' }),
    previousNumber: z.string().nullable(),
    section: z.string(),
    previousSection: z.string().nullable(),
    kinds: z.array(z.enum(['added', 'removed', 'changed', 'moved', 'unchanged'])),
    text: z.array(z.object({ op: z.enum(['same', 'ins', 'del']), text: z.string() })),
    status: z
      .object({ from: z.union([ParagraphStatusSchema, z.null()]), to: z.union([ParagraphStatusSchema, z.null()]) })
      .nullable(),
    locked: z.object({ from: z.boolean(), to: z.boolean() }).nullable(),
    brackets: z.object({ added: z.array(BracketChange), resolved: z.array(BracketChange) }),
    objections: z.object({
      lodged: z.array(ObjectionChange),
      withdrawn: z.array(ObjectionChange),
      answered: z.array(ObjectionChange),
    }),
    proposals: z
      .object({
        tabled: z.array(ProposalChange),
        accepted: z.array(ProposalChange),
        rejected: z.array(ProposalChange),
        withdrawn: z.array(ProposalChange),
      })
      .openapi({ description: 'Proposals tabled since the older version, and decided or withdrawn since' }),
  })
  .openapi('ParagraphComparison');

export const ComparisonSchema = z
  .object({
    from: z.string().openapi({ description: 'Label of the older version' }),
    to: z.string(),
    paragraphs: z.array(ParagraphComparison),
    sections: z.array(
      z.object({
        id: z.string(),
        heading: z.string(),
        change: z.enum(['added', 'removed', 'renamed']),
        previousHeading: z.string().nullable(),
      }),
    ),
    summary: z.object({
      added: z.number(),
      removed: z.number(),
      changed: z.number(),
      moved: z.number(),
      statusChanges: z.number(),
      bracketsAdded: z.number(),
      bracketsResolved: z.number(),
      objectionsLodged: z.number(),
      objectionsWithdrawn: z.number(),
      objectionsAnswered: z.number(),
      proposalsTabled: z.number(),
      proposalsAccepted: z.number(),
      proposalsRejected: z.number(),
      proposalsWithdrawn: z.number(),
    }),
  })
  .openapi('Comparison');
