/**
 * How a dossier stands against its deadline, in the categories the one-stop statistics report:
 * resolved early / on time / late (trước hạn / đúng hạn / quá hạn), and in progress not yet due
 * / due soon / overdue (chưa đến hạn / sắp đến hạn / quá hạn).
 */
import { DAY_MS, MINUTE_MS, VN_OFFSET_MS } from './localDate.ts';
import type { WorkingCalendar } from './workingCalendar.ts';
import { instantMs, positionOf } from './workingTime.ts';

/** How a resolved dossier met its deadline (trước hạn / đúng hạn / quá hạn). */
export type ResolvedTimeliness = 'early' | 'on-time' | 'late';

/** Where an open dossier stands (chưa đến hạn / sắp đến hạn / quá hạn). */
export type OpenTimeliness = 'not-yet-due' | 'due-soon' | 'overdue';

/** Timeliness of a dossier, resolved or open. */
export type Timeliness = ResolvedTimeliness | OpenTimeliness;

/** What `classifyTimeliness` looks at. */
export interface TimelinessInput {
  /** The due instant in force (after any extension). */
  readonly due: Date;
  /**
   * The due instant before an extension (hẹn lại) granted with a written apology; a dossier
   * resolved after it stays late even if it met the new date.
   */
  readonly originalDue?: Date;
  /** When the result was ready (the dossier is resolved); absent while it is open. */
  readonly completedAt?: Date;
  readonly now: Date;
}

/**
 * Classify a dossier against its deadline.
 * - Resolved (`completedAt` given): `late` if completed after `originalDue ?? due`; `early` if
 *   completed on a local calendar day before that deadline's day; otherwise `on-time` (so 16:59
 *   on the due day is on time, and so is 17:00 exactly).
 * - Open: `overdue` once `now` is after `due` (the date in force); `due-soon` when at most
 *   `dueSoonWorkingHours` of working time remain; otherwise `not-yet-due`.
 */
export function classifyTimeliness(cal: WorkingCalendar, input: TimelinessInput): Timeliness {
  const due = instantMs(input.due);
  if (input.completedAt !== undefined) {
    const completed = instantMs(input.completedAt);
    const deadline = input.originalDue === undefined ? due : instantMs(input.originalDue);
    if (completed > deadline) return 'late';
    return localDay(completed) < localDay(deadline) ? 'early' : 'on-time';
  }
  const now = instantMs(input.now);
  if (now > due) return 'overdue';
  const remainingMinutes = (positionOf(cal, due) - positionOf(cal, now)) / MINUTE_MS;
  return remainingMinutes <= cal.dueSoonWorkingHours * 60 ? 'due-soon' : 'not-yet-due';
}

function localDay(ms: number): number {
  return Math.floor((ms + VN_OFFSET_MS) / DAY_MS);
}
