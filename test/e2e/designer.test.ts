import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  appointmentDate,
  createCalendar,
  formatProcedure,
  parseCalendarFile,
  type CalendarSchedule,
} from '../../engine/index.ts';
import { formatDateTime } from '../../designer/src/i18n/format.ts';
import { browserSuite, SHOTS, submitLogin } from './browserSuite.ts';

/**
 * The designer in a real browser (Debian's Chromium) against the real server: sign in, edit a
 * procedure on the canvas, watch validation, save a draft, simulate a dossier, compare versions.
 * Every scenario leaves a screenshot in test-results/.
 */

const suite = browserSuite('designer');
const WIDE = { width: 1920, height: 1080 };

async function signedIn(): Promise<Page> {
  const page = await suite.page({ viewport: WIDE });
  await submitLogin(page, 'admin');
  await page.getByRole('heading', { name: 'Thư viện thủ tục' }).waitFor();
  return page;
}

async function open(page: Page, name: string): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __motcuaReady?: unknown }).__motcuaReady = undefined;
  });
  await page.getByRole('link', { name, exact: true }).click();
  await page.waitForFunction(
    () => (window as unknown as { __motcuaReady?: unknown }).__motcuaReady,
  );
  await page.locator('.react-flow__node-step').first().waitFor();
}

function officialSchedule(): CalendarSchedule {
  const file = join(suite.server.proceduresDir, 'calendars', '2026.json');
  const r = parseCalendarFile(JSON.parse(readFileSync(file, 'utf8')), '2026.json');
  if (!r.ok) throw new Error('2026.json');
  return r.schedule;
}

/** The draft of a procedure as the database holds it (saving keeps a draft, not the file). */
async function draftOf(id: string): Promise<{ procedure: any; layout: any }> {
  const row = await suite.server.runtime.deps.db
    .selectFrom('procedure_drafts')
    .select(['content', 'layout'])
    .where('procedure_id', '=', id)
    .executeTakeFirstOrThrow();
  return { procedure: JSON.parse(row.content), layout: row.layout && JSON.parse(row.layout) };
}

const node = (page: Page, path: string): Locator =>
  page.locator(`.react-flow__node[data-id="${path}"]`);

/** Drag a new arrow from one step's right-hand point to another step's left-hand point. */
async function connect(page: Page, from: string, to: string): Promise<void> {
  await node(page, from).hover();
  const start = await node(page, from)
    .locator('.react-flow__handle[data-handleid="r"]')
    .boundingBox();
  await node(page, to).hover();
  const end = await node(page, to).locator('.react-flow__handle[data-handleid="l"]').boundingBox();
  if (!start || !end) throw new Error('handles not found');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 6 });
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 6 });
  await page.mouse.up();
  await page.getByRole('dialog', { name: 'Nối bước' }).waitFor();
}

