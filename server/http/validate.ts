import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from './httpError.js';

/** Parses and validates a JSON body; a bad body is a 400 with every problem listed. */
export async function jsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ApiError(400, 'bad_request', 'The request body must be JSON.');
  }
  return parse(schema, raw);
}

export function parse<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
    throw new ApiError(400, 'bad_request', `Invalid request: ${problems.join('; ')}`, result.error.issues);
  }
  return result.data;
}
