import { z } from '@hono/zod-openapi';
import { ParagraphStatusSchema } from './governanceSchema.js';

/** What changed between two versions of a draft (shared/model/compare.ts). */
const BracketChange = z.object({ id: z.string(), byName: z.string() });
const ObjectionChange = z.object({ id: z.string(), author: z.string(), reason: z.string() });

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
    }),
  })
  .openapi('Comparison');
