import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/config.ts';
import { createAdmin } from '../../server/createAdmin.ts';
import { startRuntime } from '../../server/startRuntime.ts';
import { PROCEDURES_DIR } from '../support/procedures.ts';

describe('the first administrator of a production system', () => {
  it('creates no demo users in production or on PostgreSQL unless asked', () => {
    const base = { PROCEDURES_DIR };
    expect(parseConfig({ ...base }).seedDemoUsers).toBe(true);
    expect(parseConfig({ ...base, NODE_ENV: 'production' }).seedDemoUsers).toBe(false);
    expect(parseConfig({ ...base, DATABASE_URL: 'postgres://x@h/db' }).seedDemoUsers).toBe(false);
    expect(
      parseConfig({ ...base, NODE_ENV: 'production', SEED_DEMO_USERS: 'true' }).seedDemoUsers,
    ).toBe(true);
  });

  it('is made by npm run create-admin with a strong password, then signs in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-admin-'));
    const config = parseConfig({
      DATABASE_URL: `sqlite:${join(dir, 'motcua.db')}`,
      PROCEDURES_DIR,
      NODE_ENV: 'production',
      SCHEDULER_INTERVAL_MS: '0',
      DESIGNER_DIR: join(dir, 'none'),
    });
    const weak = await createAdmin(config, {
      username: 'quan-tri',
      unitId: 'ubnd-tinh',
      displayName: 'Quản trị',
      password: '12345678',
    });
    expect(weak).toEqual({ ok: false, message: expect.stringMatching(/^\/password: .*dễ đoán/) });
    const unknownUnit = await createAdmin(config, {
      username: 'quan-tri',
      unitId: 'khong-co',
      displayName: 'Quản trị',
      password: 'cay-tre-xanh-2026',
    });
    expect(unknownUnit.ok).toBe(false);
    expect(
      await createAdmin(config, {
        username: 'quan-tri',
        unitId: 'ubnd-tinh',
        displayName: 'Quản trị',
        password: 'cay-tre-xanh-2026',
      }),
    ).toEqual({ ok: true });
    const rt = await startRuntime(config, { startScheduler: false });
    try {
      expect(rt.seededUsers).toEqual([]);
      const res = await rt.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'quan-tri', password: 'cay-tre-xanh-2026' }),
      });
      expect(res.status).toBe(200);
      expect((await res.json()).user.isAdmin).toBe(true);
      const demo = await rt.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'motcua' }),
      });
      expect(demo.status).toBe(401);
    } finally {
      await rt.close();
    }
  });
});
