import { describe, expect, it } from 'vitest';
import { forecastDaysOff, nationalDayAdjacent } from '../../../engine/calendar/index.ts';

const summary = (year: number, workWeek?: readonly number[]) =>
  forecastDaysOff(year, workWeek).map((d) => `${d.date} ${d.kind}`);

const day = (epoch: number) => new Date(epoch * 86_400_000).toISOString().slice(0, 10);

describe('holidays by rule (forecast)', () => {
  it('2027: Tết on a weekend gives compensatory days after the break', () => {
    // Tết 2027 is Saturday 6 February; the eve is Friday 5 February.
    expect(summary(2027)).toEqual([
      '2027-01-01 holiday',
      '2027-02-05 holiday',
      '2027-02-06 holiday',
      '2027-02-07 holiday',
      '2027-02-08 holiday',
      '2027-02-09 holiday',
      '2027-02-10 compensatory',
      '2027-02-11 compensatory',
      '2027-04-16 holiday',
      '2027-04-30 holiday',
      '2027-05-01 holiday',
      '2027-05-03 compensatory',
      '2027-09-02 holiday',
      '2027-09-03 holiday',
    ]);
    expect(forecastDaysOff(2027).every((d) => d.forecast)).toBe(true);
  });

  it('2023: holidays on Saturday and Sunday are compensated after other holidays', () => {
    expect(summary(2023)).toContain('2023-01-02 compensatory'); // 1 January was a Sunday
    // Hùng Kings' day Sat 29 April, 30 April Sun, 1 May Mon → off until Wed 3 May.
    expect(summary(2023)).toEqual(
      expect.arrayContaining([
        '2023-04-29 holiday',
        '2023-04-30 holiday',
        '2023-05-01 holiday',
        '2023-05-02 compensatory',
        '2023-05-03 compensatory',
      ]),
    );
  });

  it('2026 forecast has the same holidays as the official schedule, without the swaps', () => {
    expect(summary(2026)).toEqual([
      '2026-01-01 holiday',
      '2026-02-16 holiday',
      '2026-02-17 holiday',
      '2026-02-18 holiday',
      '2026-02-19 holiday',
      '2026-02-20 holiday',
      '2026-04-26 holiday',
      '2026-04-27 compensatory',
      '2026-04-30 holiday',
      '2026-05-01 holiday',
      '2026-09-01 holiday',
      '2026-09-02 holiday',
    ]);
  });

  it('chooses the day adjacent to 2 September to join the weekend', () => {
    const week = [1, 2, 3, 4, 5];
    // 2 Sep on: 2024 Mon, 2025 Tue, 2026 Wed, 2021 Thu, 2022 Fri, 2023 Sat, 2029 Sun.
    expect(day(nationalDayAdjacent(2024, week))).toBe('2024-09-03');
    expect(day(nationalDayAdjacent(2025, week))).toBe('2025-09-01');
    expect(day(nationalDayAdjacent(2026, week))).toBe('2026-09-01');
    expect(day(nationalDayAdjacent(2021, week))).toBe('2021-09-03');
    expect(day(nationalDayAdjacent(2022, week))).toBe('2022-09-01');
    expect(day(nationalDayAdjacent(2023, week))).toBe('2023-09-01');
    expect(day(nationalDayAdjacent(2029, week))).toBe('2029-09-03');
    // 2023: Fri 1 Sep + Sat 2 Sep, compensated on Mon 4 Sep.
    expect(summary(2023)).toEqual(
      expect.arrayContaining([
        '2023-09-01 holiday',
        '2023-09-02 holiday',
        '2023-09-04 compensatory',
      ]),
    );
  });

  it('follows the work week: with Monday–Saturday, a Saturday holiday is not compensated', () => {
    expect(summary(2027, [1, 2, 3, 4, 5, 6])).toContain('2027-05-01 holiday');
    expect(summary(2027, [1, 2, 3, 4, 5, 6])).not.toContain('2027-05-03 compensatory');
    // Tết Sunday 7 February 2027 only is compensated, after the break: Wednesday 10 February.
    expect(summary(2027, [1, 2, 3, 4, 5, 6]).filter((s) => s.includes('compensatory'))).toEqual([
      '2027-02-10 compensatory',
    ]);
  });
});
