import { z } from '@hono/zod-openapi';
import { type Block, type Draft, paragraphKinds } from '../../../shared/model/draft.js';

/** The negotiating text as plain data (shared/model/draft.ts), as revisions and comparisons return it. */
export const BracketSchema = z
  .object({
    id: z.string(),
    by: z.string().openapi({ description: 'User id of the proposer' }),
    byName: z.string(),
    at: z.number(),
    group: z.string().nullable().openapi({ description: 'Shared by competing inline options' }),
  })
  .openapi('Bracket');

const InlineRunSchema = z
  .object({
    text: z.string(),
    bold: z.boolean().optional(),
    italic: z.boolean().optional(),
    brackets: z.array(BracketSchema).openapi({ description: 'Enclosing brackets, outermost first' }),
  })
  .openapi('InlineRun');

const TextBlockSchema = z.object({ type: z.literal('text'), runs: z.array(InlineRunSchema) }).openapi('TextBlock');

// Blocks nest (a list item holds blocks): a named, recursive schema.
export const BlockSchema: z.ZodType<Block> = z
  .lazy(() => z.discriminatedUnion('type', [TextBlockSchema, ListBlockSchema]))
  .openapi('Block');

const ListBlockSchema = z
  .object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.array(BlockSchema)) })
  .openapi('ListBlock');

export const ParagraphSchema = z
  .object({
    id: z.string(),
    kind: z.enum(paragraphKinds),
    bis: z.boolean(),
    altGroup: z.string().nullable(),
    // Not BracketSchema.nullable(): zod-to-openapi would make the Bracket component itself nullable.
    bracket: z.union([BracketSchema, z.null()]),
    blocks: z.array(BlockSchema),
  })
  .openapi('Paragraph');

export const DraftSchema: z.ZodType<Draft> = z
  .object({
    sections: z.array(z.object({ id: z.string(), heading: z.string(), paragraphs: z.array(ParagraphSchema) })),
  })
  .openapi('Draft');
