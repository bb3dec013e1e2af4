import type { Account, NewUser, UserChange } from '../../../server/auth/users.ts';
import { call } from './client.ts';

// The request and answer shapes are the server's own (type-only: nothing of the server is
// bundled), so the two sides cannot drift apart.
/** An officer's account as the administrators manage it (`GET /api/users`). */
export type UserAccount = Account;
/** What an administrator enters to create an account. */
export type NewUserRequest = NewUser;
/** A change to an account: only the fields given change; `password` resets it. */
export type UserPatch = UserChange;

/** The accounts part of the API: one's own password, and the administrators' user list. */
export const userApi = {
  /** Change one's own password; the server signs out the user's other sessions. */
  changePassword: (currentPassword: string, newPassword: string) =>
    call<{ ok: true }>('POST', '/api/auth/password', { currentPassword, newPassword }),
  list: () => call<{ users: UserAccount[] }>('GET', '/api/users').then((r) => r.users),
  create: (body: NewUserRequest) =>
    call<{ user: UserAccount }>('POST', '/api/users', body).then((r) => r.user),
  update: (id: string, patch: UserPatch) =>
    call<{ user: UserAccount }>('PATCH', `/api/users/${encodeURIComponent(id)}`, patch).then(
      (r) => r.user,
    ),
};
