import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { solveChallenge } from 'altcha-lib/v1';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dialectsUnderTest } from '../support/databases.ts';
import { BIRTH_RECEIPT, startTestRuntime, type TestRuntime } from '../support/runtime.ts';
import { JPEG, makePdf } from './filesFixtures.ts';

/**
 * The citizen's online public service through the API, on both databases: the catalog searched
 * and paged on the server, online submission (uploads, proof of work, limits per address), the
 * desk's queue (accept, supplement request, refusal) seen by the citizen, the online supplement,
 * and the electronic result.
 */

// Each test solves proofs of work (up to 100,000 SHA-256 each): seconds on a busy machine.
vi.setConfig({ testTimeout: 90_000 });

const dialects = await dialectsUnderTest();

/** Solve a challenge as the citizen's browser does; the ALTCHA payload to send. */
async function solve(challenge: {
  algorithm: string;
  challenge: string;
  salt: string;
  signature: string;
}): Promise<string> {
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm)
    .promise;
  expect(solution).not.toBeNull();
  return Buffer.from(
    JSON.stringify({
      algorithm: challenge.algorithm,
      challenge: challenge.challenge,
      number: solution!.number,
      salt: challenge.salt,
      signature: challenge.signature,
    }),
  ).toString('base64');
}

const KEY = 'khoa-tai-len-cua-trang-0001';

