/**
 * Precomputed day tables of a working calendar, grown a whole year at a time on demand, so that
 * deadline arithmetic is a handful of array reads instead of a walk over days.
 *
 * Working days are numbered by an *ordinal*: the first working day on or after 1 January of the
 * first year ever computed is 0, earlier ones are negative. Ordinals never change when the
 * tables grow, so a position in working time can be computed, the tables grown, and the
 * position turned back into an instant.
 */
import type { LocalizedText } from '../format/primitives.ts';
import { CalendarError, SUPPORTED_YEARS, assertSupportedYear } from './calendarError.ts';
import { firstDayOfYear, yearOfDay } from './localDate.ts';

/** Why a day is out of the ordinary, as recorded in a year's plan. */
export type SpecialReason = 'holiday' | 'compensatory' | 'swapped-off' | 'swapped-working';

/** A day that is off although in the work week, or worked although a rest day. */
export interface SpecialDay {
  readonly reason: SpecialReason;
  readonly name: LocalizedText;
}

/** One year of a calendar: which days are worked and why some are special. */
export interface YearPlan {
  readonly year: number;
  /** True when the year has no official schedule and follows the rule forecast. */
  readonly forecast: boolean;
  /** 1 for a working day, 0 for a day off, indexed by day of the year (0 = 1 January). */
  readonly working: Uint8Array;
  /** Special days keyed by epoch day. */
  readonly special: ReadonlyMap<number, SpecialDay>;
}

/**
 * The lazily grown tables. Internal to the calendar: mutated only to cache, never observable
 * through the results of the exported functions.
 */
export class DayTables {
  /** First epoch day covered. */
  firstDay = 0;
  /** One past the last epoch day covered. */
  endDay = 0;
  /** Ordinal of the first working day covered (`workDays[0]`). */
  firstOrdinal = 0;
  /** 1 for a working day, indexed by `day - firstDay`. */
  working = new Uint8Array(0);
  /** Ordinal of the first working day on or after `firstDay + i`; one entry past the end. */
  cum = new Int32Array(1);
  /** Epoch day of each covered working day, indexed by `ordinal - firstOrdinal`. */
  workDays = new Int32Array(0);

  private firstYear = 0;
  private endYear = 0;
  private anchorYear = 0;
  private readonly plans = new Map<number, YearPlan>();

  constructor(private readonly planYear: (year: number) => YearPlan) {}

  /** The plan of a year, computed once. */
  plan(year: number): YearPlan {
    let plan = this.plans.get(year);
    if (plan === undefined) {
      assertSupportedYear(year);
      plan = this.planYear(year);
      this.plans.set(year, plan);
    }
    return plan;
  }

  /** Grow the tables to cover an epoch day. */
  coverDay(day: number): void {
    if (day >= this.firstDay && day < this.endDay) return;
    const year = yearOfDay(day);
    assertSupportedYear(year);
    if (this.endYear === this.firstYear) {
      this.anchorYear = year;
      this.rebuild(year, year + 1);
    } else {
      this.rebuild(Math.min(year, this.firstYear), Math.max(year + 1, this.endYear));
    }
  }

  /** Grow the tables to cover a working-day ordinal (call `coverDay` first). */
  coverOrdinal(ordinal: number): void {
    while (ordinal < this.firstOrdinal) {
      const years = Math.ceil((this.firstOrdinal - ordinal) / 200);
      this.grow(this.firstYear - years, this.endYear);
    }
    while (ordinal >= this.firstOrdinal + this.workDays.length) {
      const years = Math.ceil((ordinal - this.firstOrdinal - this.workDays.length + 1) / 200);
      this.grow(this.firstYear, this.endYear + years);
    }
  }

  private grow(firstYear: number, endYear: number): void {
    const first = Math.max(firstYear, SUPPORTED_YEARS.first);
    const end = Math.min(endYear, SUPPORTED_YEARS.last + 1);
    if (first === this.firstYear && end === this.endYear) {
      throw new CalendarError(
        'calendar.out-of-range',
        `Working time reaches beyond the supported years ${SUPPORTED_YEARS.first}–${SUPPORTED_YEARS.last}`,
      );
    }
    this.rebuild(first, end);
  }

  private rebuild(firstYear: number, endYear: number): void {
    const firstDay = firstDayOfYear(firstYear);
    const endDay = firstDayOfYear(endYear);
    const n = endDay - firstDay;
    const working = new Uint8Array(n);
    let offset = 0;
    let before = 0;
    let total = 0;
    for (let year = firstYear; year < endYear; year++) {
      const plan = this.plan(year);
      working.set(plan.working, offset);
      offset += plan.working.length;
      const count = plan.working.reduce((sum, w) => sum + w, 0);
      total += count;
      if (year < this.anchorYear) before += count;
    }
    const cum = new Int32Array(n + 1);
    const workDays = new Int32Array(total);
    let ordinal = -before;
    for (let i = 0; i < n; i++) {
      cum[i] = ordinal;
      if (working[i] === 1) {
        workDays[ordinal + before] = firstDay + i;
        ordinal++;
      }
    }
    cum[n] = ordinal;
    this.firstYear = firstYear;
    this.endYear = endYear;
    this.firstDay = firstDay;
    this.endDay = endDay;
    this.firstOrdinal = -before;
    this.working = working;
    this.cum = cum;
    this.workDays = workDays;
  }
}
