import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../appError.ts';
import { userForToken, type User } from '../auth/sessions.ts';
import type { AppDeps, AppEnv } from './context.ts';

/** Name of the session cookie the browser app uses. */
export const SESSION_COOKIE = 'motcua_session';

/** The session token of a request: `Authorization: Bearer …` or the session cookie. */
export function tokenOf(c: Context): string | undefined {
  const header = c.req.header('authorization');
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim();
  return getCookie(c, SESSION_COOKIE);
}

/** Resolve the caller's session (if any) into `c.var.user`. */
export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = tokenOf(c);
    c.set('user', token ? await userForToken(deps.db, token, deps.now()) : undefined);
    await next();
  };
}

/** The signed-in user, or a 401. */
export function requireUser(c: Context<AppEnv>): User {
  const user = c.get('user');
  if (!user) throw new AppError('unauthenticated', 'Sign in first (POST /api/auth/login)');
  return user;
}
