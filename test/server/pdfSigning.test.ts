import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../support/databases.ts';
import { BIRTH_RECEIPT, startTestRuntime, type TestRuntime } from '../support/runtime.ts';
import { createTestCa } from './pdfTestCa.ts';
import { verifyPdf } from '../../server/pdf/verifyPdf.ts';

const dialects = await dialectsUnderTest();

/** GET a PDF through the app. */
async function download(rt: TestRuntime, path: string, token: string) {
  const res = await rt.app.request(path, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    bytes: new Uint8Array(await res.arrayBuffer()),
  };
}

async function verify(rt: TestRuntime, bytes: Uint8Array) {
  const res = await rt.app.request('/api/verify', {
    method: 'POST',
    headers: { 'content-type': 'application/pdf' },
    body: Buffer.from(bytes) as unknown as BodyInit,
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** pdfsig's report on a file (poppler-utils: a verifier that is not ours). */
function pdfsig(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'motcua-pdfsig-')), 'doc.pdf');
  writeFileSync(file, bytes);
  const r = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`;
}

/** The first page as PNG (pdftoppm) and the QR code decoded from it. */
function firstPage(bytes: Uint8Array, name: string) {
  const dir = join(process.cwd(), 'test-results');
  execFileSync('mkdir', ['-p', dir]);
  const pdf = join(dir, `${name}.pdf`);
  writeFileSync(pdf, bytes);
  execFileSync('pdftoppm', [
    '-r',
    '110',
    '-png',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    join(dir, name),
  ]);
  const png = PNG.sync.read(readFileSync(join(dir, `${name}.png`)));
  const qr = jsQR(
    new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
    png.width,
    png.height,
  );
  return { width: png.width, height: png.height, qr: qr?.data ?? null };
}

// Rendering and signing cost CPU; on a shared 2-core machine a test may take several seconds.
describe.each(dialects)('signed results and PDF slips on %s', { timeout: 60_000 }, (dialect) => {
  let rt: TestRuntime;
  let desk: string;
  let chair: string;
  let id: string;
  let code: string;
  let secret: string;
  let signed: Uint8Array;
  const ca = createTestCa();
  ca.trust();
  ca.issue('users', 'ubnd-xa', 'Lê Văn Chủ Tịch');
  ca.issue('units', 'mot-cua-xa', 'Bộ phận một cửa xã Yên Sơn');

  beforeAll(async () => {
    rt = await startTestRuntime(dialect, {
      env: {
        SIGNING_DIR: ca.dir,
        FILE_STORE: `disk:${mkdtempSync(join(tmpdir(), 'motcua-files-'))}`,
        PUBLIC_URL: 'https://motcua.example.vn',
      },
    });
    [desk, chair] = await Promise.all([rt.login('mot-cua-xa'), rt.login('ubnd-xa')]);
    const justice = await rt.login('tu-phap-xa');
    rt.clock.set('2026-03-02T09:00');
    const r = await rt.call('POST', '/api/dossiers', { token: desk, body: BIRTH_RECEIPT });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    ({ id, code, secret } = r.body);
    await rt.call('POST', `/api/dossiers/${id}/events`, {
      token: justice,
      body: { type: 'PROPOSE' },
    });
    rt.clock.set('2026-03-02T09:20');
    const s = await rt.call('POST', `/api/dossiers/${id}/events`, {
      token: chair,
      body: { type: 'SIGN' },
    });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
  }, 60_000);
  afterAll(async () => rt?.dispose());

  it('stores the signed birth extract when the chair signs, for officers to download', async () => {
    const r = await download(rt, `/api/dossiers/${id}/pdf/result`, desk);
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/pdf');
    signed = r.bytes;
    expect(Buffer.from(signed.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it('is valid for pdfsig (poppler), and a changed byte makes pdfsig reject it', () => {
    const report = pdfsig(signed);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Lê Văn Chủ Tịch');
    expect(report).toContain('Total document signed');
    const tampered = tamper(signed);
    expect(pdfsig(tampered)).toMatch(/Signature is Invalid|Digest Mismatch/);
  });

  it('verifies through POST /api/verify: signer, time, dossier code; tampering is detected', async () => {
    const ok = await verify(rt, signed);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      signed: true,
      valid: true,
      unchanged: true,
      trusted: true,
      signer: {
        name: 'Lê Văn Chủ Tịch',
        organization: 'UBND xã Yên Sơn',
        issuer: 'motcua Test CA',
      },
      signedAt: new Date(Date.parse('2026-03-02T09:20:00+07:00')).toISOString(),
      dossierCode: code,
      documentKind: 'result',
      title: 'Trích lục khai sinh',
      problems: [],
    });
    const bad = await verify(rt, tamper(signed));
    expect(bad.body.valid).toBe(false);
    expect(bad.body.unchanged).toBe(false);
    expect(bad.body.problems.map((p: { code: string }) => p.code)).toContain('changed');
    // Something appended after signing (an incremental update) is reported too.
    const appended = new Uint8Array([...signed, ...Buffer.from('\n%extra\n')]);
    const more = await verify(rt, appended);
    expect(more.body.valid).toBe(false);
    expect(more.body.problems.map((p: { code: string }) => p.code)).toContain('partial-coverage');
  });

  it('renders the extract on A4 with Vietnamese text and a QR code to the verification page', () => {
    const page = firstPage(signed, `pdf-result-${dialect}`);
    // A4 (595 × 842 pt) at 110 dpi: about 909 × 1286 pixels.
    expect(Math.abs(page.width - 909)).toBeLessThanOrEqual(1);
    expect(Math.abs(page.height - 1286)).toBeLessThanOrEqual(1);
    expect(page.qr).toBe(`https://motcua.example.vn/xac-minh?code=${encodeURIComponent(code)}`);
    const text = execFileSync(
      'pdftotext',
      ['-layout', join(process.cwd(), 'test-results', `pdf-result-${dialect}.pdf`), '-'],
      { encoding: 'utf8' },
    );
    expect(text).toContain('TRÍCH LỤC KHAI SINH');
    expect(text).toContain('Nguyễn Văn An');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('20/02/2026');
  });

  it('says a signer outside the trusted CAs is untrusted and a file that is not a PDF is not one', async () => {
    const untrusted = await verifyPdf(signed, [createTestCa('Another CA').caPem]);
    expect(untrusted).toMatchObject({
      signed: true,
      valid: false,
      unchanged: true,
      trusted: false,
    });
    expect(untrusted.problems.map((p) => p.code)).toEqual(['untrusted']);
    const r = await verify(rt, new TextEncoder().encode('hello'));
    expect(r.status).toBe(200);
    expect(r.body.problems[0].code).toBe('not-pdf');
    // Damaged signature values (the RSA signature ends the DER: its last 256 bytes): always an
    // answer, never valid. (Bytes of the embedded CA copy may change harmlessly: the anchor is ours.)
    const text = Buffer.from(signed).toString('latin1');
    const start = text.lastIndexOf('/Contents <') + 11;
    // The CMS (DER: 30 82 length) is followed by zero padding, which no signature covers.
    expect(text.slice(start, start + 4)).toBe('3082');
    const derHex = 2 * (parseInt(text.slice(start + 4, start + 8), 16) + 4);
    for (let i = 0; i < 40; i++) {
      const copy = new Uint8Array(signed);
      const at = start + derHex - 512 + ((i * 13) % 512);
      copy[at] = '0123456789abcdef'.charCodeAt((copy[at]! + i) % 16);
      const v = await verifyPdf(copy, [ca.caPem]);
      if (copy[at] !== signed[at]) expect(v.valid, `byte ${at}`).toBe(false);
    }
    const empty = await rt.app.request('/api/verify', { method: 'POST', body: '' });
    expect(empty.status).toBe(422);
  });

  it('gives the receipt as a PDF signed by the unit, with the secret only for who has it', async () => {
    const withSecret = await download(rt, `/api/dossiers/${id}/pdf/receipt?secret=${secret}`, desk);
    expect(withSecret.status).toBe(200);
    const page = firstPage(withSecret.bytes, `pdf-receipt-${dialect}`);
    expect(page.qr).toBe(`https://motcua.example.vn/tra-cuu?code=${encodeURIComponent(code)}`);
    const text = execFileSync(
      'pdftotext',
      [join(process.cwd(), 'test-results', `pdf-receipt-${dialect}.pdf`), '-'],
      { encoding: 'utf8' },
    );
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    // The text layer is right too (copy, search): a font shared between documents broke it.
    expect(text).toContain('Số điện thoại: 0912345678');
    expect(text).toContain('UBND');
    expect(text).toContain(secret);
    const v = await verify(rt, withSecret.bytes);
    expect(v.body).toMatchObject({
      valid: true,
      signer: { name: 'Bộ phận một cửa xã Yên Sơn' },
      documentKind: 'receipt',
    });
    const wrong = await download(rt, `/api/dossiers/${id}/pdf/receipt?secret=WRONGWRONG`, desk);
    expect(Buffer.from(wrong.bytes).toString('latin1')).not.toContain('WRONGWRONG');
    const control = await download(rt, `/api/dossiers/${id}/pdf/control`, chair);
    expect(control.status).toBe(200);
    firstPage(control.bytes, `pdf-control-${dialect}`);
  });

  it('answers 404 for a slip never issued, 422 for an unknown kind, 401 without a session', async () => {
    expect((await download(rt, `/api/dossiers/${id}/pdf/refusal`, desk)).status).toBe(404);
    expect((await download(rt, `/api/dossiers/${id}/pdf/nope`, desk)).status).toBe(422);
    expect(
      (await download(rt, `/api/dossiers/00000000-0000-4000-8000-000000000000/pdf/result`, desk))
        .status,
    ).toBe(404);
    const anon = await rt.app.request(`/api/dossiers/${id}/pdf/result`);
    expect(anon.status).toBe(401);
    // Both routes are in the API's description.
    const doc = await rt.call('GET', '/api/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/dossiers/{id}/pdf/{kind}', '/api/verify']),
    );
  });
});

/** A copy with one byte of the page content changed (inside the signed range). */
function tamper(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes);
  const text = Buffer.from(copy).toString('latin1');
  const at = text.indexOf('/Producer');
  copy[at + 12] = copy[at + 12]! ^ 0x01;
  return copy;
}
