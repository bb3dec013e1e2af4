/**
 * An expected failure of a request, with a stable code the HTTP layer maps to a status in one
 * place (`http/errorHandler.ts`), a message, and details (field paths, accepted events, …).
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Every code an `AppError` may carry. */
export type AppErrorCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'validation'
  | 'form-invalid'
  | 'version-conflict'
  | 'file-changed'
  | 'username-taken'
  | 'last-admin'
  | 'idempotency-key-reused'
  | 'rate-limited'
  | 'payload-too-large'
  | 'bad-request'
  | 'busy'
  | 'conflict';
