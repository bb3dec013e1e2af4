/**
 * A unit's working calendar (lịch làm việc): office hours, working week, official yearly
 * schedules, the 15:00 reception cutoff, and the "due soon" threshold.
 */
import { CalendarError } from './calendarError.ts';
import type { CalendarSchedule } from './calendarFile.ts';
import type { DayOffKind } from './dayOff.ts';
import { DayTables, type SpecialDay, type SpecialReason, type YearPlan } from './dayTables.ts';
import { DEFAULT_WORK_WEEK, forecastDaysOff } from './holidays.ts';
import {
  firstDayOfYear,
  isoWeekday,
  MINUTE_MS,
  parseClockTime,
  requireLocalDate,
} from './localDate.ts';
import type { ClockTime } from './localDate.ts';
import {
  compileOfficeHours,
  DEFAULT_OFFICE_HOURS,
  type OfficeDay,
  type OfficePeriod,
} from './officeHours.ts';

/** Options of `createCalendar`; every field has the common Vietnamese default. */
export interface CalendarOptions {
  /** Office hours of a working day; default 07:30–11:30 and 13:00–17:00. */
  readonly officeHours?: readonly OfficePeriod[];
  /** ISO weekdays worked (1 = Monday … 7 = Sunday); default Monday–Friday. */
  readonly workWeek?: readonly number[];
  /**
   * Official schedules (parsed `procedures/calendars/<year>.json`). A year with a schedule uses
   * it instead of the rule forecast; at most one schedule per year.
   */
  readonly schedules?: readonly CalendarSchedule[];
  /**
   * Reception cutoff: a dossier accepted at or after this local time counts from the next
   * working day; `null` for none. Default `'15:00'`.
   */
  readonly cutoff?: ClockTime | null;
  /** An open dossier is "due soon" with at most this much working time left; default 8 hours. */
  readonly dueSoonWorkingHours?: number;
}

/**
 * A working calendar. Create it with `createCalendar` and pass it to the calendar functions;
 * it caches lazily built per-year tables but behaves as an immutable value.
 */
export interface WorkingCalendar {
  readonly officeHours: readonly OfficePeriod[];
  readonly workWeek: readonly number[];
  readonly schedules: readonly CalendarSchedule[];
  readonly cutoff: ClockTime | null;
  readonly dueSoonWorkingHours: number;
  /** Compiled office hours. */
  readonly office: OfficeDay;
  /** The cutoff in ms since local midnight (`Infinity` when there is none). */
  readonly cutoffMs: number;
  /** Internal lazily grown tables; not part of the public contract. */
  readonly tables: DayTables;
}

/**
 * Create a working calendar. Throws a `CalendarError` for contradictory options (overlapping
 * office hours, an empty work week, two schedules for one year): configuration is checked when
 * it is loaded, so reaching here with bad options is a bug.
 */
export function createCalendar(options: CalendarOptions = {}): WorkingCalendar {
  const officeHours = options.officeHours ?? DEFAULT_OFFICE_HOURS;
  const office = compileOfficeHours(officeHours);
  const workWeek = [...new Set(options.workWeek ?? DEFAULT_WORK_WEEK)].sort((a, b) => a - b);
  if (workWeek.length === 0 || workWeek.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    throw invalid(`workWeek must list ISO weekdays 1–7, got [${String(options.workWeek)}]`);
  }
  const cutoff = options.cutoff === undefined ? '15:00' : options.cutoff;
  const cutoffMinutes = cutoff === null ? null : parseClockTime(cutoff);
  if (cutoff !== null && cutoffMinutes === null) throw invalid(`cutoff ${cutoff} is not HH:MM`);
  const dueSoonWorkingHours = options.dueSoonWorkingHours ?? 8;
  if (!Number.isFinite(dueSoonWorkingHours) || dueSoonWorkingHours < 0) {
    throw invalid(`dueSoonWorkingHours must be a non-negative number`);
  }
  const schedules = options.schedules ?? [];
  const byYear = new Map<number, CalendarSchedule>();
  for (const schedule of schedules) {
    if (byYear.has(schedule.year)) throw invalid(`two schedules for ${schedule.year}`);
    byYear.set(schedule.year, schedule);
  }
  return {
    officeHours,
    workWeek,
    schedules,
    cutoff,
    dueSoonWorkingHours,
    office,
    cutoffMs: cutoffMinutes === null ? Infinity : cutoffMinutes * MINUTE_MS,
    tables: new DayTables((year) => planYear(year, workWeek, byYear.get(year))),
  };
}

/** Build one year: the work week, then the schedule's (or the forecast's) exceptions. */
function planYear(
  year: number,
  workWeek: readonly number[],
  schedule: CalendarSchedule | undefined,
): YearPlan {
  const first = firstDayOfYear(year);
  const working = new Uint8Array(firstDayOfYear(year + 1) - first);
  for (let i = 0; i < working.length; i++) {
    working[i] = workWeek.includes(isoWeekday(first + i)) ? 1 : 0;
  }
  const special = new Map<number, SpecialDay>();
  const mark = (
    date: string,
    isWorking: boolean,
    reason: SpecialReason,
    name: SpecialDay['name'],
  ) => {
    const epoch = requireLocalDate(date);
    if (epoch < first || epoch >= first + working.length) {
      throw invalid(`schedule ${schedule?.fileName ?? year} lists ${date} outside ${year}`);
    }
    working[epoch - first] = isWorking ? 1 : 0;
    special.set(epoch, { reason, name });
  };
  const daysOff = schedule?.daysOff ?? forecastDaysOff(year, workWeek);
  for (const off of daysOff) mark(off.date, false, offReason(off.kind), off.name);
  for (const worked of schedule?.workingDays ?? []) {
    mark(worked.date, true, 'swapped-working', worked.name);
  }
  return { year, forecast: schedule === undefined, working, special };
}

function offReason(kind: DayOffKind): SpecialReason {
  switch (kind) {
    case 'holiday':
      return 'holiday';
    case 'compensatory':
      return 'compensatory';
    case 'swapped':
      return 'swapped-off';
    default: {
      const unreachable: never = kind;
      throw new Error(`Unknown day-off kind ${String(unreachable)}`);
    }
  }
}

function invalid(detail: string): CalendarError {
  return new CalendarError('calendar.invalid-options', `Invalid calendar options: ${detail}`);
}
