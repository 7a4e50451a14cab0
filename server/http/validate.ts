import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './context.js';
import { ApiError } from './httpError.js';

/** A request that does not match its operation's schema: 400 with every problem listed. */
export function invalidRequest(issues: readonly z.core.$ZodIssue[]): ApiError {
  const problems = issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
  return new ApiError(400, 'bad_request', `Invalid request: ${problems.join('; ')}`, issues);
}

/**
 * A router whose operations are validated against their OpenAPI definitions; a failed
 * validation becomes the API's one error shape (thrown, so app.ts `onError` answers it).
 */
export function apiRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw invalidRequest(result.error.issues);
    },
  });
}

/**
 * Route middleware for an operation that takes a body of one media type only, run before
 * the body is read. JSON is accepted only as exactly `application/json`: a cross-site form
 * or `text/plain` request cannot carry a command (browsers preflight real JSON), and a
 * missing body is refused as the wrong type, not read as `{}`.
 */
export function requireMediaType(
  type: 'application/json' | 'multipart/form-data',
  hint: string,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (given !== type) throw new ApiError(415, 'unsupported_media_type', hint);
    await next();
  };
}

export const requireJson = requireMediaType(
  'application/json',
  'Send the body as JSON with Content-Type: application/json.',
);

/**
 * The body of a command whose JSON body is optional: no body at all is `{}`. Validated here,
 * not by @hono/zod-openapi, which hands an absent optional body to the handler as a bare `{}`
 * without applying the schema's defaults; the document still shows the schema (see
 * `optionalJsonRequest`). Any body that is there must be `application/json`.
 */
export async function optionalJsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  const text = await c.req.text();
  if (text.trim() === '') return parse(schema, {});
  const given = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (given !== 'application/json') {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'bad_request', 'The request body must be JSON.');
  }
  return parse(schema, raw);
}

function parse<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const result = schema.safeParse(raw);
  if (!result.success) throw invalidRequest(result.error.issues);
  return result.data;
}
