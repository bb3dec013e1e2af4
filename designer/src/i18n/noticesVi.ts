/**
 * The Vietnamese dictionary of the notices (thông báo): the bell in the top bar and its list of
 * warnings about dossiers due soon or overdue at the officer's unit.
 */
export const noticesVi = {
  notices: 'Thông báo',
  noticesUnread: 'Thông báo, {n} chưa đọc',
  noticesPanelTitle: 'Thông báo của đơn vị',
  noticesEmpty: 'Không có thông báo nào.',
  noticesMore: 'Xem thêm',
  noticesLoadError: 'Không tải được thông báo. Thử lại sau.',
  noticeUnreadMark: 'Chưa đọc',
  noticeJustNow: 'Vừa xong',
  noticeMinutesAgo: '{n} phút trước',
  noticeHoursAgo: '{n} giờ trước',
} as const;

/** The notices dictionary type: every key of the Vietnamese one, as a string. */
export type NoticesStrings = { readonly [K in keyof typeof noticesVi]: string };
