import { describe, expect, it } from 'vitest';
import type { UnitCatalog } from '../../engine/index.ts';
import { ApiError } from '../../designer/src/api/client.ts';
import { problemFields } from '../../designer/src/api/problemFields.ts';
import type { UserAccount } from '../../designer/src/api/users.ts';
import { vi } from '../../designer/src/i18n/strings.ts';
import { accountErrors } from '../../designer/src/ui/account/accountErrors.ts';
import { passwordChangeProblems } from '../../designer/src/ui/account/passwordChecks.ts';
import { roleChoices, roleLabel } from '../../designer/src/ui/account/roles.ts';
import {
  draftOf,
  newUserRequest,
  USER_FIELDS,
  userDraftProblems,
  userPatch,
} from '../../designer/src/ui/account/userDraft.ts';
import { parseRoute, routePath } from '../../designer/src/ui/useRoute.ts';

const s = vi;
const validation = (problems: unknown[]) =>
  new ApiError(422, 'validation', 'The request is not valid', { problems });

const account: UserAccount = {
  id: 'u1',
  username: 'tu-phap',
  displayName: 'Nguyễn Thị Hoa',
  unitId: 'tu-phap-xa',
  roles: ['specialist', 'designer'],
  isAdmin: false,
  disabled: false,
  createdAt: '2026-03-02T01:00:00.000Z',
};

describe('the change-password checks', () => {
  const ok = {
    currentPassword: 'motcua',
    newPassword: 'mat-khau-moi',
    repeatPassword: 'mat-khau-moi',
  };

  it('accepts a long enough new password typed twice', () => {
    expect(passwordChangeProblems(ok, 'can-bo', s)).toEqual({});
  });

  it('says what is wrong beside each field', () => {
    expect(
      passwordChangeProblems(
        { currentPassword: '', newPassword: 'ngan', repeatPassword: 'x' },
        'a',
        s,
      ),
    ).toEqual({
      currentPassword: 'Nhập mật khẩu hiện tại.',
      newPassword: 'Mật khẩu phải có ít nhất 8 ký tự.',
      repeatPassword: 'Mật khẩu nhập lại không khớp.',
    });
    expect(
      passwordChangeProblems(
        { ...ok, newPassword: 'motcua12', currentPassword: 'motcua12', repeatPassword: 'motcua12' },
        'a',
        s,
      ),
    ).toEqual({
      newPassword: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
    });
    expect(
      passwordChangeProblems(
        { ...ok, newPassword: 'can-bo-moi', repeatPassword: 'can-bo-moi' },
        'can-bo-moi',
        s,
      ),
    ).toEqual({
      newPassword: 'Mật khẩu không được trùng tên đăng nhập.',
    });
  });
});

describe('the user form', () => {
  const fresh = {
    ...draftOf(undefined),
    username: 'can-bo-moi',
    displayName: ' Trần Văn Bình ',
    unitId: 'tu-phap-xa',
    roles: ['specialist'],
    password: 'matkhau-ban-dau',
  };

  it('checks a new account as the server does', () => {
    expect(userDraftProblems(fresh, true, s)).toEqual({});
    expect(userDraftProblems(draftOf(undefined), true, s)).toEqual({
      username: s.usernameRequired,
      displayName: s.displayNameRequired,
      unitId: s.unitRequired,
      password: s.passwordRequired,
    });
    for (const bad of ['ab', 'Can-bo', '-canbo', 'cán-bộ', 'a'.repeat(51), 'can bo'])
      expect(userDraftProblems({ ...fresh, username: bad }, true, s).username, bad).toBe(
        s.usernameInvalid,
      );
    for (const good of ['abc', '9x.y_z-w', 'a'.repeat(50)])
      expect(
        userDraftProblems({ ...fresh, username: good }, true, s).username,
        good,
      ).toBeUndefined();
    expect(userDraftProblems({ ...fresh, password: 'short' }, true, s).password).toBe(
      'Mật khẩu phải có ít nhất 8 ký tự.',
    );
  });

  it('sends the trimmed new account', () => {
    expect(newUserRequest(fresh)).toEqual({
      username: 'can-bo-moi',
      displayName: 'Trần Văn Bình',
      unitId: 'tu-phap-xa',
      roles: ['specialist'],
      isAdmin: false,
      password: 'matkhau-ban-dau',
    });
  });

  it('when editing, needs no password and sends only what changed', () => {
    const draft = draftOf(account);
    expect(userDraftProblems(draft, false, s)).toEqual({});
    expect(userPatch(account, draft)).toEqual({});
    expect(userPatch(account, { ...draft, roles: ['designer', 'specialist'] })).toEqual({});
    expect(userPatch(account, { ...draft, displayName: 'Nguyễn Thị Hoà ', isAdmin: true })).toEqual(
      {
        displayName: 'Nguyễn Thị Hoà',
        isAdmin: true,
      },
    );
    expect(
      userPatch(account, {
        ...draft,
        roles: ['specialist'],
        unitId: 'ubnd-xa',
        password: 'dat-lai-123',
      }),
    ).toEqual({
      roles: ['specialist'],
      unitId: 'ubnd-xa',
      password: 'dat-lai-123',
    });
    expect(userDraftProblems({ ...draft, password: 'short' }, false, s).password).toBeTruthy();
  });
});

