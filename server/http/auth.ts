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

/**
 * Sessions recently read, so that a busy desk does not read the session table on every request.
 * An entry lives at most `SESSION_CACHE_MS` and never past the session's expiry; logging out
 * evicts it here at once (other server processes see it within the cache lifetime).
 */
const SESSION_CACHE_MS = 30_000;
const sessionCache = new Map<string, { user: User; expiresAt: number; cachedAt: number }>();

/** Forget a cached session (on logout). */
export function evictSession(token: string): void {
  sessionCache.delete(token);
}

/** Forget every cached session of a user (password changed or reset, account locked). */
export function evictUser(userId: string): void {
  for (const [token, entry] of sessionCache)
    if (entry.user.id === userId) sessionCache.delete(token);
}

/** Resolve the caller's session (if any) into `c.var.user`. */
export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = tokenOf(c);
    const now = deps.now();
    let user: User | undefined;
    if (token) {
      const cached = sessionCache.get(token);
      if (
        cached &&
        cached.expiresAt > now &&
        now - cached.cachedAt < SESSION_CACHE_MS &&
        cached.cachedAt <= now
      ) {
        user = cached.user;
      } else {
        sessionCache.delete(token);
        const found = await userForToken(deps.db, token, now);
        if (found) {
          if (sessionCache.size > 10_000) sessionCache.clear();
          sessionCache.set(token, { user: found.user, expiresAt: found.expiresAt, cachedAt: now });
          user = found.user;
        }
      }
    }
    c.set('user', user);
    await next();
  };
}

/** The signed-in user, or a 401. */
export function requireUser(c: Context<AppEnv>): User {
  const user = c.get('user');
  if (!user) throw new AppError('unauthenticated', 'Sign in first (POST /api/auth/login)');
  return user;
}
