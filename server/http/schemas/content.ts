import type { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';

/** A JSON response of an operation. */
export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A JSON request body, validated by @hono/zod-openapi before the handler runs. */
export const jsonRequest = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/**
 * An optional JSON request body, validated by the handler (validate.ts `optionalJsonBody`),
 * because @hono/zod-openapi hands an absent optional body over as `{}` without applying the
 * schema's defaults. The schema is registered as a named component and the body refers to it:
 * documented from the same zod schema, and left alone by the library's validators.
 */
export function optionalJsonRequest(app: OpenAPIHono<AppEnv>, name: string, schema: z.ZodType) {
  app.openAPIRegistry.register(name, schema);
  return { required: false, content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } };
}
