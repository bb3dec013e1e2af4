import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BIRTH_RECEIPT, TestClock } from '../support/runtime.ts';
import { browserSuite, signIn } from './browserSuite.ts';

/**
 * The notices (thông báo) in a real browser against the real server, on a simulated Monday: a
 * birth registration is received in the morning and left until past its deadline; the scheduler's
 * warnings reach the justice officer's unit, whose bell counts them within a minute (the page's
 * clock is simulated too), and whose panel lists them, links to the dossier, and marks them seen.
 * The panel leaves a screenshot in test-results/ (a 1366×768 laptop screen).
 */

const clock = new TestClock(Date.parse('2026-03-02T08:00:00+07:00'));
const suite = browserSuite('notices', { now: clock.now });

/** Receive birth registrations at the desk through the API, as of the simulated clock. */
async function receiveBirths(count: number): Promise<{ id: string; code: string }[]> {
  const post = async (path: string, body: unknown, token?: string) => {
    const r = await fetch(suite.server.url + path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as Record<string, string> };
  };
  const login = await post('/api/auth/login', { username: 'mot-cua-xa', password: 'motcua' });
  expect(login.status).toBe(200);
  const received: { id: string; code: string }[] = [];
  for (let i = 0; i < count; i++) {
    const r = await post('/api/dossiers', BIRTH_RECEIPT, login.body.token);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    received.push({ id: r.body.id!, code: r.body.code! });
  }
  return received;
}

/** The justice officer's page, signed in, its clock simulated from the server's time. */
async function justicePage(): Promise<Page> {
  const page = await suite.page();
  await page.clock.install({ time: clock.now() });
  await page.reload();
  await signIn(page, 'tu-phap-xa');
  return page;
}

/** Move the server's clock to a Vietnam time and fire the timers due by then. */
async function passTime(local: string): Promise<void> {
  clock.set(local);
  await suite.server.runtime.deps.dossiers.fireDueTimers();
}

describe('notices in Chromium', { timeout: 120_000 }, () => {
  let justice: Page;
  const bell = () => justice.getByRole('button', { name: /^Thông báo/ });
  const panel = () => justice.getByRole('dialog', { name: 'Thông báo của đơn vị' });

  it('counts the warnings on the bell, lists them, links to the dossier and marks them seen', async () => {
    const [dossier] = await receiveBirths(1);

    clock.set('2026-03-02T08:05');
    justice = await justicePage();
    await expect(bell().getAttribute('aria-label')).resolves.toBe('Thông báo');
    expect(await justice.locator('.bell-badge').count()).toBe(0);
    await bell().click();
    await panel().getByText('Không có thông báo nào.').waitFor();
    // Escape closes the panel and gives the focus back to the bell.
    await justice.keyboard.press('Escape');
    await panel().waitFor({ state: 'detached' });
    await expect(bell().evaluate((b) => b === document.activeElement)).resolves.toBe(true);

    // Nobody acts on the dossier; 17:00 passes and the warnings fire. The page's minute passes
    // too, and the bell asks again.
    await passTime('2026-03-02T17:30');
    await justice.clock.setSystemTime(clock.now());
    await justice.clock.fastForward('01:00');
    await justice.getByRole('button', { name: 'Thông báo, 3 chưa đọc' }).waitFor();
    await expect(justice.locator('.bell-badge').innerText()).resolves.toBe('3');
    await suite.shot(justice, '0-badge');

    await bell().click();
    const items = panel().getByRole('listitem');
    await items.first().waitFor();
    await expect(items.count()).resolves.toBe(3);
    await expect(panel().locator('.notice.unread').count()).resolves.toBe(3);
    const text = await panel().innerText();
    expect(text).toContain('Hồ sơ đã quá hạn giải quyết');
    expect(text).toMatch(/Bước "Kiểm tra, ghi Sổ hộ tịch, trình ký" đã quá hạn xử lý/);
    expect(text).toContain('Đăng ký khai sinh');
    expect(text).toContain('1 phút trước');
    await expect(panel().locator('time').first().getAttribute('title')).resolves.toBe(
      'Thứ Hai, 02/03/2026 17:30',
    );
    await suite.shot(justice, '1-panel');
    // Opening the list marked everything as seen: the badge is gone, the marks stay this time.
    await justice.getByRole('button', { name: 'Thông báo', exact: true }).waitFor();
    expect(await justice.locator('.bell-badge').count()).toBe(0);
    await expect(panel().locator('.notice.unread').count()).resolves.toBe(3);

    await panel().getByRole('link', { name: dossier!.code }).first().click();
    await justice.locator('#dossier-title').waitFor();
    expect(new URL(justice.url()).pathname).toBe(`/dossiers/${dossier!.id}`);
    await expect(justice.locator('#dossier-title').innerText()).resolves.toContain(dossier!.code);
    expect(await panel().count()).toBe(0);

    await bell().click();
    // The list loads again: wait for it before counting.
    await panel().getByRole('listitem').first().waitFor();
    await expect(panel().getByRole('listitem').count()).resolves.toBe(3);
    expect(await panel().locator('.notice.unread').count()).toBe(0);
    expect(await justice.locator('.bell-badge').count()).toBe(0);
    // A click outside closes the panel.
    await justice.locator('#dossier-title').click();
    await panel().waitFor({ state: 'detached' });
  });

  it('loads older notices page by page with "Xem thêm"', async () => {
    clock.set('2026-03-03T08:00');
    await receiveBirths(7);
    await passTime('2026-03-03T17:30');
    // The session of the day before has ended: the officer signs in again.
    justice = await justicePage();
    await justice.getByRole('button', { name: 'Thông báo, 21 chưa đọc' }).waitFor();
    await expect(justice.locator('.bell-badge').innerText()).resolves.toBe('21');

    await bell().click();
    const items = panel().getByRole('listitem');
    await items.nth(19).waitFor();
    await expect(items.count()).resolves.toBe(20);
    await expect(panel().locator('.notice.unread').count()).resolves.toBe(20);
    await justice.getByRole('button', { name: 'Thông báo', exact: true }).waitFor();
    await panel().getByRole('button', { name: 'Xem thêm' }).click();
    await items.nth(23).waitFor();
    await expect(items.count()).resolves.toBe(24);
    // The next pages came after everything was marked seen: no marks there.
    expect(await panel().locator('.notice.unread').count()).toBe(20);
    expect(await panel().getByRole('button', { name: 'Xem thêm' }).count()).toBe(0);
    await panel().evaluate((e) => e.scrollTo(0, e.scrollHeight));
    await suite.shot(justice, '2-more');
  });
});
