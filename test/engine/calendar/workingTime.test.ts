import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingTime,
  appointmentDate,
  CalendarError,
  createCalendar,
  isWorkingDay,
  nextWorkingInstant,
  workingTimeBetween,
  type WorkingCalendar,
} from '../../../engine/calendar/index.ts';
import { calendar2026, fmt, vn } from './helpers.ts';

const cal = calendar2026();
const add = (start: string, amount: Parameters<typeof addWorkingTime>[2], c = cal) =>
  fmt(addWorkingTime(c, vn(start), amount));

describe('working time', () => {
  it('adds working time within office hours, ending a break at the earlier period', () => {
    expect(add('2026-03-03 10:00', { workingMinutes: 90 })).toBe('2026-03-03 11:30');
    expect(add('2026-03-03 10:00', { workingMinutes: 91 })).toBe('2026-03-03 13:01');
    expect(add('2026-03-03 10:00', { workingHours: 5.5 })).toBe('2026-03-03 17:00');
    expect(add('2026-03-03 07:30', { workingDays: 1 })).toBe('2026-03-03 17:00');
    expect(add('2026-03-06 17:00', { workingDays: 1 })).toBe('2026-03-09 17:00');
    expect(add('2026-03-03 10:00', { workingDays: 1 })).toBe('2026-03-04 10:00');
  });

  it('adding 0 moves a non-working instant to the next working instant', () => {
    expect(add('2026-03-03 10:00', { workingMinutes: 0 })).toBe('2026-03-03 10:00');
    expect(add('2026-03-03 11:30', { workingMinutes: 0 })).toBe('2026-03-03 11:30');
    expect(add('2026-03-03 12:00', { workingMinutes: 0 })).toBe('2026-03-03 13:00');
    expect(add('2026-03-03 17:30', { workingMinutes: 0 })).toBe('2026-03-04 07:30');
    expect(add('2026-02-13 18:00', { workingMinutes: 0 })).toBe('2026-02-23 07:30');
    expect(fmt(nextWorkingInstant(cal, vn('2026-01-10 06:00')))).toBe('2026-01-10 07:30');
  });

  it('counts backwards with a negative amount', () => {
    expect(add('2026-03-03 13:30', { workingMinutes: -30 })).toBe('2026-03-03 13:00');
    expect(add('2026-03-03 13:30', { workingMinutes: -31 })).toBe('2026-03-03 11:29');
    expect(add('2026-02-23 07:30', { workingDays: -1 })).toBe('2026-02-13 07:30');
  });

  it('measures working minutes between two instants', () => {
    expect(workingTimeBetween(cal, vn('2026-03-03 10:00'), vn('2026-03-03 14:00'))).toBe(150);
    expect(workingTimeBetween(cal, vn('2026-03-03 14:00'), vn('2026-03-03 10:00'))).toBe(-150);
    expect(workingTimeBetween(cal, vn('2026-02-13 17:00'), vn('2026-02-23 07:30'))).toBe(0);
    expect(workingTimeBetween(cal, vn('2026-02-13 08:00'), vn('2026-02-23 08:00'))).toBe(480);
    expect(workingTimeBetween(cal, vn('2026-03-03 10:00'), vn('2026-03-03 10:00:30'))).toBe(0.5);
  });

  it('supports other office hours and work weeks', () => {
    const saturdays = createCalendar({
      officeHours: [{ start: '08:00', end: '12:00' }],
      workWeek: [1, 2, 3, 4, 5, 6],
    });
    expect(add('2026-03-06 11:00', { workingHours: 2 }, saturdays)).toBe('2026-03-07 09:00');
    expect(add('2026-03-06 11:00', { workingDays: 1 }, saturdays)).toBe('2026-03-07 11:00');
    expect(isWorkingDay(saturdays, '2026-03-08')).toBe(false);
  });

  it('computes deadlines years away and across schedule and forecast years', () => {
    expect(add('2026-12-31 10:00', { workingDays: 1 })).toBe('2027-01-04 10:00');
    expect(add('2026-03-03 10:00', { workingDays: 2500 }).slice(0, 4)).toBe('2036');
    expect(add('2026-03-03 10:00', { workingDays: -2500 }).slice(0, 4)).toBe('2016');
  });

  it('throws on contradictory options, invalid instants and unsupported years', () => {
    expect(() => createCalendar({ workWeek: [] })).toThrow(CalendarError);
    expect(() => createCalendar({ workWeek: [0, 1] })).toThrow(CalendarError);
    expect(() =>
      createCalendar({
        officeHours: [
          { start: '07:30', end: '12:00' },
          { start: '11:00', end: '17:00' },
        ],
      }),
    ).toThrow(CalendarError);
    expect(() => createCalendar({ officeHours: [{ start: '17:00', end: '07:30' }] })).toThrow(
      CalendarError,
    );
    expect(() => createCalendar({ cutoff: '3pm' })).toThrow(CalendarError);
    expect(() => addWorkingTime(cal, new Date(Number.NaN), { workingDays: 1 })).toThrow(
      CalendarError,
    );
    expect(() => addWorkingTime(cal, vn('2026-03-03 10:00'), { workingDays: Infinity })).toThrow(
      CalendarError,
    );
    expect(() => isWorkingDay(cal, '2026-02-30')).toThrow(CalendarError);
    expect(() => addWorkingTime(cal, vn('2199-12-30 10:00'), { workingDays: 10 })).toThrow(
      CalendarError,
    );
  });
});

