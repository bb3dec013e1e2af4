import { describe, expect, it } from 'vitest';
import { classifyTimeliness } from '../../../engine/calendar/index.ts';
import { calendar2026, vn } from './helpers.ts';

const cal = calendar2026();
const due = vn('2026-02-24 17:00');
const now = vn('2026-03-10 10:00');

describe('timeliness (trước hạn / đúng hạn / quá hạn)', () => {
  const resolved = (completedAt: string, originalDue?: Date) =>
    classifyTimeliness(cal, { due, completedAt: vn(completedAt), now, originalDue });

  it('classifies a resolved dossier around the due day', () => {
    expect(resolved('2026-02-23 16:00')).toBe('early');
    expect(resolved('2026-02-13 10:00')).toBe('early');
    expect(resolved('2026-02-24 00:00')).toBe('on-time');
    expect(resolved('2026-02-24 08:00')).toBe('on-time');
    expect(resolved('2026-02-24 16:59')).toBe('on-time');
    expect(resolved('2026-02-24 17:00')).toBe('on-time');
    expect(resolved('2026-02-24 17:00:01')).toBe('late');
    expect(resolved('2026-02-25 07:30')).toBe('late');
  });

  it('keeps a dossier late after an extension with an apology (hẹn lại)', () => {
    const extended = vn('2026-03-03 17:00');
    const withExtension = (completedAt: string) =>
      classifyTimeliness(cal, {
        due: extended,
        originalDue: due,
        completedAt: vn(completedAt),
        now,
      });
    expect(withExtension('2026-02-27 10:00')).toBe('late');
    expect(withExtension('2026-03-03 16:00')).toBe('late');
    expect(withExtension('2026-02-24 10:00')).toBe('on-time');
    expect(withExtension('2026-02-23 10:00')).toBe('early');
  });

  it('classifies an open dossier by the working time left', () => {
    const open = (at: string, calendar = cal) => classifyTimeliness(calendar, { due, now: vn(at) });
    expect(open('2026-02-24 17:00:01')).toBe('overdue');
    expect(open('2026-02-25 08:00')).toBe('overdue');
    expect(open('2026-02-24 17:00')).toBe('due-soon');
    expect(open('2026-02-23 17:00')).toBe('due-soon'); // exactly 8 working hours left
    expect(open('2026-02-23 16:59')).toBe('not-yet-due');
    // During Tết 16 working hours are left (Mon 23 and Tue 24).
    expect(open('2026-02-20 10:00')).toBe('not-yet-due');
    expect(open('2026-02-20 10:00', calendar2026({ dueSoonWorkingHours: 16 }))).toBe('due-soon');
  });
});
