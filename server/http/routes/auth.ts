import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { AppError } from '../../appError.ts';
import { verifyPassword } from '../../auth/passwords.ts';
import { createSession, deleteSession, userFromRow } from '../../auth/sessions.ts';
import { evictSession, requireUser, SESSION_COOKIE, tokenOf } from '../auth.ts';
import { clientAddress, isHttps } from '../clientInfo.ts';
import {
  ACCOUNT_LOGINS,
  ADDRESS_LOGINS,
  blockedUntil,
  clearFailures,
  recordFailure,
} from '../../auth/throttle.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { errors, Ok, UserSchema } from '../schemas.ts';

const LoginBody = z
  .object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) })
  .openapi('Login');

const SignedIn = z
  .object({
    token: z.string().openapi({ description: 'Bearer token for API clients (shown once)' }),
    expiresAt: z.string().openapi({ format: 'date-time' }),
    user: UserSchema,
  })
  .openapi('SignedIn');

/**
 * How long a password check takes here (a moving average of real ones). A sign-in for an unknown
 * account waits as long instead of hashing: its answer takes the same time (no way to tell which
 * usernames exist), but a flood of made-up usernames from many addresses costs no CPU, so a real
 * officer is not queued behind it (measured in `npm run bench -- login`).
 */
let typicalVerifyMs = 60;

async function timedVerify(password: string, hash: string): Promise<boolean> {
  const t0 = performance.now();
  const ok = await verifyPassword(password, hash);
  typicalVerifyMs = typicalVerifyMs * 0.8 + (performance.now() - t0) * 0.2;
  return ok;
}

async function lookLikeAVerify(): Promise<false> {
  const jitter = 0.9 + Math.random() * 0.2;
  await new Promise((r) => setTimeout(r, typicalVerifyMs * jitter));
  return false;
}

/** The 429 of a blocked sign-in, with when to try again (Retry-After and a Vietnamese message). */
function tooManyLogins(until: number, now: number): AppError {
  const seconds = Math.max(1, Math.ceil((until - now) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new AppError('rate-limited', `Too many failed sign-ins; try again in ${seconds} s`, {
    retryAfterSeconds: seconds,
    message: {
      vi: `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${seconds < 60 ? `${seconds} giây` : `${minutes} phút`}.`,
      en: `Too many failed sign-ins. Try again in ${seconds < 60 ? `${seconds} seconds` : `${minutes} minutes`}.`,
    },
  });
}

/** Sign in and out. */
export function registerAuthRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'signIn',
      path: '/api/auth/login',
      tags: ['Auth'],
      summary: 'Sign in: a session cookie for the browser and a bearer token for API clients',
      request: { body: { content: { 'application/json': { schema: LoginBody } }, required: true } },
      responses: {
        200: { description: 'Signed in', content: { 'application/json': { schema: SignedIn } } },
        ...errors(400, 401, 422),
      },
    }),
    async (c) => {
      const { username, password } = c.req.valid('json');
      const now = deps.now();
      // Failures are counted per account and per address in the database, so every server
      // process refuses alike; a blocked caller is answered before any password hashing, so a
      // flood costs the server next to nothing and a real officer does not queue behind it.
      const accountKey = `login:user:${username.toLowerCase()}`;
      const addressKey = `login:addr:${clientAddress(c, deps.config.trustProxy)}`;
      const until = await blockedUntil(deps.db, [accountKey, addressKey], now);
      if (until > now) throw tooManyLogins(until, now);
      const user = await deps.db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      const ok = user ? await timedVerify(password, user.password_hash) : await lookLikeAVerify();
      if (!user || !ok) {
        await recordFailure(deps.writes, accountKey, ACCOUNT_LOGINS, now);
        await recordFailure(deps.writes, addressKey, ADDRESS_LOGINS, now);
        throw new AppError('unauthenticated', 'Wrong username or password');
      }
      await clearFailures(deps.writes, accountKey);
      // Said only to whoever knows the password: a locked account is not a wrong password.
      if (user.disabled_at !== null) {
        throw new AppError('forbidden', 'This account is locked; ask the administrator', {
          reason: 'account-locked',
        });
      }
      const session = await createSession(
        deps.db,
        user.id,
        deps.now(),
        deps.config.sessionTtlHours,
      );
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        // Over HTTPS the cookie never travels in clear; plain HTTP stays usable on a LAN.
        secure: isHttps(c, deps.config.trustProxy),
        sameSite: 'Lax',
        path: '/',
        maxAge: deps.config.sessionTtlHours * 3600,
      });
      return c.json(
        {
          token: session.token,
          expiresAt: new Date(session.expiresAt).toISOString(),
          user: userFromRow(user),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'signOut',
      path: '/api/auth/logout',
      tags: ['Auth'],
      summary: 'Sign out',
      responses: {
        200: { description: 'Signed out', content: { 'application/json': { schema: Ok } } },
        ...errors(403),
      },
    }),
    async (c) => {
      const token = tokenOf(c);
      if (token) {
        evictSession(token);
        await deleteSession(deps.db, token);
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getCurrentUser',
      path: '/api/auth/me',
      tags: ['Auth'],
      summary: 'Who I am',
      responses: {
        200: {
          description: 'The signed-in user',
          content: { 'application/json': { schema: UserSchema } },
        },
        ...errors(401),
      },
    }),
    (c) => c.json(requireUser(c), 200),
  );
}
