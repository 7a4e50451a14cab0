import { z } from '@hono/zod-openapi';

/** Path parameters shared by the operations on one draft. */
const docId = z.string().openapi({ description: 'Draft id' });

export const DocParams = z.object({ id: docId });
export const MemberParams = z.object({ id: docId, userId: z.string() });
export const ParagraphParams = z.object({
  id: docId,
  pid: z.string().openapi({ description: 'Stable paragraph id' }),
});
export const ObjectionParams = z.object({ id: docId, oid: z.string() });
