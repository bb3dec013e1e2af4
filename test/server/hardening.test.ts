import { createServer } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerParserErrors } from '../../server/http/clientError.ts';
import { startTestRuntime, type TestRuntime } from '../support/runtime.ts';

describe('HTTP hardening', () => {
  let rt: TestRuntime;
  let cookie: string;

  beforeAll(async () => {
    rt = await startTestRuntime('sqlite');
    const res = await rt.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ubnd-xa', password: 'motcua' }),
    });
    cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  });
  afterAll(async () => rt?.dispose());

  it('sends security headers on every answer', async () => {
    for (const path of ['/api/units', '/api/docs', '/api/nope', '/tra-cuu']) {
      const res = await rt.app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
    // The docs page's inline script carries the nonce its policy names.
    const docs = await rt.app.request('/api/docs');
    const nonce = /'nonce-([^']+)'/.exec(docs.headers.get('content-security-policy')!)![1];
    expect(await docs.text()).toContain(`<script nonce="${nonce}">`);
  });

  it('refuses cookie-authenticated unsafe requests from another site, body-less ones included', async () => {
    const attempts = [
      { path: '/api/notices/seen', body: undefined },
      { path: '/api/auth/logout', body: undefined },
      {
        path: '/api/auth/password',
        body: JSON.stringify({ currentPassword: 'motcua', newPassword: 'x' }),
      },
    ];
    for (const { path, body } of attempts)
      for (const headers of [
        { 'sec-fetch-site': 'cross-site' } as Record<string, string>,
        { 'sec-fetch-site': 'same-site' },
        { origin: 'https://evil.example' },
        { origin: 'null' },
      ]) {
        const res = await rt.app.request(path, {
          method: 'POST',
          headers: { cookie, host: 'motcua.local', 'content-type': 'application/json', ...headers },
          ...(body ? { body } : {}),
        });
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
        expect((await res.json()).error.details.reason).toBe('cross-site');
      }
    // Still signed in: none of them went through.
    const me = await rt.app.request('/api/auth/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    // Our own pages, and bearer-token clients, pass.
    const own = await rt.app.request('/api/notices/seen', {
      method: 'POST',
      headers: { cookie, host: 'motcua.local', 'sec-fetch-site': 'same-origin' },
    });
    expect(own.status).toBe(200);
    const sameHost = await rt.app.request('/api/notices/seen', {
      method: 'POST',
      headers: { cookie, host: 'motcua.local', origin: 'http://motcua.local' },
    });
    expect(sameHost.status).toBe(200);
  });

  it('authenticates before validating: a stranger with a malformed body gets 401, not 422', async () => {
    for (const [path, body] of [
      ['/api/dossiers', '{"procedureId": 42'],
      ['/api/dossiers', '{"procedureId": 42}'],
      ['/api/users', '[]'],
      ['/api/dossiers/00000000-0000-4000-8000-000000000000/events', 'nonsense'],
    ] as const) {
      const res = await rt.app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(res.status, path).toBe(401);
      expect((await res.json()).error.code).toBe('unauthenticated');
    }
    // The citizen's lookup, the sign-in and the published procedures stay open; drafts do not.
    expect((await rt.app.request('/api/public/dossiers/X?secret=Y')).status).toBe(404);
    expect((await rt.app.request('/api/procedures')).status).toBe(200);
    expect((await rt.app.request('/api/procedures/dang-ky-khai-sinh')).status).toBe(200);
    expect((await rt.app.request('/api/units')).status).toBe(200);
    expect((await rt.app.request('/api/procedures/dang-ky-khai-sinh?view=edit')).status).toBe(401);
    expect((await rt.app.request('/api/dossiers')).status).toBe(401);
  });

  it("answers requests Node's parser rejects with the JSON error shape", async () => {
    const server = createServer((_req, res) => res.end('ok'));
    answerParserErrors(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const raw = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(text));
        let out = '';
        socket.on('data', (d) => (out += d.toString()));
        socket.on('end', () => resolve(out));
        socket.on('error', reject);
      });
    const bad = await raw('GARBAGE\r\n\r\n');
    expect(bad).toMatch(/^HTTP\/1.1 400/);
    expect(JSON.parse(bad.slice(bad.indexOf('\r\n\r\n') + 4)).error.code).toBe('bad-request');
    const huge = await raw(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1.1 431/);
    expect(JSON.parse(huge.slice(huge.indexOf('\r\n\r\n') + 4)).error.code).toBe(
      'headers-too-large',
    );
    server.close();
  });
});
