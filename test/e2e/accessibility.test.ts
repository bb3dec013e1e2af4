import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BIRTH_DATA, TestClock } from '../support/runtime.ts';
import { seriousViolations, focused, scrollsSideways, tabTo } from './axe.ts';
import { browserSuite, signIn } from './browserSuite.ts';

/**
 * The office pages against WCAG 2.1 AA in Chromium: axe-core finds no serious or critical
 * violation on the sign-in, desk, inbox, dossier, slip, lookup (laptop and phone), reports and
 * account pages; a reception is done with the keyboard alone; dialogs keep focus, close on
 * Escape and give focus back; desk, inbox and dossier reflow at 320 CSS px. Screenshots in
 * test-results/a11y-*.png.
 */

const clock = new TestClock(Date.parse('2026-03-02T08:00:00+07:00'));
const suite = browserSuite('a11y', { now: clock.now });
const PHONE = { width: 390, height: 844 };
const NARROW = { width: 320, height: 800 };

async function pageFor(username?: string, path = '/', viewport?: typeof PHONE): Promise<Page> {
  const page = await suite.page({ path, ...(viewport ? { viewport } : {}) });
  if (username) await signIn(page, username);
  return page;
}

async function expectNoSerious(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

let received: { id: string; code: string } | undefined;

describe('accessibility of the office (WCAG 2.1 AA)', { timeout: 180_000 }, () => {
  it('signs in and receives a birth registration with the keyboard alone', async () => {
    const page = await suite.page({ path: '/desk' });
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await page.title()).toMatch(/^Đăng nhập · /);
    await expectNoSerious(page);
    await suite.shot(page, '1-sign-in');

    await tabTo(page, '#login-username');
    await page.keyboard.type('mot-cua-xa');
    await page.keyboard.press('Tab');
    await page.keyboard.type('motcua');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ' }).waitFor();
    expect(await page.title()).toMatch(/^Tiếp nhận hồ sơ · /);
    // The page's heading has focus after the navigation; the skip link is the first stop.
    expect((await focused(page)).tag).toBe('h1');
    await expectNoSerious(page);
    await suite.shot(page, '2-desk');

    await tabTo(page, 'button.pick');
    while (!(await focused(page)).text.startsWith('Đăng ký khai sinh'))
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Người nộp hồ sơ' }).waitFor();

    // Sent empty: the error summary takes focus and links each field, marked invalid.
    await tabTo(page, 'button.btn-primary.btn-block');
    await page.keyboard.press('Enter');
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('error-summary')),
    ).toBe(true);
    await expect(summary.innerText()).resolves.toContain('Họ và tên');
    await expect(page.locator('#desk-name').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#desk-name').getAttribute('aria-describedby')).resolves.toBe(
      'desk-name-error',
    );
    await expectNoSerious(page);
    await suite.shot(page, '3-desk-errors');
    // Following the summary's first link puts focus on the field to fix.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('desk-name');

    // A 5,000-character name and a birth date after today are refused on their fields.
    await page.keyboard.insertText('A'.repeat(5000));
    await tabTo(page, '#root_ngaySinh');
    await page.keyboard.type('01/01/2027');
    await tabTo(page, 'button.btn-primary.btn-block');
    await page.keyboard.press('Enter');
    await page.locator('#desk-name-error').filter({ hasText: 'nhiều nhất 200 ký tự' }).waitFor();
    await page.getByText('Ngày không được sau ngày hôm nay.').first().waitFor();
    await suite.shot(page, '3b-desk-date-after-today');

    await page.locator('#desk-name').fill('');
    await page.locator('#desk-name').focus();
    await page.keyboard.type('Nguyễn Văn Cường');
    await page.keyboard.press('Tab');
    await page.keyboard.type('001090012345');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0912345678');
    for (const [field, value] of Object.entries(BIRTH_DATA)) {
      await page.locator('#desk-name').focus();
      await tabTo(page, `#root_${field}`);
      if (field === 'ngaySinh') await page.keyboard.press('Control+A');
      await page.keyboard.type(value.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1'));
    }
    await tabTo(page, 'input[type="checkbox"]');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await tabTo(page, 'button.btn-primary.btn-block');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }).waitFor();
    // Announced in the live region, and focus on the outcome's heading.
    await expect(page.getByRole('status').first().innerText()).resolves.toContain(
      'Đã tiếp nhận hồ sơ',
    );
    expect((await focused(page)).id).toBe('received-title');
    const code = (await page.locator('dd.code').first().innerText()).trim();
    await expectNoSerious(page);
    await suite.shot(page, '4-desk-received');

    await tabTo(page, 'button.btn-primary');
    await page.keyboard.press('Enter');
    await page.locator('article.slip').waitFor();
    expect(await page.title()).toContain(code);
    await expectNoSerious(page);
    const id = /\/dossiers\/([^/]+)\//.exec(page.url())![1]!;
    received = { id, code };
  });

  it('keeps focus in a dialog, closes it on Escape and gives focus back to its button', async () => {
    clock.set('2026-03-02T08:20');
    const page = await pageFor('tu-phap-xa');
    await page.getByRole('heading', { name: 'Hồ sơ', exact: true }).waitFor();
    expect(await page.title()).toMatch(/^Hồ sơ · /);
    // The inbox's tabs move with the arrow keys.
    await page.getByRole('tab', { name: 'Chờ tôi xử lý' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(
      page.getByRole('tab', { name: 'Đang ở đơn vị' }).getAttribute('aria-selected'),
    ).resolves.toBe('true');
    expect((await focused(page)).text).toBe('Đang ở đơn vị');
    await page.keyboard.press('Home');
    await page.getByRole('link', { name: received!.code }).waitFor();
    await expectNoSerious(page);
    await suite.shot(page, '5-inbox');

    await page.getByRole('link', { name: received!.code }).click();
    await page.locator('#dossier-title').waitFor();
    expect(await page.title()).toContain(received!.code);
    expect((await focused(page)).id).toBe('dossier-title');
    await expectNoSerious(page);
    await suite.shot(page, '6-dossier');

    const opener = page.getByRole('button', { name: 'Trình phê duyệt' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect((await focused(page)).inDialog).toBe(true);
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect((await focused(page)).inDialog).toBe(true);
    }
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Shift+Tab');
      expect((await focused(page)).inDialog).toBe(true);
    }
    await expectNoSerious(page);
    await suite.shot(page, '7-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await focused(page)).text).toBe('Trình phê duyệt');
  });

  it('has no serious violation on the lookup (laptop and phone), reports and account pages', async () => {
    const lookup = await pageFor(undefined, '/tra-cuu');
    await lookup.getByRole('heading', { name: 'Tra cứu tình trạng hồ sơ' }).waitFor();
    expect(await lookup.title()).toMatch(/^Tra cứu tình trạng hồ sơ · /);
    await expectNoSerious(lookup);
    const phone = await pageFor(undefined, '/tra-cuu', PHONE);
    await phone.getByLabel('Mã hồ sơ').fill(received!.code);
    await phone.getByLabel('Mã bí mật').fill('WRONGSECRET');
    await phone.getByRole('button', { name: 'Tra cứu' }).click();
    await phone.getByRole('alert').waitFor();
    await expectNoSerious(phone);
    expect(await scrollsSideways(phone)).toBe(false);
    await suite.shot(phone, '8-lookup-phone');

    const chair = await pageFor('ubnd-xa', '/reports');
    await chair.getByRole('heading', { name: 'Thống kê' }).first().waitFor();
    await chair.locator('.report-figures').waitFor();
    await chair.locator('.recharts-surface').first().waitFor();
    await expectNoSerious(chair);
    await suite.shot(chair, '9-reports');
    // An invalid period clears the figures.
    await chair.getByLabel('Từ ngày').fill('31/02/2026');
    await chair.getByRole('alert').waitFor();
    expect(await chair.locator('.report-figures').count()).toBe(0);

    await chair.locator('a.account-link').click();
    await chair.locator('main h1').waitFor();
    await expectNoSerious(chair);
    await suite.shot(chair, '10-account');
  });

  it('has no serious violation on the library and the editor; canvas focus shows on Tab', async () => {
    const page = await pageFor();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('motcua');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Thư viện thủ tục' }).waitFor();
    expect(await page.title()).toMatch(/^Thư viện thủ tục · /);
    expect((await focused(page)).tag).toBe('h1');
    await expectNoSerious(page);
    await suite.shot(page, '14-library');

    for (const [name, shot] of [
      ['Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', '15-editor-giay-phep'],
      [
        'Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
        '16-editor-lien-thong',
      ],
    ] as const) {
      await page.goto(suite.server.url + '/');
      await page.getByRole('heading', { name: 'Thư viện thủ tục' }).waitFor();
      await page.getByRole('link', { name, exact: true }).click();
      await page.locator('.react-flow__node-step').first().waitFor();
      await page.waitForTimeout(600);
      await suite.shot(page, shot);
    }
    // The editor: its own title, focus on its heading (the procedure's name), no serious violation.
    expect(await page.title()).toMatch(/· Thiết kế · /);
    expect((await focused(page)).tag).toBe('h1');
    await expectNoSerious(page);

    // The skip link is the first stop and lands in the workspace.
    await page.locator('h1').first().focus();
    await tabTo(page, '.skip-link', 5, true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // The modes move with the arrow keys.
    await page.getByRole('tab', { name: 'Thiết kế' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(
      page.getByRole('tab', { name: 'Mô phỏng' }).getAttribute('aria-selected'),
    ).resolves.toBe('true');
    expect((await focused(page)).text).toBe('Mô phỏng');
    await page.keyboard.press('ArrowLeft');
    expect((await focused(page)).text).toBe('Thiết kế');
    // So do the side panel's tabs.
    await page.getByRole('tab', { name: 'Thuộc tính' }).focus();
    await page.keyboard.press('ArrowRight');
    expect((await focused(page)).text).toBe('Thủ tục');

    // A step reached with Tab shows a ring before anything selects it; so does an arrow.
    await tabTo(page, '.react-flow__node-step', 120);
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await suite.shot(page, '17-editor-step-focus');
    await tabTo(page, '.react-flow__edge', 200);
    const arrow = await page.evaluate(() => {
      const path = document.activeElement?.querySelector('.react-flow__edge-path');
      return path ? getComputedStyle(path).stroke : '';
    });
    expect(arrow).toBe('rgb(29, 78, 216)');
    await suite.shot(page, '18-editor-arrow-focus');
  });

  it('reflows the desk, inbox and dossier at 320 CSS px without sideways scrolling', async () => {
    const desk = await pageFor('mot-cua-xa', '/desk', NARROW);
    await desk.getByRole('button', { name: /^Đăng ký khai sinh/ }).click();
    await desk.getByRole('heading', { name: 'Người nộp hồ sơ' }).waitFor();
    expect(await scrollsSideways(desk)).toBe(false);
    await suite.shot(desk, '11-desk-320');
    const inbox = await pageFor('tu-phap-xa', '/dossiers', NARROW);
    await inbox.getByRole('link', { name: received!.code }).waitFor();
    expect(await scrollsSideways(inbox)).toBe(false);
    await suite.shot(inbox, '12-inbox-320');
    await inbox.getByRole('link', { name: received!.code }).click();
    await inbox.locator('#dossier-title').waitFor();
    expect(await scrollsSideways(inbox)).toBe(false);
    await expectNoSerious(inbox);
    await suite.shot(inbox, '13-dossier-320');
  });
});
