import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../server/appError.ts';
import { BIRTH_RECEIPT, startTestRuntime, type TestRuntime } from '../support/runtime.ts';
import { JPEG } from './filesFixtures.ts';

/**
 * The file routes keep to the read-scope contract of #13: whatever `assertCanReadDossier`
 * refuses answers 404 (the same as a file that does not exist), and every open or download is
 * handed to `recordAccess`. The rule itself is stood in for here by "only the dossier's
 * receiving unit"; files.test.ts checks the real rule once it is merged.
 */

const accesses: unknown[] = [];

vi.mock('../../server/runtime/readScope.ts', () => ({
  assertCanReadDossier: async (
    deps: { db: TestRuntime['deps']['db'] },
    user: { unitId: string },
    dossierId: string,
  ) => {
    const row = await deps.db
      .selectFrom('dossiers')
      .select('unit_id')
      .where('id', '=', dossierId)
      .executeTakeFirst();
    if (!row || row.unit_id !== user.unitId)
      throw new AppError('not-found', `No dossier "${dossierId}"`);
  },
}));
vi.mock('../../server/runtime/accessLog.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../server/runtime/accessLog.ts')>()),
  recordAccess: async (_deps: unknown, entry: unknown) => {
    accesses.push(entry);
  },
}));

describe('dossier files under the read scope', () => {
  let rt: TestRuntime;
  const dir = mkdtempSync(join(tmpdir(), 'motcua-scope-'));
  beforeAll(async () => {
    rt = await startTestRuntime('sqlite', { env: { FILE_STORE: `disk:${dir}` } });
  });
  afterAll(async () => {
    await rt?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 404 outside the scope, serves and logs inside it, and hides reuse across scopes', async () => {
    const desk = await rt.login('mot-cua-xa');
    const up = await rt.app.request('/api/uploads?name=scan.jpg', {
      method: 'POST',
      headers: { authorization: `Bearer ${desk}` },
      body: JPEG as Uint8Array<ArrayBuffer>,
    });
    const upload = (await up.json()) as { id: string };
    const r = await rt.call('POST', '/api/dossiers', {
      token: desk,
      body: { ...BIRTH_RECEIPT, uploads: [{ uploadId: upload.id, document: 'giayChungSinh' }] },
    });
    expect(r.status).toBe(201);
    const list = await rt.call('GET', `/api/dossiers/${r.body.id}/files`, { token: desk });
    const file = list.body.documents[1].files[0];

    const other = await rt.login('tu-phap-xa');
    const denied = await rt.app.request(file.url, {
      headers: { authorization: `Bearer ${other}` },
    });
    expect(denied.status).toBe(404);
    expect(((await denied.json()) as { error: { message: string } }).error.message).toBe(
      `No file "${file.id}"`,
    );
    expect(
      (await rt.call('GET', `/api/dossiers/${r.body.id}/files`, { token: other })).status,
    ).toBe(404);
    expect(
      (
        await rt.call('GET', `/api/files?citizen=${BIRTH_RECEIPT.applicant.idNumber}`, {
          token: other,
        })
      ).body.items,
    ).toEqual([]);
    expect(accesses).toEqual([]);

    const mine = await rt.app.request(`${file.url}?download=1`, {
      headers: { authorization: `Bearer ${desk}` },
    });
    expect(mine.status).toBe(200);
    expect(accesses).toEqual([
      {
        userId: expect.any(String),
        dossierId: r.body.id,
        action: 'file',
        detail: `download ${file.id} ${file.name}`,
      },
    ]);
  });
});
