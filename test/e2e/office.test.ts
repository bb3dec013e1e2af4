import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BIRTH_DATA, TestClock } from '../support/runtime.ts';
import { browserSuite, signIn } from './browserSuite.ts';

/**
 * The one-stop office in a real browser against the real server, on a simulated Monday: a birth
 * registration received at the desk, processed by the justice officer and the commune chair,
 * returned at the desk; the citizen looks it up; a second one left past its deadline shows as
 * overdue in the inbox and on the dashboard, where the first counts as resolved on time. Every
 * page leaves a screenshot in test-results/ (a 1366×768 laptop screen).
 */

const clock = new TestClock(Date.parse('2026-03-02T08:00:00+07:00'));
const suite = browserSuite('office', { now: clock.now });
const shot = suite.shot;

/** A page of a fresh browser (its own cookies), signed in as a demo user when one is given. */
async function pageFor(username?: string, path = '/'): Promise<Page> {
  const page = await suite.page({ path });
  if (username) await signIn(page, username);
  return page;
}

/** Open a new birth registration at the desk and fill the applicant and the e-form. */
async function fillBirth(desk: Page, applicant: string): Promise<void> {
  await desk.getByRole('link', { name: 'Tiếp nhận' }).click();
  await desk.getByRole('button', { name: /^Đăng ký khai sinh/ }).click();
  await desk.getByRole('heading', { name: 'Người nộp hồ sơ' }).waitFor();
  await desk.getByLabel('Họ và tên').fill(applicant);
  await desk.getByLabel('Số định danh cá nhân (CCCD)').fill('001090012345');
  await desk.getByLabel('Số điện thoại', { exact: true }).fill('0912345678');
  for (const [field, value] of Object.entries(BIRTH_DATA)) {
    const input = desk.locator(`#root_${field}`);
    if ((await input.evaluate((e) => e.tagName)) === 'SELECT') await input.selectOption(value);
    // A date as the officer types it: day first (the e-form stores it as yyyy-mm-dd).
    else await input.fill(value.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1'));
  }
  await desk.getByLabel(/^Tờ khai đăng ký khai sinh/).check();
}

/** Receive a complete birth registration at the desk; returns the code and the secret. */
async function receiveBirth(
  desk: Page,
  applicant: string,
): Promise<{ code: string; secret: string }> {
  await fillBirth(desk, applicant);
  await desk.getByLabel(/^Giấy chứng sinh/).check();
  await desk.getByRole('button', { name: 'Tiếp nhận và hẹn trả' }).click();
  await desk.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }).waitFor();
  const codes = await desk.locator('dd.code').allInnerTexts();
  return { code: codes[0]!.trim(), secret: codes[1]!.trim() };
}

