/**
 * The Vietnamese lunar calendar (âm lịch), computed astronomically for UTC+7 after Hồ Ngọc Đức's
 * well-known algorithm: months start on the local day of the new moon, month 11 is the month
 * containing the winter solstice, and in a year with 13 months the leap month (tháng nhuận) is
 * the first month after month 11 that contains no major solar term (trung khí).
 *
 * Because the day of a new moon depends on the time zone, Vietnam's calendar (UTC+7) sometimes
 * differs from China's (UTC+8): Tết 1985 fell on 21 January in Vietnam but 20 February in China.
 * A Chinese-calendar library is therefore not a substitute.
 */
import { CalendarError, assertSupportedYear } from './calendarError.ts';
import { epochDay, formatLocalDate, parseLocalDate, type LocalDate } from './localDate.ts';

/** A date in the Vietnamese lunar calendar; `leap` marks the leap month (tháng nhuận). */
export interface LunarDate {
  readonly day: number;
  readonly month: number;
  readonly year: number;
  readonly leap: boolean;
}

const TIME_ZONE = 7;
const DEG = Math.PI / 180;
/** Julian day number of 1970-01-01 (the epoch day 0). */
const JD_EPOCH = 2_440_588;
/** Mean length of a synodic month, in days. */
const SYNODIC_MONTH = 29.530588853;
/** Julian date of the new moon the algorithm numbers 0 (1900-01-01). */
const NEW_MOON_0 = 2415021.076998695;

/** Julian date (fractional, UT) of the k-th new moon after 1900-01-01 (Meeus, simplified). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DEG) + 0.0021 * Math.sin(2 * DEG * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(DEG * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(DEG * 2 * F) - 0.0051 * Math.sin(DEG * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(DEG * (M - Mpr)) + 0.0004 * Math.sin(DEG * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(DEG * (2 * F - M)) - 0.0006 * Math.sin(DEG * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(DEG * (2 * F - Mpr)) + 0.0005 * Math.sin(DEG * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** The sun's apparent longitude in radians [0, 2π) at a Julian date (UT). */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DEG * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(DEG * 2 * M) + 0.00029 * Math.sin(DEG * 3 * M);
  const omega = 125.04 - 1934.136 * T;
  let L = (L0 + DL - 0.00569 - 0.00478 * Math.sin(omega * DEG)) * DEG;
  L -= 2 * Math.PI * Math.floor(L / (2 * Math.PI));
  return L;
}

/** The sector (0–11, 30° each) of the sun's longitude at the start of a local day. */
function sunSector(jdn: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);
}

/** Julian day number of the local day on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
}

/** Julian day number of the first day of lunar month 11 of the given Gregorian year. */
function month11(year: number): number {
  const off = epochDay(year, 12, 31) + JD_EPOCH - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  // Month 11 must contain the winter solstice (sun longitude 270°, sector 9).
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** Index (months after month 11) of the leap month in a 13-month lunar year starting at a11. */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - NEW_MOON_0) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

/**
 * The lunar date (âm lịch) of a solar local date, for Vietnam (UTC+7).
 * Throws a `CalendarError` for a malformed date or a year outside 1900–2199.
 */
export function solarToLunar(date: LocalDate): LunarDate {
  const epoch = parseLocalDate(date);
  if (epoch === null) throw new CalendarError('calendar.invalid-date', `Not a date: ${date}`);
  const yy = Number(date.slice(0, 4));
  assertSupportedYear(yy);
  const dayNumber = epoch + JD_EPOCH;
  const k = Math.floor((dayNumber - NEW_MOON_0) / SYNODIC_MONTH);
  // k estimates the mean new moon; the true one can fall a day later than the estimate
  // (e.g. 2054-05-07), so step back until the month starts on or before the date.
  let monthStart = newMoonDay(k + 1);
  for (let back = k; monthStart > dayNumber; back--) monthStart = newMoonDay(back);
  let a11 = month11(yy);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = yy;
    a11 = month11(yy - 1);
  } else {
    year = yy + 1;
    b11 = month11(yy + 1);
  }
  const day = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { day, month, year, leap };
}

/**
 * The solar local date of a Vietnamese lunar date. Throws a `CalendarError` when the lunar date
 * does not exist (day 30 of a 29-day month, a leap month the year does not have).
 */
export function lunarToSolar(lunar: LunarDate): LocalDate {
  const { day, month, year, leap } = lunar;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) {
    throw invalid(lunar);
  }
  assertSupportedYear(year);
  const a11 = month < 11 ? month11(year - 1) : month11(year);
  const b11 = month < 11 ? month11(year) : month11(year + 1);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) throw invalid(lunar);
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw invalid(lunar);
  }
  const k = Math.floor(0.5 + (a11 - NEW_MOON_0) / SYNODIC_MONTH);
  const monthStart = newMoonDay(k + off);
  if (day > newMoonDay(k + off + 1) - monthStart) throw invalid(lunar);
  return formatLocalDate(monthStart + day - 1 - JD_EPOCH);
}

function invalid(lunar: LunarDate): CalendarError {
  const { day, month, year, leap } = lunar;
  return new CalendarError(
    'calendar.invalid-lunar-date',
    `Lunar date ${day}/${month}${leap ? ' (leap)' : ''}/${year} does not exist`,
  );
}
