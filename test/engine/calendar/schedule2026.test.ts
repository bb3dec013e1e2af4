import { describe, expect, it } from 'vitest';
import {
  createCalendar,
  dayInfo,
  isWorkingDay,
  specialDays,
} from '../../../engine/calendar/index.ts';
import { calendar2026, vn } from './helpers.ts';

const cal = calendar2026();

/** Expected status of each day: W working, or the reason it is off. */
type Expect = 'W' | 'swapped-working' | 'weekend' | 'holiday' | 'compensatory' | 'swapped-off';

function check(days: readonly (readonly [string, Expect])[]) {
  for (const [date, expected] of days) {
    const info = dayInfo(cal, date);
    const got = info.working ? (info.reason ?? 'W') : info.reason;
    expect(got, date).toBe(expected);
    expect(isWorkingDay(cal, date), date).toBe(expected === 'W' || expected === 'swapped-working');
    expect(info.forecast, date).toBe(date.startsWith('2025') || date.startsWith('2027'));
  }
}

describe('official 2026 schedule, day by day', () => {
  it('New Year: off Thu 1 – Sun 4 January, Sat 10 January worked for Fri 2 January', () => {
    check([
      ['2025-12-31', 'W'],
      ['2026-01-01', 'holiday'],
      ['2026-01-02', 'swapped-off'],
      ['2026-01-03', 'weekend'],
      ['2026-01-04', 'weekend'],
      ['2026-01-05', 'W'],
      ['2026-01-09', 'W'],
      ['2026-01-10', 'swapped-working'],
      ['2026-01-11', 'weekend'],
      ['2026-01-17', 'weekend'],
    ]);
  });

  it('Tết: off Sat 14 – Sun 22 February', () => {
    check([
      ['2026-02-13', 'W'],
      ['2026-02-14', 'weekend'],
      ['2026-02-15', 'weekend'],
      ['2026-02-16', 'holiday'],
      ['2026-02-17', 'holiday'],
      ['2026-02-18', 'holiday'],
      ['2026-02-19', 'holiday'],
      ['2026-02-20', 'holiday'],
      ['2026-02-21', 'weekend'],
      ['2026-02-22', 'weekend'],
      ['2026-02-23', 'W'],
    ]);
    expect(dayInfo(cal, '2026-02-17').name?.vi).toContain('mùng 1');
  });

  it("Hùng Kings' day on Sunday 26 April, compensatory Monday 27 April; 30 April and 1 May", () => {
    check([
      ['2026-04-24', 'W'],
      ['2026-04-25', 'weekend'],
      ['2026-04-26', 'holiday'],
      ['2026-04-27', 'compensatory'],
      ['2026-04-28', 'W'],
      ['2026-04-29', 'W'],
      ['2026-04-30', 'holiday'],
      ['2026-05-01', 'holiday'],
      ['2026-05-02', 'weekend'],
      ['2026-05-03', 'weekend'],
      ['2026-05-04', 'W'],
    ]);
    expect(dayInfo(cal, '2026-04-26').name?.vi).toContain('Hùng Vương');
  });

  it('National Day: off Sat 29 August – Wed 2 September, Sat 22 August worked for Mon 31 August', () => {
    check([
      ['2026-08-21', 'W'],
      ['2026-08-22', 'swapped-working'],
      ['2026-08-23', 'weekend'],
      ['2026-08-28', 'W'],
      ['2026-08-29', 'weekend'],
      ['2026-08-30', 'weekend'],
      ['2026-08-31', 'swapped-off'],
      ['2026-09-01', 'holiday'],
      ['2026-09-02', 'holiday'],
      ['2026-09-03', 'W'],
    ]);
  });

  it('counts 250 working days in 2026 and lists the special days in order', () => {
    let working = 0;
    for (let d = Date.UTC(2026, 0, 1); d < Date.UTC(2027, 0, 1); d += 86_400_000) {
      if (isWorkingDay(cal, new Date(d).toISOString().slice(0, 10))) working++;
    }
    // 261 weekdays − 13 weekdays off (Sunday 26 April is not one) + 2 Saturdays worked.
    expect(working).toBe(261 - 13 + 2);
    const dates = specialDays(cal, 2026).map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates).toHaveLength(16);
  });

  it('takes a Date at its local day (UTC+7)', () => {
    // 2026-01-09 17:30 UTC is already Saturday 10 January 00:30 in Vietnam (a swapped working day).
    expect(isWorkingDay(cal, new Date('2026-01-09T17:30:00Z'))).toBe(true);
    expect(isWorkingDay(cal, vn('2026-01-11 00:30'))).toBe(false);
  });

  it('uses the rule forecast when the year has no schedule', () => {
    const forecast = createCalendar();
    expect(dayInfo(forecast, '2026-01-02')).toEqual({
      date: '2026-01-02',
      working: true,
      forecast: true,
    });
    expect(dayInfo(forecast, '2026-01-10')).toMatchObject({ working: false, reason: 'weekend' });
    expect(dayInfo(forecast, '2026-04-27')).toMatchObject({
      reason: 'compensatory',
      forecast: true,
    });
  });
});
