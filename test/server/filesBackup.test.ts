import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../server/backup.ts';
import { BIRTH_RECEIPT, startTestRuntime } from '../support/runtime.ts';
import { JPEG, makePdf } from './filesFixtures.ts';

describe('backup and restore of the dossier files (disk store)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-files-backup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'copies the files the database names beside its copy, only new ones after, and a restore serves them again',
    { timeout: 120_000 },
    async () => {
      const db = join(dir, 'motcua.db');
      const store = join(dir, 'files');
      const backups = join(dir, 'backups');
      const env = { DATABASE_URL: `sqlite:${db}`, FILE_STORE: `disk:${store}` };
      let rt = await startTestRuntime('sqlite', { databaseUrl: env.DATABASE_URL, env });
      const desk = await rt.login('mot-cua-xa');
      const up = async (bytes: Uint8Array, name: string) => {
        const r = await rt.app.request(`/api/uploads?name=${name}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${desk}` },
          body: bytes as Uint8Array<ArrayBuffer>,
        });
        return ((await r.json()) as { id: string }).id;
      };
      const pdf = makePdf('Backup');
      const r = await rt.call('POST', '/api/dossiers', {
        token: desk,
        body: {
          ...BIRTH_RECEIPT,
          uploads: [
            { uploadId: await up(pdf, 'tk.pdf'), document: 'toKhai' },
            { uploadId: await up(JPEG, 'cs.jpg'), document: 'giayChungSinh' },
          ],
        },
      });
      expect(r.status).toBe(201);

      const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
      try {
        expect(await main(['--dir', backups], env)).toBe(0);
        expect(log.mock.calls.flat().join('\n')).toMatch(/files in .* \(2 named, 2 new\)/);
        log.mockClear();
        expect(await main(['--dir', backups], env)).toBe(0);
        expect(log.mock.calls.flat().join('\n')).toMatch(/\(2 named, 0 new\)/);
      } finally {
        log.mockRestore();
      }
      const copy = readdirSync(backups).find((f) => f.endsWith('.db'))!;
      const proceduresDir = rt.proceduresDir;
      await rt.close();

      // The disk is lost; restore as the README says: the database copy, then the files.
      rmSync(store, { recursive: true, force: true });
      rmSync(db, { force: true });
      rmSync(`${db}-wal`, { force: true });
      rmSync(`${db}-shm`, { force: true });
      cpSync(join(backups, copy), db);
      cpSync(join(backups, 'files'), store, { recursive: true });

      rt = await startTestRuntime('sqlite', { databaseUrl: env.DATABASE_URL, env, proceduresDir });
      try {
        const token = await rt.login('tu-phap-xa');
        const list = await rt.call('GET', `/api/dossiers/${r.body.id}/files`, { token });
        const url = list.body.documents[0].files[0].url as string;
        const res = await rt.app.request(url, { headers: { authorization: `Bearer ${token}` } });
        expect(res.status).toBe(200);
        expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), Buffer.from(pdf))).toBe(0);
      } finally {
        await rt.close();
      }
    },
  );
});
