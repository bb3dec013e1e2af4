import { localized, type Lang } from '../i18n/strings.ts';
import { ApiError } from './client.ts';

/** Messages of a form: under each field, and for the form as a whole. */
export interface FieldErrors<F extends string> {
  readonly fields: Partial<Record<F, string>>;
  readonly form: readonly string[];
}

/** A problem of a 422 answer: `path` points into the JSON body (`/roles/0`). */
interface WireProblem {
  readonly path?: unknown;
  readonly message?: unknown;
}

/** The message of a problem: a string, or Vietnamese and English (the engine's problems). */
function problemMessage(message: unknown, lang: Lang): string {
  if (typeof message === 'string') return message;
  if (message && typeof message === 'object' && 'vi' in message)
    return localized(message as { vi: string; en?: string }, lang);
  return '';
}

/**
 * The problems of a validation answer (422, `details.problems[]`) placed under the fields they
 * name: `/unitId` → `unitId`, `/roles/0` → `roles`. A problem naming no field of the
 * form, or an answer without problems, goes to the form as a whole.
 */
export function problemFields<F extends string>(
  error: ApiError,
  fields: readonly F[],
  lang: Lang,
): FieldErrors<F> {
  const details = error.details as { problems?: unknown } | undefined;
  const problems: readonly WireProblem[] = Array.isArray(details?.problems)
    ? (details.problems as WireProblem[])
    : [];
  const out: Partial<Record<F, string>> = {};
  const form: string[] = [];
  for (const p of problems) {
    const message = problemMessage(p.message, lang) || error.message;
    const m = typeof p.path === 'string' ? /^\/([^/]+)/.exec(p.path) : null;
    const field = m && (fields as readonly string[]).includes(m[1]!) ? (m[1] as F) : undefined;
    if (!field) form.push(message);
    // Several problems of one field read as one sentence after another.
    else out[field] = out[field] ? `${out[field]} ${message}` : message;
  }
  if (problems.length === 0) form.push(error.message);
  return { fields: out, form };
}
