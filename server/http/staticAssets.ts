import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';

/** Built files whose names carry a content hash (`/assets/index-DYT_pZtv.js`): never change. */
const HASHED = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/**
 * Cache headers: a hashed file for a year (`immutable`: a new build has new names), everything
 * else (the page, which names the hashed files) checked with the server on every load.
 */
function cacheControl(path: string): string {
  return HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** A static handler whose found files get their cache header (not-found ones go on unchanged). */
function withCache(inner: MiddlewareHandler, fixed?: string): MiddlewareHandler {
  return async (c: Context, next) => {
    const res = await inner(c, next);
    if (res instanceof Response) {
      res.headers.set('Cache-Control', fixed ?? cacheControl(c.req.path));
      return res;
    }
    return res;
  };
}

/**
 * The built designer: its files sent precompressed (`.br`, else `.gz`, as the browser accepts;
 * written by the build) with `Content-Encoding` and `Vary: Accept-Encoding`, long-lived cache
 * headers for hashed files; then the single-page app's index for client-side routes.
 */
export function designerAssets(root: string): {
  files: MiddlewareHandler;
  index: MiddlewareHandler;
} {
  return {
    files: withCache(serveStatic({ root, precompressed: true })),
    index: withCache(serveStatic({ root, path: 'index.html', precompressed: true }), 'no-cache'),
  };
}
