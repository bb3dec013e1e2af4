import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BIRTH_RECEIPT } from '../support/runtime.ts';
import { browserSuite, SHOTS, submitLogin } from './browserSuite.ts';

/**
 * Drafts, review and publication in a real browser: a designer saves and submits, a second
 * person publishes with an effective date, the desk keeps the old version until that date; the
 * published versions are compared; leaving with unsaved changes asks first.
 */

// Thursday 5 March 2026, 10:00 in Vietnam; the tests move it to the next Monday.
let nowMs = Date.parse('2026-03-05T10:00:00+07:00');
const suite = browserSuite('publication', { now: () => nowMs });
const ID = 'dang-ky-khai-sinh';

async function signedIn(username: string): Promise<Page> {
  const page = await suite.page();
  await submitLogin(page, username);
  await page.getByRole('button', { name: 'Đăng nhập' }).waitFor({ state: 'detached' });
  await page.locator('.main-nav').waitFor();
  return page;
}

async function openEditor(page: Page, name: string): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __motcuaReady?: unknown }).__motcuaReady = undefined;
  });
  await page.getByRole('link', { name, exact: true }).click();
  await page.waitForFunction(
    () => (window as unknown as { __motcuaReady?: unknown }).__motcuaReady,
  );
  await page.locator('.react-flow__node-step').first().waitFor();
}

/** The API as a user, in process (the desk's view of the library and its receptions). */
async function apiAs(username: string) {
  const app = suite.server.runtime.app;
  const login = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'motcua' }),
  });
  const { token } = (await login.json()) as { token: string };
  return async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
}

