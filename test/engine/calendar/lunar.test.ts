import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarError, lunarToSolar, solarToLunar } from '../../../engine/calendar/index.ts';

const tet = (year: number) => lunarToSolar({ day: 1, month: 1, year, leap: false });
const hungKings = (year: number) => lunarToSolar({ day: 10, month: 3, year, leap: false });

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it.each([
    [1968, '1968-01-29'], // Tết Mậu Thân: the North (UTC+7) celebrated a day before the South (UTC+8)
    [1985, '1985-01-21'], // China (UTC+8): 20 February 1985
    [1990, '1990-01-27'],
    [2000, '2000-02-05'],
    [2007, '2007-02-17'], // China: 18 February 2007
    [2010, '2010-02-14'],
    [2020, '2020-01-25'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    // The new moon falls at 23:07 UTC+7 on 2 February, 00:07 UTC+8 on 3 February: Vietnam's
    // Tết 2030 is 2 February, China's Spring Festival 3 February.
    [2030, '2030-02-02'],
  ])('Tết %i is %s', (year, date) => {
    expect(tet(year)).toBe(date);
    expect(solarToLunar(date)).toEqual({ day: 1, month: 1, year, leap: false });
  });

  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])("Hùng Kings' day %i is %s", (year, date) => {
    expect(hungKings(year)).toBe(date);
    expect(solarToLunar(date)).toEqual({ day: 10, month: 3, year, leap: false });
  });

  it('knows the last day of the lunar year and the year boundary', () => {
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(solarToLunar('2026-01-01')).toEqual({ day: 13, month: 11, year: 2025, leap: false });
  });

  it('handles leap months (tháng nhuận)', () => {
    // 2023 had a leap 2nd month, 2020 a leap 4th month.
    expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(lunarToSolar({ day: 1, month: 2, year: 2023, leap: true })).toBe('2023-03-22');
    expect(lunarToSolar({ day: 1, month: 2, year: 2023, leap: false })).toBe('2023-02-20');
    expect(solarToLunar('2020-05-23')).toEqual({ day: 1, month: 4, year: 2020, leap: true });
  });

  it('rejects lunar dates that do not exist', () => {
    expect(() => lunarToSolar({ day: 1, month: 3, year: 2023, leap: true })).toThrow(CalendarError);
    expect(() => lunarToSolar({ day: 1, month: 5, year: 2026, leap: true })).toThrow(CalendarError);
    // Month 12 of the lunar year 2025 has 29 days (Tết 2026 follows 29 Chạp).
    expect(() => lunarToSolar({ day: 30, month: 12, year: 2025, leap: false })).toThrow(
      CalendarError,
    );
    expect(() => lunarToSolar({ day: 0, month: 1, year: 2026, leap: false })).toThrow(
      CalendarError,
    );
    expect(() => solarToLunar('2026-02-30')).toThrow(CalendarError);
    expect(() => solarToLunar('1800-01-01')).toThrow(CalendarError);
  });

  it('round-trips every solar date (property)', () => {
    const start = Date.UTC(1901, 0, 1) / 86_400_000;
    const end = Date.UTC(2198, 11, 31) / 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), (day) => {
        const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
        const lunar = solarToLunar(date);
        expect(lunar.day).toBeGreaterThanOrEqual(1);
        expect(lunar.day).toBeLessThanOrEqual(30);
        expect(lunarToSolar(lunar)).toBe(date);
      }),
      { numRuns: 2000 },
    );
  });

  it('puts Tết between 21 January and 20 February every year', () => {
    for (let year = 1901; year <= 2199; year++) {
      const date = tet(year);
      expect(date >= `${year}-01-21` && date <= `${year}-02-20`, `${year}: ${date}`).toBe(true);
    }
  });
});
