import type { z } from '@hono/zod-openapi';
import type { Procedure } from '../../../engine/index.ts';
import type {
  CalendarYear as CalendarYearAnswer,
  LoadedProcedure as LoadedProcedureAnswer,
  ProcedurePage as ProcedurePageSchema,
  SavedProcedure,
  UnitCatalogAnswer,
} from '../../../server/http/routes/procedures.ts';
import type { DraftInfoAnswer } from '../../../server/http/routes/publication.ts';
import type { UserSchema } from '../../../server/http/schemas.ts';

/** The signed-in user, as `/api/auth/me` describes it (the server's schema, type-only). */
export type User = z.infer<typeof UserSchema>;

type ProcedurePageAnswer = z.infer<typeof ProcedurePageSchema>;

/** Whether a user may save procedures (the server checks it again). */
export function canDesign(user: User | undefined): boolean {
  return !!user && (user.isAdmin || user.roles.includes('designer'));
}

/** A row of the procedure library (the server's schema, type-only). */
export type ProcedureSummary = ProcedurePageAnswer['items'][number];

/** Where the draft of a procedure stands (the server's schema, type-only). */
export type DraftInfo = DraftInfoAnswer;

/** A search of the procedure library, answered by the server one page at a time. */
export interface ProcedureQuery {
  /** Words of the name, code, field or id; accents and case do not matter. */
  readonly q?: string;
  readonly level?: string;
  readonly field?: string;
  /** Only the procedures received at this unit's desk. */
  readonly unit?: string;
  /** Only the procedures without errors. */
  readonly valid?: boolean;
  readonly offset?: number;
  readonly limit?: number;
  /** Also every id of the library (a new procedure must take another). */
  readonly ids?: boolean;
}

/** One page of the library: `total` counts every match, `fields` the fields of the library. */
export type ProcedurePage = ProcedurePageAnswer;

/** The query string of a library search (empty parts left out). */
export function procedureQueryString(query: ProcedureQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [string, unknown][]) {
    if (value === undefined || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * A procedure as read for editing (the server's schema, type-only); the definition, which the
 * server declares loosely, is the engine's `Procedure`.
 */
export type LoadedProcedure = Omit<z.infer<typeof LoadedProcedureAnswer>, 'procedure'> & {
  readonly procedure: Procedure;
};

/** The server's answer to a save. */
export type SaveResult = z.infer<typeof SavedProcedure>;

/** The unit catalog as `/api/units` answers it. */
export type UnitCatalogResult = z.infer<typeof UnitCatalogAnswer>;

/** The special days of a year as `/api/calendar/{year}` answers them. */
export type CalendarYear = z.infer<typeof CalendarYearAnswer>;

/** An error answer of the API (`{ error: { code, message, details } }`), or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * The message of an API error in the user's language: the engine and the server put a
 * `{ vi, en }` message in `details.message` (a guard that failed, a reason required…); the
 * English `message` otherwise.
 */
export function apiErrorText(err: unknown, lang: 'vi' | 'en'): string {
  if (!(err instanceof Error)) return String(err);
  const details = err instanceof ApiError ? err.details : undefined;
  const localized =
    details && typeof details === 'object'
      ? (details as { message?: { vi?: unknown; en?: unknown } }).message
      : undefined;
  const text = localized?.[lang] ?? localized?.vi;
  return typeof text === 'string' && text !== '' ? text : err.message;
}

/** The window event fired when the API says the session is no longer valid. */
export const SESSION_ENDED = 'motcua:session-ended';

/** One JSON request to the API; an error answer becomes an `ApiError`. */
export async function call<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    // A session that ended (expired, signed out elsewhere) sends the app back to the sign-in.
    if (response.status === 401 && path !== '/api/auth/login')
      dispatchEvent(new Event(SESSION_ENDED));
    const err = (parsed as { error?: { code?: string; message?: string; details?: unknown } })
      ?.error;
    throw new ApiError(
      response.status,
      err?.code ?? `http-${response.status}`,
      err?.message ?? response.statusText,
      err?.details,
    );
  }
  return parsed as T;
}

/** The designer's view of the server API. */
export const api = {
  login: (username: string, password: string) =>
    call<{ user: User }>('POST', '/api/auth/login', { username, password }).then((r) => r.user),
  logout: () => call<unknown>('POST', '/api/auth/logout', {}),
  me: () => call<User>('GET', '/api/auth/me'),
  procedures: () =>
    call<{ items: ProcedureSummary[] }>('GET', '/api/procedures').then((r) => r.items),
  /** The published procedures and the drafts of procedures never published (the library). */
  library: () =>
    call<{ items: ProcedureSummary[]; drafts: ProcedureSummary[] }>('GET', '/api/procedures'),
  /** One page of a library search (server-side search and paging). */
  procedurePage: (query: ProcedureQuery) =>
    call<ProcedurePage>('GET', `/api/procedures${procedureQueryString(query)}`),
  /** The version in effect now; `edit`: the working copy (the draft, else the latest published). */
  procedure: (id: string, view?: 'edit') =>
    call<LoadedProcedure>(
      'GET',
      `/api/procedures/${encodeURIComponent(id)}${view ? `?view=${view}` : ''}`,
    ),
  /** Save; `etag` is the one read (null only for a procedure that does not exist yet). */
  save: (id: string, procedure: Procedure, layout: unknown, etag: string | null) =>
    call<SaveResult>(
      'PUT',
      `/api/procedures/${encodeURIComponent(id)}`,
      { procedure, layout },
      etag === null ? {} : { 'if-match': `"${etag}"` },
    ),
  units: () => call<UnitCatalogResult>('GET', '/api/units'),
  calendar: (year: number) => call<CalendarYear>('GET', `/api/calendar/${year}`),
};
