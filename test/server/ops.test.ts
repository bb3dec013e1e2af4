import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/http/app.ts';
import { REDACTED_PATHS } from '../../server/log.ts';
import { dialectsUnderTest } from '../support/databases.ts';
import { BIRTH_RECEIPT, startTestRuntime, type TestRuntime } from '../support/runtime.ts';

/** One sample of the Prometheus text format: name, labels, value. */
interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** Parse the Prometheus text exposition format (what a scraper reads); throws on a bad line. */
function parsePrometheus(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a Prometheus sample: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return samples;
}

function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  if (found.length === 0) throw new Error(`no sample ${name} ${JSON.stringify(labels)}`);
  return found.reduce((sum, s) => sum + s.value, 0);
}

describe.each(await dialectsUnderTest())('operations routes (%s)', (dialect) => {
  let rt: TestRuntime;
  let token: string;
  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
    token = await rt.login('mot-cua-xa');
  });
  afterAll(() => rt.dispose());

  it('answers /healthz, and /readyz with its checks', async () => {
    expect(await rt.call('GET', '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    const ready = await rt.call('GET', '/readyz');
    expect(ready).toEqual({
      status: 200,
      body: {
        status: 'ready',
        checks: { database: 'ok', migrations: 'ok', scheduler: 'disabled' },
      },
    });
  });

  it('serves Prometheus metrics of requests, writes and timers', async () => {
    const received = await rt.call('POST', '/api/dossiers', { token, body: BIRTH_RECEIPT });
    expect(received.status).toBe(201);
    // The birth registration's step deadline falls due: the timer waits for the scheduler.
    rt.clock.ms += 40 * 24 * 3600_000;
    const before = await rt.app.request('/metrics');
    expect(before.status).toBe(200);
    expect(before.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const a = parsePrometheus(await before.text());
    expect(
      value(a, 'motcua_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/dossiers',
        status: '201',
      }),
    ).toBe(1);
    expect(
      value(a, 'motcua_http_request_duration_seconds_count', {
        route: '/api/auth/login',
        status: '200',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(value(a, 'motcua_durable_writes_total')).toBeGreaterThanOrEqual(1);
    expect(value(a, 'motcua_write_commits_total')).toBeGreaterThanOrEqual(1);
    expect(value(a, 'motcua_group_commit_size_count')).toBeGreaterThanOrEqual(1);
    expect(value(a, 'motcua_timers_due')).toBeGreaterThanOrEqual(1);
    expect(value(a, 'motcua_timers_lag_seconds')).toBeGreaterThan(24 * 3600);
    expect(value(a, 'motcua_timers_fired_total')).toBe(0);
    expect(value(a, 'motcua_process_resident_memory_bytes')).toBeGreaterThan(0);
    if (dialect === 'postgres') expect(value(a, 'motcua_db_pool_connections')).toBeGreaterThan(0);

    await rt.scheduler.tick();
    const b = parsePrometheus(await (await rt.app.request('/metrics')).text());
    expect(value(b, 'motcua_timers_fired_total')).toBeGreaterThanOrEqual(1);
    expect(value(b, 'motcua_timers_due')).toBe(0);
    expect(value(b, 'motcua_timers_lag_seconds')).toBe(0);
  });

  it('labels unknown paths by their pattern, not the path (bounded label values)', async () => {
    // Signed in: a stranger is asked to sign in first (401) before any route is looked up.
    await rt.call('GET', '/api/no-such-thing-123', { token: await rt.login('admin') });
    const text = await (await rt.app.request('/metrics')).text();
    expect(text).not.toContain('no-such-thing-123');
    expect(
      value(parsePrometheus(text), 'motcua_http_request_duration_seconds_count', {
        route: '/api/*',
        status: '404',
      }),
    ).toBe(1);
  });
});

describe('operations routes: access and logs', () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await startTestRuntime('sqlite', {
      env: { TRUST_PROXY: 'true', SCHEDULER_INTERVAL_MS: '1000' },
    });
  });
  afterAll(() => rt.dispose());

  it('serves /metrics to loopback clients only when no token is set', async () => {
    const remote = await rt.call('GET', '/metrics', {
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    expect(remote.status).toBe(403);
    expect(remote.body.error.code).toBe('forbidden');
    const local = await rt.app.request('/metrics', { headers: { 'x-forwarded-for': '127.0.0.1' } });
    expect(local.status).toBe(200);
  });

  it('reports not ready when the scheduler is configured but not running', async () => {
    const r = await rt.call('GET', '/readyz');
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({
      status: 'not-ready',
      checks: { scheduler: 'stopped', database: 'ok' },
    });
  });

  it('needs the bearer token when METRICS_TOKEN is set', async () => {
    const secured = await startTestRuntime('sqlite', {
      env: { METRICS_TOKEN: 'a-long-metrics-token' },
    });
    try {
      expect((await secured.call('GET', '/metrics')).status).toBe(403);
      expect(
        (await secured.call('GET', '/metrics', { token: 'wrong-metrics-token!' })).status,
      ).toBe(403);
      const ok = await secured.app.request('/metrics', {
        headers: { authorization: 'Bearer a-long-metrics-token' },
      });
      expect(ok.status).toBe(200);
    } finally {
      await secured.dispose();
    }
  });

  it('logs one JSON line per request with id, user, route, status and duration, and no secret', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const logger = pino({ level: 'info', redact: REDACTED_PATHS }, sink);
    const app = createApp(rt.deps, { logger });
    const json = { 'content-type': 'application/json' };
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: 'mot-cua-xa', password: 'motcua' }),
    });
    const { token } = (await login.json()) as { token: string };
    const received = await app.request('/api/dossiers', {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${token}`, 'x-request-id': 'quay-1.req-42' },
      body: JSON.stringify(BIRTH_RECEIPT),
    });
    expect(received.status).toBe(201);
    expect(received.headers.get('x-request-id')).toBe('quay-1.req-42');
    const { code, secret } = (await received.json()) as { code: string; secret: string };
    const lookup = await app.request(`/api/public/dossiers/${code}?secret=${secret}`);
    expect(lookup.status).toBe(200);
    expect(lookup.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const reception = entries.find((e) => e.route === '/api/dossiers' && e.method === 'POST');
    expect(reception).toMatchObject({ reqId: 'quay-1.req-42', status: 201, msg: 'request' });
    expect(typeof reception!.userId).toBe('string');
    expect(typeof reception!.ms).toBe('number');
    expect(entries.find((e) => e.route === '/api/public/dossiers/:code')).toMatchObject({
      status: 200,
    });
    const all = lines.join('\n');
    expect(all).not.toContain(secret);
    expect(all).not.toContain(token);
    expect(all).not.toContain('"motcua"');
  });
});