async function dossierVersion(id: string): Promise<string> {
  const row = await suite.server.runtime.deps.db
    .selectFrom('dossiers')
    .select('procedure_version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.procedure_version;
}

const node = (page: Page, path: string) => page.locator(`.react-flow__node[data-id="${path}"]`);

describe('drafts, review and publication', () => {
  it('saves drafts, submits, a second person publishes for next Monday; the desk keeps the old version until then', async () => {
    const desk = await apiAs('mot-cua-xa');
    const before = (await desk('GET', `/api/procedures/${ID}`)).body.version as string;

    const page = await signedIn('admin');
    await openEditor(page, 'Đăng ký khai sinh');
    const state = page.getByTestId('pub-state');
    await expect.poll(() => state.innerText()).toContain('Đang xem bản đã công bố');
    const panel = page.getByTestId('step-panel');
    const rename = async (name: string) => {
      await node(page, 'kyDuyet').click();
      await panel.getByLabel('Tiếng Việt', { exact: true }).fill(name);
      await page.getByRole('button', { name: 'Lưu', exact: true }).click();
      await expect.poll(() => page.getByTestId('save-status').innerText()).toBe('Đã lưu');
    };
    await rename('Chủ tịch UBND xã ký (bản nháp 1)');
    await expect.poll(() => state.innerText()).toContain('đã lưu 1 lần');
    await rename('Chủ tịch UBND xã ký giấy khai sinh');
    await expect.poll(() => state.innerText()).toContain('đã lưu 2 lần');
    // Undo reaches back across the saves.
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => node(page, 'kyDuyet').innerText()).toContain('(bản nháp 1)');
    await expect.poll(() => page.getByTestId('save-status').innerText()).toBe('Chưa lưu');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.getByTestId('save-status').innerText()).toBe('Đã lưu');
    // The desk does not see a draft.
    expect((await desk('GET', `/api/procedures/${ID}`)).body.version).toBe(before);

    await page.getByRole('button', { name: 'Gửi phê duyệt' }).click();
    await expect.poll(() => state.innerText()).toBe('Bản nháp đang chờ phê duyệt');
    await page.screenshot({ path: join(SHOTS, 'publication-submitted.png') });
    // The one who submitted cannot publish it.
    expect(await page.getByRole('button', { name: 'Phê duyệt và công bố…' }).count()).toBe(0);

    const reviewer = await signedIn('pheduyet');
    await reviewer.goto(`${suite.server.url}/procedures/${ID}`);
    await reviewer
      .locator('.react-flow__node-step')
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(async (e) => {
        await reviewer.screenshot({ path: join(SHOTS, 'publication-reviewer-failed.png') });
        console.log(await reviewer.locator('body').innerText());
        throw e;
      });
    await reviewer.getByRole('button', { name: 'Phê duyệt và công bố…' }).click();
    const dialog = reviewer.getByRole('dialog', { name: 'Phê duyệt và công bố thủ tục' });
    await dialog.getByLabel('Có hiệu lực từ ngày').fill('2026-03-09');
    await dialog.getByLabel('Số quyết định công bố (không bắt buộc)').fill('45/QĐ-UBND');
    await reviewer.screenshot({ path: join(SHOTS, 'publication-publish-dialog.png') });
    await dialog.getByRole('button', { name: 'Công bố' }).click();
    await expect
      .poll(() => reviewer.getByTestId('publication-bar').innerText())
      .toContain('Đã công bố, có hiệu lực từ 09/03/2026');
    await reviewer.screenshot({ path: join(SHOTS, 'publication-published.png') });

    // Thursday: the desk still receives on the old version.
    const latest = (await desk('GET', `/api/procedures/${ID}?view=edit`)).body.version as string;
    expect(latest).not.toBe(before);
    expect((await desk('GET', `/api/procedures/${ID}`)).body.version).toBe(before);
    const thursday = await desk('POST', '/api/dossiers', BIRTH_RECEIPT);
    expect(thursday.status).toBe(201);
    expect(await dossierVersion(thursday.body.id)).toBe(before);

    // Monday: the new version.
    nowMs = Date.parse('2026-03-09T07:30:00+07:00');
    const monday = await (await apiAs('mot-cua-xa'))('POST', '/api/dossiers', BIRTH_RECEIPT);
    expect(monday.status).toBe(201);
    expect(await dossierVersion(monday.body.id)).toBe(latest);
    await page.close();
    await reviewer.close();
  }, 120_000);

  it('compares the procedure with an older published version and names both in the proposal', async () => {
    const page = await signedIn('admin');
    await openEditor(page, 'Đăng ký khai sinh');
    await page.getByRole('tab', { name: 'Đơn giản hóa' }).click();
    const history = page.getByTestId('versions-table');
    await expect.poll(() => history.locator('tbody tr').count()).toBe(2);
    await expect.poll(() => history.innerText()).toContain('Lãnh đạo phê duyệt thủ tục');
    await expect.poll(() => history.innerText()).toContain('45/QĐ-UBND');
    const older = await page
      .locator('#compare-with optgroup[label="Lịch sử phiên bản"] option')
      .last()
      .getAttribute('value');
    await page.getByLabel('So sánh với').selectOption(older!);
    await expect
      .poll(() => page.getByTestId('simplify').innerText())
      .toContain('Chủ tịch UBND xã ký giấy khai sinh');
    await expect
      .poll(() => page.locator('.print-report').innerText())
      .toMatch(/So sánh phiên bản \w+ có hiệu lực từ \d\d\/\d\d\/2026 với bản dự thảo đang sửa/);
    await page.screenshot({ path: join(SHOTS, 'publication-compare.png') });
    // Two versions with each other: the older one against itself shows no change.
    await page.getByLabel('Bản so sánh').selectOption(older!);
    await expect
      .poll(() => page.getByTestId('simplify').innerText())
      .toContain('Chưa có gì thay đổi');
    await page.close();
  }, 90_000);

  it('asks before Back loses unsaved changes', async () => {
    const page = await signedIn('admin');
    await openEditor(page, 'Đăng ký kết hôn');
    const first = page.locator('.react-flow__node-step').first();
    await first.click();
    await page
      .getByTestId('step-panel')
      .getByLabel('Tiếng Việt', { exact: true })
      .fill('Tiếp nhận hồ sơ (sửa chưa lưu)');
    await expect.poll(() => page.getByTestId('save-status').innerText()).toBe('Chưa lưu');
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.goBack({ waitUntil: 'commit' }).catch(() => undefined);
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toBe('Có thay đổi chưa lưu. Rời khỏi trang?');
    await expect.poll(() => page.getByTestId('save-status').innerText()).toBe('Chưa lưu');
    expect(new URL(page.url()).pathname).toBe('/procedures/dang-ky-ket-hon');
    page.once('dialog', (d) => void d.accept());
    await page.goBack({ waitUntil: 'commit' }).catch(() => undefined);
    await page.getByRole('heading', { name: 'Thư viện thủ tục' }).waitFor();
    await page.close();
  }, 60_000);
});
