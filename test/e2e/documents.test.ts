import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BIRTH_DATA, TestClock } from '../support/runtime.ts';
import { JPEG, makePdf } from '../server/filesFixtures.ts';
import { browserSuite, signIn } from './browserSuite.ts';

/**
 * The electronic dossier in a real browser: the desk receives a birth registration with a PDF
 * and a JPEG scan (and asks for one more paper, brought as a supplement with its file), the
 * justice officer opens both scans, the chair attaches the signed result, the desk returns it,
 * and the report counts the dossier as digitised at reception and its result as digitised.
 * Screenshots in test-results/documents-*.png.
 */

const clock = new TestClock(Date.parse('2026-03-02T08:00:00+07:00'));
const suite = browserSuite('documents', { now: clock.now });
const shot = suite.shot;

async function pageFor(username: string, path = '/'): Promise<Page> {
  const page = await suite.page({ path });
  await signIn(page, username);
  return page;
}

/** Open a dossier from the inbox. */
async function openDossier(page: Page, code: string): Promise<void> {
  await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
  await page.getByRole('link', { name: code }).click();
  await page.locator('#dossier-title').waitFor();
}

/** Send an event through its dialog. */
async function act(page: Page, event: string): Promise<void> {
  await page.locator('.actions-card').getByRole('button', { name: event }).click();
  await page.getByRole('dialog').getByRole('button', { name: event }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Đã thực hiện: ${event}` })
    .waitFor();
}

/** Attach a file from the dossier page's panel and send it with an action. */
async function attach(
  page: Page,
  file: { name: string; mimeType: string; buffer: Buffer },
  document: string,
  event: string,
  title?: string,
): Promise<void> {
  await page.getByLabel('Thuộc giấy tờ').selectOption({ label: document });
  if (title) await page.getByLabel('Tên tài liệu').fill(title);
  await page.getByLabel('Chọn tệp').setInputFiles(file);
  await page.locator('.attach-box').getByText(`+ ${file.name}`).waitFor();
  await page.getByLabel('Gửi kèm thao tác').selectOption({ label: event });
  await page.getByRole('button', { name: 'Gửi tệp kèm thao tác' }).click();
  await page.getByRole('status').filter({ hasText: 'Đã đính kèm 1 tệp.' }).waitFor();
}

const pdf = {
  name: 'to-khai.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from(makePdf('To khai dang ky khai sinh')),
};
const jpeg = { name: 'giay-chung-sinh.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(JPEG) };

describe('the electronic dossier in Chromium', { timeout: 180_000 }, () => {
  let code = '';

  it('receives a birth registration with a PDF and a JPEG scan, and a supplement with its file', async () => {
    const desk = await pageFor('mot-cua-xa', '/desk');
    await desk.getByRole('button', { name: /^Đăng ký khai sinh/ }).click();
    await desk.getByRole('heading', { name: 'Người nộp hồ sơ' }).waitFor();
    await desk.getByLabel('Họ và tên').fill('Nguyễn Văn Cường');
    await desk.getByLabel('Số định danh cá nhân (CCCD)').fill('001090012345');
    for (const [field, value] of Object.entries(BIRTH_DATA)) {
      const input = desk.locator(`#root_${field}`);
      if ((await input.evaluate((e) => e.tagName)) === 'SELECT') await input.selectOption(value);
      else await input.fill(value.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1'));
    }
    // Scans per document: attaching ticks the document.
    await desk.getByLabel('Tệp quét: Tờ khai đăng ký khai sinh').setInputFiles(pdf);
    await desk.getByText(/^to-khai\.pdf · /).waitFor();
    await desk.getByLabel(/^Tệp quét: Giấy chứng sinh/).setInputFiles(jpeg);
    await desk.getByText(/^giay-chung-sinh\.jpg · /).waitFor();
    await expect(desk.getByLabel(/^Tờ khai đăng ký khai sinh/).isChecked()).resolves.toBe(true);
    await expect(desk.getByLabel(/^Giấy chứng sinh/).isChecked()).resolves.toBe(true);
    // An executable named .pdf is refused, judged from its content.
    await desk.getByLabel('Tệp quét: Tờ khai đăng ký khai sinh').setInputFiles({
      name: 'virus.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)]),
    });
    await desk.getByRole('alert').filter({ hasText: 'Loại tệp không được nhận' }).waitFor();
    await shot(desk, '1-desk-scans');
    // The marriage certificate of the parents is asked for as a supplement.
    await desk.getByLabel(/^Lý do/).fill('Bổ sung bản sao Giấy chứng nhận kết hôn của cha mẹ.');
    await desk.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    await desk.getByRole('heading', { name: 'Đã lập phiếu yêu cầu bổ sung' }).waitFor();
    code = (await desk.locator('dd.code').first().innerText()).trim();

    clock.set('2026-03-02T10:00');
    await desk.getByRole('button', { name: 'Xem hồ sơ' }).click();
    await desk.locator('#dossier-title').waitFor();
    await desk.locator('#sec-files').waitFor();
    await attach(
      desk,
      { name: 'ket-hon.pdf', mimeType: 'application/pdf', buffer: Buffer.from(makePdf('Ket hon')) },
      'Tài liệu khác',
      'Nộp bổ sung hồ sơ',
      'Giấy chứng nhận kết hôn',
    );
    await desk.getByText('Giấy chứng nhận kết hôn — ket-hon.pdf').waitFor();
    await act(desk, 'Tiếp nhận hồ sơ');
    await expect(desk.locator('.dossier-head').innerText()).resolves.toContain('Đang giải quyết');
    await shot(desk, '2-desk-dossier-files');
  });

  it('lets the justice officer open both scans inline, and download them', async () => {
    clock.set('2026-03-02T10:30');
    const justice = await pageFor('tu-phap-xa');
    await openDossier(justice, code);
    const panel = justice.locator('section[aria-labelledby="sec-files"]');
    await panel.getByText('Đã số hóa').nth(1).waitFor();
    await expect(panel.getByText('Đã số hóa').count()).resolves.toBe(2);
    for (const [name, type, bytes] of [
      ['to-khai.pdf', 'application/pdf', pdf.buffer],
      ['giay-chung-sinh.jpg', 'image/jpeg', jpeg.buffer],
    ] as const) {
      const href = await panel.getByRole('link', { name: `Mở ${name}` }).getAttribute('href');
      // The browser's own request, with the officer's session cookie.
      const r = await justice.request.get(suite.server.url + href!);
      expect(r.status()).toBe(200);
      expect(r.headers()['content-type']).toBe(type);
      expect(r.headers()['x-content-type-options']).toBe('nosniff');
      expect(r.headers()['content-disposition']).toMatch(/^inline; filename="/);
      expect(Buffer.compare(await r.body(), bytes)).toBe(0);
      const download = await justice.request.get(
        suite.server.url +
          (await panel.getByRole('link', { name: `Tải về ${name}` }).getAttribute('href'))!,
      );
      expect(download.headers()['content-disposition']).toMatch(/^attachment; /);
    }
    // The scan opens in a new tab, shown by the browser itself.
    const [tab] = await Promise.all([
      justice.waitForEvent('popup'),
      panel.getByRole('link', { name: 'Mở giay-chung-sinh.jpg' }).click(),
    ]);
    await tab.waitForLoadState();
    await expect(tab.locator('img').count()).resolves.toBe(1);
    await shot(tab, '3-scan-opened');
    await tab.close();
    await shot(justice, '4-justice-dossier');
    await act(justice, 'Trình phê duyệt');
  });

  it('attaches the signed result, returns it, and the report counts the dossier as digitised', async () => {
    clock.set('2026-03-02T11:00');
    const chair = await pageFor('ubnd-xa');
    await openDossier(chair, code);
    await attach(
      chair,
      {
        name: 'giay-khai-sinh.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(makePdf('Giay khai sinh')),
      },
      'Kết quả',
      'Ký duyệt',
    );
    await chair
      .locator('section[aria-labelledby="sec-files"]')
      .getByText('giay-khai-sinh.pdf')
      .waitFor();
    const desk = await pageFor('mot-cua-xa');
    clock.set('2026-03-02T11:30');
    await openDossier(desk, code);
    await act(desk, 'Trả kết quả');

    await chair.getByRole('link', { name: 'Thống kê' }).click();
    await chair.getByLabel('Từ ngày').fill('01/03/2026');
    await chair.getByLabel('Đến ngày').fill('31/3/2026');
    const card = chair.locator('section[aria-labelledby="rep-digitisation"]');
    const total = card.locator('tr.total-row');
    await total.waitFor();
    await expect(total.locator('td').allInnerTexts()).resolves.toEqual([
      '1',
      '1/1 (100 %)',
      '1/1 (100 %)',
      // The four scans and the extract the server renders on SIGN (#17); none reused.
      '0/5 (0 %)',
    ]);
    await card.scrollIntoViewIfNeeded();
    await shot(chair, '5-report-digitisation');
  });
});