describe('working time properties', () => {
  const from = vn('2025-06-01 00:00').getTime();
  const to = vn('2027-06-01 00:00').getTime();
  const instant = fc.integer({ min: from, max: to }).map((ms) => new Date(ms));
  const minuteInstant = fc
    .integer({ min: from / 60_000, max: to / 60_000 })
    .map((m) => new Date(m * 60_000));
  const minutes = fc.integer({ min: 0, max: 30 * 480 });

  const isWorkingInstant = (c: WorkingCalendar, d: Date) =>
    nextWorkingInstant(c, d).getTime() === d.getTime();

  it('adding n working minutes then measuring gives n, forwards and backwards', () => {
    fc.assert(
      fc.property(instant, minutes, fc.boolean(), (start, n, backwards) => {
        const amount = backwards && n > 0 ? -n : n;
        const end = addWorkingTime(cal, start, { workingMinutes: amount });
        expect(workingTimeBetween(cal, start, end)).toBe(amount);
      }),
      { numRuns: 3000 },
    );
  });

  it('always returns a working instant, never the start of a period for n > 0', () => {
    fc.assert(
      fc.property(instant, minutes, (start, n) => {
        const end = addWorkingTime(cal, start, { workingMinutes: n });
        expect(isWorkingInstant(cal, end)).toBe(true);
        expect(isWorkingDay(cal, end)).toBe(true);
        if (n > 0) expect(['07:30', '13:00']).not.toContain(fmt(end).slice(11));
      }),
      { numRuns: 3000 },
    );
  });

  it('is monotonic in the amount and in the start', () => {
    fc.assert(
      fc.property(instant, instant, minutes, minutes, (s1, s2, n1, n2) => {
        const [a, b] = s1 <= s2 ? [s1, s2] : [s2, s1];
        const [m, n] = n1 <= n2 ? [n1, n2] : [n2, n1];
        const at = (s: Date, k: number) => addWorkingTime(cal, s, { workingMinutes: k }).getTime();
        expect(at(a, m)).toBeLessThanOrEqual(at(a, n));
        expect(at(a, n)).toBeLessThanOrEqual(at(b, n));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with counting working minutes one by one', () => {
    const officeMinute = (d: Date) => {
      const local = fmt(d).slice(11, 16);
      return (
        isWorkingDay(cal, d) &&
        ((local >= '07:30' && local < '11:30') || (local >= '13:00' && local < '17:00'))
      );
    };
    fc.assert(
      fc.property(minuteInstant, fc.integer({ min: 0, max: 6 * 1440 }), (start, span) => {
        let count = 0;
        for (let i = 0; i < span; i++) {
          if (officeMinute(new Date(start.getTime() + i * 60_000))) count++;
        }
        const end = new Date(start.getTime() + span * 60_000);
        expect(workingTimeBetween(cal, start, end)).toBe(count);
      }),
      { numRuns: 150 },
    );
  });

  it('appointment dates close a working day and never move backwards', () => {
    fc.assert(
      fc.property(instant, instant, fc.integer({ min: 0, max: 30 }), (s1, s2, n) => {
        const [a, b] = s1 <= s2 ? [s1, s2] : [s2, s1];
        const dueA = appointmentDate(cal, a, { workingDays: n });
        const dueB = appointmentDate(cal, b, { workingDays: n });
        expect(fmt(dueA).slice(11)).toBe('17:00');
        expect(isWorkingDay(cal, dueA)).toBe(true);
        expect(dueA.getTime()).toBeGreaterThan(a.getTime());
        expect(dueA.getTime()).toBeLessThanOrEqual(dueB.getTime());
        const more = appointmentDate(cal, a, { workingDays: n + 1 });
        expect(workingTimeBetween(cal, dueA, more)).toBe(480);
      }),
      { numRuns: 2000 },
    );
  });
});