describe.each(dialects)("the citizen's online service on %s", (dialect) => {
  let rt: TestRuntime;
  let dir: string;
  let desk: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-citizen-'));
    rt = await startTestRuntime(dialect, {
      env: { TRUST_PROXY: 'true', FILE_STORE: `disk:${dir}`, MAX_FILE_BYTES: '100000' },
    });
    desk = await rt.login('mot-cua-xa');
  });
  afterAll(async () => {
    await rt?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const from = (address: string) => ({ 'x-forwarded-for': address });

  async function upload(bytes: Uint8Array, name: string, address: string, key = KEY) {
    const res = await rt.app.request(`/api/public/uploads?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: {
        'x-upload-key': key,
        'content-type': 'application/octet-stream',
        ...from(address),
      },
      body: bytes as Uint8Array<ArrayBuffer>,
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  async function challenge() {
    return solve((await rt.call('GET', '/api/public/challenge')).body);
  }

  /** A birth registration submitted online from an address, with its two documents. */
  async function submit(address: string, extra: Record<string, unknown> = {}) {
    const a = await upload(makePdf(`to khai ${address} ${Math.random()}`), 'to-khai.pdf', address);
    const b = await upload(JPEG, 'giay-chung-sinh.jpg', address);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    return rt.call('POST', '/api/public/submissions', {
      headers: from(address),
      body: {
        procedureId: 'dang-ky-khai-sinh',
        applicant: {
          name: 'Trần Thị Mai',
          phone: '0912345678',
          email: 'mai@example.vn',
        },
        data: BIRTH_RECEIPT.data,
        uploads: [
          { uploadId: a.body.id, document: 'toKhai' },
          { uploadId: b.body.id, document: 'giayChungSinh' },
        ],
        uploadKey: KEY,
        altcha: await challenge(),
        ...extra,
      },
    });
  }

  it('searches and pages the catalog on the server, accents and case ignored', async () => {
    const all = await rt.call('GET', '/api/public/catalog?pageSize=5');
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThan(5);
    expect(all.body.items).toHaveLength(5);
    const second = await rt.call('GET', '/api/public/catalog?pageSize=5&page=2');
    expect(second.body.items[0].id).not.toBe(all.body.items[0].id);
    const found = await rt.call('GET', '/api/public/catalog?q=KHAI%20SINH');
    expect(found.body.items.map((i: { id: string }) => i.id)).toContain('dang-ky-khai-sinh');
    const byField = await rt.call(
      'GET',
      `/api/public/catalog?field=${encodeURIComponent('ho tich')}`,
    );
    expect(byField.body.total).toBeGreaterThan(0);
    expect(byField.body.items.every((i: { field: string }) => i.field === 'Hộ tịch')).toBe(true);
    const none = await rt.call('GET', '/api/public/catalog?q=khongcothutucnay');
    expect(none.body).toMatchObject({ total: 0, items: [] });
    expect((await rt.call('GET', '/api/public/catalog?pageSize=1000')).status).toBe(422);
    const one = await rt.call('GET', '/api/public/catalog/dang-ky-khai-sinh');
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      onlineService: 'full',
      resultDelivery: ['electronic', 'desk'],
      submitTo: { id: 'mot-cua-xa' },
    });
    expect(one.body.form.schema.properties.hoTenTre).toBeDefined();
    expect(one.body.legalBasis.length).toBeGreaterThan(0);
    expect((await rt.call('GET', '/api/public/catalog/khong-co')).status).toBe(404);
  });

  it('refuses a submission without a solved challenge, or with one used twice', async () => {
    const missing = await submit('10.20.0.1', { altcha: undefined });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details.problems[0].path).toBe('/altcha');
    const forged = Buffer.from(JSON.stringify({ algorithm: 'SHA-256', number: 1 })).toString(
      'base64',
    );
    expect((await submit('10.20.0.1', { altcha: forged })).status).toBe(422);
    const payload = await challenge();
    expect((await submit('10.20.0.2', { altcha: payload })).status).toBe(201);
    const reused = await submit('10.20.0.2', { altcha: payload });
    expect(reused.status).toBe(422);
    expect(reused.body.error.details.problems[0].message).toMatch(/already used/);
  });

  it('checks the e-form, the documents and the contact details like the desk', async () => {
    const bad = await submit('10.21.0.1', {
      data: { ...BIRTH_RECEIPT.data, soDinhDanhNguoiKhai: '12' },
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body.error.details)).toContain('soDinhDanhNguoiKhai');
    const noMail = await submit('10.21.0.2', {
      applicant: { name: 'Trần Thị Mai', phone: '0912345678', email: 'khong-phai-thu' },
    });
    expect(noMail.status).toBe(422);
    expect(noMail.body.error.details.problems[0].path).toBe('/applicant/email');
    const noDocs = await rt.call('POST', '/api/public/submissions', {
      headers: from('10.21.0.3'),
      body: {
        procedureId: 'dang-ky-khai-sinh',
        applicant: { name: 'Trần Thị Mai', phone: '0912345678', email: 'mai@example.vn' },
        data: BIRTH_RECEIPT.data,
        uploadKey: KEY,
        altcha: await challenge(),
      },
    });
    expect(noDocs.status).toBe(422);
    expect(noDocs.body.error.details.problems[0].message).toMatch(/giayChungSinh/);
    // Another page's uploads (another key) are not this submission's.
    const other = await upload(JPEG, 'x.jpg', '10.21.0.4', 'khoa-cua-nguoi-khac-0002');
    const stolen = await rt.call('POST', '/api/public/submissions', {
      headers: from('10.21.0.4'),
      body: {
        procedureId: 'dang-ky-khai-sinh',
        applicant: { name: 'Trần Thị Mai', phone: '0912345678', email: 'mai@example.vn' },
        data: BIRTH_RECEIPT.data,
        uploads: [{ uploadId: other.body.id, document: 'giayChungSinh' }],
        uploadKey: KEY,
        altcha: await challenge(),
      },
    });
    expect(stolen.status).toBe(422);
    expect(stolen.body.error.details.problems[0].path).toBe('/uploads/0/uploadId');
  });

  it(
    'limits submissions and uploads per address, and the size of each file',
    { timeout: 240_000 },
    async () => {
      for (let i = 0; i < 5; i++) expect((await submit('10.22.0.1')).status).toBe(201);
      const sixth = await submit('10.22.0.1');
      expect(sixth.status).toBe(429);
      expect(sixth.body.error.details).toMatchObject({ limit: 'submit', max: 5 });
      expect(sixth.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
      // Another address is not concerned; an hour later the address may submit again.
      expect((await submit('10.22.0.2')).status).toBe(201);
      rt.clock.ms += 61 * 60_000;
      expect((await submit('10.22.0.1')).status).toBe(201);

      const big = await upload(makePdf('lon', 120_000), 'lon.pdf', '10.22.0.3');
      expect(big.status).toBe(413);
      expect(big.body.error.details.limit).toBe('MAX_FILE_BYTES');
      let status = 0;
      for (let i = 0; i < 41 && status !== 429; i++)
        status = (await upload(makePdf(`t${i}`), 't.pdf', '10.22.0.4')).status;
      expect(status).toBe(429);
      const noKey = await rt.app.request('/api/public/uploads', {
        method: 'POST',
        headers: from('10.22.0.5'),
        body: makePdf('k') as Uint8Array<ArrayBuffer>,
      });
      expect(noKey.status).toBe(422);
    },
  );

  it(
    'runs an online dossier: queue, supplement request, online supplement, acceptance, e-result',
    { timeout: 120_000 },
    async () => {
      const sent = await submit('10.23.0.1');
      expect(sent.status).toBe(201);
      const { code, secret } = sent.body as { code: string; secret: string };
      const view = (s = secret) =>
        rt.call('GET', `/api/public/dossiers/${code}/online?secret=${s}`, {
          headers: from('10.23.0.1'),
        });
      let page = await view();
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({
        channel: 'online',
        waitingAcceptance: true,
        statusText: { vi: 'Chờ tiếp nhận' },
        appointmentDate: null,
        supplement: null,
      });
      const receipt = await rt.app.request(
        `/api/public/dossiers/${code}/pdf/submission?secret=${secret}`,
      );
      expect(receipt.status).toBe(200);
      expect(receipt.headers.get('content-type')).toBe('application/pdf');
      expect((await view('SAIMABIMAT')).status).toBe(404);

      // The desk finds it among the dossiers waiting at reception, with its two files.
      const inbox = await rt.call('GET', '/api/dossiers?mine=true&limit=200', { token: desk });
      const row = inbox.body.items.find((i: { code: string }) => i.code === code);
      expect(row).toMatchObject({ channel: 'online' });
      // The online queue: online, not accepted yet, waiting for this desk.
      const queue = (accepted: boolean) =>
        rt.call('GET', `/api/dossiers?mine=true&channel=online&accepted=${accepted}&limit=200`, {
          token: desk,
        });
      const queued = await queue(false);
      expect(queued.body.items.map((i: { code: string }) => i.code)).toContain(code);
      expect(queued.body.items.every((i: { channel: string }) => i.channel === 'online')).toBe(
        true,
      );
      const files = await rt.call('GET', `/api/dossiers/${row.id}/files`, { token: desk });
      expect(files.status).toBe(200);
      expect(JSON.stringify(files.body)).toContain('giay-chung-sinh');
      expect(JSON.stringify(files.body)).toContain('Công dân (nộp trực tuyến)');

      const ask = await rt.call('POST', `/api/dossiers/${row.id}/events`, {
        token: desk,
        body: { type: 'REQUEST_SUPPLEMENT', note: 'Giấy chứng sinh bị mờ, chụp lại rõ hơn' },
      });
      expect(ask.status).toBe(200);
      page = await view();
      expect(page.body.answers).toEqual([
        expect.objectContaining({ kind: 'supplementRequest', reason: expect.stringMatching(/mờ/) }),
      ]);
      expect(page.body.supplement.events[0].type).toBe('SUPPLEMENT');
      const slip = await rt.app.request(
        `/api/public/dossiers/${code}/pdf/supplementRequest?secret=${secret}`,
      );
      expect(slip.status).toBe(200);

      // The supplement: a new scan and a corrected field, checked like any event's data.
      const scan = await upload(JPEG, 'chung-sinh-ro.jpg', '10.23.0.1');
      const wrong = await rt.call('POST', `/api/public/dossiers/${code}/supplement`, {
        headers: from('10.23.0.1'),
        body: { secret, uploadKey: KEY, data: { soDinhDanhNguoiKhai: 'abc' } },
      });
      expect(wrong.status).toBe(422);
      const fixed = await rt.call('POST', `/api/public/dossiers/${code}/supplement`, {
        headers: from('10.23.0.1'),
        body: {
          secret,
          uploadKey: KEY,
          data: { noiSinh: 'Bệnh viện Phụ sản Hà Nội' },
          uploads: [{ uploadId: scan.body.id, document: 'giayChungSinh' }],
        },
      });
      expect(fixed.status).toBe(200);
      expect(fixed.body).toMatchObject({ waitingAcceptance: true, supplement: null });
      // Nothing more to supplement now.
      const twice = await rt.call('POST', `/api/public/dossiers/${code}/supplement`, {
        headers: from('10.23.0.1'),
        body: { secret, uploadKey: KEY },
      });
      expect(twice.status).toBe(409);

      // Accepted on a Monday at 16:30 (after the 15:00 cutoff): the clock counts from Tuesday.
      rt.clock.set('2026-03-02T16:30:00');
      const accept = await rt.call('POST', `/api/dossiers/${row.id}/events`, {
        token: desk,
        body: { type: 'ACCEPT' },
      });
      expect(accept.status).toBe(200);
      page = await view();
      expect(page.body.waitingAcceptance).toBe(false);
      expect((await queue(false)).body.items.map((i: { code: string }) => i.code)).not.toContain(
        code,
      );
      expect(page.body.acceptedAt).toBe('2026-03-02T09:30:00.000Z');
      expect(page.body.appointmentDate).toBe('2026-03-03T10:00:00.000Z');
      expect(page.body.answers.map((a: { kind: string }) => a.kind)).toEqual([
        'supplementRequest',
        'receipt',
      ]);
      expect(
        (await rt.app.request(`/api/public/dossiers/${code}/pdf/result?secret=${secret}`)).status,
      ).toBe(404);

      rt.clock.set('2026-03-03T08:00:00');
      const justice = await rt.login('tu-phap-xa');
      const leader = await rt.login('ubnd-xa');
      desk = await rt.login('mot-cua-xa');
      for (const [token, type] of [
        [justice, 'PROPOSE'],
        [leader, 'SIGN'],
        [desk, 'RETURN_RESULT'],
      ] as const) {
        const r = await rt.call('POST', `/api/dossiers/${row.id}/events`, {
          token,
          body: { type },
        });
        expect(r.status, `${type}: ${JSON.stringify(r.body)}`).toBe(200);
      }
      page = await view();
      expect(page.body.result).toMatchObject({ issued: true, electronic: true });
      const result = await rt.app.request(
        `/api/public/dossiers/${code}/pdf/result?secret=${secret}`,
      );
      expect(result.status).toBe(200);
      expect(
        Buffer.from(await result.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    },
  );

  it('sees a refusal online with its reason and slip', async () => {
    const sent = await submit('10.24.0.1');
    const { code, secret } = sent.body as { code: string; secret: string };
    desk = await rt.login('mot-cua-xa');
    const inbox = await rt.call('GET', '/api/dossiers?mine=true&limit=200', { token: desk });
    const row = inbox.body.items.find((i: { code: string }) => i.code === code);
    const refuse = await rt.call('POST', `/api/dossiers/${row.id}/events`, {
      token: desk,
      body: { type: 'REFUSE', note: 'Trẻ đã được đăng ký khai sinh tại nơi khác' },
    });
    expect(refuse.status).toBe(200);
    const page = await rt.call('GET', `/api/public/dossiers/${code}/online?secret=${secret}`);
    expect(page.body.outcome).toBe('refused');
    expect(page.body.answers[0]).toMatchObject({
      kind: 'refusal',
      reason: 'Trẻ đã được đăng ký khai sinh tại nơi khác',
    });
    const slip = await rt.app.request(`/api/public/dossiers/${code}/pdf/refusal?secret=${secret}`);
    expect(slip.status).toBe(200);
  });
});
