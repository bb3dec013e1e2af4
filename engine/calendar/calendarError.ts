/** Stable codes of the errors the calendar throws. All of them signal a bug in the caller. */
export type CalendarErrorCode =
  | 'calendar.invalid-options'
  | 'calendar.invalid-instant'
  | 'calendar.invalid-date'
  | 'calendar.invalid-lunar-date'
  | 'calendar.invalid-amount'
  | 'calendar.out-of-range';

/**
 * Thrown when the calendar is called with arguments no caller should pass (an invalid `Date`,
 * a lunar date that does not exist, options that contradict themselves, a year outside the
 * supported range). Expected failures — an invalid calendar file — are returned as problems.
 */
export class CalendarError extends Error {
  /** A stable code a server can map to a response. */
  readonly code: CalendarErrorCode;

  constructor(code: CalendarErrorCode, message: string) {
    super(message);
    this.name = 'CalendarError';
    this.code = code;
  }
}

/** The first and last Gregorian years the calendar computes (the lunar model is fitted there). */
export const SUPPORTED_YEARS = { first: 1900, last: 2199 } as const;

/** Throw unless the year is within the supported range. */
export function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < SUPPORTED_YEARS.first || year > SUPPORTED_YEARS.last) {
    throw new CalendarError(
      'calendar.out-of-range',
      `Year ${year} is outside the supported range ${SUPPORTED_YEARS.first}–${SUPPORTED_YEARS.last}`,
    );
  }
}
