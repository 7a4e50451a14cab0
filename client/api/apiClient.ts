import createClient from 'openapi-fetch';
import { i18n } from '../i18n/i18n';
import { localizedMessage } from '../i18n/localizedMessage';
import type { components, paths } from './schema';

/** The error codes the server documents (the Error schema), and the two the client adds. */
export type ApiErrorCode = components['schemas']['Error']['error']['code'] | 'network' | `http_${number}`;

/** An error answer of the Accord API: always `{ error: { code, message, details? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/**
 * The typed client of the Accord API (client/api/schema.d.ts is generated from the server's
 * OpenAPI document: `npm run api:types`). Same-origin: the HttpOnly session cookie travels by
 * itself and the browser's Origin header satisfies the server's CSRF check; bodies go as JSON.
 */
// Answers are read as JSON: where an operation also offers another type (JSON Lines, HTML), ask with parseAs.
export const api = createClient<paths, 'application/json'>({ credentials: 'same-origin' });

/**
 * The data of a successful answer; otherwise an ApiError with the server's code and message
 * (status 0, `network`, when the server could not be reached).
 */
export async function dataOf<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let answer: { data?: T; error?: unknown; response: Response };
  try {
    answer = await call;
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network', { lng: 'en' }));
  }
  if (answer.error !== undefined || answer.data === undefined || !answer.response.ok) {
    throw errorFrom(answer.response, answer.error);
  }
  return answer.data;
}

/** Throws ApiError for a non-2xx response (file downloads, read as blobs), with the server's message. */
export async function ensureOk(res: Response): Promise<Response> {
  if (res.ok) return res;
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy's error page): fall back to the status text below.
  }
  throw errorFrom(res, body);
}

/** The ApiError for an error answer: the documented body when there is one, else the HTTP status. */
function errorFrom(res: Response, body: unknown): ApiError {
  const error = isErrorBody(body) ? body.error : null;
  return new ApiError(
    res.status,
    error?.code ?? `http_${res.status}`,
    error?.message ?? `The server answered ${res.status} ${res.statusText}.`,
    error?.details,
  );
}

function isErrorBody(body: unknown): body is components['schemas']['Error'] {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const { error } = body;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

/**
 * The message to show for any error thrown by an API call, in the interface language: by the
 * rule that refused it (`details.rule`), else by its code, else the server's English sentence.
 */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    const rule = (err.details as { rule?: unknown } | undefined)?.rule;
    const keys = typeof rule === 'string' ? [`rules.${rule}`, `errors.${err.code}`] : [`errors.${err.code}`];
    if (err.code.startsWith('http_')) return localizedMessage(['errors.http'], err.message, { status: err.status });
    return localizedMessage(keys, err.message);
  }
  if (err instanceof Error) return err.message;
  return i18n.t('errors.generic');
}
