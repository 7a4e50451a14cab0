/** Why a file cannot be imported, in words for the person who sent it; `where` says where in the file. */
export class ImportError extends Error {
  constructor(
    readonly status: 400 | 413 | 422,
    message: string,
    readonly where?: Record<string, unknown>,
  ) {
    super(message);
  }
}
