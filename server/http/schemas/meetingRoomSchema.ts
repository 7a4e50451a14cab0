import { z } from '@hono/zod-openapi';
import { ActorSchema } from './actorSchema.js';

/** A raised flag in the speaker queue (shared/model/meetingRoom.ts). */
export const FlagSchema = z
  .object({
    id: z.string(),
    delegation: z.string().openapi({ description: "The delegation's short code: one flag per delegation" }),
    delegationName: z.string(),
    raisedBy: ActorSchema,
    paragraphId: z.string().nullable(),
    at: z.number(),
    seq: z.number().int().openapi({ description: 'Order of arrival in the room' }),
  })
  .openapi('Flag');

export const FloorSchema = z
  .object({ flag: FlagSchema, givenBy: ActorSchema, at: z.number() })
  .openapi('Floor', { description: 'Who has the floor' });

export const ScreenPositionSchema = z
  .object({ paragraphId: z.string(), by: ActorSchema, at: z.number() })
  .openapi('ScreenPosition');

export const ScreenLinkSchema = z
  .object({ id: z.string(), label: z.string(), createdBy: z.string(), createdAt: z.number() })
  .openapi('ScreenLink');
