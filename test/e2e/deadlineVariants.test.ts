import { describe, expect, it } from 'vitest';
import { TestClock } from '../support/runtime.ts';
import { browserSuite, signIn } from './browserSuite.ts';

/**
 * A lawful extension in a real browser: a marital status certificate whose former residence must
 * verify gets 3 more working days; the dossier page shows the legal time applied, the new
 * appointment slip with its reason, and the citizen's lookup the extension and the step's due
 * time. Screenshots in test-results/ (1366×768, and the lookup on a 390×844 phone).
 */

const clock = new TestClock(Date.parse('2026-03-11T09:45:00+07:00'));
const suite = browserSuite('deadline', { now: clock.now });

async function api(method: string, path: string, token: string | undefined, body?: unknown) {
  const r = await fetch(suite.server.url + path, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: r.status, body: (await r.json()) as Record<string, any> };
}

describe('lawful extensions in Chromium', { timeout: 120_000 }, () => {
  it('shows the legal time applied, the new appointment slip and the lookup', async () => {
    // Sessions expire with the simulated clock: sign in again after each jump.
    const signInApi = async () =>
      (
        await api('POST', '/api/auth/login', undefined, {
          username: 'admin',
          password: 'motcua',
        })
      ).body.token as string;
    let token = await signInApi();
    const r = await api('POST', '/api/dossiers', token, {
      procedureId: 'xac-nhan-tinh-trang-hon-nhan',
      applicant: { name: 'Trần Thị Mai', idNumber: '034197001122' },
      channel: 'desk',
      documents: ['toKhai', 'giayToTuyThan'],
      data: {
        hoTen: 'Trần Thị Mai',
        ngaySinh: '1997-07-21',
        gioiTinh: 'Nữ',
        soDinhDanh: '034197001122',
        noiCuTru: 'Phường Hoàn Kiếm, Hà Nội',
        tinhTrangHonNhan: 'Chưa đăng ký kết hôn với ai',
        mucDichSuDung: 'Đăng ký kết hôn',
        hoTenNguoiDuDinhKetHon: 'Đỗ Minh Quân',
        soDienThoai: '+84987654321',
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const { id, code, secret } = r.body as { id: string; code: string; secret: string };
    const view = await api('GET', `/api/dossiers/${id}`, token);
    if (view.body.state === 'tiepNhan') {
      clock.set('2026-03-11T10:00');
      token = await signInApi();
      expect(
        (await api('POST', `/api/dossiers/${id}/events`, token, { type: 'ACCEPT' })).status,
      ).toBe(200);
    }
    clock.set('2026-03-12T10:00');
    token = await signInApi();
    const verify = await api('POST', `/api/dossiers/${id}/events`, token, {
      type: 'YEU_CAU_XAC_MINH',
      note: 'Người yêu cầu đã thường trú tại xã Tân Lập trước năm 2016',
    });
    expect(verify.status, JSON.stringify(verify.body)).toBe(200);

    const office = await suite.page();
    await signIn(office, 'admin');
    await office.goto(`${suite.server.url}/dossiers/${id}`);
    await office.locator('#dossier-title').waitFor();
    const head = await office.locator('.head-facts').innerText();
    expect(head).toContain('Thời hạn áp dụng');
    expect(head).toContain('Gia hạn theo luật định: Xác minh tại nơi cư trú trước đây');
    const slips = await office.locator('.slip-list').innerText();
    expect(slips).toContain('Phiếu hẹn trả kết quả mới');
    expect(slips).toContain('Gia hạn theo luật định: Xác minh tại nơi cư trú trước đây');
    await suite.shot(office, '1-dossier-lawful-extension');

    await office
      .locator('.slip-list')
      .getByRole('link', { name: 'Phiếu hẹn trả kết quả mới' })
      .click();
    await office.getByText('Ngày hẹn trả kết quả được điều chỉnh').waitFor();
    await suite.shot(office, '2-reappointment-slip');

    const citizen = await suite.page({ path: '/tra-cuu', viewport: { width: 390, height: 844 } });
    await citizen.getByLabel('Mã hồ sơ').fill(code);
    await citizen.getByLabel('Mã bí mật').fill(secret);
    await citizen.getByRole('button', { name: 'Tra cứu' }).click();
    const result = citizen.locator('.lookup-result');
    await result.waitFor();
    const text = await result.innerText();
    expect(text).toContain('Chờ nơi cư trú trước đây xác minh, trình ký (đến');
    expect(text).toContain('Gia hạn theo luật định: Xác minh tại nơi cư trú trước đây');
    await suite.shot(citizen, '3-lookup-lawful-extension');

    // The designer's summary of the procedure lists the extension with the legal time.
    await office.goto(`${suite.server.url}/procedures/xac-nhan-tinh-trang-hon-nhan`);
    const summary = office.locator('.summary-list');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Xác minh tại nơi cư trú trước đây');
    await suite.shot(office, '4-designer-summary');
  });

  it('builds a date guard in the designer without writing code', async () => {
    const page = await suite.page();
    await signIn(page, 'admin');
    await page.goto(`${suite.server.url}/procedures/dang-ky-khai-sinh`);
    await page.locator('.react-flow__node-step').first().waitFor();
    await page.locator('.edge-label', { hasText: 'Trình phê duyệt' }).first().click();
    await page.getByRole('button', { name: '+ Thêm điều kiện' }).click();
    await page.getByLabel('Loại điều kiện').selectOption('elapsed');
    await page.getByLabel('Số', { exact: true }).fill('60');
    const summary = page.locator('.guard-summary');
    await expect
      .poll(() => summary.innerText())
      .toContain('từ Ngày, tháng, năm sinh đến ngày tiếp nhận ≤ 60 ngày');
    await suite.shot(page, '5-designer-date-guard');
  });
});
