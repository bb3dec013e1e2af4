/**
 * Working-time arithmetic (thời gian làm việc): adding office time to an instant and measuring
 * office time between two instants.
 *
 * Every instant has a *position*: the office time elapsed (in ms) since the calendar's ordinal 0.
 * Positions grow only during office hours and stand still on breaks, nights, weekends and days
 * off, so working time between two instants is a difference of positions and adding working time
 * is finding the instant at a position. Office hours are closed intervals: 11:30 and 17:00 are
 * working instants, the last of their periods.
 */
import { CalendarError } from './calendarError.ts';
import { DAY_MS, MINUTE_MS, VN_OFFSET_MS } from './localDate.ts';
import { elapsedAt, nextOfficeTime, timeOfDayAt } from './officeHours.ts';
import type { WorkingCalendar } from './workingCalendar.ts';

/**
 * An amount of working time: working days (one day = the office time of a day, 8 hours by
 * default), working hours or working minutes. Fractions are allowed; amounts are rounded to the
 * millisecond.
 */
export type WorkingTime =
  | { readonly workingDays: number }
  | { readonly workingHours: number }
  | { readonly workingMinutes: number };

/** An amount of working time in milliseconds of office time. */
export function workingTimeMs(cal: WorkingCalendar, amount: WorkingTime): number {
  let ms: number;
  if ('workingDays' in amount) ms = amount.workingDays * cal.office.dayMs;
  else if ('workingHours' in amount) ms = amount.workingHours * 3_600_000;
  else if ('workingMinutes' in amount) ms = amount.workingMinutes * MINUTE_MS;
  else {
    const unreachable: never = amount;
    throw new CalendarError(
      'calendar.invalid-amount',
      `Not a working time: ${String(unreachable)}`,
    );
  }
  if (!Number.isFinite(ms)) {
    throw new CalendarError(
      'calendar.invalid-amount',
      `Not a finite working time: ${JSON.stringify(amount)}`,
    );
  }
  return Math.round(ms);
}

/** The epoch milliseconds of a `Date`; throws a `CalendarError` for an invalid `Date`. */
export function instantMs(date: Date): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new CalendarError('calendar.invalid-instant', 'Invalid Date');
  return ms;
}

/** The position (office time since ordinal 0, in ms) of an instant. */
export function positionOf(cal: WorkingCalendar, ms: number): number {
  const t = cal.tables;
  const local = ms + VN_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  if (day < t.firstDay || day >= t.endDay) t.coverDay(day);
  const i = day - t.firstDay;
  const base = t.cum[i]! * cal.office.dayMs;
  return t.working[i] === 1 ? base + elapsedAt(cal.office, local - day * DAY_MS) : base;
}

/**
 * The instant at a position. Where several instants share the position (a break, a night), the
 * earliest is returned — the end of the earlier period — or with `latest` the start of the later.
 */
export function instantAtPosition(cal: WorkingCalendar, position: number, latest: boolean): number {
  const dayMs = cal.office.dayMs;
  let ordinal = Math.floor(position / dayMs);
  let elapsed = position - ordinal * dayMs;
  if (!latest && elapsed === 0) {
    ordinal -= 1;
    elapsed = dayMs;
  }
  const t = cal.tables;
  if (ordinal < t.firstOrdinal || ordinal >= t.firstOrdinal + t.workDays.length) {
    t.coverOrdinal(ordinal);
  }
  const day = t.workDays[ordinal - t.firstOrdinal]!;
  return day * DAY_MS + timeOfDayAt(cal.office, elapsed, latest) - VN_OFFSET_MS;
}

/** The opening instant of the working day with this ordinal. */
export function openingOf(cal: WorkingCalendar, ordinal: number): number {
  const t = cal.tables;
  if (ordinal < t.firstOrdinal || ordinal >= t.firstOrdinal + t.workDays.length) {
    t.coverOrdinal(ordinal);
  }
  return t.workDays[ordinal - t.firstOrdinal]! * DAY_MS + cal.office.openMs - VN_OFFSET_MS;
}

/** `nextWorkingInstant` on epoch milliseconds. */
export function nextWorkingMs(cal: WorkingCalendar, ms: number): number {
  const t = cal.tables;
  const local = ms + VN_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  if (day < t.firstDay || day >= t.endDay) t.coverDay(day);
  const i = day - t.firstDay;
  if (t.working[i] === 1) {
    const time = nextOfficeTime(cal.office, local - day * DAY_MS);
    if (time !== null) return day * DAY_MS + time - VN_OFFSET_MS;
  }
  return openingOf(cal, t.cum[i + 1]!);
}

/** `addWorkingTime` on epoch milliseconds and an amount in ms of office time. */
export function addWorkingMs(cal: WorkingCalendar, ms: number, amount: number): number {
  if (amount === 0) return nextWorkingMs(cal, ms);
  return instantAtPosition(cal, positionOf(cal, ms) + amount, amount < 0);
}

/**
 * The first working instant at or after `t`: `t` itself during office hours (ends included),
 * otherwise the start of the next office period.
 */
export function nextWorkingInstant(cal: WorkingCalendar, t: Date): Date {
  return new Date(nextWorkingMs(cal, instantMs(t)));
}

/**
 * Add working time to an instant (cộng thời gian làm việc), counting only office hours of
 * working days. The result is a working instant; when the sum ends exactly at a break it is the
 * end of the earlier period (11:30, or 17:00 of the earlier day), not the start of the next.
 * Adding 0 returns `nextWorkingInstant(start)`. A negative amount counts backwards and, at a
 * break, returns the start of the later period.
 */
export function addWorkingTime(cal: WorkingCalendar, start: Date, amount: WorkingTime): Date {
  return new Date(addWorkingMs(cal, instantMs(start), workingTimeMs(cal, amount)));
}

/**
 * The working time from `a` to `b`, in minutes of office time (fractional when the instants
 * carry seconds); negative when `b` is before `a`.
 */
export function workingTimeBetween(cal: WorkingCalendar, a: Date, b: Date): number {
  return (positionOf(cal, instantMs(b)) - positionOf(cal, instantMs(a))) / MINUTE_MS;
}

/**
 * The end of a period the law gives in calendar days (ngày, not ngày làm việc), e.g. a 60-day
 * fixing period or a 30-day pickup: counted from the day after `start` (Civil Code, Art. 147),
 * it ends at closing time of its last day; a last day that is not a working day moves to the next
 * working day (Art. 148).
 */
export function addCalendarDays(cal: WorkingCalendar, start: Date, days: number): Date {
  const t = cal.tables;
  let day = Math.floor((instantMs(start) + VN_OFFSET_MS) / DAY_MS) + Math.max(0, Math.ceil(days));
  for (;;) {
    if (day < t.firstDay || day >= t.endDay) t.coverDay(day);
    if (t.working[day - t.firstDay] === 1) break;
    day += 1;
  }
  return new Date(day * DAY_MS + cal.office.closeMs - VN_OFFSET_MS);
}
