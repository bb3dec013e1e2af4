import type { MiddlewareHandler } from 'hono';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import { AppError } from '../appError.ts';
import type { AppEnv } from './context.ts';

/**
 * Security headers on every answer: a Content-Security-Policy that fits the app (its own scripts,
 * eval for Ajv's compiled schemas, workers from blob: for the layout engine, inline styles the canvas and charts set, images from
 * data: and blob:), no framing, no sniffing, no referrer to other sites. The API docs page's one
 * inline script runs with the request's nonce.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      // Ajv compiles the JSON Schemas of the e-forms and of the procedure format to functions in
      // the page and its validation worker: eval stays allowed, inline scripts do not.
      scriptSrc: ["'self'", "'unsafe-eval'", NONCE],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
}

const UNSAFE = /^(POST|PUT|PATCH|DELETE)$/;

/**
 * Refuse cross-site requests riding on the session cookie (CSRF), body-less ones included
 * (`/api/auth/logout`, `/api/notices/seen`): an unsafe request that carries the cookie and no
 * bearer token must come from our own pages — `Sec-Fetch-Site: same-origin` (or `none`, typed by
 * the user), else an `Origin` of this host. Clients that send neither header (curl, scripts) are
 * not browsers and cannot be ridden.
 */
export function csrfGuard(cookieName: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!UNSAFE.test(c.req.method)) return next();
    if (c.req.header('authorization')?.toLowerCase().startsWith('bearer ')) return next();
    if (!(c.req.header('cookie') ?? '').includes(`${cookieName}=`)) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    let ok = true;
    if (site !== undefined) ok = site === 'same-origin' || site === 'none';
    else if (origin !== undefined) {
      try {
        ok = origin !== 'null' && new URL(origin).host === (c.req.header('host') ?? '');
      } catch {
        ok = false;
      }
    }
    if (!ok)
      throw new AppError('forbidden', 'Cross-site request refused', { reason: 'cross-site' });
    return next();
  };
}

/** API paths anyone may call without signing in. */
const PUBLIC_API = [
  /^\/api\/auth\/(login|logout)$/,
  /^\/api\/public(\/|$)/,
  /^\/api\/verify(\/|$)/,
  /^\/api\/(openapi\.json|docs)$/,
];

/**
 * What anyone may read without signing in: the published procedures (thủ tục hành chính are
 * public: the catalog, their documents, fees and legal time), the unit catalog and the calendar.
 * Drafts (`view=edit`) and everything else need a session.
 */
const PUBLIC_READS = [
  /^\/api\/procedures(\/[a-z0-9-]+)?$/,
  /^\/api\/units$/,
  /^\/api\/calendar\/[^/]+$/,
];

/**
 * Authenticate before validating: an anonymous call to a signed-in route is a 401 whatever its
 * body (a malformed body is not worth telling a stranger about).
 */
export function requireSignInFirst(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('user') || PUBLIC_API.some((p) => p.test(c.req.path))) return next();
    if (
      (c.req.method === 'GET' || c.req.method === 'HEAD') &&
      c.req.query('view') !== 'edit' &&
      PUBLIC_READS.some((p) => p.test(c.req.path))
    )
      return next();
    throw new AppError('unauthenticated', 'Sign in first (POST /api/auth/login)');
  };
}
