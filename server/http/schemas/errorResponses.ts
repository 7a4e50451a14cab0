import { z } from '@hono/zod-openapi';
import { errorCodes } from '../httpError.js';

/** The one error body of the API (app.ts `onError`); clients switch on `code`, never on `message`. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      details: z.unknown().optional().openapi({ description: 'Machine-readable specifics (validation issues, …)' }),
    }),
  })
  .openapi('Error');

const meaning = {
  400: 'The request is invalid (bad_request, signin_invalid, bad_import)',
  401: 'Not signed in (unauthorized)',
  403: 'Not allowed for your role, or a cross-site request with the session cookie (forbidden)',
  404: 'No such resource, or you are not a member of the draft (not_found, invite_invalid)',
  409: 'The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict)',
  413: 'The body is too large (payload_too_large)',
  415: 'The body has the wrong content type (unsupported_media_type)',
  422: 'The file could not be read in time (bad_import)',
  429: 'Too many requests (rate_limited): try again after Retry-After seconds',
  500: 'Unexpected server error (internal)',
  503: 'The draft could not be stored just now; nothing was changed (storage_unavailable)',
} as const;
export type ErrorStatus = keyof typeof meaning;

const retryAfter = {
  'Retry-After': { description: 'Seconds after which trying again makes sense', schema: { type: 'integer' as const } },
};

const errorResponse = <S extends ErrorStatus>(status: S) => ({
  description: meaning[status],
  ...(status === 429 ? { headers: retryAfter } : {}),
  content: { 'application/json': { schema: ErrorBody } },
});

/**
 * The error answers of an operation, each with the shared Error body; 429 (the failed-credential
 * throttle applies to every request that carries one) and 500 are always possible.
 */
export function errorResponses<const S extends ErrorStatus>(...statuses: S[]) {
  const all = [...new Set<ErrorStatus>([...statuses, 429, 500])];
  return Object.fromEntries(all.map((s) => [s, errorResponse(s)])) as Record<
    S | 429 | 500,
    ReturnType<typeof errorResponse>
  >;
}

/**
 * The errors of a route that runs one governance command: refused by a rule (409), and failing
 * whole when the draft cannot be stored (503), beside the body errors the route's input can raise.
 */
export const commandErrors = (...extra: Array<400 | 413 | 415>) => errorResponses(...extra, 401, 403, 404, 409, 503);
