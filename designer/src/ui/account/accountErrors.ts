import { ApiError } from '../../api/client.ts';
import { problemFields, type FieldErrors } from '../../api/problemFields.ts';
import { fill, type Lang, type Strings } from '../../i18n/strings.ts';

/**
 * What an account request's failure says, placed where the user will read it: a taken username
 * under the username, the last administrator in the form, validation problems under their
 * fields, anything else (not allowed, gone, no network) in the form.
 */
export function accountErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
  s: Strings,
  lang: Lang,
): FieldErrors<F> {
  const form = (message: string): FieldErrors<F> => ({ fields: {}, form: [message] });
  if (!(error instanceof ApiError))
    return form(error instanceof Error ? error.message : String(error));
  if (error.status === 0) return form(fill(s.networkError, { message: error.message }));
  if (error.status === 403) return form(s.usersForbidden);
  if (error.status === 404) return form(s.userNotFound);
  if (error.code === 'username-taken' && (fields as readonly string[]).includes('username'))
    return { fields: { username: s.usernameTaken } as Partial<Record<F, string>>, form: [] };
  if (error.code === 'last-admin') return form(s.lastAdmin);
  if (error.status === 422) return problemFields(error, fields, lang);
  return form(error.message);
}
