import type { NoticesStrings } from './noticesVi.ts';

/** English dictionary of the notices. */
export const noticesEn: NoticesStrings = {
  notices: 'Notices',
  noticesUnread: 'Notices, {n} unread',
  noticesPanelTitle: "Your unit's notices",
  noticesEmpty: 'No notices.',
  noticesMore: 'Show more',
  noticesLoadError: 'The notices could not be loaded. Try again later.',
  noticeUnreadMark: 'Unread',
  noticeJustNow: 'Just now',
  noticeMinutesAgo: '{n} min ago',
  noticeHoursAgo: '{n} h ago',
};
