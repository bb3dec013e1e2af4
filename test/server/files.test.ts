import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../server/auth/sessions.ts';
import { assertCanReadDossier } from '../../server/runtime/readScope.ts';
import { createPostgresDatabase, dialectsUnderTest } from '../support/databases.ts';
import { BIRTH_RECEIPT, startTestRuntime, type TestRuntime } from '../support/runtime.ts';
import { JPEG, makeExe, makePdf } from './filesFixtures.ts';
import { startS3 } from './filesS3.ts';

/**
 * Dossier files through the HTTP API, on both databases and both blob stores: upload, link in
 * the event's transaction, limits (413), type from content (415), open/download, reuse, a
 * crash between upload and event, the digitisation report.
 */

const dialects = await dialectsUnderTest();
const s3 = await startS3();
afterAll(async () => s3.stop());

const LIMITS = {
  MAX_FILE_BYTES: '200000',
  MAX_DOSSIER_FILES_BYTES: '300000',
  UPLOAD_TTL_SECONDS: '1',
};

type Store = 'disk' | 's3';
const cases = dialects.flatMap((d) => (['disk', 's3'] as Store[]).map((s) => [d, s] as const));

/** The store variables of a fresh store (a new folder, or a new prefix of the bucket). */
function storeEnv(store: Store): { env: Record<string, string>; cleanup(): void } {
  if (store === 's3')
    return { env: s3.env(`t${Math.random().toString(36).slice(2)}/`), cleanup() {} };
  const dir = mkdtempSync(join(tmpdir(), 'motcua-files-'));
  return {
    env: { FILE_STORE: `disk:${dir}` },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Send bytes to POST /api/uploads. */
async function upload(rt: TestRuntime, token: string, bytes: Uint8Array, name: string) {
  const res = await rt.app.request(`/api/uploads?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** GET a file: status, headers, bytes. */
async function getFile(rt: TestRuntime, token: string, url: string) {
  const res = await rt.app.request(url, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: res.status,
    headers: res.headers,
    bytes: new Uint8Array(await res.arrayBuffer()),
  };
}

describe.each(cases)('dossier files on %s with the %s store', (dialect, store) => {
  let rt: TestRuntime;
  let files: ReturnType<typeof storeEnv>;
  let desk: string;
  let justice: string;

  beforeAll(async () => {
    files = storeEnv(store);
    rt = await startTestRuntime(dialect, { env: { ...LIMITS, ...files.env } });
    desk = await rt.login('mot-cua-xa');
    justice = await rt.login('tu-phap-xa');
  });
  afterAll(async () => {
    await rt?.dispose();
    files?.cleanup();
  });

  const receive = (body: object) =>
    rt.call('POST', '/api/dossiers', { token: desk, body: { ...BIRTH_RECEIPT, ...body } });

  it('receives a dossier with a PDF and a JPEG, lists them against the checklist, opens and downloads them', async () => {
    const pdf = makePdf('To khai');
    const a = await upload(rt, desk, pdf, 'Tờ khai "khai sinh".pdf');
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({ contentType: 'application/pdf', size: pdf.byteLength });
    expect(a.body.name).toBe('Tờ khai _khai sinh_.pdf');
    const b = await upload(rt, desk, JPEG, '../../etc/giay chung sinh.jpeg');
    expect(b.body).toMatchObject({ contentType: 'image/jpeg', name: 'giay chung sinh.jpg' });
    const r = await receive({
      uploads: [
        { uploadId: a.body.id, document: 'toKhai' },
        { uploadId: b.body.id, document: 'giayChungSinh' },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);

    const list = await rt.call('GET', `/api/dossiers/${r.body.id}/files`, { token: justice });
    expect(list.status).toBe(200);
    expect(
      list.body.documents.map((d: any) => [d.id, d.ticked, d.digitised, d.files.length]),
    ).toEqual([
      ['toKhai', true, true, 1],
      ['giayChungSinh', true, true, 1],
    ]);
    const file = list.body.documents[0].files[0];
    expect(file).toMatchObject({
      stage: 'reception',
      stepId: 'dang-ky-khai-sinh.tiepNhan',
      size: pdf.byteLength,
    });

    const opened = await getFile(rt, justice, file.url);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toBe('application/pdf');
    expect(opened.headers.get('x-content-type-options')).toBe('nosniff');
    expect(opened.headers.get('content-disposition')).toBe(
      `inline; filename="To khai _khai sinh_.pdf"; filename*=UTF-8''${encodeURIComponent('Tờ khai _khai sinh_.pdf')}`,
    );
    expect(Buffer.from(opened.bytes).equals(Buffer.from(pdf))).toBe(true);
    const saved = await getFile(rt, justice, file.downloadUrl);
    expect(saved.headers.get('content-disposition')).toMatch(/^attachment; /);

    // The same upload cannot be linked twice.
    const again = await receive({ uploads: [{ uploadId: a.body.id, document: 'toKhai' }] });
    expect(again.status).toBe(422);
    expect(again.body.error.details.problems).toEqual([
      { path: '/uploads/0/uploadId', message: expect.stringMatching(/no such upload/) },
    ]);
    // Nor by another officer than its uploader.
    const c = await upload(rt, desk, makePdf('c'), 'c.pdf');
    const stolen = await rt.call('POST', `/api/dossiers/${r.body.id}/events`, {
      token: justice,
      body: { type: 'PROPOSE', uploads: [{ uploadId: c.body.id, document: 'other', title: 'x' }] },
    });
    expect(stolen.status).toBe(422);
    // A refused event keeps nothing: the dossier did not move and has no new file.
    const view = await rt.call('GET', `/api/dossiers/${r.body.id}`, { token: justice });
    expect(view.body.state).toBe('thamTra');
    // Working papers at a step: the inspection report goes with the proposal.
    const report = await upload(rt, justice, makePdf('Bien ban'), 'bien-ban.pdf');
    const proposed = await rt.call('POST', `/api/dossiers/${r.body.id}/events`, {
      token: justice,
      body: {
        type: 'PROPOSE',
        uploads: [{ uploadId: report.body.id, document: 'other', title: 'Biên bản xác minh' }],
      },
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
    const after = await rt.call('GET', `/api/dossiers/${r.body.id}/files`, { token: justice });
    expect(after.body.other).toEqual([
      expect.objectContaining({
        title: 'Biên bản xác minh',
        stage: 'PROPOSE',
        stepId: 'dang-ky-khai-sinh.thamTra',
      }),
    ]);
  });

  it('refuses a file over MAX_FILE_BYTES and a dossier over MAX_DOSSIER_FILES_BYTES with 413 naming the limit', async () => {
    const big = await upload(rt, desk, makePdf('big', 200_001), 'big.pdf');
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({
      code: 'payload-too-large',
      details: { limit: 'MAX_FILE_BYTES', max: 200000 },
    });
    // Two files of 160 kB each pass alone, not together on one dossier.
    const one = await upload(rt, desk, makePdf('one', 160_000), 'one.pdf');
    const two = await upload(rt, desk, makePdf('two', 160_000), 'two.pdf');
    expect([one.status, two.status]).toEqual([201, 201]);
    const r = await receive({
      uploads: [
        { uploadId: one.body.id, document: 'toKhai' },
        { uploadId: two.body.id, document: 'giayChungSinh' },
      ],
    });
    expect(r.status).toBe(413);
    expect(r.body.error.details).toMatchObject({ limit: 'MAX_DOSSIER_FILES_BYTES', max: 300000 });
    // Rolled back with the reception: the uploads are still pending and usable.
    const ok = await receive({ uploads: [{ uploadId: one.body.id, document: 'toKhai' }] });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
  });

  it('judges the type from the content: an .exe named .pdf and a text file are 415', async () => {
    const exe = await upload(rt, desk, makeExe(), 'giay-chung-sinh.pdf');
    expect(exe.status).toBe(415);
    expect(exe.body.error).toMatchObject({
      code: 'unsupported-media-type',
      details: { found: 'application/x-msdownload' },
    });
    const text = await upload(rt, desk, new TextEncoder().encode('%PDX hello'), 'a.pdf');
    expect(text.status).toBe(415);
    const empty = await upload(rt, desk, new Uint8Array(), 'a.pdf');
    expect(empty.status).toBe(422);
  });

  it("lets the desk reuse a citizen's documents and results in a new dossier, recorded", async () => {
    const pdf = await upload(rt, desk, makePdf('Giay chung sinh goc'), 'chung-sinh.pdf');
    const first = await receive({
      applicant: { name: 'Lê Thị Hoa', idNumber: '001190000777' },
      uploads: [{ uploadId: pdf.body.id, document: 'giayChungSinh' }],
    });
    expect(first.status).toBe(201);
    const mine = await rt.call('GET', '/api/files?citizen=001190000777', { token: desk });
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({
      dossierCode: first.body.code,
      document: 'giayChungSinh',
      documentName: { vi: 'Giấy chứng sinh hoặc giấy tờ thay thế' },
    });
    const second = await receive({
      applicant: { name: 'Lê Thị Hoa', idNumber: '001190000777' },
      uploads: [{ reuseFileId: mine.body.items[0].id, document: 'giayChungSinh' }],
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    const list = await rt.call('GET', `/api/dossiers/${second.body.id}/files`, { token: desk });
    const reused = list.body.documents[1].files[0];
    expect(reused.reusedFrom).toBe(mine.body.items[0].id);
    expect(reused.sha256).toBe(pdf.body.sha256);
    expect((await getFile(rt, desk, reused.url)).status).toBe(200);
    // Another citizen cannot take it.
    const other = await receive({
      applicant: { name: 'Trần Văn Nam', idNumber: '001190000888' },
      uploads: [{ reuseFileId: mine.body.items[0].id, document: 'giayChungSinh' }],
    });
    expect(other.status).toBe(422);
    expect(other.body.error.details.problems[0].path).toBe('/uploads/0/reuseFileId');
  });

  it('counts digitisation: at reception (a ticked paper without a file is not), results, reuse', async () => {
    const today = '2026-03-02';
    const report = async () => {
      const r = await rt.call('GET', `/api/reports/digitisation?from=${today}&to=${today}`, {
        token: desk,
      });
      expect(r.status).toBe(200);
      return r.body;
    };
    const before = (await report()).total;
    // Paper only: both documents ticked, no file.
    const paper = await receive({});
    expect(paper.status).toBe(201);
    // Fully digitised, then carried to the result with the result file.
    const a = await upload(rt, desk, makePdf('tk'), 'tk.pdf');
    const b = await upload(rt, desk, JPEG, 'cs.jpg');
    const full = await receive({
      uploads: [
        { uploadId: a.body.id, document: 'toKhai' },
        { uploadId: b.body.id, document: 'giayChungSinh' },
      ],
    });
    const id = full.body.id;
    const chair = await rt.login('ubnd-xa');
    const send = (token: string, body: object) =>
      rt.call('POST', `/api/dossiers/${id}/events`, { token, body });
    expect((await send(justice, { type: 'PROPOSE' })).status).toBe(200);
    const result = await upload(rt, chair, makePdf('Giay khai sinh'), 'giay-khai-sinh.pdf');
    const signed = await send(chair, {
      type: 'SIGN',
      uploads: [{ uploadId: result.body.id, document: 'result' }],
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect((await send(desk, { type: 'RETURN_RESULT' })).status).toBe(200);
    const after = await report();
    expect(after.total.received - before.received).toBe(2);
    expect(after.total.digitisedAtReception - before.digitisedAtReception).toBe(1);
    expect(after.total.resultsDigitised - before.resultsDigitised).toBe(1);
    expect(after.total.reused).toBeGreaterThanOrEqual(1);
    expect(after.byUnit.map((r: { key: string }) => r.key)).toContain('mot-cua-xa');
    expect(after.byProcedure.map((r: { key: string }) => r.key)).toContain('dang-ky-khai-sinh');
    const files = await rt.call('GET', `/api/dossiers/${id}/files`, { token: desk });
    // The scan attached by the chair, beside the extract the server renders on SIGN (#17).
    expect(files.body.results).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          stage: 'SIGN',
          stepId: 'dang-ky-khai-sinh.kyDuyet',
          name: 'giay-khai-sinh.pdf',
        }),
      ]),
    );
  });

  it('answers 404 for a file of a dossier outside the caller’s scope', async () => {
    const pdf = await upload(rt, desk, makePdf('scope'), 'scope.pdf');
    const r = await receive({ uploads: [{ uploadId: pdf.body.id, document: 'toKhai' }] });
    const outsiderToken = await rt.login('so-van-hoa-the-thao-du-lich');
    const me = await rt.call('GET', '/api/auth/me', { token: outsiderToken });
    // A department of the province never held a step of a commune's dossier.
    const outsider = me.body.user ?? me.body;
    const inScope = await assertCanReadDossier(rt.deps, outsider as User, r.body.id).then(
      () => true,
      () => false,
    );
    expect(inScope).toBe(false);
    const list = await rt.call('GET', `/api/dossiers/${r.body.id}/files`, { token: desk });
    const url = list.body.documents[0].files[0].url;
    const denied = await getFile(rt, outsiderToken, url);
    expect(denied.status).toBe(404);
    expect((await getFile(rt, desk, url)).status).toBe(200);
  });
});

describe.each(cases)(
  'a crash between upload and event on %s with the %s store',
  (dialect, store) => {
    it(
      'leaves nothing behind after the restart: the upload expires, its blob is collected, linked files stay',
      { timeout: 120_000 },
      async () => {
        const files = storeEnv(store);
        const pg = dialect === 'postgres' ? await createPostgresDatabase() : undefined;
        const dir = mkdtempSync(join(tmpdir(), 'motcua-crash-'));
        const databaseUrl = pg?.url ?? `sqlite:${join(dir, 'motcua.db')}`;
        const env = { ...LIMITS, ...files.env };
        try {
          let rt = await startTestRuntime(dialect, { databaseUrl, env });
          const desk = await rt.login('mot-cua-xa');
          const kept = await upload(rt, desk, makePdf('kept'), 'kept.pdf');
          const lost = await upload(rt, desk, makePdf('lost'), 'lost.pdf');
          const r = await rt.call('POST', '/api/dossiers', {
            token: desk,
            body: { ...BIRTH_RECEIPT, uploads: [{ uploadId: kept.body.id, document: 'toKhai' }] },
          });
          expect(r.status).toBe(201);
          expect(await rt.deps.files!.store.has(lost.body.sha256)).toBe(true);
          // The process stops before the event that would have used `lost`.
          await rt.close();

          // Blob ages are the store's clock (S3 keeps whole seconds): wait past the upload lifetime.
          await new Promise((resolve) => setTimeout(resolve, 2100));
          rt = await startTestRuntime(dialect, {
            databaseUrl,
            env,
            proceduresDir: rt.proceduresDir,
          });
          rt.clock.set('2026-03-02T09:00');
          const collected = await rt.deps.files!.collect();
          expect(collected).toMatchObject({ uploads: 1, blobs: 1 });
          expect(await rt.deps.files!.store.has(lost.body.sha256)).toBe(false);
          expect(await rt.deps.files!.store.has(kept.body.sha256)).toBe(true);
          const left = await rt.deps.db.selectFrom('file_uploads').select('id').execute();
          expect(left).toEqual([]);
          // The expired upload cannot be linked any more.
          const token = await rt.login('mot-cua-xa');
          const late = await rt.call('POST', '/api/dossiers', {
            token,
            body: { ...BIRTH_RECEIPT, uploads: [{ uploadId: lost.body.id, document: 'toKhai' }] },
          });
          expect(late.status).toBe(422);
          const list = await rt.call('GET', `/api/dossiers/${r.body.id}/files`, { token });
          const opened = await getFile(rt, token, list.body.documents[0].files[0].url);
          expect(opened.status).toBe(200);
          await rt.close();
        } finally {
          await pg?.drop();
          rmSync(dir, { recursive: true, force: true });
          files.cleanup();
        }
      },
    );
  },
);
