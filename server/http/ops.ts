import { randomUUID } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { pendingMigrations } from '../db/migrate.ts';
import type { Logger } from 'pino';
import { log as processLog } from '../log.ts';
import { createMetrics, type MetricSources } from '../metrics.ts';
import { clientAddress } from './clientInfo.ts';
import type { AppDeps, AppEnv } from './context.ts';
import { errorBody } from './errorHandler.ts';

/** What the operations routes read beyond the app's dependencies. */
export type OpsSources = MetricSources & {
  readonly scheduler?: { readonly started: boolean };
  /** Where request lines go (default: the process's log, server/log.ts). */
  readonly logger?: Logger;
};

/** A request id from the client (a proxy's) is kept when it is short and plain. */
const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** Loopback addresses, as Node reports them (IPv4, IPv6, IPv4-mapped IPv6). */
function isLoopback(address: string): boolean {
  // 'local': no socket at all, an in-process `app.request()`.
  return (
    address === 'local' ||
    address === '::1' ||
    address.startsWith('127.') ||
    address.startsWith('::ffff:127.')
  );
}

/** Whether a token given by the client equals the configured one, in constant time. */
function sameToken(given: string, expected: string): boolean {
  if (given.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < given.length; i++) diff |= given.charCodeAt(i) ^ expected.charCodeAt(i);
  return diff === 0;
}

/**
 * Operations: a request id, one JSON log line and one metric sample per request (route pattern,
 * status, duration, user id — never a body or a query string, which may hold the receipt
 * secret), and the routes for the operator:
 * - `GET /healthz`: the process answers (liveness);
 * - `GET /readyz`: the database answers, every migration is applied and the timer scheduler
 *   runs (readiness; 503 with the failing checks otherwise);
 * - `GET /metrics`: Prometheus text; with `METRICS_TOKEN` set it needs
 *   `Authorization: Bearer <token>`, without it only loopback clients get it.
 * Register first, before the other middleware, so every answer is logged and measured.
 */
export function registerOps(
  app: OpenAPIHono<AppEnv>,
  deps: AppDeps,
  sources: OpsSources = {},
): void {
  const metrics = createMetrics(deps, sources);
  const log = sources.logger ?? processLog;
  app.use('*', async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    c.header('X-Request-Id', id);
    try {
      await next();
    } finally {
      const seconds = (performance.now() - started) / 1000;
      const route = c.req.routePath || '*';
      const status = c.res.status;
      metrics.observeRequest(c.req.method, route, status, seconds);
      const entry = {
        reqId: id,
        userId: c.get('user')?.id,
        method: c.req.method,
        route,
        path: c.req.path,
        status,
        ms: Math.round(seconds * 10_000) / 10,
      };
      if (status >= 500) log.error(entry, 'request failed');
      else if (route !== '/healthz' && route !== '/readyz' && route !== '/metrics')
        log.info(entry, 'request');
      else log.debug(entry, 'request');
    }
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  app.get('/readyz', async (c) => {
    const checks: Record<string, string> = {};
    try {
      await sql`select 1`.execute(deps.db);
      checks.database = 'ok';
      const pending = await pendingMigrations(deps.db);
      checks.migrations = pending.length === 0 ? 'ok' : `pending: ${pending.join(', ')}`;
    } catch (error) {
      checks.database = `unreachable: ${(error as Error).message}`;
      checks.migrations = 'unknown';
    }
    checks.scheduler =
      deps.config.schedulerIntervalMs === 0
        ? 'disabled'
        : sources.scheduler?.started
          ? 'ok'
          : 'stopped';
    const ready = Object.values(checks).every((v) => v === 'ok' || v === 'disabled');
    return c.json({ status: ready ? 'ready' : 'not-ready', checks }, ready ? 200 : 503);
  });

  app.get('/metrics', async (c) => {
    const token = deps.config.metricsToken;
    const allowed = token
      ? sameToken(c.req.header('authorization')?.replace(/^Bearer\s+/i, '') ?? '', token)
      : isLoopback(clientAddress(c, deps.config.trustProxy));
    if (!allowed) {
      return c.json(
        errorBody(
          'forbidden',
          token
            ? 'Metrics need Authorization: Bearer <METRICS_TOKEN>'
            : 'Metrics are served to loopback clients only (set METRICS_TOKEN to allow others)',
        ),
        403,
      );
    }
    return c.body(await metrics.registry.metrics(), 200, {
      'content-type': metrics.registry.contentType,
    });
  });
}