/** Open a dossier from the user's inbox ("waiting for me") and send one event through its dialog. */
async function act(page: Page, code: string, event: string, note?: string): Promise<void> {
  await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
  await page.getByRole('link', { name: code }).click();
  await page.locator('#dossier-title').waitFor();
  await page.getByRole('button', { name: event }).click();
  const dialog = page.getByRole('dialog');
  if (note) await dialog.getByRole('textbox').last().fill(note);
  await dialog.getByRole('button', { name: event }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Đã thực hiện: ${event}` })
    .waitFor();
}

describe('the one-stop office in Chromium', { timeout: 120_000 }, () => {
  let first: { code: string; secret: string };

  it('receives a dossier at the desk with the e-form, checks it, and prints the receipt', async () => {
    const desk = await pageFor('mot-cua-xa', '/desk');
    await desk.getByRole('heading', { name: 'Tiếp nhận hồ sơ' }).waitFor();
    await shot(desk, '1-desk-procedures');
    await desk.getByRole('button', { name: /^Đăng ký khai sinh/ }).click();
    // An empty e-form and missing documents are refused before anything is sent.
    await desk.getByRole('button', { name: 'Tiếp nhận và hẹn trả' }).click();
    await desk
      .getByText('Họ và tên người nộp')
      .or(desk.getByText('Nhập họ và tên người nộp.'))
      .first()
      .waitFor();
    expect(await desk.locator('.eform .error-detail').count()).toBeGreaterThan(0);
    await expect(desk.locator('.eform .error-detail').first().innerText()).resolves.toBe(
      'Bắt buộc nhập.',
    );
    await shot(desk, '2-desk-form-errors');

    first = await receiveBirth(desk, 'Nguyễn Văn Cường');
    expect(first.code).toMatch(/^X01\.01-260302-\d{4}$/);
    await expect(desk.locator('.received-panel').innerText()).resolves.toContain(
      'Thứ Hai, 02/03/2026 17:00',
    );
    await shot(desk, '3-desk-received');
    await desk.getByRole('button', { name: 'In giấy tiếp nhận' }).click();
    const slip = desk.locator('article.slip');
    await slip.waitFor();
    const text = await slip.innerText();
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('Ông/Bà: Nguyễn Văn Cường');
    expect(text).toContain('Thứ Hai, 02/03/2026 17:00');
    expect(text).toContain(first.secret);
    expect(text).toContain('Giấy chứng sinh hoặc giấy tờ thay thế');
    await shot(desk, '4-receipt');
  });

  it('passes through the justice officer and the chair, then the desk returns the result', async () => {
    clock.set('2026-03-02T08:20');
    const justice = await pageFor('tu-phap-xa');
    // Officers land in their inbox, where the dossier waits for them.
    await justice.getByRole('heading', { name: 'Hồ sơ', exact: true }).waitFor();
    await justice.getByRole('link', { name: first.code }).waitFor();
    await shot(justice, '5-inbox-justice');
    await act(justice, first.code, 'Trình phê duyệt', 'Hồ sơ hợp lệ, đã ghi Sổ hộ tịch.');
    await shot(justice, '6-dossier-after-propose');

    clock.set('2026-03-02T08:45');
    const chair = await pageFor('ubnd-xa');
    await act(chair, first.code, 'Ký duyệt');

    clock.set('2026-03-02T09:10');
    const desk = await pageFor('mot-cua-xa');
    await act(desk, first.code, 'Trả kết quả');
    const head = await desk.locator('.dossier-head').innerText();
    expect(head).toContain('Đã có kết quả');
    expect(head).toContain('Đúng hạn');
    const control = await desk.locator('.control-slip').innerText();
    expect(control).toContain('Kiểm tra, ghi Sổ hộ tịch, trình ký');
    expect(control).toContain('Chủ tịch UBND xã ký Giấy khai sinh');
    expect(control).toContain('Cán bộ Công chức Tư pháp - Hộ tịch xã');
    expect(control).not.toContain('Trễ hạn');
    await shot(desk, '7-dossier-returned');
  });

  it('shows the citizen the status with the code and the secret, and nothing with a wrong secret', async () => {
    const citizen = await pageFor(undefined, '/tra-cuu');
    await citizen.getByLabel('Mã hồ sơ').fill(first.code);
    await citizen.getByLabel('Mã bí mật').fill('WRONGSECRET');
    await citizen.getByRole('button', { name: 'Tra cứu' }).click();
    await citizen.getByRole('alert').filter({ hasText: 'Không tìm thấy hồ sơ' }).waitFor();
    await citizen.getByLabel('Mã bí mật').fill(first.secret.toLowerCase());
    await citizen.getByRole('button', { name: 'Tra cứu' }).click();
    const result = citizen.locator('.lookup-result');
    await result.waitFor();
    const text = await result.innerText();
    expect(text).toContain('Đã có kết quả');
    expect(text).toContain('Đăng ký khai sinh');
    expect(text).not.toContain('Nguyễn Văn Cường');
    await shot(citizen, '8-lookup');
  });

  it('shows a dossier left past its deadline as overdue in the inbox and on the dashboard', async () => {
    clock.set('2026-03-02T10:30');
    const desk = await pageFor('mot-cua-xa');
    const second = await receiveBirth(desk, 'Lê Thị Hoa');
    // The justice officer's half hour passes: the step is overdue (the bell says so), and so
    // are the inbox row and the dossier's header, though the appointment is still at 17:00.
    clock.set('2026-03-02T14:00');
    const early = await pageFor('tu-phap-xa');
    const earlyRow = early.locator('tr', { has: early.getByRole('link', { name: second.code }) });
    await earlyRow.waitFor();
    await expect(earlyRow.locator('.badge').innerText()).resolves.toBe('Quá hạn');
    await early.getByRole('link', { name: second.code }).click();
    await early.locator('#dossier-title').waitFor();
    await expect(early.locator('#dossier-title .badge').innerText()).resolves.toBe('Quá hạn');
    await shot(early, '9a-dossier-step-overdue');
    // Nobody acts on it; 17:00 passes.
    clock.set('2026-03-02T17:30');
    const justice = await pageFor('tu-phap-xa');
    const row = justice.locator('tr', { has: justice.getByRole('link', { name: second.code }) });
    await row.waitFor();
    await expect(row.locator('.badge').innerText()).resolves.toBe('Quá hạn');
    await justice.getByRole('tab', { name: 'Quá hạn' }).click();
    await justice.getByRole('link', { name: second.code }).waitFor();
    expect(await justice.getByRole('link', { name: first.code }).count()).toBe(0);
    await shot(justice, '9-inbox-overdue');

    const chair = await pageFor('ubnd-xa');
    await chair.getByRole('link', { name: 'Thống kê' }).click();
    // Dates are typed day first, whatever the browser's language.
    await chair.getByLabel('Từ ngày').fill('01/03/2026');
    await chair.getByLabel('Đến ngày').fill('31/3/2026');
    await chair.locator('.report-figures').waitFor();
    const total = chair.locator('.report-figures tr.total');
    await expect(total.locator('td').allInnerTexts()).resolves.toEqual([
      '2', // received
      '0', // carried over
      '1 (50 %)', // resolved
      '0', // early
      '1', // on time
      '0', // late
      '0', // refused
      '0', // withdrawn
      '1', // in progress
      '1', // overdue
      '0', // awaiting supplement
    ]);
    await chair.locator('.recharts-surface').first().waitFor();
    await shot(chair, '10-dashboard');
    const csv = await chair.evaluate(async () => {
      const r = await fetch('/api/reports/summary?from=2026-03-01&to=2026-03-31&format=csv');
      return r.text();
    });
    expect(csv).toContain('Tổng cộng,2,');
  });

  it('asks for a supplement with its reason, records the documents brought, then receives it', async () => {
    clock.set('2026-03-03T08:00');
    const desk = await pageFor('mot-cua-xa');
    await fillBirth(desk, 'Trần Văn Bình');
    // A required document is missing: receiving is refused, a supplement is the way.
    await desk.getByRole('button', { name: 'Tiếp nhận và hẹn trả' }).click();
    await desk.getByRole('alert').filter({ hasText: 'Còn thiếu giấy tờ bắt buộc' }).waitFor();
    // The reason is suggested from the missing document; an emptied reason is refused.
    await expect(desk.getByLabel(/^Lý do/).inputValue()).resolves.toBe(
      'Bổ sung: Giấy chứng sinh hoặc giấy tờ thay thế.',
    );
    await desk.getByLabel(/^Lý do/).fill('');
    await desk.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    const summary = desk.getByRole('alert').filter({ hasText: 'Cần ghi rõ lý do.' });
    await summary.waitFor();
    // The summary links the field to fix.
    await summary.getByRole('link').click();
    await expect(desk.evaluate(() => document.activeElement?.id)).resolves.toBe('desk-reason');
    await desk.getByLabel(/^Lý do/).fill('Nộp bản chính Giấy chứng sinh do trạm y tế cấp.');
    await desk.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    await desk.getByRole('heading', { name: 'Đã lập phiếu yêu cầu bổ sung' }).waitFor();
    await desk.getByRole('button', { name: 'In phiếu' }).click();
    const slip = desk.locator('article.slip');
    await slip.waitFor();
    const text = await slip.innerText();
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain('Nộp bản chính Giấy chứng sinh do trạm y tế cấp.');
    expect(text).toContain('Giấy chứng sinh hoặc giấy tờ thay thế');
    // The slip carries the lookup code (and the secret, printed at reception).
    expect(text).toMatch(/mã hồ sơ X01\.01-260303-\d{4}/);
    await shot(desk, '11-supplement-slip');

    clock.set('2026-03-03T14:00');
    await desk.getByRole('button', { name: /Quay lại/ }).click();
    await desk.locator('#dossier-title').waitFor();
    await expect(desk.locator('.dossier-head').innerText()).resolves.toContain('Chờ bổ sung hồ sơ');
    await desk.getByRole('button', { name: 'Nộp bổ sung hồ sơ' }).click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByLabel(/^Giấy chứng sinh/).check();
    await shot(desk, '12-supplement-dialog');
    await dialog.getByRole('button', { name: 'Nộp bổ sung hồ sơ' }).click();
    await desk.getByRole('status').filter({ hasText: 'Đã thực hiện: Nộp bổ sung hồ sơ' }).waitFor();
    await expect(desk.locator('.doc-list').innerText()).resolves.not.toContain('Chưa nộp');
    await desk.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await desk.getByRole('dialog').getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await desk.getByRole('status').filter({ hasText: 'Đã thực hiện: Tiếp nhận hồ sơ' }).waitFor();
    const head = await desk.locator('.dossier-head').innerText();
    expect(head).toContain('Đang giải quyết');
    expect(head).toContain('03/03/2026 17:00');
    await expect(desk.locator('.slip-list').innerText()).resolves.toContain(
      'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    );
  });
  it('says the dossier moved on when two officers act on it at once, and shows it as it is now', async () => {
    clock.set('2026-03-04T08:00');
    const desk = await pageFor('mot-cua-xa');
    const { code } = await receiveBirth(desk, 'Đỗ Thị Lan');
    // The same officer, in two windows, both on the dossier page.
    const [a, b] = [await pageFor('tu-phap-xa'), await pageFor('tu-phap-xa')];
    for (const page of [a, b]) {
      await page.getByRole('link', { name: code }).click();
      await page.locator('#dossier-title').waitFor();
    }
    await a.getByRole('button', { name: 'Trình phê duyệt' }).click();
    await a.getByRole('dialog').getByRole('button', { name: 'Trình phê duyệt' }).click();
    await a.getByRole('status').filter({ hasText: 'Đã thực hiện: Trình phê duyệt' }).waitFor();
    // The second window still offers the event: sending it is refused, not applied twice.
    await b.getByRole('button', { name: 'Trình phê duyệt' }).click();
    await b.getByRole('dialog').getByRole('button', { name: 'Trình phê duyệt' }).click();
    await b.getByText('Hồ sơ vừa được người khác cập nhật; đã tải lại').waitFor();
    await expect(b.getByRole('dialog').count()).resolves.toBe(0);
    // Reloaded: the step is the chair's now, and the event is no longer offered.
    await b.getByRole('heading', { name: 'Đang ở bước' }).waitFor();
    await expect(b.getByRole('button', { name: 'Trình phê duyệt' }).count()).resolves.toBe(0);
    await shot(b, '13-stale-version');
  });
});
