import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../support/databases.ts';
import { startTestRuntime, type TestRuntime } from '../support/runtime.ts';

const dialects = await dialectsUnderTest();

describe.each(dialects)('accounts on %s', (dialect) => {
  let rt: TestRuntime;
  let admin: string;

  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
    admin = await rt.login('admin');
  });
  afterAll(async () => rt?.dispose());

  const NEW = {
    username: 'can-bo-moi',
    displayName: 'Lê Văn Mới',
    unitId: 'tu-phap-xa',
    roles: ['specialist'],
    password: 'matkhau-ban-dau',
  };
  const paths = (body: any) =>
    (body.error.details.problems as { path: string }[]).map((p) => p.path);
  const me = (token: string) => rt.call('GET', '/api/auth/me', { token });
  const loginStatus = async (username: string, password: string) =>
    (await rt.call('POST', '/api/auth/login', { body: { username, password } })).status;

  it('lets an administrator create an account that signs in, listed without its password, audited', async () => {
    const created = await rt.call('POST', '/api/users', { token: admin, body: NEW });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.user).toMatchObject({
      username: 'can-bo-moi',
      displayName: 'Lê Văn Mới',
      unitId: 'tu-phap-xa',
      roles: ['specialist'],
      isAdmin: false,
      disabled: false,
    });
    const token = await rt.login('can-bo-moi', 'matkhau-ban-dau');
    expect((await me(token)).body).toMatchObject({ unitId: 'tu-phap-xa', roles: ['specialist'] });

    const list = await rt.call('GET', '/api/users', { token: admin });
    expect(list.status).toBe(200);
    const names = list.body.users.map((u: { username: string }) => u.username);
    expect(names).toContain('can-bo-moi');
    expect(names).toEqual([...names].sort());
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt|password/i);

    const audit = await rt.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target', '=', created.body.user.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['user.create']);
    expect(audit[0]!.details).not.toContain('matkhau');
  });

  it('gives a retried creation with the same Idempotency-Key the first answer', async () => {
    const body = { ...NEW, username: 'can-bo-thu-lai' };
    const headers = { 'idempotency-key': 'tao-tai-khoan-1' };
    const first = await rt.call('POST', '/api/users', { token: admin, body, headers });
    const again = await rt.call('POST', '/api/users', { token: admin, body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.user.id).toBe(first.body.user.id);
    const other = await rt.call('POST', '/api/users', { token: admin, body });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('username-taken');
    expect(paths(other.body)).toEqual(['/username']);
  });

  it('refuses bad accounts with the path of each wrong field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...NEW, username: 'Có Dấu' }, '/username'],
      [{ ...NEW, username: 'x1', password: 'matkhau-ban-dau' }, '/username'],
      [{ ...NEW, username: 'don-vi-la', unitId: 'khong-co' }, '/unitId'],
      [{ ...NEW, username: 'vai-tro-la', roles: ['specialist', 'pilot'] }, '/roles/1'],
      [{ ...NEW, username: 'cong-dan-1', roles: ['citizen'] }, '/roles/0'],
      [{ ...NEW, username: 'mat-khau-ngan', password: 'ngan' }, '/password'],
      [{ ...NEW, username: 'trung-ten-1', password: 'trung-ten-1' }, '/password'],
      [{ ...NEW, username: 'thua-truong', extra: 1 }, '/extra'],
    ];
    for (const [body, path] of cases) {
      const r = await rt.call('POST', '/api/users', { token: admin, body });
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(
        paths(r.body).some((p) => p.startsWith(path)),
        JSON.stringify(r.body),
      ).toBe(true);
    }
    const stored = await rt.deps.db.selectFrom('users').select('username').execute();
    expect(stored.map((u) => u.username)).not.toContain('mat-khau-ngan');
  });

  it('keeps account administration to administrators', async () => {
    const officer = await rt.login('tu-phap-xa');
    const { id } = (await rt.call('GET', '/api/users', { token: admin })).body.users[0];
    for (const [method, path, body] of [
      ['GET', '/api/users', undefined],
      ['POST', '/api/users', { ...NEW, username: 'khong-duoc-tao' }],
      ['PATCH', `/api/users/${id}`, { isAdmin: true }],
    ] as const) {
      const r = await rt.call(method, path, { token: officer, body });
      expect(r.status, `${method} ${path}`).toBe(403);
    }
    expect((await rt.call('GET', '/api/users')).status).toBe(401);
    const unknown = await rt.call('PATCH', '/api/users/khong-co', { token: admin, body: {} });
    expect(unknown.status).toBe(404);
  });

  it('changes my own password: the current one must be right, my other sessions end, this one stays', async () => {
    const here = await rt.login('can-bo-moi', 'matkhau-ban-dau');
    const elsewhere = await rt.login('can-bo-moi', 'matkhau-ban-dau');
    expect((await me(elsewhere)).status).toBe(200);
    const wrong = await rt.call('POST', '/api/auth/password', {
      token: here,
      body: { currentPassword: 'sai-mat-khau', newPassword: 'matkhau-moi-2026' },
    });
    // 422, not 401: a mistyped password must not look like an expired session.
    expect(wrong.status).toBe(422);
    expect(paths(wrong.body)).toEqual(['/currentPassword']);
    for (const newPassword of ['ngan', 'can-bo-moi', 'matkhau-ban-dau']) {
      const r = await rt.call('POST', '/api/auth/password', {
        token: here,
        body: { currentPassword: 'matkhau-ban-dau', newPassword },
      });
      expect(r.status, newPassword).toBe(422);
      expect(paths(r.body)).toEqual(['/newPassword']);
    }
    const ok = await rt.call('POST', '/api/auth/password', {
      token: here,
      body: { currentPassword: 'matkhau-ban-dau', newPassword: 'matkhau-moi-2026' },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await me(here)).status).toBe(200);
    expect((await me(elsewhere)).status).toBe(401);
    expect(await loginStatus('can-bo-moi', 'matkhau-ban-dau')).toBe(401);
    expect(await loginStatus('can-bo-moi', 'matkhau-moi-2026')).toBe(200);
  });

  it('resets a password and locks an account, ending its sessions at once; unlocking lets it back in', async () => {
    const users = (await rt.call('GET', '/api/users', { token: admin })).body.users;
    const { id } = users.find((u: { username: string }) => u.username === 'can-bo-moi');
    const session = await rt.login('can-bo-moi', 'matkhau-moi-2026');
    expect((await me(session)).status).toBe(200);

    const reset = await rt.call('PATCH', `/api/users/${id}`, {
      token: admin,
      body: { password: 'dat-lai-2026' },
    });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect((await me(session)).status).toBe(401);
    expect(await loginStatus('can-bo-moi', 'dat-lai-2026')).toBe(200);

    // A move to another unit and role applies to the next request, not after a cache expires.
    const again = await rt.login('can-bo-moi', 'dat-lai-2026');
    const moved = await rt.call('PATCH', `/api/users/${id}`, {
      token: admin,
      body: { unitId: 'ubnd-xa', roles: ['leader'], displayName: 'Lê Văn Mới (UBND)' },
    });
    expect(moved.body.user).toMatchObject({ unitId: 'ubnd-xa', roles: ['leader'] });
    expect((await me(again)).body).toMatchObject({ unitId: 'ubnd-xa', roles: ['leader'] });

    const locked = await rt.call('PATCH', `/api/users/${id}`, {
      token: admin,
      body: { disabled: true },
    });
    expect(locked.body.user.disabled).toBe(true);
    expect((await me(again)).status).toBe(401);
    const refused = await rt.call('POST', '/api/auth/login', {
      body: { username: 'can-bo-moi', password: 'dat-lai-2026' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details.reason).toBe('account-locked');
    // A wrong password on a locked account says only "wrong password".
    expect(await loginStatus('can-bo-moi', 'sai-mat-khau')).toBe(401);

    await rt.call('PATCH', `/api/users/${id}`, { token: admin, body: { disabled: false } });
    expect(await loginStatus('can-bo-moi', 'dat-lai-2026')).toBe(200);

    const actions = await rt.deps.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target', '=', id)
      .orderBy('at')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'user.create',
      'user.password',
      'user.update',
      'user.update',
      'user.update',
      'user.update',
    ]);
    expect(actions.some((a) => a.details.includes('dat-lai'))).toBe(false);
  });

  it('never leaves the office without an active administrator', async () => {
    const users = (await rt.call('GET', '/api/users', { token: admin })).body.users;
    const self = users.find((u: { username: string }) => u.username === 'admin');
    for (const body of [{ isAdmin: false }, { disabled: true }]) {
      const r = await rt.call('PATCH', `/api/users/${self.id}`, { token: admin, body });
      expect(r.status, JSON.stringify(body)).toBe(409);
      expect(r.body.error.code).toBe('last-admin');
    }
    const second = await rt.call('POST', '/api/users', {
      token: admin,
      body: { ...NEW, username: 'quan-tri-2', isAdmin: true, roles: ['designer'] },
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    // The designer role is the app's own, not the catalog's: it may be given.
    expect(second.body.user.roles).toEqual(['designer']);
    const demoted = await rt.call('PATCH', `/api/users/${self.id}`, {
      token: admin,
      body: { isAdmin: false },
    });
    expect(demoted.status).toBe(200);
    // The former administrator's next request already has no administration rights.
    expect((await rt.call('GET', '/api/users', { token: admin })).status).toBe(403);
    const other = await rt.login('quan-tri-2', NEW.password);
    const restored = await rt.call('PATCH', `/api/users/${self.id}`, {
      token: other,
      body: { isAdmin: true },
    });
    expect(restored.status).toBe(200);
  });
});
