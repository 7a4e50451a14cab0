/** An error answer of the Accord API: always `{ error: { code, message, details? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

/** Throws ApiError for a non-2xx response, with the server's message when it sent one. */
export async function ensureOk(res: Response): Promise<Response> {
  if (res.ok) return res;
  let body: ErrorBody = {};
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    // Not JSON (a proxy's error page): fall back to the status text below.
  }
  const code = typeof body.error?.code === 'string' ? body.error.code : `http_${res.status}`;
  const message =
    typeof body.error?.message === 'string'
      ? body.error.message
      : `The server answered ${res.status} ${res.statusText}.`;
  throw new ApiError(res.status, code, message, body.error?.details);
}

/**
 * JSON request to our own origin. The session cookie is HttpOnly and travels by itself,
 * so there is no token handling here.
 */
export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection and try again.');
  }
  await ensureOk(res);
  return (await res.json()) as T;
}

/** The message to show for any error thrown by an API call. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}
