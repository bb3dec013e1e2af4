import type { Strings } from '../../i18n/strings.ts';
import { fill } from '../../i18n/strings.ts';

/** The shortest password the server accepts. */
export const MIN_PASSWORD_LENGTH = 8;

/** The fields of the change-password form (the first two as the API names them). */
export type PasswordField = 'currentPassword' | 'newPassword' | 'repeatPassword';

/** What the user typed in the change-password form (đổi mật khẩu). */
export type PasswordChange = Readonly<Record<PasswordField, string>>;

/** Why a new password is refused before it is sent (too short), if it is. */
export function passwordLengthProblem(password: string, s: Strings): string | undefined {
  return password.length < MIN_PASSWORD_LENGTH
    ? fill(s.passwordTooShort, { n: MIN_PASSWORD_LENGTH })
    : undefined;
}

/**
 * The change-password form checked as the server checks it, so that the officer reads each
 * message beside its field before anything is sent: the current password given, the new one
 * long enough, not the username nor the current one, and typed the same twice.
 */
export function passwordChangeProblems(
  form: PasswordChange,
  username: string,
  s: Strings,
): Partial<Record<PasswordField, string>> {
  const out: Partial<Record<PasswordField, string>> = {};
  if (!form.currentPassword) out.currentPassword = s.currentPasswordRequired;
  const tooShort = passwordLengthProblem(form.newPassword, s);
  if (tooShort) out.newPassword = tooShort;
  else if (form.newPassword === username) out.newPassword = s.passwordSameAsUsername;
  else if (form.currentPassword && form.newPassword === form.currentPassword)
    out.newPassword = s.passwordSameAsCurrent;
  if (form.repeatPassword !== form.newPassword) out.repeatPassword = s.passwordsDiffer;
  return out;
}
