import { formatDateTime } from '../../i18n/format.ts';
import { fill, type Lang, type Strings } from '../../i18n/strings.ts';

/** The text of the bell's badge: none at 0, the count up to 99, then "99+". */
export function badgeText(unread: number): string | null {
  if (!(unread > 0)) return null;
  return unread > 99 ? '99+' : String(Math.floor(unread));
}

/** The bell's accessible name, with the exact unread count ("Thông báo, 3 chưa đọc"). */
export function bellLabel(unread: number, s: Strings): string {
  return unread > 0 ? fill(s.noticesUnread, { n: unread }) : s.notices;
}

const MINUTE = 60_000;
/** Older than this, a notice shows its date and time: "5 giờ trước" says little after a day. */
const RELATIVE_UNTIL = 6 * 60 * MINUTE;

/**
 * When a notice was raised, as officers read it: "Vừa xong", "12 phút trước", "3 giờ trước" for
 * the last hours, else "02/03/2026 17:30" (Vietnam time). A time ahead of the browser's clock
 * (the clocks differ) shows the date, never "in 5 minutes".
 */
export function noticeTime(createdAt: string, now: number, s: Strings, lang: Lang): string {
  const at = Date.parse(createdAt);
  if (!Number.isFinite(at)) return createdAt;
  const age = now - at;
  if (age < -MINUTE || age >= RELATIVE_UNTIL) return formatDateTime(createdAt, lang, false);
  if (age < MINUTE) return s.noticeJustNow;
  if (age < 60 * MINUTE) return fill(s.noticeMinutesAgo, { n: Math.floor(age / MINUTE) });
  return fill(s.noticeHoursAgo, { n: Math.floor(age / (60 * MINUTE)) });
}
