import { z } from '@hono/zod-openapi';

/** An issued revision (store/repos/revisionRepo.ts). */
export const RevisionInfoSchema = z
  .object({
    id: z.string(),
    docId: z.string(),
    number: z.number().int().openapi({ description: '0 for the zero draft, then 1, 2, …' }),
    label: z.string().openapi({ description: '"Zero draft", "Rev.1", …' }),
    note: z.string(),
    issuedBy: z.string(),
    issuedAt: z.number(),
  })
  .openapi('RevisionInfo');
