import {
  addWorkingTime,
  appointmentDate,
  resumeDeadline,
  type WorkingCalendar,
} from '../calendar/index.ts';
import type { PauseReason, WorkingTime } from '../format/primitives.ts';
import { EngineError } from '../errors.ts';
import { toIso } from './instant.ts';
import {
  DOSSIER_DUE_SOON,
  DOSSIER_OVERDUE,
  WARNING_EVENTS,
  type ClockState,
  type Effect,
} from './dossierSnapshot.ts';

/** The clock of a dossier that has not been accepted yet. */
export const NOT_STARTED: ClockState = { status: 'not-started', pauses: [], extensions: [] };

/** What the clock operations need: the calendar, the legal time, and how long "due soon" is. */
export interface ClockRules {
  readonly calendar: WorkingCalendar;
  readonly legal: WorkingTime;
  readonly policy: 'resume' | 'restart';
  readonly dueSoonHours: number;
}

const iso = toIso;

/** Timers warning that the appointment date is near and then passed. */
function scheduleDue(rules: ClockRules, due: Date, now: Date, effects: Effect[]): void {
  // "Due soon" fires when the remaining working time falls to the threshold.
  const threshold = addWorkingTime(rules.calendar, due, {
    workingHours: -Math.max(0, rules.dueSoonHours),
  });
  const soonAt = threshold.getTime() > now.getTime() ? threshold : now;
  effects.push(
    {
      kind: 'schedule-timer',
      id: DOSSIER_DUE_SOON,
      at: iso(soonAt),
      event: { type: WARNING_EVENTS.dossierDueSoon },
    },
    {
      kind: 'schedule-timer',
      id: DOSSIER_OVERDUE,
      at: iso(due),
      event: { type: WARNING_EVENTS.dossierOverdue },
    },
  );
}

function cancelDue(effects: Effect[]): void {
  effects.push(
    { kind: 'cancel-timer', id: DOSSIER_DUE_SOON },
    { kind: 'cancel-timer', id: DOSSIER_OVERDUE },
  );
}

/**
 * Start the legal clock at acceptance: compute the appointment date (ngày hẹn trả) from the
 * legal time, or from the deadline variant chosen on the reception data when one applies.
 */
export function startClock(
  clock: ClockState,
  rules: ClockRules,
  now: Date,
  effects: Effect[],
  variant?: { readonly id: string; readonly deadline: WorkingTime },
): ClockState {
  if (clock.status !== 'not-started') return clock;
  const legal = variant?.deadline ?? rules.legal;
  const due = appointmentDate(rules.calendar, now, legal);
  scheduleDue(rules, due, now, effects);
  effects.push({ kind: 'clock', change: 'started', due: iso(due) });
  return {
    ...clock,
    status: 'running',
    acceptedAt: iso(now),
    due: iso(due),
    originalDue: iso(due),
    ...(variant ? { variant: variant.id } : {}),
  };
}

/** Pause the clock while the dossier waits for the citizen (bổ sung hồ sơ). */
export function pauseClock(
  clock: ClockState,
  now: Date,
  effects: Effect[],
  reason?: PauseReason,
): ClockState {
  if (clock.status !== 'running') return clock;
  cancelDue(effects);
  effects.push({ kind: 'clock', change: 'paused', due: clock.due });
  return {
    ...clock,
    status: 'paused',
    pausedAt: iso(now),
    pauses: [...clock.pauses, { from: iso(now), ...(reason ? { reason } : {}) }],
  };
}

/** The reason of the clock's current (last) pause; a pause without one is a supplement. */
export function currentPauseReason(clock: ClockState): PauseReason {
  return clock.pauses.at(-1)?.reason ?? 'supplement';
}

/** Resume the clock after a supplement, keeping the remaining time or restarting it. */
export function resumeClock(
  clock: ClockState,
  rules: ClockRules,
  now: Date,
  effects: Effect[],
  requested?: 'resume' | 'restart',
): ClockState {
  if (clock.status !== 'paused' || !clock.due || !clock.pausedAt) return clock;
  // Only a supplement may restart the full time; a payment, a fixing period… resume it.
  const policy =
    requested ?? (currentPauseReason(clock) === 'supplement' ? rules.policy : 'resume');
  const shift = (from: string) =>
    resumeDeadline(rules.calendar, {
      due: new Date(from),
      pausedAt: new Date(clock.pausedAt!),
      resumedAt: now,
      policy,
      legal: rules.legal,
    });
  let due = shift(clock.due);
  // A restart gives the full legal time again, lawful extensions already granted included.
  if (policy === 'restart') {
    for (const ext of clock.lawfulExtensions ?? [])
      due = addWorkingTime(rules.calendar, due, ext.by);
  }
  scheduleDue(rules, due, now, effects);
  effects.push({ kind: 'clock', change: 'resumed', due: iso(due) });
  const pauses = clock.pauses.map((p, i) =>
    i === clock.pauses.length - 1 ? { ...p, to: iso(now) } : p,
  );
  const { pausedAt: _, ...rest } = clock;
  // Time waiting for the citizen never counts against the agency: the legal appointment the
  // dossier is judged by moves with the pause. Only an apology's extension leaves it behind.
  const originalDue =
    policy === 'restart' || clock.extensions.length === 0 || !clock.originalDue
      ? iso(due)
      : iso(shift(clock.originalDue));
  return { ...rest, status: 'running', due: iso(due), originalDue, pauses };
}

