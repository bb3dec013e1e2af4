import type { LocalizedText } from '../../../engine/index.ts';

/**
 * The texts new things get in the procedure file. They are data, not interface: a procedure's
 * Vietnamese text is required whatever language the designer is shown in, so these stay
 * Vietnamese (English only where nobody would need to retype it) and the officer renames them.
 */
export const NEW_DATA = {
  step: { vi: 'Bước mới' },
  final: { vi: 'Kết thúc mới' },
  group: { vi: 'Liên thông giải quyết' },
  branch: { vi: 'Nhánh' },
  fee: { vi: 'Lệ phí', en: 'Fee' },
  document: { vi: 'Giấy tờ mới', en: 'New document' },
  form: { vi: 'Biểu mẫu mới', en: 'New form' },
  formFirstField: 'Họ, chữ đệm, tên',
  field: 'Trường mới',
  notice: { vi: 'Thông báo', en: 'Notice' },
  branchDone: { vi: 'Xong', en: 'Done' },
} as const satisfies Record<string, LocalizedText | string>;
