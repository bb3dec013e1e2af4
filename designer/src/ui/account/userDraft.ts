import type { NewUserRequest, UserAccount, UserPatch } from '../../api/users.ts';
import type { Strings } from '../../i18n/strings.ts';
import { passwordLengthProblem } from './passwordChecks.ts';

/** The fields of the user form, named as the API names them (`/unitId`). */
export type UserField = 'username' | 'displayName' | 'unitId' | 'roles' | 'isAdmin' | 'password';

/** Every field of the user form, for placing the server's problems. */
export const USER_FIELDS: readonly UserField[] = [
  'username',
  'displayName',
  'unitId',
  'roles',
  'isAdmin',
  'password',
];

/** What the administrator is typing in the user form. */
export interface UserDraft {
  readonly username: string;
  readonly displayName: string;
  readonly unitId: string;
  readonly roles: readonly string[];
  readonly isAdmin: boolean;
  /** The initial password, or (editing) a new one; empty keeps the current one. */
  readonly password: string;
}

/** Lowercase letters, digits, `.`, `_`, `-`; 3–50 characters; a letter or digit first. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,49}$/;

/** The form's starting values: empty for a new account, the account's own when editing. */
export function draftOf(user: UserAccount | undefined): UserDraft {
  return {
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    unitId: user?.unitId ?? '',
    roles: user?.roles ?? [],
    isAdmin: user?.isAdmin ?? false,
    password: '',
  };
}

/**
 * The user form checked as the server checks it (tên đăng nhập, họ tên, đơn vị, mật khẩu); a
 * password is required only for a new account — when editing, an empty one is kept as it is.
 */
export function userDraftProblems(
  draft: UserDraft,
  isNew: boolean,
  s: Strings,
): Partial<Record<UserField, string>> {
  const out: Partial<Record<UserField, string>> = {};
  const username = draft.username.trim();
  if (isNew && !username) out.username = s.usernameRequired;
  else if (isNew && !USERNAME_PATTERN.test(username)) out.username = s.usernameInvalid;
  if (!draft.displayName.trim()) out.displayName = s.displayNameRequired;
  if (!draft.unitId) out.unitId = s.unitRequired;
  if (isNew && !draft.password) out.password = s.passwordRequired;
  else if (draft.password) {
    const tooShort = passwordLengthProblem(draft.password, s);
    if (tooShort) out.password = tooShort;
  }
  return out;
}

/** The body creating the account of a draft. */
export function newUserRequest(draft: UserDraft): NewUserRequest {
  return {
    username: draft.username.trim(),
    displayName: draft.displayName.trim(),
    unitId: draft.unitId,
    roles: [...draft.roles],
    isAdmin: draft.isAdmin,
    password: draft.password,
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * Only what the administrator changed: a field left alone is not sent, so that editing a name
 * never rewrites roles or resets anything by accident.
 */
export function userPatch(user: UserAccount, draft: UserDraft): UserPatch {
  const displayName = draft.displayName.trim();
  return {
    ...(displayName !== user.displayName ? { displayName } : {}),
    ...(draft.unitId !== user.unitId ? { unitId: draft.unitId } : {}),
    ...(!sameSet(draft.roles, user.roles) ? { roles: [...draft.roles] } : {}),
    ...(draft.isAdmin !== user.isAdmin ? { isAdmin: draft.isAdmin } : {}),
    ...(draft.password ? { password: draft.password } : {}),
  };
}
