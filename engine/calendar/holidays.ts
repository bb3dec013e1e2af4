/**
 * Public holidays by rule (Labour Code 2019, Art. 112), for years without an official schedule.
 * The government fixes each year's real days off and swaps by notice; until it does, these
 * rules give the forecast the designer shows and the runtime uses (`forecast: true`).
 */
import type { LocalizedText } from '../format/primitives.ts';
import { assertSupportedYear } from './calendarError.ts';
import type { DayOff } from './dayOff.ts';
import { epochDay, formatLocalDate, isoWeekday, requireLocalDate } from './localDate.ts';
import { lunarToSolar } from './lunar.ts';

/** A day off forecast by rule rather than read from an official schedule. */
export interface ForecastDayOff extends DayOff {
  readonly forecast: true;
}

/** The civil-service working week: Monday to Friday (ISO weekdays). */
export const DEFAULT_WORK_WEEK: readonly number[] = [1, 2, 3, 4, 5];

const TET_DAYS = ['mùng 1', 'mùng 2', 'mùng 3', 'mùng 4'] as const;

/**
 * Forecast the days off of a Gregorian year by rule:
 * - 1 January (Tết Dương lịch);
 * - Tết Nguyên đán, 5 days: the last day of the lunar year (29 or 30 of month 12, i.e. the day
 *   before lunar new year) and days 1–4 of month 1;
 * - Hùng Kings' day (Giỗ Tổ Hùng Vương), 10th of lunar month 3 (never the leap month 3);
 * - 30 April and 1 May;
 * - 2 September plus one adjacent day, chosen by `nationalDayAdjacent`;
 * - a compensatory day (nghỉ bù) for each holiday on a rest day of `workWeek`: the next day that
 *   is in the work week, not a holiday and not already a compensatory day.
 * Two holidays on one date (possible when Hùng Kings' day falls on 30 April) merge into one day
 * off without compensation: Art. 112 only compensates holidays that fall on a weekly rest day.
 */
export function forecastDaysOff(
  year: number,
  workWeek: readonly number[] = DEFAULT_WORK_WEEK,
): readonly ForecastDayOff[] {
  assertSupportedYear(year);
  const holidays = new Map<number, LocalizedText>();
  const add = (day: number, name: LocalizedText): void => {
    const existing = holidays.get(day);
    holidays.set(
      day,
      existing === undefined
        ? name
        : { vi: `${existing.vi}; ${name.vi}`, en: `${existing.en ?? ''}; ${name.en ?? ''}` },
    );
  };

  add(epochDay(year, 1, 1), { vi: 'Tết Dương lịch', en: "New Year's Day" });
  const tet = requireLocalDate(lunarToSolar({ day: 1, month: 1, year, leap: false }));
  add(tet - 1, {
    vi: 'Tết Nguyên đán (ngày cuối năm âm lịch)',
    en: 'Lunar New Year (last day of the lunar year)',
  });
  TET_DAYS.forEach((label, i) =>
    add(tet + i, { vi: `Tết Nguyên đán (${label})`, en: `Lunar New Year (day ${i + 1})` }),
  );
  add(requireLocalDate(lunarToSolar({ day: 10, month: 3, year, leap: false })), {
    vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    en: "Hùng Kings' Commemoration Day (10th day of the 3rd lunar month)",
  });
  add(epochDay(year, 4, 30), {
    vi: 'Ngày Chiến thắng (30/4)',
    en: 'Reunification Day (30 April)',
  });
  add(epochDay(year, 5, 1), {
    vi: 'Ngày Quốc tế Lao động (1/5)',
    en: 'International Labour Day (1 May)',
  });
  const nationalDay = epochDay(year, 9, 2);
  add(nationalDay, { vi: 'Quốc khánh (2/9)', en: 'National Day (2 September)' });
  add(nationalDayAdjacent(year, workWeek), {
    vi: 'Quốc khánh (ngày liền kề)',
    en: 'National Day (adjacent day)',
  });

  const isWorkWeekDay = (day: number): boolean => workWeek.includes(isoWeekday(day));
  const result: ForecastDayOff[] = [];
  const compensatory = new Set<number>();
  for (const [day, name] of [...holidays].sort((a, b) => a[0] - b[0])) {
    result.push({ date: formatLocalDate(day), kind: 'holiday', name, forecast: true });
    if (isWorkWeekDay(day) || workWeek.length === 0) continue;
    let comp = day + 1;
    while (!isWorkWeekDay(comp) || holidays.has(comp) || compensatory.has(comp)) comp++;
    compensatory.add(comp);
    result.push({
      date: formatLocalDate(comp),
      kind: 'compensatory',
      name: { vi: `Nghỉ bù ${name.vi}`, en: `Compensatory day off for ${name.en ?? name.vi}` },
      forecast: true,
    });
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The epoch day of the day off adjacent to National Day (2 September), chosen to make one
 * unbroken break with the weekly rest days where possible:
 * prefer a candidate (1 or 3 September) that is a working day — a rest-day candidate would only
 * produce a compensatory day anyway — and among those the one whose far neighbour (31 August or
 * 4 September) is a rest day; otherwise 1 September.
 * With Monday–Friday this gives: 2 Sep on Mon → 3 Sep; Tue → 1 Sep; Wed → 1 Sep; Thu → 3 Sep;
 * Fri → 1 Sep; Sat → 1 Sep; Sun → 3 Sep — matching the official choices of 2022–2026.
 */
export function nationalDayAdjacent(year: number, workWeek: readonly number[]): number {
  const isWorkWeekDay = (day: number): boolean => workWeek.includes(isoWeekday(day));
  const before = epochDay(year, 9, 1);
  const after = epochDay(year, 9, 3);
  const score = (day: number, farNeighbour: number): number =>
    (isWorkWeekDay(day) ? 2 : 0) + (isWorkWeekDay(farNeighbour) ? 0 : 1);
  return score(after, after + 1) > score(before, before - 1) ? after : before;
}
