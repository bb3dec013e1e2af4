import { describe, expect, it } from 'vitest';
import { en, vi } from '../../designer/src/i18n/strings.ts';
import { badgeText, bellLabel, noticeTime } from '../../designer/src/ui/notices/noticeText.ts';

const at = (local: string) => Date.parse(`${local}+07:00`);

describe("the bell's badge and name", () => {
  it('shows nothing at 0, the count up to 99, then 99+', () => {
    expect(badgeText(0)).toBeNull();
    expect(badgeText(-1)).toBeNull();
    expect(badgeText(1)).toBe('1');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
    expect(badgeText(2500)).toBe('99+');
  });

  it('names the bell with the exact unread count', () => {
    expect(bellLabel(0, vi)).toBe('Thông báo');
    expect(bellLabel(3, vi)).toBe('Thông báo, 3 chưa đọc');
    expect(bellLabel(140, vi)).toBe('Thông báo, 140 chưa đọc');
    expect(bellLabel(3, en)).toBe('Notices, 3 unread');
  });
});

describe('when a notice was raised', () => {
  const raised = new Date(at('2026-03-02T17:30')).toISOString();

  it('is relative for the last hours', () => {
    expect(noticeTime(raised, at('2026-03-02T17:30:20'), vi, 'vi')).toBe('Vừa xong');
    expect(noticeTime(raised, at('2026-03-02T17:42'), vi, 'vi')).toBe('12 phút trước');
    expect(noticeTime(raised, at('2026-03-02T20:31'), vi, 'vi')).toBe('3 giờ trước');
    expect(noticeTime(raised, at('2026-03-02T20:31'), en, 'en')).toBe('3 h ago');
  });

  it('is the date and time in Vietnam after six hours, or when it lies ahead of the clock', () => {
    expect(noticeTime(raised, at('2026-03-02T23:30'), vi, 'vi')).toBe('02/03/2026 17:30');
    expect(noticeTime(raised, at('2026-11-29T13:00'), en, 'en')).toBe('02/03/2026 17:30');
    expect(noticeTime(raised, at('2026-03-02T17:00'), vi, 'vi')).toBe('02/03/2026 17:30');
    // A few seconds ahead is the clocks disagreeing: still "just now".
    expect(noticeTime(raised, at('2026-03-02T17:29:40'), vi, 'vi')).toBe('Vừa xong');
  });

  it('shows a time it cannot read as it came', () => {
    expect(noticeTime('not a time', at('2026-03-02T17:30'), vi, 'vi')).toBe('not a time');
  });
});
