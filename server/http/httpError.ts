import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { RateLimited } from '../auth/limits.js';
import { RoomUnavailableError } from '../collab/room.js';
import { RoomOwnedElsewhere } from '../collab/roomOwnership.js';

/** Stable error codes of the HTTP API; clients switch on these, never on messages. */
export const errorCodes = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'invite_invalid',
  'signin_invalid',
  'rule_violation',
  'text_changed',
  'not_agreed',
  'target_gone',
  'target_changed',
  'payload_too_large',
  'unsupported_media_type',
  'bad_import',
  'rate_limited',
  'storage_unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** The one error type routes throw; `onError` in app.ts maps it to JSON `{ error: { code, message } }`. */
export class ApiError extends HTTPException {
  /** For 429 and 503: seconds after which trying again makes sense (the Retry-After header). */
  retryAfterSeconds: number | null = null;

  constructor(
    status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(status, { message });
  }
}

/** 429 with Retry-After, for every limit. */
export function rateLimited(
  retryAfterMs: number,
  message = 'Too many requests; wait a moment and try again.',
): ApiError {
  const err = new ApiError(429, 'rate_limited', message);
  err.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return err;
}

/**
 * The one mapping from domain errors to HTTP answers (app.ts `onError`): ApiError as
 * it is; a room that could not store its state is 503, with nothing recorded; the
 * request validators of @hono/zod-openapi (a body that is not JSON or not form data,
 * a media type the operation does not declare) as the same codes our own checks use.
 */
export function toApiError(err: unknown): ApiError | null {
  if (err instanceof ApiError) return err;
  if (err instanceof HTTPException && err.status === 415) {
    return new ApiError(415, 'unsupported_media_type', 'Send the body with the content type this operation takes.');
  }
  if (err instanceof HTTPException && err.status === 400) {
    const json = err.message.includes('JSON');
    return new ApiError(
      400,
      'bad_request',
      json ? 'The request body must be JSON.' : 'The request body is not valid multipart/form-data.',
    );
  }
  if (err instanceof RateLimited) return rateLimited(err.retryAfterMs);
  if (err instanceof RoomOwnedElsewhere) {
    // Same code as a storage failure for clients (retry later); the reason tells operators apart.
    return new ApiError(
      503,
      'storage_unavailable',
      'Another server serves this draft just now, so nothing was changed. Try again in a moment.',
      { reason: 'served_elsewhere' },
    );
  }
  if (err instanceof RoomUnavailableError) {
    return new ApiError(
      503,
      'storage_unavailable',
      'The draft could not be stored just now, so nothing was changed. Try again in a moment.',
    );
  }
  return null;
}

export const notFound = (what = 'Not found') => new ApiError(404, 'not_found', what);
export const forbidden = (why = 'You do not have permission to do this') => new ApiError(403, 'forbidden', why);
