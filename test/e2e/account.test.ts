import { describe, expect, it } from 'vitest';
import { browserSuite, signIn, submitLogin } from './browserSuite.ts';

/**
 * Accounts in a real browser against the real server: the administrator creates an officer's
 * account on "Người dùng", the officer signs in, changes the password on "Tài khoản" and signs
 * in with the new one; the administrator locks the account and the officer is refused. Each
 * page leaves a screenshot in test-results/ (a 1366×768 laptop screen).
 */

const suite = browserSuite('account');
const freshPage = () => suite.page();
const shot = suite.shot;

describe('user accounts in Chromium', { timeout: 120_000 }, () => {
  it('an administrator creates an account, its owner changes the password, the account is locked', async () => {
    const admin = await freshPage();
    await signIn(admin, 'admin', 'motcua');
    await admin.getByRole('link', { name: 'Người dùng' }).click();
    await admin.getByRole('heading', { name: 'Người dùng', level: 1 }).waitFor();
    await admin.getByRole('cell', { name: 'tu-phap-xa', exact: true }).waitFor();
    await shot(admin, '1-users');

    // The filter narrows the table by name, without regard to diacritics.
    await admin.getByLabel('Tìm kiếm').fill('tu phap');
    await expect(admin.locator('.users-table tbody tr').count()).resolves.toBe(1);
    await admin.getByLabel('Tìm kiếm').fill('');

    await admin.getByRole('button', { name: 'Thêm người dùng' }).click();
    const form = admin.getByRole('dialog', { name: 'Thêm người dùng' });
    // Nothing filled: each field says what it needs, and nothing is sent.
    await form.getByRole('button', { name: 'Thêm', exact: true }).click();
    await form.getByText('Nhập tên đăng nhập.').waitFor();
    await form.getByText('Chọn đơn vị công tác.').waitFor();
    // A taken username is refused by the server, under the username.
    await form.getByLabel('Tên đăng nhập').fill('admin');
    await form.getByLabel('Họ và tên').fill('Trần Văn Bình');
    await form.getByLabel('Đơn vị').selectOption('tu-phap-xa');
    await form.getByLabel('Chuyên viên / công chức chuyên môn').check();
    await form.getByLabel('Mật khẩu ban đầu').fill('matkhau-ban-dau');
    await form.getByRole('button', { name: 'Thêm', exact: true }).click();
    await expect(form.locator('#user-username-error').innerText()).resolves.toBe(
      'Tên đăng nhập này đã được sử dụng.',
    );
    await shot(admin, '2-user-form');
    await form.getByLabel('Tên đăng nhập').fill('can-bo-moi');
    await form.getByRole('button', { name: 'Thêm', exact: true }).click();
    await admin.getByRole('status').filter({ hasText: 'Đã thêm người dùng can-bo-moi.' }).waitFor();
    const row = admin.locator('.users-table tr', { hasText: 'can-bo-moi' });
    await expect(row.innerText()).resolves.toMatch(
      /Trần Văn Bình\s+Công chức Tư pháp - Hộ tịch xã\s+Chuyên viên \/ công chức chuyên môn\s+—\s+Đang hoạt động/,
    );

    // The new officer signs in, sees no user management, and changes the password.
    const officer = await freshPage();
    await signIn(officer, 'can-bo-moi', 'matkhau-ban-dau');
    await expect(officer.locator('.main-nav').innerText()).resolves.not.toContain('Người dùng');
    await officer.getByRole('link', { name: 'Trần Văn Bình' }).click();
    await officer.getByRole('heading', { name: 'Tài khoản', level: 1 }).waitFor();
    const facts = await officer.locator('.facts').innerText();
    expect(facts).toContain('Công chức Tư pháp - Hộ tịch xã');
    expect(facts).toContain('Chuyên viên / công chức chuyên môn');
    await officer.getByLabel('Mật khẩu hiện tại').fill('matkhau-ban-dau');
    await officer.getByLabel('Mật khẩu mới', { exact: true }).fill('ngan');
    await officer.getByLabel('Nhập lại mật khẩu mới').fill('khac');
    await officer.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await officer.getByText('Mật khẩu phải có ít nhất 8 ký tự.').waitFor();
    await officer.getByText('Mật khẩu nhập lại không khớp.').waitFor();
    await shot(officer, '3-password-errors');
    await officer.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-rieng-2026');
    await officer.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-rieng-2026');
    await officer.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await officer
      .getByRole('status')
      .filter({ hasText: 'Đã đổi mật khẩu. Các phiên đăng nhập khác đã bị đăng xuất.' })
      .waitFor();
    await shot(officer, '3-password');

    // The old password no longer opens the account; the new one does.
    await officer.getByRole('button', { name: 'Đăng xuất' }).click();
    await submitLogin(officer, 'can-bo-moi', 'matkhau-ban-dau');
    await officer.getByText('Sai tên đăng nhập hoặc mật khẩu.').waitFor();
    await signIn(officer, 'can-bo-moi', 'mat-khau-rieng-2026');

    // Locked by the administrator: the open session ends and signing in is refused.
    await row.getByRole('button', { name: 'Khóa tài khoản can-bo-moi' }).click();
    await admin
      .getByRole('dialog', { name: 'Khóa tài khoản can-bo-moi?' })
      .getByRole('button', { name: 'Khóa tài khoản' })
      .click();
    await admin.getByRole('status').filter({ hasText: 'Đã khóa tài khoản can-bo-moi.' }).waitFor();
    // The table shows the saved account at once.
    await row.getByText('Đã khóa', { exact: true }).waitFor();
    await officer.reload();
    await officer.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await submitLogin(officer, 'can-bo-moi', 'mat-khau-rieng-2026');
    await officer.getByText('Tài khoản đã bị khóa.', { exact: false }).waitFor();
  });

  it('keeps the last administrator and keeps officers out of user management', async () => {
    const admin = await freshPage();
    await signIn(admin, 'admin', 'motcua');
    await admin.goto(suite.server.url + '/nguoi-dung');
    await admin.getByRole('button', { name: 'Khóa tài khoản admin' }).click();
    const confirm = admin.getByRole('dialog', { name: 'Khóa tài khoản admin?' });
    await confirm.getByRole('button', { name: 'Khóa tài khoản' }).click();
    await confirm.getByRole('alert').filter({ hasText: 'ít nhất một quản trị viên' }).waitFor();

    const officer = await freshPage();
    await signIn(officer, 'ubnd-xa', 'motcua');
    await officer.goto(suite.server.url + '/users');
    await officer.getByText('Chỉ quản trị hệ thống được quản lý người dùng.').waitFor();
  });

  it('shows a wrong current password under its field', async () => {
    const officer = await freshPage();
    await signIn(officer, 'mot-cua-xa', 'motcua');
    await officer.goto(suite.server.url + '/tai-khoan');
    await officer.getByLabel('Mật khẩu hiện tại').fill('khong-phai-mat-khau');
    await officer.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-moi-2026');
    await officer.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-moi-2026');
    await officer.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    // The server's answer (422, /currentPassword) stands under the current password.
    const fieldError = officer.locator('#account-currentPassword-error');
    await fieldError.or(officer.getByRole('alert')).first().waitFor();
    await shot(officer, '4-wrong-password');
    expect(await fieldError.isVisible()).toBe(true);
    expect(await fieldError.textContent()).toContain('Mật khẩu hiện tại không đúng');
    await expect(
      officer.getByLabel('Mật khẩu hiện tại').getAttribute('aria-invalid'),
    ).resolves.toBe('true');
  });

  it('shows the access log to an administrator, filtered on submit, and not to an officer', async () => {
    const admin = await freshPage();
    await signIn(admin, 'admin', 'motcua');
    await admin.goto(suite.server.url + '/nhat-ky-truy-cap');
    await admin
      .getByRole('heading', { name: 'Nhật ký truy cập dữ liệu cá nhân', level: 1 })
      .waitFor();
    // Nobody has opened a dossier yet; a filter is applied when submitted.
    await admin.getByText('Không có lượt truy cập nào.').waitFor();
    const asked: string[] = [];
    admin.on('request', (r) => {
      if (r.url().includes('/api/access-log')) asked.push(new URL(r.url()).search);
    });
    await admin.getByLabel('Cán bộ').fill('mot-cua-xa');
    expect(asked).toEqual([]);
    await admin.getByRole('button', { name: 'Lọc', exact: true }).click();
    await expect.poll(() => asked).toEqual(['?user=mot-cua-xa']);
    // The same filter submitted again asks again.
    await admin.getByRole('button', { name: 'Lọc', exact: true }).click();
    await expect.poll(() => asked.length).toBe(2);
    await admin.getByText('Không có lượt truy cập nào.').waitFor();

    const officer = await freshPage();
    await signIn(officer, 'mot-cua-xa', 'motcua');
    await officer.goto(suite.server.url + '/nhat-ky-truy-cap');
    await officer.getByText('Chỉ quản trị viên được xem nhật ký truy cập.').waitFor();
  });
});
