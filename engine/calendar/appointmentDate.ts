/**
 * The legal clock of a dossier: the appointment date (ngày hẹn trả kết quả) written on the
 * receipt, and how it moves after the dossier waited for a supplement (bổ sung hồ sơ).
 */
import { CalendarError } from './calendarError.ts';
import { DAY_MS, VN_OFFSET_MS } from './localDate.ts';
import type { WorkingCalendar } from './workingCalendar.ts';
import {
  addWorkingMs,
  instantAtPosition,
  instantMs,
  nextWorkingMs,
  openingOf,
  positionOf,
} from './workingTime.ts';

/** A legal processing time (thời hạn giải quyết): working days, or working hours. */
export type LegalTime = { readonly workingDays: number } | { readonly workingHours: number };

/** After a supplement: keep the remaining time (`resume`) or start the full time again (`restart`). */
export type SupplementPolicy = 'resume' | 'restart';

/** A pause for a supplement (tạm dừng chờ bổ sung) and what to do when it ends. */
export interface SupplementPause {
  /** The due instant in force when the dossier was paused. */
  readonly due: Date;
  readonly pausedAt: Date;
  readonly resumedAt: Date;
  readonly policy: SupplementPolicy;
  /** The procedure's legal processing time, used by `restart`. */
  readonly legal: LegalTime;
}

/**
 * The appointment date (ngày hẹn trả kết quả) of a dossier accepted as complete at `acceptedAt`.
 *
 * The clock starts at `acceptedAt` if it is on a working day before the cutoff (15:00) and not
 * after closing; otherwise at the opening of the next working day. Before opening or during the
 * lunch break it starts when the office next opens that day.
 * - `{ workingDays: N }`: due at the close of office hours (17:00) of the N-th working day after
 *   the starting day; N = 0 means "within the day" (trong ngày): the close of the starting day.
 *   A fractional N runs that fraction of office time into the following working day.
 * - `{ workingHours: H }`: due H working hours after the start instant.
 * Throws a `CalendarError` for a negative or non-finite legal time.
 */
export function appointmentDate(cal: WorkingCalendar, acceptedAt: Date, legal: LegalTime): Date {
  const ms = instantMs(acceptedAt);
  const t = cal.tables;
  const local = ms + VN_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  if (day < t.firstDay || day >= t.endDay) t.coverDay(day);
  const i = day - t.firstDay;
  const msInDay = local - day * DAY_MS;
  const sameDay = t.working[i] === 1 && msInDay < cal.cutoffMs && msInDay <= cal.office.closeMs;
  const startOrdinal = sameDay ? t.cum[i]! : t.cum[i + 1]!;

  if ('workingDays' in legal) {
    const n = legal.workingDays;
    if (!(n >= 0) || !Number.isFinite(n)) throw invalidLegal(legal);
    // The close of working day `ordinal` is the position (ordinal + 1) × dayMs.
    const position = Math.round((startOrdinal + n + 1) * cal.office.dayMs);
    return new Date(instantAtPosition(cal, position, false));
  }
  if ('workingHours' in legal) {
    const h = legal.workingHours;
    if (!(h >= 0) || !Number.isFinite(h)) throw invalidLegal(legal);
    const start = sameDay ? nextWorkingMs(cal, ms) : openingOf(cal, startOrdinal);
    return new Date(addWorkingMs(cal, start, Math.round(h * 3_600_000)));
  }
  const unreachable: never = legal;
  throw invalidLegal(unreachable);
}

/**
 * The due instant after a supplement (bổ sung hồ sơ) paused the legal clock.
 * - `resume`: the working time that remained at `pausedAt` (negative if already overdue) is
 *   added from `resumedAt`, so the pause costs the agency nothing; a due date in working days
 *   (at the close of a day) moves by whole working days instead: as many as the pause reached
 *   into after the day it began, so it stays at the close of a working day;
 * - `restart`: a fresh appointment date from `resumedAt`, as if the dossier were accepted then.
 * Throws a `CalendarError` when `resumedAt` is before `pausedAt`.
 */
export function resumeDeadline(cal: WorkingCalendar, pause: SupplementPause): Date {
  const pausedAt = instantMs(pause.pausedAt);
  const resumedAt = instantMs(pause.resumedAt);
  if (resumedAt < pausedAt) {
    throw new CalendarError('calendar.invalid-instant', 'resumedAt is before pausedAt');
  }
  switch (pause.policy) {
    case 'resume': {
      const duePosition = positionOf(cal, instantMs(pause.due));
      const dayMs = cal.office.dayMs;
      if ('workingDays' in pause.legal && duePosition % dayMs === 0) {
        // A due date in working days stays at the close of a working day: it moves by the whole
        // working days the pause reached into (a pause within one day moves it not at all).
        const dayOf = (position: number) => Math.max(0, Math.ceil(position / dayMs) - 1);
        const shift = dayOf(positionOf(cal, resumedAt)) - dayOf(positionOf(cal, pausedAt));
        return new Date(instantAtPosition(cal, duePosition + shift * dayMs, false));
      }
      const remaining = duePosition - positionOf(cal, pausedAt);
      return new Date(addWorkingMs(cal, resumedAt, remaining));
    }
    case 'restart':
      return appointmentDate(cal, pause.resumedAt, pause.legal);
    default: {
      const unreachable: never = pause.policy;
      throw new CalendarError('calendar.invalid-amount', `Unknown policy ${String(unreachable)}`);
    }
  }
}

function invalidLegal(legal: unknown): CalendarError {
  return new CalendarError(
    'calendar.invalid-amount',
    `A legal time must be a non-negative number of working days or hours: ${JSON.stringify(legal)}`,
  );
}
