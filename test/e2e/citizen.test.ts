import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { solveChallenge } from 'altcha-lib/v1';
import { describe, expect, it } from 'vitest';
import { BIRTH_DATA } from '../support/runtime.ts';
import { JPEG, makePdf } from '../server/filesFixtures.ts';
import { createTestCa } from '../server/pdfTestCa.ts';
import { seriousViolations, scrollsSideways } from './axe.ts';
import { browserSuite, signIn } from './browserSuite.ts';

const files = mkdtempSync(join(tmpdir(), 'motcua-citizen-e2e-'));
// The chair signs the birth extract with a key of a test CA the server trusts.
const ca = createTestCa();
ca.trust();
ca.issue('users', 'ubnd-xa', 'Lê Văn Chủ Tịch');
const suite = browserSuite('citizen', {
  env: { FILE_STORE: `disk:${files}`, SIGNING_DIR: ca.dir },
});
const PHONE = { width: 390, height: 844 };

/** A bearer token for a demo user. */
async function token(username: string): Promise<string> {
  const res = await fetch(`${suite.server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'motcua' }),
  });
  return ((await res.json()) as { token: string }).token;
}

async function api(method: string, path: string, bearer: string, body?: unknown) {
  const res = await fetch(`${suite.server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as any;
}

/** A birth registration submitted online through the API (uploads, solved challenge). */
async function submitByApi(): Promise<{ code: string; secret: string }> {
  const key = 'khoa-trang-cua-cong-dan-e2e';
  const upload = async (bytes: Uint8Array, name: string) => {
    const res = await fetch(`${suite.server.url}/api/public/uploads?name=${name}`, {
      method: 'POST',
      headers: { 'x-upload-key': key, 'content-type': 'application/octet-stream' },
      body: bytes as Uint8Array<ArrayBuffer>,
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const c = (await (await fetch(`${suite.server.url}/api/public/challenge`)).json()) as {
    algorithm: string;
    challenge: string;
    salt: string;
    signature: string;
  };
  const solution = await solveChallenge(c.challenge, c.salt, c.algorithm).promise;
  const altcha = Buffer.from(JSON.stringify({ ...c, number: solution!.number })).toString('base64');
  const res = await fetch(`${suite.server.url}/api/public/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      procedureId: 'dang-ky-khai-sinh',
      applicant: { name: 'Trần Thị Mai', phone: '0987654321', email: 'mai@example.vn' },
      data: BIRTH_DATA,
      uploads: [{ uploadId: await upload(JPEG, 'chung-sinh-mo.jpg'), document: 'giayChungSinh' }],
      uploadKey: key,
      altcha,
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { code: string; secret: string };
}

/** Open the citizen's dossier page with code and secret. */
async function openDossier(page: Page, code: string, secret: string): Promise<void> {
  await page.getByLabel('Mã hồ sơ').fill(code);
  await page.getByLabel('Mã bí mật').fill(secret);
  await page.getByRole('button', { name: 'Xem hồ sơ' }).click();
  await page.locator('#dossier-status').waitFor();
}

/** A phone-sized page that fits the screen and passes axe, with its screenshot. */
async function checkPage(page: Page, name: string): Promise<void> {
  await suite.shot(page, name);
  expect(await scrollsSideways(page), `${name} scrolls sideways`).toBe(false);
  expect(await seriousViolations(page), name).toEqual([]);
}

describe('the citizen online on a phone (390×844)', { timeout: 300_000 }, () => {
  it('finds birth registration, submits online with two uploads, the desk accepts, the result is downloaded', async () => {
    const scan = join(files, 'to-khai-ky-tay.pdf');
    writeFileSync(scan, makePdf('To khai dang ky khai sinh da ky'));
    const photo = join(files, 'giay-chung-sinh.jpg');
    writeFileSync(photo, JPEG);

    // The catalog: searched without accents on the server.
    const page = await suite.page({ path: '/dich-vu-cong', viewport: PHONE });
    await page.getByRole('heading', { name: 'Thủ tục hành chính', level: 1 }).waitFor();
    await page.locator('.catalog-item').first().waitFor();
    await checkPage(page, '1-catalog');
    await page.getByLabel('Tìm thủ tục').fill('khai sinh');
    await page.getByRole('button', { name: 'Tìm thủ tục' }).click();
    await page.getByText(/Tìm thấy \d+ thủ tục/).waitFor();
    await page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click();

    // The procedure's public sheet.
    await page.getByRole('heading', { name: 'Đăng ký khai sinh', level: 1 }).waitFor();
    await page.getByText('60/2014/QH13').waitFor();
    await checkPage(page, '2-procedure');
    await page.getByRole('button', { name: 'Nộp hồ sơ trực tuyến' }).click();

    // Step 1: the e-form, the desk's JSON Schema and widgets.
    await page.locator('#root_hoTenTre').waitFor();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    // Nothing filled: the form says what is missing and stays.
    await page
      .locator('#root_hoTenTre[aria-invalid="true"], .citizen-eform .error-detail')
      .first()
      .waitFor();
    for (const [field, value] of Object.entries(BIRTH_DATA)) {
      const input = page.locator(`#root_${field}`);
      if ((await input.evaluate((e) => e.tagName)) === 'SELECT') await input.selectOption(value);
      else await input.fill(value.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1'));
    }
    await checkPage(page, '3-submit-form');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Step 2: two uploads.
    await page.getByText('Bước 2/4: Giấy tờ').waitFor();
    await page.getByLabel(/^Tờ khai đăng ký khai sinh/).setInputFiles(scan);
    await page.getByText('Đã tải lên: to-khai-ky-tay.pdf').waitFor();
    await page.getByLabel(/^Giấy chứng sinh/).setInputFiles(photo);
    await page.getByText('Đã tải lên: giay-chung-sinh.jpg').waitFor();
    await checkPage(page, '4-submit-documents');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Step 3: contact.
    await page.getByLabel('Họ và tên người nộp').fill('Nguyễn Văn Cường');
    await page.getByLabel('Số điện thoại').fill('0912345678');
    await page.getByLabel('Thư điện tử').fill('cuong@example.vn');
    await checkPage(page, '5-submit-contact');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Step 4: review, the proof of work, submit.
    await page.getByText('Bước 4/4: Xem lại và nộp').waitFor();
    await page.getByText('Nguyễn Văn An').waitFor();
    await page.getByLabel(/Tôi cam đoan/).check();
    await checkPage(page, '6-submit-review');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.getByRole('heading', { name: 'Đã nộp hồ sơ' }).waitFor({ timeout: 60_000 });
    const code = (await page.getByTestId('submitted-code').innerText()).trim();
    const secret = (await page.getByTestId('submitted-secret').innerText()).trim();
    expect(code).toMatch(/^X01\.01-/);
    expect(secret).toMatch(/^[A-Z2-9]{10}$/);
    await checkPage(page, '7-submitted');
    const [receipt] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải giấy xác nhận (PDF)' }).click(),
    ]);
    expect(
      readFileSync(await receipt.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // The dossier page: waiting for the desk.
    await page.getByRole('button', { name: 'Theo dõi hồ sơ' }).click();
    await expect(page.getByLabel('Mã hồ sơ').inputValue()).resolves.toBe(code);
    await page.getByLabel('Mã bí mật').fill(secret);
    await page.getByRole('button', { name: 'Xem hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Chờ tiếp nhận' }).waitFor();
    await checkPage(page, '8-dossier-waiting');

    // The desk's online queue (office, laptop): the dossier waits at reception with its two
    // files; the officer accepts it on its page.
    const desk = await token('mot-cua-xa');
    const inbox = await api('GET', '/api/dossiers?mine=true&channel=online&accepted=false', desk);
    const row = inbox.items.find((i: { code: string }) => i.code === code);
    expect(row).toMatchObject({ channel: 'online', state: 'tiepNhan' });
    const listed = await api('GET', `/api/dossiers/${row.id}/files`, desk);
    expect(JSON.stringify(listed)).toContain('giay-chung-sinh.jpg');
    expect(JSON.stringify(listed)).toContain('to-khai-ky-tay.pdf');
    const office = await suite.page({ path: '/dossiers' });
    await signIn(office, 'mot-cua-xa');
    await office.getByRole('tab', { name: 'Trực tuyến chờ tiếp nhận' }).click();
    await office.getByRole('link', { name: code }).click();
    await office.locator('#dossier-title').waitFor();
    await office.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await office.getByRole('dialog').getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await office.getByRole('status').filter({ hasText: 'Đã thực hiện: Tiếp nhận hồ sơ' }).waitFor();
    await suite.shot(office, '14-desk-accepted');
    await api('POST', `/api/dossiers/${row.id}/events`, await token('tu-phap-xa'), {
      type: 'PROPOSE',
    });
    await api('POST', `/api/dossiers/${row.id}/events`, await token('ubnd-xa'), { type: 'SIGN' });
    await api('POST', `/api/dossiers/${row.id}/events`, desk, { type: 'RETURN_RESULT' });

    // The citizen sees the receipt and the result, and downloads it.
    await page.reload();
    await page.getByLabel('Mã hồ sơ').fill(code);
    await page.getByLabel('Mã bí mật').fill(secret);
    await page.getByRole('button', { name: 'Xem hồ sơ' }).click();
    await page.getByTestId('result-download').waitFor();
    await page.getByText('Giấy tiếp nhận hồ sơ và hẹn trả kết quả').waitFor();
    await checkPage(page, '9-dossier-result');
    const [result] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('result-download').click(),
    ]);
    // The citizen's copy is the chair's signed extract.
    const extract = readFileSync(await result.path());
    const verdict = await fetch(`${suite.server.url}/api/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: extract,
    });
    expect(await verdict.json()).toMatchObject({
      signed: true,
      valid: true,
      unchanged: true,
      dossierCode: code,
    });

    // After the result the citizen rates the service on the same page, once.
    const rating = page.getByRole('region', { name: 'Đánh giá mức độ hài lòng' });
    await rating.waitFor();
    for (const [group, score] of [
      ['Thái độ phục vụ của cán bộ', 'Hài lòng'],
      ['Thời gian giải quyết so với giấy hẹn', 'Rất hài lòng'],
      ['Hướng dẫn, thông tin rõ ràng, dễ hiểu', 'Hài lòng'],
    ] as const)
      await rating.getByRole('group', { name: group }).getByLabel(score, { exact: true }).check();
    await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await rating.getByText('Cảm ơn Ông/Bà đã đánh giá.').waitFor();
    await checkPage(page, '10-dossier-rated');

    // The statistics count the dossier in the online channel, and its rating.
    const leader = await token('ubnd-xa');
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const report = await api(
      'GET',
      `/api/reports/summary?from=${today}&to=${today}&groupBy=channel`,
      leader,
    );
    const online = report.rows.find((r: { key: string }) => r.key === 'online');
    expect(online).toMatchObject({ received: 1, online: 1, resolved: 1 });
    const satisfaction = await api(
      'GET',
      `/api/reports/satisfaction?from=${today}&to=${today}&groupBy=procedure`,
      leader,
    );
    expect(satisfaction.total).toMatchObject({ ratings: 1, satisfied: 1 });
  });

  it('supplements online when the desk asks, and sees the refusal with its reason', async () => {
    const { code, secret } = await submitByApi();
    const desk = await token('mot-cua-xa');
    const inbox = await api('GET', '/api/dossiers?mine=true', desk);
    const row = inbox.items.find((i: { code: string }) => i.code === code);
    await api('POST', `/api/dossiers/${row.id}/events`, desk, {
      type: 'REQUEST_SUPPLEMENT',
      note: 'Ảnh giấy chứng sinh bị mờ, đề nghị chụp lại rõ nét.',
    });

    const page = await suite.page({ path: '/ho-so-truc-tuyen', viewport: PHONE });
    await page.getByLabel('Mã bí mật').waitFor();
    await checkPage(page, '10-dossier-open');
    await openDossier(page, code, secret);
    await page.getByRole('heading', { name: 'Bổ sung hồ sơ', exact: true }).waitFor();
    await page.getByText(/bị mờ/).first().waitFor();
    await checkPage(page, '11-dossier-supplement');
    const photo = join(files, 'chung-sinh-ro.jpg');
    writeFileSync(photo, JPEG);
    await page
      .locator('.citizen-supplement')
      .getByLabel(/^Giấy chứng sinh/)
      .setInputFiles(photo);
    await page.getByText('Đã tải lên: chung-sinh-ro.jpg').waitFor();
    await page.locator('#root_noiSinh').fill('Bệnh viện Phụ sản Hà Nội');
    await page.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await page.getByText('Đã gửi bổ sung.', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'Chờ tiếp nhận' }).waitFor();
    await checkPage(page, '12-dossier-supplemented');
    const detail = await api('GET', `/api/dossiers/${row.id}`, desk);
    expect(detail.data.noiSinh).toBe('Bệnh viện Phụ sản Hà Nội');

    await api('POST', `/api/dossiers/${row.id}/events`, desk, {
      type: 'REFUSE',
      note: 'Trẻ đã được đăng ký khai sinh tại UBND phường khác.',
    });
    await page.reload();
    await openDossier(page, code, secret);
    await page.getByText(/tại UBND phường khác/).waitFor();
    await page.getByText('Phiếu từ chối tiếp nhận', { exact: false }).first().waitFor();
    await checkPage(page, '13-dossier-refused');
  });

  it('prints the catalog without the search controls', async () => {
    const page = await suite.page({ path: '/dich-vu-cong?q=ket%20hon', viewport: PHONE });
    await page.getByRole('link', { name: 'Đăng ký kết hôn' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.citizen-search').isVisible()).toBe(false);
    expect(await page.locator('.catalog-item').first().isVisible()).toBe(true);
  });
});
