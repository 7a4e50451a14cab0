import { z } from '@hono/zod-openapi';

/** Who did something, as governance records carry them (shared/model/governance.ts). */
export const ActorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    affiliation: z.string(),
    delegation: z.string().optional().openapi({ description: "The delegation's short code" }),
  })
  .openapi('Actor');
