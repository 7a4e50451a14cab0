import { z } from '@hono/zod-openapi';

/** One page of a hash-chained audit log (store/auditLog.ts) and how its verification went. */
export const AuditEntrySchema = z
  .object({
    seq: z.number().int().openapi({ description: 'Position in its chain, from 1' }),
    docId: z.string().nullable().openapi({ description: 'null for installation events' }),
    at: z.number(),
    actor: z.string().nullable(),
    action: z.string(),
    detail: z.record(z.string(), z.unknown()),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('AuditEntry');

export const AuditPageSchema = z
  .object({
    entries: z.array(AuditEntrySchema),
    next: z.number().int().nullable().openapi({ description: 'Pass as `after` for the next page; null at the end' }),
    chainIntact: z.boolean(),
    firstBrokenEntry: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
    verification: z.object({ from: z.number().int(), checked: z.number().int(), full: z.boolean() }),
  })
  .openapi('AuditPage');

export const AuditQuery = z.object({
  after: z.coerce
    .number()
    .int()
    .min(0)
    .default(0)
    .openapi({ type: 'integer', minimum: 0, default: 0, description: 'Entries after this sequence number' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(1000)
    .openapi({ type: 'integer', minimum: 1, maximum: 1000, default: 1000 }),
  format: z.enum(['json', 'jsonl']).default('json').openapi({ description: 'jsonl: the whole chain, streamed' }),
  verify: z
    .enum(['incremental', 'full'])
    .default('incremental')
    .openapi({ description: 'full: verify the chain from its first entry, not from the stored checkpoint' }),
});
