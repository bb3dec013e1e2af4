/**
 * Local dates and clock times in Vietnam. Vietnam keeps a fixed UTC+7 offset with no daylight
 * saving time, so a local date is a plain day count and no time-zone database is needed.
 *
 * Internally a day is an *epoch day*: the number of local days since 1970-01-01.
 */

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** Milliseconds in a minute. */
export const MINUTE_MS = 60_000;

/** Vietnam's offset from UTC: UTC+7 all year (giờ Đông Dương, no daylight saving time). */
export const VN_OFFSET_MS = 7 * 3_600_000;

/** A local date in Vietnam (UTC+7) written `YYYY-MM-DD`, e.g. `2026-02-17`. */
export type LocalDate = string;

/** A local clock time written `HH:MM` (24-hour), e.g. `07:30`. */
export type ClockTime = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_PATTERN = /^(\d{2}):(\d{2})$/;

/** The epoch day of a Gregorian date (month 1–12), without any validation. */
export function epochDay(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.floor(d.getTime() / DAY_MS);
}

/**
 * Parse a `YYYY-MM-DD` local date into its epoch day; `null` when the text is not a date that
 * exists (e.g. `2026-02-30`).
 */
export function parseLocalDate(text: string): number | null {
  const m = DATE_PATTERN.exec(text);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return epochDay(year, month, day);
}

/** Parse a local date that is known to be valid; throws a `RangeError` (a bug) otherwise. */
export function requireLocalDate(text: string): number {
  const day = parseLocalDate(text);
  if (day === null) throw new RangeError(`Not a valid local date (YYYY-MM-DD): ${text}`);
  return day;
}

/** Format an epoch day as `YYYY-MM-DD`. */
export function formatLocalDate(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The number of days in a Gregorian month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return epochDay(year, month + 1, 1) - epochDay(year, month, 1);
}

/** The epoch day of 1 January of a year. */
export function firstDayOfYear(year: number): number {
  return epochDay(year, 1, 1);
}

/** The Gregorian year an epoch day falls in. */
export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** The ISO weekday of an epoch day: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The local (UTC+7) epoch day an instant (epoch milliseconds) falls in. */
export function localDayOf(ms: number): number {
  return Math.floor((ms + VN_OFFSET_MS) / DAY_MS);
}

/** The local date (UTC+7) of an instant. */
export function localDateOf(instant: Date): LocalDate {
  return formatLocalDate(localDayOf(instant.getTime()));
}

/** The instant (epoch milliseconds) of a local time of day, given in ms since local midnight. */
export function instantOf(day: number, msInDay: number): number {
  return day * DAY_MS + msInDay - VN_OFFSET_MS;
}

/** Parse `HH:MM` into minutes since midnight (`24:00` allowed); `null` when malformed. */
export function parseClockTime(text: string): number | null {
  const m = CLOCK_PATTERN.exec(text);
  if (m === null) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}