describe('server problems under their fields', () => {
  it('places /body paths (and list items) under the named fields, the rest in the form', () => {
    const placed = problemFields(
      validation([
        { path: '/unitId', message: 'Đơn vị không có trong danh mục' },
        { path: '/roles/0', message: 'Vai trò không có' },
        { path: '/roles/1', message: 'Vai trò cũng không có' },
        { path: '/password', message: { vi: 'Mật khẩu quá ngắn', en: 'Too short' } },
        { path: '/query/x', message: 'Lạ' },
      ]),
      USER_FIELDS,
      'vi',
    );
    expect(placed).toEqual({
      fields: {
        unitId: 'Đơn vị không có trong danh mục',
        roles: 'Vai trò không có Vai trò cũng không có',
        password: 'Mật khẩu quá ngắn',
      },
      form: ['Lạ'],
    });
  });

  it('puts a validation answer without problems in the form', () => {
    expect(problemFields(validation([]), USER_FIELDS, 'vi')).toEqual({
      fields: {},
      form: ['The request is not valid'],
    });
  });

  it('maps the account errors: taken username, last administrator, wrong password', () => {
    expect(
      accountErrors(new ApiError(409, 'username-taken', 'taken'), USER_FIELDS, s, 'vi'),
    ).toEqual({
      fields: { username: s.usernameTaken },
      form: [],
    });
    expect(accountErrors(new ApiError(409, 'last-admin', 'last'), USER_FIELDS, s, 'vi')).toEqual({
      fields: {},
      form: [s.lastAdmin],
    });
    expect(
      accountErrors(
        validation([{ path: '/currentPassword', message: 'Mật khẩu hiện tại không đúng' }]),
        ['currentPassword', 'newPassword'],
        s,
        'vi',
      ),
    ).toEqual({ fields: { currentPassword: 'Mật khẩu hiện tại không đúng' }, form: [] });
    expect(accountErrors(new ApiError(0, 'network', 'offline'), [], s, 'vi').form).toEqual([
      'Không kết nối được máy chủ: offline',
    ]);
    expect(accountErrors(new ApiError(403, 'forbidden', 'no'), [], s, 'vi').form).toEqual([
      s.usersForbidden,
    ]);
  });
});

describe('roles and routes of the accounts pages', () => {
  const catalog = {
    levels: [],
    units: [],
    roles: [
      { id: 'reception', name: { vi: 'Cán bộ tiếp nhận', en: 'Reception' } },
      { id: 'applicant', name: { vi: 'Công dân', en: 'Applicant' }, citizen: true },
    ],
  } as unknown as UnitCatalog;
  const t = (text: { vi: string } | undefined, fallback = '') => text?.vi ?? fallback;

  it('offers officer roles, never a citizen one, and keeps roles the account holds', () => {
    expect(roleChoices(catalog, [])).toEqual(['reception', 'designer', 'publisher', 'supervisor']);
    expect(roleChoices(catalog, ['designer', 'reception', 'old-role'])).toEqual([
      'reception',
      'designer',
      'publisher',
      'supervisor',
      'old-role',
    ]);
    expect(roleLabel(catalog, 'reception', t, s)).toBe('Cán bộ tiếp nhận');
    expect(roleLabel(catalog, 'designer', t, s)).toBe(s.roleDesigner);
    expect(roleLabel(catalog, 'supervisor', t, s)).toBe(s.roleSupervisor);
    expect(roleLabel(catalog, 'unknown', t, s)).toBe('unknown');
  });

  it('reads the Vietnamese addresses and their English aliases', () => {
    expect(parseRoute('/tai-khoan')).toEqual({ name: 'account' });
    expect(parseRoute('/account/')).toEqual({ name: 'account' });
    expect(parseRoute('/nguoi-dung')).toEqual({ name: 'users' });
    expect(parseRoute('/users')).toEqual({ name: 'users' });
    expect(routePath({ name: 'account' })).toBe('/tai-khoan');
    expect(routePath({ name: 'users' })).toBe('/nguoi-dung');
  });
});
