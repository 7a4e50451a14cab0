import { z } from 'zod';
import { roles } from '../../shared/governance/roles.js';
import { commentVisibilities } from '../../shared/model/comments.js';

/**
 * What one node tells the others: changes of access that close sockets wherever they are open,
 * and a document's lease changing hands (its old owner drops the room). Parsed on receipt: the
 * channel is shared infrastructure, and anything that does not parse is dropped, never thrown.
 */
export const controlMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('credentialRevoked'), credentialId: z.string().min(1).max(200) }),
  z.object({
    kind: z.literal('membershipChanged'),
    docId: z.string().min(1).max(200),
    userId: z.string().min(1).max(200),
    role: z.enum(roles).nullable(),
    delegationId: z.string().min(1).max(200).nullable(),
  }),
  // Comments: ids only (a delegation's words never travel through shared infrastructure); each
  // node reads the comment from the store and feeds its own sockets (server/comments/CONTEXT.md).
  z.object({
    kind: z.literal('commentChanged'),
    docId: z.string().min(1).max(200),
    commentId: z.string().min(1).max(200),
  }),
  z.object({
    kind: z.literal('commentDeleted'),
    docId: z.string().min(1).max(200),
    commentId: z.string().min(1).max(200),
    threadId: z.string().min(1).max(200),
    paragraphId: z.string().min(1).max(200),
    visibility: z.enum(commentVisibilities),
    delegation: z.string().min(1).max(200).nullable(),
  }),
  z.object({
    kind: z.literal('leaseMoved'),
    docId: z.string().min(1).max(200),
    owner: z.string().min(1).max(200),
    epoch: z.number().int().min(0),
  }),
]);
export type ControlMessage = z.infer<typeof controlMessage>;

/** A message as it travels: who sent it (a node ignores its own) and an id (delivered once per path). */
export const controlEnvelope = z.object({
  id: z.string().min(1).max(100),
  from: z.string().min(1).max(200),
  message: controlMessage,
});
export type ControlEnvelope = z.infer<typeof controlEnvelope>;

/** The envelope in `raw`, or null for anything else (malformed JSON, unknown kinds, oversized). */
export function parseEnvelope(raw: string): ControlEnvelope | null {
  if (raw.length > 8000) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = controlEnvelope.safeParse(json);
  return parsed.success ? parsed.data : null;
}