/**
 * Extend after an apology (xin lỗi, hẹn lại): the new date is recorded, the original kept so the
 * dossier is still counted late if it misses it.
 */
export function extendDeadline(
  clock: ClockState,
  rules: ClockRules,
  now: Date,
  effects: Effect[],
  request: { newDue?: string; by?: WorkingTime },
): ClockState {
  if (!clock.due || clock.status === 'not-started' || clock.status === 'stopped') {
    throw new EngineError('clock-not-running', 'Cannot extend: the legal clock is not running', {
      message: {
        vi: 'Không thể gia hạn: thời hạn giải quyết chưa bắt đầu hoặc đã dừng',
        en: 'Cannot extend: the legal clock has not started or has stopped',
      },
    });
  }
  const current = new Date(clock.due);
  let next: Date;
  if (request.newDue !== undefined) {
    next = new Date(request.newDue);
    if (Number.isNaN(next.getTime())) {
      throw new EngineError('invalid-appointment', `"${request.newDue}" is not a valid date-time`, {
        field: 'newAppointment',
        message: {
          vi: `Ngày hẹn mới "${request.newDue}" không phải ngày giờ hợp lệ`,
          en: `The new appointment "${request.newDue}" is not a valid date-time`,
        },
      });
    }
  } else {
    next = addWorkingTime(rules.calendar, current, request.by ?? { workingDays: 1 });
  }
  if (next.getTime() <= current.getTime()) {
    throw new EngineError(
      'invalid-appointment',
      'The new appointment must be later than the current one',
      {
        field: 'newAppointment',
        current: clock.due,
        message: {
          vi: 'Ngày hẹn mới phải sau ngày hẹn hiện tại',
          en: 'The new appointment must be later than the current one',
        },
      },
    );
  }
  if (clock.status === 'running') {
    cancelDue(effects);
    scheduleDue(rules, next, now, effects);
  }
  effects.push({ kind: 'clock', change: 'extended', due: iso(next) });
  return {
    ...clock,
    due: iso(next),
    extensions: [...clock.extensions, { at: iso(now), from: clock.due, to: iso(next) }],
  };
}

/**
 * Apply a lawful extension (gia hạn theo luật định, e.g. +10 working days when the police must
 * verify): the appointment in force and the legal deadline the dossier is judged by both move,
 * so the dossier is not late for using the time the law gives. Applied once per extension.
 */
export function extendLegally(
  clock: ClockState,
  rules: ClockRules,
  now: Date,
  effects: Effect[],
  extension: { readonly id: string; readonly by: WorkingTime },
): ClockState {
  if (!clock.due || clock.status === 'not-started' || clock.status === 'stopped') {
    throw new EngineError('clock-not-running', 'Cannot extend: the legal clock is not running', {
      message: {
        vi: 'Không thể gia hạn theo luật định: thời hạn giải quyết chưa bắt đầu hoặc đã dừng',
        en: 'Cannot apply a lawful extension: the legal clock has not started or has stopped',
      },
    });
  }
  const applied = clock.lawfulExtensions ?? [];
  if (applied.some((e) => e.id === extension.id)) return clock;
  const next = addWorkingTime(rules.calendar, new Date(clock.due), extension.by);
  const legal = addWorkingTime(
    rules.calendar,
    new Date(clock.originalDue ?? clock.due),
    extension.by,
  );
  if (clock.status === 'running') {
    cancelDue(effects);
    scheduleDue(rules, next, now, effects);
  }
  effects.push({ kind: 'clock', change: 'extended-lawfully', due: iso(next) });
  return {
    ...clock,
    due: iso(next),
    originalDue: iso(legal),
    lawfulExtensions: [
      ...applied,
      { id: extension.id, at: iso(now), by: extension.by, from: clock.due, to: iso(next) },
    ],
  };
}

/** Stop the clock when the dossier ends. */
export function stopClock(clock: ClockState, now: Date, effects: Effect[]): ClockState {
  if (clock.status === 'running' || clock.status === 'paused') {
    cancelDue(effects);
    effects.push({ kind: 'clock', change: 'stopped', due: clock.due });
    const pauses = clock.pauses.map((p) =>
      p.to === undefined ? { ...p, to: now.toISOString() } : p,
    );
    const { pausedAt: _, ...rest } = clock;
    return { ...rest, status: 'stopped', pauses };
  }
  return clock;
}
