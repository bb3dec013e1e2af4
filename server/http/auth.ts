import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../appError.ts';
import { hashToken, userForToken, type User } from '../auth/sessions.ts';
import type { ChangeFeed } from '../db/notifications.ts';
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
 * An entry lives at most `SESSION_CACHE_MS` and never past the session's expiry. A session's end
 * evicts it here at once and, through the change feed (PostgreSQL NOTIFY), in every other server
 * process within milliseconds; the cache lifetime bounds staleness only if the feed is down.
 */
const SESSION_CACHE_MS = 30_000;
const sessionCache = new Map<
  string,
  { user: User; tokenHash: string; expiresAt: number; cachedAt: number }
>();

/**
 * Sessions and users that just ended or changed, with when that stops mattering (real time):
 * a read of the session that started before the change committed must not cache what it found.
 */
const endedTokens = new Map<string, number>();
const changedUsers = new Map<string, number>();
function remember(marks: Map<string, number>, key: string): void {
  const now = Date.now();
  if (marks.size > 1000) for (const [k, until] of marks) if (until <= now) marks.delete(k);
  marks.set(key, now + SESSION_CACHE_MS);
}
const marked = (marks: Map<string, number>, key: string) => (marks.get(key) ?? 0) > Date.now();

/** The other server processes, told of every session end (none until a feed is attached). */
const feeds = new Set<ChangeFeed>();

function forgetSession(tokenHash: string): void {
  remember(endedTokens, tokenHash);
  for (const [token, entry] of sessionCache)
    if (entry.tokenHash === tokenHash) sessionCache.delete(token);
}

function forgetUser(userId: string): void {
  remember(changedUsers, userId);
  for (const [token, entry] of sessionCache)
    if (entry.user.id === userId) sessionCache.delete(token);
}

/** Forget a cached session (on logout), here and in every other server process. */
export function evictSession(token: string): void {
  const tokenHash = hashToken(token);
  forgetSession(tokenHash);
  for (const feed of feeds) feed.publish({ kind: 'session-ended', tokenHash });
}

/**
 * Forget every cached session of a user (password changed or reset, account locked), here and
 * in every other server process.
 */
export function evictUser(userId: string): void {
  forgetUser(userId);
  for (const feed of feeds) feed.publish({ kind: 'user-changed', userId });
}

/** Share session ends with the other server processes through `feed`; returns the detach. */
export function attachSessionFeed(feed: ChangeFeed): () => void {
  feeds.add(feed);
  const unsubscribe = feed.subscribe((change) => {
    if (change.kind === 'session-ended') forgetSession(change.tokenHash);
    else if (change.kind === 'user-changed') forgetUser(change.userId);
    else if (change.kind === 'resync') sessionCache.clear();
  });
  return () => {
    unsubscribe();
    feeds.delete(feed);
  };
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
          const tokenHash = hashToken(token);
          if (!marked(endedTokens, tokenHash) && !marked(changedUsers, found.user.id)) {
            if (sessionCache.size > 10_000) sessionCache.clear();
            sessionCache.set(token, {
              user: found.user,
              tokenHash,
              expiresAt: found.expiresAt,
              cachedAt: now,
            });
          }
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
