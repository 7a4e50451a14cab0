import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Stable error codes of the HTTP API; clients switch on these, never on messages. */
export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invite_invalid'
  | 'rule_violation'
  | 'not_agreed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'bad_import'
  | 'rate_limited'
  | 'internal';

/** The one error type routes throw; `onError` in app.ts maps it to JSON `{ error: { code, message } }`. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(status, { message });
  }
}

export const notFound = (what = 'Not found') => new ApiError(404, 'not_found', what);
export const forbidden = (why = 'You do not have permission to do this') => new ApiError(403, 'forbidden', why);
