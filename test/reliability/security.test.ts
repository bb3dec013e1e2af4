import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createUser } from '../../server/seed.ts';
import { BIRTH_RECEIPT, startTestRuntime, type TestRuntime } from '../support/runtime.ts';

describe('security', () => {
  let rt: TestRuntime;
  let desk: string;
  let justice: string;
  let dossier: { id: string; code: string; secret: string };

  beforeAll(async () => {
    rt = await startTestRuntime('sqlite');
    desk = await rt.login('mot-cua-xa');
    justice = await rt.login('tu-phap-xa');
    dossier = (await rt.call('POST', '/api/dossiers', { token: desk, body: BIRTH_RECEIPT })).body;
  });
  afterAll(async () => rt?.dispose());

  it('rejects anonymous and wrong-unit callers on every mutating route', async () => {
    const procedure = JSON.parse(
      readFileSync(join(rt.proceduresDir, 'dang-ky-khai-sinh.json'), 'utf8'),
    );
    const routes: [string, string, unknown][] = [
      ['POST', '/api/dossiers', BIRTH_RECEIPT],
      ['POST', `/api/dossiers/${dossier.id}/events`, { type: 'PROPOSE' }],
      ['PUT', '/api/procedures/dang-ky-khai-sinh', { procedure, layout: null }],
    ];
    for (const [method, path, body] of routes) {
      const anonymous = await rt.call(method, path, { body });
      expect(anonymous.status, `${method} ${path}`).toBe(401);
    }
    // The justice officer is not the desk's reception, not the signing step, and not a designer.
    expect(
      (await rt.call('POST', '/api/dossiers', { token: justice, body: BIRTH_RECEIPT })).status,
    ).toBe(403);
    expect(
      (
        await rt.call('POST', `/api/dossiers/${dossier.id}/events`, {
          token: desk,
          body: { type: 'PROPOSE' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await rt.call('PUT', '/api/procedures/dang-ky-khai-sinh', {
          token: desk,
          body: { procedure, layout: null },
        })
      ).status,
    ).toBe(403);
  });

  it('checks the role, not only the unit', async () => {
    await createUser(
      rt.deps.db,
      {
        username: 'van-thu',
        password: 'mat-khau-dai-1',
        displayName: 'Văn thư',
        unitId: 'tu-phap-xa',
        roles: ['clerk'],
      },
      rt.clock.now(),
    );
    const clerk = await rt.login('van-thu', 'mat-khau-dai-1');
    expect(
      (
        await rt.call('POST', `/api/dossiers/${dossier.id}/events`, {
          token: clerk,
          body: { type: 'PROPOSE' },
        })
      ).status,
    ).toBe(403);
  });

  it('expires sessions and ends them on logout', async () => {
    const token = await rt.login('ubnd-xa');
    expect((await rt.call('GET', '/api/auth/me', { token })).status).toBe(200);
    await rt.call('POST', '/api/auth/logout', { token });
    expect((await rt.call('GET', '/api/auth/me', { token })).status).toBe(401);
    const other = await rt.login('ubnd-xa');
    rt.clock.ms += 13 * 3_600_000;
    expect((await rt.call('GET', '/api/auth/me', { token: other })).status).toBe(401);
    rt.clock.ms -= 13 * 3_600_000;
  });

  it('never returns or logs passwords and their hashes', async () => {
    const log = vi.spyOn(console, 'log');
    const error = vi.spyOn(console, 'error');
    const ok = await rt.call('POST', '/api/auth/login', {
      body: { username: 'mot-cua-xa', password: 'motcua' },
    });
    const bad = await rt.call('POST', '/api/auth/login', {
      body: { username: 'mot-cua-xa', password: 'sai-mat-khau-123' },
    });
    const me = await rt.call('GET', '/api/auth/me', { token: ok.body.token });
    expect(bad.status).toBe(401);
    const unknown = await rt.call('POST', '/api/auth/login', {
      body: { username: 'khong-co', password: 'sai-mat-khau-123' },
    });
    expect(unknown).toEqual(bad);
    const everything = JSON.stringify([
      ok.body,
      bad.body,
      me.body,
      log.mock.calls,
      error.mock.calls,
    ]);
    expect(everything).not.toMatch(/motcua"|sai-mat-khau|scrypt\$|password_hash|passwordHash/);
    log.mockRestore();
    error.mockRestore();
  });

  it('stores only hashes of passwords, session tokens and receipt secrets', async () => {
    const user = await rt.deps.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'mot-cua-xa')
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^scrypt\$/);
    const sessions = await rt.deps.db.selectFrom('sessions').select('token_hash').execute();
    expect(sessions.map((s) => s.token_hash)).not.toContain(desk);
    const row = await rt.deps.db
      .selectFrom('dossiers')
      .select('secret_hash')
      .where('id', '=', dossier.id)
      .executeTakeFirstOrThrow();
    expect(row.secret_hash).not.toContain(dossier.secret);
  });

  it('cannot write outside procedures/ whatever the id', async () => {
    const admin = await rt.login('admin');
    const procedure = JSON.parse(
      readFileSync(join(rt.proceduresDir, 'dang-ky-khai-sinh.json'), 'utf8'),
    );
    for (const id of ['..%2F..%2Fevil', '..', 'a%2Fb', 'UPPER', 'evil.json', '%2Ftmp%2Fevil']) {
      const r = await rt.call('PUT', `/api/procedures/${id}`, {
        token: admin,
        body: { procedure: { ...procedure, id: decodeURIComponent(id) }, layout: null },
      });
      expect(r.status, id).toBeGreaterThanOrEqual(400);
      expect(r.status, id).toBeLessThan(500);
    }
    expect(existsSync(join(rt.proceduresDir, '..', 'evil.json'))).toBe(false);
    expect(existsSync('/tmp/evil.json')).toBe(false);
  });

  it('resists enumeration of the citizen lookup: same answer, then a proof of work', async () => {
    const answers = [];
    for (let i = 0; i < 22; i++) {
      answers.push(
        await rt.call(
          'GET',
          `/api/public/dossiers/${dossier.code.replace(/\d{4}$/, String(1000 + i))}?secret=ABCDEFGHJK`,
          { headers: { 'x-forwarded-for': '203.0.113.7' } },
        ),
      );
    }
    // Five failures from one address cost nothing; after them every guess needs solved work.
    expect(
      answers
        .slice(0, 5)
        .every(
          (a) =>
            a.status === 404 && a.body.error.message === 'No dossier with this code and secret',
        ),
    ).toBe(true);
    expect(
      answers.slice(5).every((a) => a.status === 429 && a.body.error.details.challengeRequired),
    ).toBe(true);
  });

  it('ignores forwarding headers unless told it runs behind a proxy (no dodging the rate limit)', async () => {
    // This runtime trusts no proxy: every lookup comes from the same socket, whatever it claims.
    const lookup = (rt0: TestRuntime, forwarded: string) =>
      rt0.call('GET', `/api/public/dossiers/${dossier.code}?secret=WRONGWRONG`, {
        headers: { 'x-forwarded-for': forwarded },
      });
    const spoofed = [];
    for (let i = 0; i < 3; i++) spoofed.push((await lookup(rt, `198.51.100.${i}`)).status);
    // The count of the earlier test is past the threshold: a new claimed address does not reset it.
    expect(spoofed).toEqual([429, 429, 429]);

    const proxied = await startTestRuntime('sqlite', { env: { TRUST_PROXY: 'true' } });
    try {
      const statuses = [];
      // The client writes any first hop it likes; the proxy appends the real one, which counts.
      for (let i = 0; i < 7; i++)
        statuses.push((await lookup(proxied, `10.0.0.${i}, 198.51.100.9`)).status);
      expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429]);
      // Another address guessing the same code is asked for work too (the count per code) …
      expect((await lookup(proxied, '198.51.100.10')).status).toBe(429);
      // … while it looks up another code freely.
      expect(
        (
          await proxied.call('GET', '/api/public/dossiers/X01.01-260101-0001?secret=WRONGWRONG', {
            headers: { 'x-forwarded-for': '198.51.100.10' },
          })
        ).status,
      ).toBe(404);

      // The session cookie is Secure when the browser came over HTTPS, through the proxy or not.
      const login = (url: string, headers: Record<string, string> = {}) =>
        proxied.app.request(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ username: 'mot-cua-xa', password: 'motcua' }),
        });
      const cookie = async (r: Response | Promise<Response>) =>
        (await r).headers.get('set-cookie') ?? '';
      expect(await cookie(login('http://motcua.local/api/auth/login'))).not.toMatch(/Secure/);
      expect(await cookie(login('https://motcua.local/api/auth/login'))).toMatch(/Secure/);
      expect(
        await cookie(login('http://motcua.local/api/auth/login', { 'x-forwarded-proto': 'https' })),
      ).toMatch(/Secure/);
      expect(
        await cookie(
          rt.app.request('http://motcua.local/api/auth/login', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
            body: JSON.stringify({ username: 'mot-cua-xa', password: 'motcua' }),
          }),
        ),
      ).not.toMatch(/Secure/);
    } finally {
      await proxied.dispose();
    }
  });
});