describe('the procedure designer', () => {
  it('lists the library, signed in', async () => {
    const page = await suite.page({ viewport: WIDE });
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'designer-login.png') });
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('sai');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toBe('Sai tên đăng nhập hoặc mật khẩu.');
    await page.getByLabel('Mật khẩu').fill('motcua');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Thư viện thủ tục' }).waitFor();
    await page.getByLabel('Tìm kiếm').fill('khai sinh');
    const rows = page.locator('.library-table tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    await page.getByLabel('Tìm kiếm').fill('');
    await page.screenshot({ path: join(SHOTS, 'designer-library.png') });
    await page.close();
  }, 60_000);

  it('creates a procedure from the template and duplicates one as a new variant', async () => {
    const page = await signedIn();
    await page.getByRole('button', { name: '+ Thủ tục mới' }).click();
    const create = page.getByRole('dialog', { name: 'Tạo thủ tục mới từ mẫu' });
    await create.getByLabel('Tên thủ tục').fill('Cấp giấy xác nhận cư trú');
    expect(await create.getByLabel('Mã tệp (slug)').inputValue()).toBe('cap-giay-xac-nhan-cu-tru');
    await create.getByRole('button', { name: 'Tạo' }).click();
    await page.waitForFunction(
      () => (window as unknown as { __motcuaReady?: unknown }).__motcuaReady,
    );
    await expect
      .poll(() => page.getByTestId('save-status').innerText())
      .toBe('Thủ tục mới, chưa lưu');
    await expect.poll(() => page.getByTestId('validity').innerText()).toBe('Hợp lệ');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => page.getByTestId('save-status').innerText()).toBe('Đã lưu');
    const created = (await draftOf('cap-giay-xac-nhan-cu-tru')).procedure;
    expect(created.name.vi).toBe('Cấp giấy xác nhận cư trú');
    // A draft only: nothing in the library folder until it is published.
    expect(existsSync(join(suite.server.proceduresDir, 'cap-giay-xac-nhan-cu-tru.json'))).toBe(
      false,
    );

    await page.getByRole('link', { name: 'Thư viện' }).click();
    await page
      .locator('tr', { hasText: 'Cấp bản sao trích lục hộ tịch' })
      .getByRole('button', { name: 'Nhân bản' })
      .click();
    const copy = page.getByRole('dialog', { name: 'Nhân bản thành phương án mới' });
    await expect
      .poll(() => copy.getByLabel('Mã tệp (slug)').inputValue())
      .toBe('cap-ban-sao-trich-luc-ho-tich-2');
    await copy.getByRole('button', { name: 'Tạo' }).click();
    await page.waitForFunction(
      () => (window as unknown as { __motcuaReady?: unknown }).__motcuaReady,
    );
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => page.getByTestId('save-status').innerText()).toBe('Đã lưu');
    const variant = (await draftOf('cap-ban-sao-trich-luc-ho-tich-2')).procedure;
    expect(variant.machine.id).toBe('cap-ban-sao-trich-luc-ho-tich-2');
    expect(variant.name.vi).toBe('Cấp bản sao trích lục hộ tịch (phương án đơn giản hóa)');
    await page.close();
  }, 60_000);

  it('adds a step, connects it, validates live, and saves it as a draft', async () => {
    const page = await signedIn();
    await open(page, 'Đăng ký khai sinh');
    await expect.poll(() => page.getByTestId('validity').innerText()).toBe('Hợp lệ');

    // Add a step next to the specialist's review and describe it.
    await node(page, 'thamTra').click();
    await page.getByRole('button', { name: '+ Thêm bước' }).click();
    const panel = page.getByTestId('step-panel');
    await expect.poll(() => panel.locator('code.key').innerText()).toBe('buocMoi');
    await expect.poll(() => page.getByTestId('validity').innerText()).toContain('lỗi');
    await expect.poll(() => page.getByTestId('problems').innerText()).toContain('Bước mới');
    await panel.getByLabel('Tiếng Việt', { exact: true }).fill('Lãnh đạo xem xét đề xuất từ chối');
    await panel.getByLabel('Đơn vị thực hiện').selectOption('ubnd-xa');
    await panel.getByLabel('Người thực hiện').selectOption('leader');
    await panel.getByLabel('Thời gian xử lý', { exact: true }).fill('0,5');
    await panel.getByRole('combobox', { name: /Thời gian xử lý:/ }).selectOption('workingHours');
    await expect
      .poll(() => node(page, 'buocMoi').innerText())
      .toContain('Lãnh đạo xem xét đề xuất từ chối');

    // Connect the review to it with a new event named in Vietnamese.
    await connect(page, 'thamTra', 'buocMoi');
    const dialog = page.getByRole('dialog', { name: 'Nối bước' });
    await dialog.getByLabel('Sự kiện').selectOption('__new__');
    await dialog.getByLabel('Tên sự kiện (tiếng Việt)').fill('Đề xuất từ chối');
    await dialog.getByRole('button', { name: 'Áp dụng' }).click();
    await dialog.getByRole('button', { name: 'Nối' }).click();
    await expect
      .poll(() => page.locator('.edge-label', { hasText: 'Đề xuất từ chối' }).count())
      .toBe(1);
    // Reachable now, and it can end (by withdrawal from any step): the problems are gone.
    await expect.poll(() => page.getByTestId('validity').innerText()).toBe('Hợp lệ');

    // And it to the refusal, from the properties panel (the keyboard way).
    await node(page, 'buocMoi').click();
    await panel.getByLabel('Đến bước').selectOption('tuChoi');
    await panel.getByLabel('Sự kiện').selectOption('REFUSE');
    await panel.getByRole('button', { name: '+ Thêm chuyển bước' }).click();
    await expect.poll(() => page.getByTestId('validity').innerText()).toBe('Hợp lệ');
    await expect.poll(() => page.getByTestId('save-status').innerText()).toBe('Chưa lưu');

    // Undo and redo the last edit with the keyboard.
    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('validity').innerText()).toContain('lỗi');
    await expect
      .poll(() => page.locator('.edge-label', { hasText: 'Đề xuất từ chối' }).count())
      .toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.getByTestId('validity').innerText()).toBe('Hợp lệ');

    await node(page, 'buocMoi').click();
    await page.screenshot({ path: join(SHOTS, 'designer-edit.png') });
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => page.getByTestId('save-status').innerText()).toBe('Đã lưu');

    const draft = await draftOf('dang-ky-khai-sinh');
    const saved = draft.procedure;
    expect(saved.machine.states.buocMoi.meta).toMatchObject({
      name: { vi: 'Lãnh đạo xem xét đề xuất từ chối' },
      unit: 'ubnd-xa',
      role: 'leader',
      duration: { workingHours: 0.5 },
    });
    expect(saved.events.DE_XUAT_TU_CHOI.name.vi).toBe('Đề xuất từ chối');
    expect(saved.machine.states.thamTra.on.DE_XUAT_TU_CHOI).toEqual({ target: 'buocMoi' });
    expect(saved.machine.states.buocMoi.on.REFUSE).toEqual({ target: 'tuChoi' });
    expect(draft.layout.positions.buocMoi).toEqual({
      x: expect.any(Number),
      y: expect.any(Number),
    });
    await page.close();
  }, 90_000);

  it('refuses to overwrite a file changed on disk and offers to reload', async () => {
    const page = await signedIn();
    await open(page, 'Đăng ký khai tử');
    const file = join(suite.server.proceduresDir, 'dang-ky-khai-tu.json');
    const onDisk = JSON.parse(readFileSync(file, 'utf8'));
    onDisk.field = 'Hộ tịch (sửa trực tiếp trong tệp)';
    writeFileSync(file, formatProcedure(onDisk));
    await page.getByRole('tab', { name: 'Thủ tục' }).click();
    await page.getByTestId('procedure-panel').getByLabel('Lĩnh vực').fill('Hộ tịch - khai tử');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Tệp đã bị thay đổi ở nơi khác' });
    await dialog.waitFor();
    expect(JSON.parse(readFileSync(file, 'utf8')).field).toBe('Hộ tịch (sửa trực tiếp trong tệp)');
    await page.screenshot({ path: join(SHOTS, 'designer-conflict.png') });
    await dialog.getByRole('button', { name: 'Tải lại bản mới nhất' }).click();
    await page.getByRole('tab', { name: 'Thủ tục' }).click();
    // The unsaved edit is gone after the reload. (The server still answers GET with the version
    // it loaded at start until the file is saved through it — reported to the server's owner.)
    await expect
      .poll(() => page.getByTestId('procedure-panel').getByLabel('Lĩnh vực').inputValue())
      .not.toBe('Hộ tịch - khai tử');
    await expect.poll(() => page.getByTestId('save-status').innerText()).toBe('Đã lưu');
    await page.close();
  }, 60_000);

  it('simulates a dossier through parallel inter-agency steps to its outcome', async () => {
    const page = await signedIn();
    await open(
      page,
      'Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    );
    await page.getByRole('tab', { name: 'Mô phỏng' }).click();
    const sim = page.getByTestId('simulator');
    await sim.getByLabel('Thời điểm nộp hồ sơ').fill('2026-04-29T14:00');
    await sim.getByLabel('Hình thức nhận kết quả').selectOption('Bưu chính');
    await sim.getByRole('button', { name: 'Bắt đầu mô phỏng' }).click();
    await sim.locator('[data-event="ACCEPT"]').waitFor();
    // The event is fired by clicking its arrow's label on the canvas.
    const accept = await sim.locator('[data-event="ACCEPT"]').innerText();
    await page
      .locator('.edge-label', { hasText: accept.split(' · ')[0]!.trim() })
      .first()
      .click();
    const calendar = createCalendar({ schedules: [officialSchedule()] });
    const due = appointmentDate(calendar, new Date('2026-04-29T14:00:00+07:00'), {
      workingDays: 3,
    });
    await expect
      .poll(() => sim.getByTestId('sim-due').innerText())
      .toContain(formatDateTime(due, 'vi'));
    await expect.poll(() => page.locator('.react-flow__node .hl-active').count()).toBe(3);
    await sim.getByRole('button', { name: '+1 ngày làm việc' }).click();
    await expect.poll(() => sim.innerText()).toContain('Bỏ qua ngày nghỉ');
    await expect.poll(() => sim.getByTestId('sim-now').innerText()).toContain('04/05/2026');
    await page.screenshot({ path: join(SHOTS, 'designer-simulate.png') });
    for (const event of ['COMPLETE', 'DANG_KY_THUONG_TRU', 'CAP_THE_BHYT']) {
      await sim.locator(`[data-event="${event}"]`).click();
    }
    await sim.locator('[data-event="RETURN_RESULT"]').click();
    await expect
      .poll(() => sim.getByTestId('sim-finished').innerText())
      .toContain('Giải quyết xong, trả kết quả');
    await expect.poll(() => sim.innerText()).toContain('Kết quả đã được gửi qua bưu chính.');
    await page.screenshot({ path: join(SHOTS, 'designer-simulate-done.png') });
    await page.close();
  }, 60_000);

  it('compares the edited version with the saved one and prints the proposal', async () => {
    const page = await signedIn();
    await open(page, 'Cấp bản sao trích lục hộ tịch');
    // Simplify: the clerk's registration step goes; the leader's signature leads to the fee.
    await node(page, 'vaoSo').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => node(page, 'vaoSo').count()).toBe(0);
    await expect.poll(() => page.getByTestId('validity').innerText()).toContain('lỗi');
    await connect(page, 'kyDuyet', 'choNopPhi');
    const dialog = page.getByRole('dialog', { name: 'Nối bước' });
    await dialog.getByLabel('Sự kiện').selectOption('SIGN');
    await dialog.getByRole('button', { name: 'Nối' }).click();
    await expect.poll(() => page.getByTestId('validity').innerText()).toMatch(/^(Hợp lệ|0 lỗi)/);

    await page.getByRole('tab', { name: 'Đơn giản hóa' }).click();
    const table = page.getByTestId('metrics-table');
    await expect
      .poll(() => table.locator('tr', { hasText: 'Số bước xử lý' }).innerText())
      .toContain('−20 %');
    await expect
      .poll(() => table.locator('tr', { hasText: 'Số đơn vị tham gia' }).innerText())
      .toContain('−25 %');
    await expect
      .poll(() => page.locator('.react-flow__node[data-id="vaoSo"] .is-ghost').count())
      .toBe(1);
    await expect.poll(() => page.getByTestId('simplify').innerText()).toContain('Văn thư');
    await page.screenshot({ path: join(SHOTS, 'designer-compare.png') });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(SHOTS, 'designer-proposal-print.png'), fullPage: true });
    await expect.poll(() => page.locator('.print-report').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // Two procedures: the same desk procedure for marriage registration as the baseline.
    await page.getByLabel('So sánh với').selectOption('dang-ky-ket-hon');
    await expect.poll(() => table.locator('th', { hasText: 'Trước' }).count()).toBe(1);
    await page.close();
  }, 60_000);

  it('models as bpmn.io does: palette drag, context-pad append, connect to an outcome anywhere on it', async () => {
    const page = await suite.page();
    await submitLogin(page, 'admin');
    await page.getByRole('heading', { name: 'Thư viện thủ tục' }).waitFor();
    await open(page, 'Đăng ký kết hôn');
    await expect.poll(() => page.getByTestId('validity').innerText()).toBe('Hợp lệ');
    const before = await page.locator('.react-flow__node-step').count();

    // Drag a step from the palette onto the last unit lane.
    const lane = page.locator('.react-flow__node-lane').nth(1);
    const laneBox = (await lane.boundingBox())!;
    const pane = (await page.locator('.canvas-area .react-flow').boundingBox())!;
    await page
      .getByTestId('palette')
      .locator('[data-shape="step"]')
      .dragTo(page.locator('.canvas-area .react-flow'), {
        targetPosition: {
          x: Math.min(laneBox.x + laneBox.width, pane.x + pane.width) - pane.x - 120,
          y: laneBox.y - pane.y + laneBox.height / 2,
        },
      });
    await expect.poll(() => page.locator('.react-flow__node-step').count()).toBe(before + 1);
    const added = page.locator('.react-flow__node-step.selected');
    await expect.poll(() => added.innerText()).toContain('Bước mới');
    const addedBox = (await added.boundingBox())!;
    expect(addedBox.y + addedBox.height / 2).toBeGreaterThan(laneBox.y);
    expect(addedBox.y + addedBox.height / 2).toBeLessThan(laneBox.y + laneBox.height);
    await page.screenshot({ path: join(SHOTS, 'designer-palette-drop.png') });
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.react-flow__node-step').count()).toBe(before);

    // The context pad of a step appends a next step and asks for the event.
    const first = page.locator('.react-flow__node-step').first();
    await first.click();
    const pad = page.getByRole('toolbar', { name: 'Thao tác nhanh với bước' });
    await pad.waitFor();
    await page.screenshot({ path: join(SHOTS, 'designer-context-pad.png') });
    await pad.getByRole('button', { name: 'Thêm bước tiếp theo và nối tới' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nối bước' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Nối' }).click();
    await expect.poll(() => page.locator('.react-flow__node-step').count()).toBe(before + 1);
    await expect.poll(() => node(page, 'buocMoi').count()).toBe(1);

    // Double-click renames in place.
    await node(page, 'buocMoi').locator('.step-name').dblclick();
    const input = page.getByLabel('Tên bước (Enter để lưu, Esc để hủy)');
    await input.fill('Thẩm định bổ sung');
    await input.press('Enter');
    await expect.poll(() => node(page, 'buocMoi').innerText()).toContain('Thẩm định bổ sung');

    // An arrow dropped in the middle of an outcome (not on a connection point) connects to it.
    // Ctrl+0 fits the whole diagram (the outcomes are drawn only when in view).
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+0');
    const finals = page.locator('.react-flow__node-final');
    const target = finals.first();
    await target.waitFor();
    await page.waitForTimeout(400);
    const to = (await target.boundingBox())!;
    await node(page, 'buocMoi').hover();
    const from = (await node(page, 'buocMoi')
      .locator('.react-flow__handle[data-handleid="r"]')
      .boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2 - 20, to.y + to.height / 2 + 10, { steps: 8 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 4 });
    await page.mouse.up();
    const connect = page.getByRole('dialog', { name: 'Nối bước' });
    await connect.waitFor();
    const targetId = await target.getAttribute('data-id');
    await expect.poll(() => connect.innerText()).toContain('Thẩm định bổ sung');
    await connect.getByRole('button', { name: 'Nối' }).click();
    await expect
      .poll(() => page.locator(`.react-flow__edge[data-testid^="rf__edge-buocMoi|"]`).count())
      .toBeGreaterThan(0);
    expect(targetId).toBeTruthy();

    // Ctrl+A selects every shape; Ctrl+- zooms out.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+a');
    await expect.poll(() => page.getByText(/Đã chọn \d+ mục/).count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'designer-modelling.png') });
    await page.close();
  }, 90_000);
});
