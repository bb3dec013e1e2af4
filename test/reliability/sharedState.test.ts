import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, postgresAvailable } from '../support/databases.ts';
import { PROCEDURES_DIR } from '../support/procedures.ts';
import { call, startServerProcess, type ServerProcess } from './serverProcess.ts';

/** Far below the session cache's 30 s: what "at once" means across processes. */
const AT_ONCE_MS = 2000;

/** Poll until `done` holds; returns how long it took, or throws after `AT_ONCE_MS`. */
async function within(done: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await done()) return Date.now() - start;
    if (Date.now() - start > AT_ONCE_MS) throw new Error(`not seen within ${AT_ONCE_MS} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// Under CI=true a missing PostgreSQL throws here: the suite fails loudly instead of skipping.
const withPostgres = await postgresAvailable();

describe.runIf(withPostgres)('shared state: two server processes on one PostgreSQL', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let drop: () => Promise<void>;
  let admin: string;

  const login = async (server: ServerProcess, username: string) => {
    const r = await call(server.url, 'POST', '/api/auth/login', undefined, {
      username,
      password: 'motcua',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.token as string;
  };
  const me = async (server: ServerProcess, token: string) =>
    (await call(server.url, 'GET', '/api/auth/me', token)).status;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-shared-'));
    cpSync(PROCEDURES_DIR, join(dir, 'procedures'), { recursive: true });
    const pg = await createPostgresDatabase();
    drop = pg.drop;
    const env = { DATABASE_URL: pg.url, PROCEDURES_DIR: join(dir, 'procedures') };
    // One after the other: the first migrates and seeds the fresh database.
    a = await startServerProcess(env);
    b = await startServerProcess(env);
    admin = await login(a, 'admin');
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await drop?.();
  });

  it('an account locked on one process is refused by the other at once', async () => {
    const token = await login(a, 'tu-phap-xa');
    expect(await me(b, token)).toBe(200); // now in b's session cache
    const users = await call(a.url, 'GET', '/api/users', admin);
    const user = users.body.users.find((u: { username: string }) => u.username === 'tu-phap-xa');
    const locked = await call(a.url, 'PATCH', `/api/users/${user.id}`, admin, { disabled: true });
    expect(locked.status, JSON.stringify(locked.body)).toBe(200);
    expect(await within(async () => (await me(b, token)) === 401)).toBeLessThan(AT_ONCE_MS);
  });

  it('a logout on one process ends the session on the other at once', async () => {
    const token = await login(b, 'ubnd-xa');
    expect(await me(a, token)).toBe(200);
    expect((await call(b.url, 'POST', '/api/auth/logout', token)).status).toBe(200);
    expect(await within(async () => (await me(a, token)) === 401)).toBeLessThan(AT_ONCE_MS);
    // The process that stays signed in keeps its session.
    expect(await me(a, admin)).toBe(200);
  });

  it('a procedure draft saved on one process is served by the other at once', async () => {
    // A copy under a new id: the id, the machine's id and its absolute targets (#id.step).
    const procedure = JSON.parse(
      readFileSync(join(PROCEDURES_DIR, 'dang-ky-khai-sinh.json'), 'utf8')
        .replaceAll('"dang-ky-khai-sinh', '"dang-ky-khai-sinh-ban-sao')
        .replaceAll('#dang-ky-khai-sinh.', '#dang-ky-khai-sinh-ban-sao.'),
    ) as { id: string; name: { vi: string; en: string } };
    const copy = {
      ...procedure,
      name: { vi: 'Đăng ký khai sinh (bản sao)', en: 'Birth registration (copy)' },
    };
    const saved = await call(a.url, 'PUT', `/api/procedures/${copy.id}`, admin, {
      procedure: copy,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // A save is a draft (#14), kept in the database: the other process serves it at once.
    const listed = async () => {
      const r = await call(b.url, 'GET', `/api/procedures/${copy.id}?view=edit`, admin);
      return r.status === 200 && r.body.procedure?.name?.vi === copy.name.vi;
    };
    expect(await within(listed)).toBeLessThan(AT_ONCE_MS);
  });
});
