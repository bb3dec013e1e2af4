import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { backupName, backupSqlite, main } from '../../server/backup.ts';
import { BIRTH_RECEIPT, startTestRuntime, type TestRuntime } from '../support/runtime.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('backup of the embedded database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-backup-'));
  const file = join(dir, 'motcua.db');
  const runtimes: TestRuntime[] = [];
  afterAll(async () => {
    for (const rt of runtimes) await rt.dispose();
  });

  it(
    'copies a database the server is writing to, consistently, and the copy runs a server again',
    { timeout: 60_000 },
    async () => {
      const rt = await startTestRuntime('sqlite', { databaseUrl: `sqlite:${file}` });
      runtimes.push(rt);
      const desk = await rt.login('mot-cua-xa');
      const receive = () => rt.call('POST', '/api/dossiers', { token: desk, body: BIRTH_RECEIPT });
      for (let i = 0; i < 10; i++) expect((await receive()).status).toBe(201);

      // The command, in its own process as an office would run it, while receptions keep coming.
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'server', 'backup.ts'), '--dir', join(dir, 'backups')],
        { env: { ...process.env, DATABASE_URL: `sqlite:${file}` } },
      );
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      const exited = new Promise<number | null>((r) => child.on('exit', r));
      let done = false;
      void exited.then(() => (done = true));
      let during = 0;
      while (!done) {
        expect((await receive()).status).toBe(201);
        during++;
      }
      expect(await exited, out).toBe(0);
      const [, copied, counted] = /backup: (\S+) \(.* (\d+) dossiers, integrity ok\)/.exec(out)!;
      const backup = { file: copied!, dossiers: Number(counted) };
      expect(during).toBeGreaterThan(0);
      expect(backup.dossiers).toBeGreaterThanOrEqual(10);
      expect(backup.dossiers).toBeLessThanOrEqual(10 + during);
      expect(readdirSync(join(dir, 'backups'))).toEqual([backup.file.split('/').pop()]);

      // Restore: the copy as the database of a new server; its dossiers accept events.
      const restored = join(dir, 'restored.db');
      copyFileSync(backup.file, restored);
      const again = await startTestRuntime('sqlite', { databaseUrl: `sqlite:${restored}` });
      runtimes.push(again);
      const justice = await again.login('tu-phap-xa');
      const { n } = await again.deps.db
        .selectFrom('dossiers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(n)).toBe(backup.dossiers);
      const inbox = await again.call('GET', '/api/dossiers?limit=1', { token: justice });
      const id = inbox.body.items[0].id as string;
      const moved = await again.call('POST', `/api/dossiers/${id}/events`, {
        token: justice,
        body: { type: 'PROPOSE' },
      });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    },
  );

  it('names copies by Vietnam time, never overwrites one, and keeps the newest n', () => {
    const at = new Date('2026-11-29T17:30:05Z');
    expect(backupName(at)).toBe('motcua-20261130-003005.db');
    const target = join(dir, 'kept');
    const made = [1, 2, 3].map(() => backupSqlite(file, target, { now: at }).file);
    expect(made.map((f) => f.split('/').pop())).toEqual([
      'motcua-20261130-003005.db',
      'motcua-20261130-003005-2.db',
      'motcua-20261130-003005-3.db',
    ]);
    const later = backupSqlite(file, target, { now: new Date(at.getTime() + 60_000), keep: 2 });
    expect(later.removed).toEqual(['motcua-20261130-003005-2.db', 'motcua-20261130-003005.db']);
    expect(readdirSync(target).sort()).toEqual([
      'motcua-20261130-003005-3.db',
      'motcua-20261130-003105.db',
    ]);
  });

  it('says what is wrong with a call, with exit code 2, and writes nothing', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const env = { DATABASE_URL: `sqlite:${file}` };
      expect(await main(['--keep', '0'], env)).toBe(2);
      expect(await main(['--dir'], env)).toBe(2);
      expect(await main(['--bogus'], env)).toBe(2);
      expect(await main([], { DATABASE_URL: 'postgres://postgres@127.0.0.1/x' })).toBe(2);
      expect(await main([], { DATABASE_URL: 'sqlite::memory:' })).toBe(2);
      expect(await main([], { DATABASE_URL: `sqlite:${join(dir, 'none.db')}` })).toBe(1);
      expect(existsSync(join(dir, 'none.db'))).toBe(false);
      const messages = quiet.mock.calls.map((c) => String(c[0]));
      expect(messages[0]).toContain('--keep 0');
      expect(messages[3]).toContain('pg_dump');
    } finally {
      quiet.mockRestore();
    }
  });
});
