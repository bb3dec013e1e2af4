/**
 * Office hours (giờ làm việc) of a working day as sorted periods, and the arithmetic that maps a
 * time of day to the office time elapsed since opening and back.
 */
import { CalendarError } from './calendarError.ts';
import { MINUTE_MS, parseClockTime, type ClockTime } from './localDate.ts';

/** One period of office hours, e.g. `{ start: '07:30', end: '11:30' }`. */
export interface OfficePeriod {
  readonly start: ClockTime;
  readonly end: ClockTime;
}

/** The default office hours of Vietnamese agencies: 07:30–11:30 and 13:00–17:00. */
export const DEFAULT_OFFICE_HOURS: readonly OfficePeriod[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:00', end: '17:00' },
];

/** Office hours compiled to milliseconds since local midnight. */
export interface OfficeDay {
  /** Period starts, ascending. */
  readonly starts: readonly number[];
  /** Period ends; `ends[i] < starts[i + 1]`. */
  readonly ends: readonly number[];
  /** Office time elapsed before each period starts. */
  readonly before: readonly number[];
  /** Opening: the first period's start. */
  readonly openMs: number;
  /** Closing: the last period's end. */
  readonly closeMs: number;
  /** Office time of one working day (one working day = this much working time). */
  readonly dayMs: number;
}

/** Compile office hours; throws a `CalendarError` unless they are sorted, disjoint periods. */
export function compileOfficeHours(periods: readonly OfficePeriod[]): OfficeDay {
  if (periods.length === 0) throw invalid('at least one period is required');
  const starts: number[] = [];
  const ends: number[] = [];
  const before: number[] = [];
  let elapsed = 0;
  for (const period of periods) {
    const start = parseClockTime(period.start);
    const end = parseClockTime(period.end);
    if (start === null || end === null) {
      throw invalid(`${period.start}–${period.end} is not HH:MM–HH:MM`);
    }
    if (start >= end) throw invalid(`${period.start}–${period.end} ends before it starts`);
    const previousEnd = ends[ends.length - 1];
    if (previousEnd !== undefined && start * MINUTE_MS <= previousEnd) {
      throw invalid(`${period.start}–${period.end} overlaps or touches the previous period`);
    }
    starts.push(start * MINUTE_MS);
    ends.push(end * MINUTE_MS);
    before.push(elapsed);
    elapsed += (end - start) * MINUTE_MS;
  }
  return {
    starts,
    ends,
    before,
    openMs: starts[0]!,
    closeMs: ends[ends.length - 1]!,
    dayMs: elapsed,
  };
}

/** Office time elapsed on a working day between opening and a time of day (ms since midnight). */
export function elapsedAt(office: OfficeDay, msInDay: number): number {
  const { starts, ends, before } = office;
  for (let i = starts.length - 1; i >= 0; i--) {
    const start = starts[i]!;
    if (msInDay > start) return before[i]! + Math.min(msInDay, ends[i]!) - start;
  }
  return 0;
}

/**
 * The time of day at which `elapsed` office time has passed (0 < elapsed ≤ dayMs). At a break
 * `latest = false` gives the end of the earlier period (11:30) and `latest = true` the start of
 * the later one (13:00).
 */
export function timeOfDayAt(office: OfficeDay, elapsed: number, latest: boolean): number {
  const { starts, ends, before } = office;
  const last = starts.length - 1;
  for (let i = 0; i < last; i++) {
    const periodEnd = before[i]! + ends[i]! - starts[i]!;
    if (latest ? elapsed < periodEnd : elapsed <= periodEnd)
      return starts[i]! + elapsed - before[i]!;
  }
  return starts[last]! + elapsed - before[last]!;
}

/** The first office instant at or after a time of day, or `null` after closing. */
export function nextOfficeTime(office: OfficeDay, msInDay: number): number | null {
  const { starts, ends } = office;
  for (let i = 0; i < starts.length; i++) {
    if (msInDay <= ends[i]!) return Math.max(msInDay, starts[i]!);
  }
  return null;
}

function invalid(detail: string): CalendarError {
  return new CalendarError('calendar.invalid-options', `Invalid office hours: ${detail}`);
}
