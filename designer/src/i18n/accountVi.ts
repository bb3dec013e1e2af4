/**
 * The Vietnamese dictionary of the accounts pages: one's own account (tài khoản, đổi mật khẩu)
 * and the administrators' user management (người dùng).
 */
export const accountVi = {
  // Navigation
  navUsers: 'Người dùng',
  accountLinkTitle: 'Tài khoản của tôi',
  accountLocked: 'Tài khoản đã bị khóa. Liên hệ quản trị hệ thống để được mở khóa.',

  // Account page
  accountTitle: 'Tài khoản',
  accountIntro: 'Thông tin tài khoản của bạn và đổi mật khẩu đăng nhập.',
  accountInfo: 'Thông tin tài khoản',
  displayNameLabel: 'Họ và tên',
  unitLabel: 'Đơn vị',
  rolesLabel: 'Vai trò',
  adminLabel: 'Quản trị hệ thống',
  roleDesigner: 'Thiết kế quy trình thủ tục',
  rolePublisher: 'Phê duyệt, công bố thủ tục',
  roleSupervisor: 'Lãnh đạo, giám sát (xem hồ sơ của cấp dưới)',
  noRoles: 'Chưa có vai trò',
  changePassword: 'Đổi mật khẩu',
  changePasswordIntro:
    'Mật khẩu mới phải có ít nhất 8 ký tự. Sau khi đổi, các phiên đăng nhập khác của bạn sẽ bị đăng xuất.',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  repeatPassword: 'Nhập lại mật khẩu mới',
  passwordChanged: 'Đã đổi mật khẩu. Các phiên đăng nhập khác đã bị đăng xuất.',
  currentPasswordRequired: 'Nhập mật khẩu hiện tại.',
  passwordTooShort: 'Mật khẩu phải có ít nhất {n} ký tự.',
  passwordsDiffer: 'Mật khẩu nhập lại không khớp.',
  passwordSameAsCurrent: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
  passwordSameAsUsername: 'Mật khẩu không được trùng tên đăng nhập.',

  // Users page
  usersTitle: 'Người dùng',
  usersIntro: 'Tài khoản cán bộ, công chức: đơn vị công tác, vai trò xử lý hồ sơ và trạng thái.',
  usersForbidden: 'Chỉ quản trị hệ thống được quản lý người dùng.',
  addUser: 'Thêm người dùng',
  searchUsers: 'Tên đăng nhập hoặc họ tên',
  allUnits: 'Tất cả đơn vị',
  userCount: '{n} người dùng',
  noUsers: 'Không có người dùng nào khớp với bộ lọc.',
  colUsername: 'Tên đăng nhập',
  colDisplayName: 'Họ và tên',
  colRoles: 'Vai trò',
  colAdmin: 'Quản trị',
  colStatus: 'Trạng thái',
  colActions: 'Thao tác',
  statusActive: 'Đang hoạt động',
  statusLocked: 'Đã khóa',
  editUser: 'Sửa',
  lockUser: 'Khóa',
  unlockUser: 'Mở khóa',
  editUserLabel: 'Sửa tài khoản {username}',
  lockUserLabel: 'Khóa tài khoản {username}',
  unlockUserLabel: 'Mở khóa tài khoản {username}',
  youMark: '(bạn)',

  // User form
  newUserTitle: 'Thêm người dùng',
  editUserTitle: 'Sửa người dùng {username}',
  usernameHint: '3–50 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang.',
  usernameReadOnly: 'Không thể đổi tên đăng nhập.',
  adminCheckbox: 'Quản trị hệ thống (quản lý người dùng, xem mọi hồ sơ)',
  initialPassword: 'Mật khẩu ban đầu',
  initialPasswordHint: 'Ít nhất 8 ký tự. Báo cho người dùng và đề nghị đổi sau lần đăng nhập đầu.',
  resetPassword: 'Đặt lại mật khẩu',
  resetPasswordHint:
    'Để trống nếu không đổi. Nếu đặt lại, người dùng bị đăng xuất khỏi mọi phiên đăng nhập.',
  usernameRequired: 'Nhập tên đăng nhập.',
  usernameInvalid:
    'Tên đăng nhập gồm 3–50 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang; bắt đầu bằng chữ hoặc số.',
  displayNameRequired: 'Nhập họ và tên.',
  unitRequired: 'Chọn đơn vị công tác.',
  passwordRequired: 'Nhập mật khẩu ban đầu.',
  usernameTaken: 'Tên đăng nhập này đã được sử dụng.',
  lastAdmin:
    'Không thực hiện được: hệ thống phải còn ít nhất một quản trị viên đang hoạt động. Hãy chỉ định quản trị viên khác trước.',
  userNotFound: 'Không tìm thấy người dùng này.',
  saveUser: 'Lưu',
  createUser: 'Thêm',
  userCreated: 'Đã thêm người dùng {username}.',
  userSaved: 'Đã lưu thay đổi của {username}.',
  userLocked: 'Đã khóa tài khoản {username}.',
  userUnlocked: 'Đã mở khóa tài khoản {username}.',

  // Lock confirmation
  lockTitle: 'Khóa tài khoản {username}?',
  lockBody:
    '{name} sẽ bị đăng xuất khỏi mọi phiên và không đăng nhập được cho đến khi được mở khóa. Hồ sơ đã xử lý không bị ảnh hưởng.',
  unlockTitle: 'Mở khóa tài khoản {username}?',
  unlockBody: '{name} sẽ đăng nhập lại được bằng mật khẩu hiện có.',
  lockConfirm: 'Khóa tài khoản',
  unlockConfirm: 'Mở khóa',
  navAccessLog: 'Nhật ký truy cập',
  accessLogTitle: 'Nhật ký truy cập dữ liệu cá nhân',
  accessLogIntro:
    'Ai đã mở, in hoặc tải hồ sơ nào, khi nào (Nghị định 13/2023/NĐ-CP). Nhật ký chỉ được ghi thêm, không sửa, không xóa.',
  accessLogForbidden: 'Chỉ quản trị viên được xem nhật ký truy cập.',
  accessLogFilters: 'Lọc nhật ký',
  accessDossier: 'Mã hồ sơ',
  accessUser: 'Cán bộ',
  accessAt: 'Thời điểm',
  accessAction: 'Thao tác',
  accessFilter: 'Lọc',
  accessNone: 'Không có lượt truy cập nào.',
  accessMore: 'Xem thêm',
  accessView: 'Xem hồ sơ',
  accessPrint: 'In phiếu',
  accessExport: 'Xuất dữ liệu',
  accessFile: 'Mở tệp',
} as const;

/** The accounts dictionary type: every key of the Vietnamese one, as a string. */
export type AccountStrings = { readonly [K in keyof typeof accountVi]: string };
