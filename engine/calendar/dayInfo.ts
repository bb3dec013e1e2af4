/**
 * What the calendar says about a day, for the designer's calendar display and for checks.
 */
import type { LocalizedText } from '../format/primitives.ts';
import { CalendarError } from './calendarError.ts';
import {
  firstDayOfYear,
  formatLocalDate,
  localDayOf,
  parseLocalDate,
  type LocalDate,
} from './localDate.ts';
import type { WorkingCalendar } from './workingCalendar.ts';
import { instantMs } from './workingTime.ts';

/** A working day: ordinary, or a weekend day worked in a swap (ngày làm bù). */
export interface WorkingDayInfo {
  readonly date: LocalDate;
  readonly working: true;
  readonly reason?: 'swapped-working';
  readonly name?: LocalizedText;
  /** True when the year has no official schedule and follows the rule forecast. */
  readonly forecast: boolean;
}

/**
 * A day off: a weekly rest day (`weekend`), a public holiday (ngày lễ), a compensatory day off
 * (nghỉ bù) or a working day given off in a swap (`swapped-off`).
 */
export interface DayOffInfo {
  readonly date: LocalDate;
  readonly working: false;
  readonly reason: 'weekend' | 'holiday' | 'compensatory' | 'swapped-off';
  readonly name?: LocalizedText;
  /** True when the year has no official schedule and follows the rule forecast. */
  readonly forecast: boolean;
}

/** What the calendar says about one day. */
export type DayInfo = WorkingDayInfo | DayOffInfo;

/**
 * Whether a day is a working day (ngày làm việc). A `Date` is taken at its local day (UTC+7).
 * Throws a `CalendarError` for a malformed date string.
 */
export function isWorkingDay(cal: WorkingCalendar, date: Date | LocalDate): boolean {
  const day = toDay(date);
  const t = cal.tables;
  if (day < t.firstDay || day >= t.endDay) t.coverDay(day);
  return t.working[day - t.firstDay] === 1;
}

/** Describe a day: working or not, why, its name (e.g. "Giỗ Tổ Hùng Vương") and if forecast. */
export function dayInfo(cal: WorkingCalendar, date: LocalDate): DayInfo {
  const day = toDay(date);
  const local = formatLocalDate(day);
  const plan = cal.tables.plan(Number(local.slice(0, 4)));
  const special = plan.special.get(day);
  const forecast = plan.forecast;
  if (special === undefined) {
    return plan.working[day - firstDayOfYear(plan.year)] === 1
      ? { date: local, working: true, forecast }
      : { date: local, working: false, reason: 'weekend', forecast };
  }
  const { reason, name } = special;
  switch (reason) {
    case 'swapped-working':
      return { date: local, working: true, reason, name, forecast };
    case 'holiday':
    case 'compensatory':
    case 'swapped-off':
      return { date: local, working: false, reason, name, forecast };
    default: {
      const unreachable: never = reason;
      throw new Error(`Unknown reason ${String(unreachable)}`);
    }
  }
}

/**
 * Every day of a year that differs from the plain work week (holidays, compensatory days,
 * swaps), in date order — what a calendar view highlights.
 */
export function specialDays(cal: WorkingCalendar, year: number): readonly DayInfo[] {
  const plan = cal.tables.plan(year);
  return [...plan.special.keys()]
    .sort((a, b) => a - b)
    .map((day) => dayInfo(cal, formatLocalDate(day)));
}

function toDay(date: Date | LocalDate): number {
  if (date instanceof Date) return localDayOf(instantMs(date));
  const day = parseLocalDate(date);
  if (day === null) throw new CalendarError('calendar.invalid-date', `Not a date: ${date}`);
  return day;
}
