import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BIRTH_RECEIPT } from '../support/runtime.ts';
import { createTestCa } from '../server/pdfTestCa.ts';
import { browserSuite, signIn, SHOTS } from './browserSuite.ts';

const ca = createTestCa();
ca.trust();
ca.issue('users', 'ubnd-xa', 'Lê Văn Chủ Tịch');
const suite = browserSuite('signing', {
  env: { SIGNING_DIR: ca.dir, FILE_STORE: `disk:${mkdtempSync(join(tmpdir(), 'motcua-files-'))}` },
});

/** A bearer token for a demo user. */
async function token(username: string): Promise<string> {
  const res = await fetch(`${suite.server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'motcua' }),
  });
  return ((await res.json()) as { token: string }).token;
}

async function post(path: string, bearer: string, body: unknown) {
  const res = await fetch(`${suite.server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as Record<string, string>;
}

/** Upload a file on the verification page and read its verdict. */
async function verifyInBrowser(page: Page, file: string): Promise<string> {
  await page.getByLabel('Tệp PDF').setInputFiles(file);
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  const result = page.locator('.verify-result');
  await result.waitFor();
  return result.innerText();
}

describe('a signed birth extract in Chromium', { timeout: 180_000 }, () => {
  it('the chair signs, the desk downloads the signed extract, the verification page checks it', async () => {
    const desk = await token('mot-cua-xa');
    const received = await post('/api/dossiers', desk, BIRTH_RECEIPT);
    await post(`/api/dossiers/${received.id}/events`, await token('tu-phap-xa'), {
      type: 'PROPOSE',
    });

    // The chair signs on the dossier page.
    const chair = await suite.page({ path: `/dossiers/${received.id}` });
    await signIn(chair, 'ubnd-xa');
    await chair.locator('#dossier-title').waitFor();
    await chair.getByRole('button', { name: 'Ký duyệt' }).click();
    await chair.getByRole('dialog').getByRole('button', { name: 'Ký duyệt' }).click();
    await chair.getByRole('status').filter({ hasText: 'Đã thực hiện: Ký duyệt' }).waitFor();

    // The desk downloads the signed extract from the dossier page.
    const page = await suite.page({ path: `/dossiers/${received.id}` });
    await signIn(page, 'mot-cua-xa');
    const link = page.getByRole('link', { name: 'Kết quả giải quyết (PDF có chữ ký số)' });
    await link.waitFor();
    await suite.shot(page, '1-dossier-pdf-links');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`trich-luc-khai-sinh-${received.code}.pdf`);
    const file = join(SHOTS, 'signing-extract.pdf');
    await download.saveAs(file);

    // Anyone checks it on the public verification page.
    const citizen = await suite.page({ path: `/xac-minh?code=${received.code}` });
    await citizen.getByRole('heading', { name: 'Xác minh văn bản điện tử' }).waitFor();
    const ok = await verifyInBrowser(citizen, file);
    await suite.shot(citizen, '2-verify-valid');
    expect(ok).toContain('Chữ ký số hợp lệ');
    expect(ok).toContain('Lê Văn Chủ Tịch');
    expect(ok).toContain(received.code!);
    expect(ok).toContain('Không thay đổi kể từ khi ký');

    // One changed byte inside the signed content: invalid.
    const bytes = readFileSync(file);
    const at = bytes.indexOf('/Producer');
    bytes[at + 12] = bytes[at + 12]! ^ 0x01;
    const tampered = join(SHOTS, 'signing-extract-tampered.pdf');
    writeFileSync(tampered, bytes);
    const bad = await verifyInBrowser(citizen, tampered);
    await suite.shot(citizen, '3-verify-tampered');
    expect(bad).toContain('Văn bản không hợp lệ');
    expect(bad).toContain('Văn bản đã bị thay đổi sau khi ký.');
    expect(bad).toContain('Đã bị thay đổi sau khi ký');
  });
});
