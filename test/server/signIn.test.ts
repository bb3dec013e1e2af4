import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/config.ts';
import { startRuntime } from '../../server/startRuntime.ts';
import { dialectsUnderTest } from '../support/databases.ts';
import { startTestRuntime, type TestRuntime } from '../support/runtime.ts';

const dialects = await dialectsUnderTest();

const login = (rt: TestRuntime, username: string, password: string, address = '10.0.0.1') =>
  rt.call('POST', '/api/auth/login', {
    body: { username, password },
    headers: { 'x-forwarded-for': address },
  });

describe.each(dialects)('sign-in on %s', (dialect) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await startTestRuntime(dialect, { env: { TRUST_PROXY: 'true' } });
  });
  afterAll(async () => rt?.dispose());

  it('blocks an account after repeated failures, with when to try again in Vietnamese', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login(rt, 'tu-phap-xa', 'sai-mat-khau', `10.1.0.${i}`)).status).toBe(401);
    expect((await login(rt, 'tu-phap-xa', 'sai-mat-khau', '10.1.0.9')).status).toBe(401);
    // Blocked now, even with the right password and from another address.
    const blocked = await login(rt, 'tu-phap-xa', 'motcua', '10.1.1.1');
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.details.retryAfterSeconds).toBe(30);
    expect(blocked.body.error.details.message.vi).toMatch(/thử lại sau 30 giây/);
    const raw = await rt.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.1.1.2' },
      body: JSON.stringify({ username: 'tu-phap-xa', password: 'motcua' }),
    });
    expect(raw.headers.get('retry-after')).toBe('30');
    // Other accounts are not affected; after the block the right password works again.
    expect((await login(rt, 'ubnd-xa', 'motcua', '10.1.1.3')).status).toBe(200);
    rt.clock.ms += 31_000;
    expect((await login(rt, 'tu-phap-xa', 'motcua', '10.1.1.4')).status).toBe(200);
  });

  it('blocks an address that guesses many accounts, not the officers elsewhere', async () => {
    for (let i = 0; i < 20; i++)
      expect((await login(rt, `khong-co-${i}`, 'x', '10.2.0.1')).status).toBe(401);
    expect((await login(rt, 'khong-co-x', 'x', '10.2.0.1')).status).toBe(401);
    expect((await login(rt, 'mot-cua-xa', 'motcua', '10.2.0.1')).status).toBe(429);
    expect((await login(rt, 'mot-cua-xa', 'motcua', '10.2.0.2')).status).toBe(200);
  });

  it('shares the count between two servers on one database', async () => {
    const second = await startRuntime(
      parseConfig({
        DATABASE_URL: rt.deps.config.databaseUrl,
        PROCEDURES_DIR: rt.proceduresDir,
        SCHEDULER_INTERVAL_MS: '0',
        SEED_DEMO_USERS: 'false',
        TRUST_PROXY: 'true',
      }),
      { now: rt.clock.now, startScheduler: false },
    );
    try {
      if (dialect === 'sqlite') return; // an in-memory database is one server's own
      const via = (app: typeof rt.app, password: string) =>
        app.request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.3.0.1' },
          body: JSON.stringify({ username: 'van-thu-xa', password }),
        });
      for (let i = 0; i < 6; i++)
        expect((await via(i % 2 ? rt.app : second.app, 'sai')).status).toBe(401);
      expect((await via(second.app, 'motcua')).status).toBe(429);
      expect((await via(rt.app, 'motcua')).status).toBe(429);
    } finally {
      await second.close();
    }
  });

  it('refuses passwords that are easy to guess, with a helpful Vietnamese message', async () => {
    const admin = await rt.login('admin');
    for (const password of [
      'password',
      '12345678',
      'aaaaaaaa',
      'can-bo-xa-1',
      'Bộ phận một cửa UBND xã',
    ]) {
      const r = await rt.call('POST', '/api/users', {
        token: admin,
        body: {
          username: 'can-bo-xa-1',
          displayName: 'Lê Văn Bình',
          unitId: 'mot-cua-xa',
          roles: ['reception'],
          password,
        },
      });
      expect(r.status, password).toBe(422);
      expect(r.body.error.details.problems[0].path).toBe('/password');
      expect(r.body.error.details.problems[0].message.vi).toMatch(/dễ đoán|ít nhất|trùng/);
    }
    const ok = await rt.call('POST', '/api/users', {
      token: admin,
      body: {
        username: 'can-bo-xa-1',
        displayName: 'Lê Văn Bình',
        unitId: 'mot-cua-xa',
        roles: ['reception'],
        password: 'cay-tre-xanh-2026',
      },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
  });
});
