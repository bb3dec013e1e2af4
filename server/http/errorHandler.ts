import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { EngineError } from '../../engine/index.ts';
import { AppError, type AppErrorCode } from '../appError.ts';

const APP_STATUS: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  validation: 422,
  'form-invalid': 422,
  'version-conflict': 409,
  'file-changed': 409,
  'username-taken': 409,
  'last-admin': 409,
  'idempotency-key-reused': 422,
  'rate-limited': 429,
  'payload-too-large': 413,
  'bad-request': 400,
  busy: 503,
  conflict: 409,
};

/** Engine codes that mean "not now" (409) or "bad value" (422); anything else is a bug (500). */
const ENGINE_STATUS: Record<string, number> = {
  'event-not-accepted': 409,
  'guard-rejected': 409,
  'dossier-finished': 409,
  'clock-not-running': 409,
  'invalid-appointment': 422,
  'event-data-invalid': 422,
  'reason-required': 422,
};

/** The JSON error body every failure answers with. */
export function errorBody(
  code: string,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
) {
  return { error: { code, message, details } };
}

/** Map any error to an HTTP answer — the one place where errors become responses. */
export function toResponse(error: unknown): { status: number; body: ReturnType<typeof errorBody> } {
  if (error instanceof AppError)
    return {
      status: APP_STATUS[error.code],
      body: errorBody(error.code, error.message, error.details),
    };
  if (error instanceof EngineError && ENGINE_STATUS[error.code]) {
    return {
      status: ENGINE_STATUS[error.code]!,
      body: errorBody(error.code, error.message, error.details),
    };
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    const code =
      status === 413
        ? 'payload-too-large'
        : status === 415
          ? 'unsupported-media-type'
          : status === 401
            ? 'unauthenticated'
            : 'bad-request';
    const message =
      status === 400 && /JSON/i.test(error.message)
        ? 'Malformed JSON in the request body'
        : error.message || 'Bad request';
    return { status, body: errorBody(code, message) };
  }
  return { status: 500, body: errorBody('internal', 'Internal server error') };
}

/** Hono's `onError`: log the unexpected, answer with the error body. */
export function onError(error: Error, c: Context) {
  const { status, body } = toResponse(error);
  const retry = body.error.details.retryAfterSeconds;
  if (status === 429 && typeof retry === 'number') c.header('Retry-After', String(retry));
  if (status >= 500) console.error(error);
  return c.json(body, status as 400);
}
