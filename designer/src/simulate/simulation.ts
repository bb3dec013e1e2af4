import {
  addWorkingTime,
  applyEvent,
  dayInfo,
  EngineError,
  startDossier,
  type Channel,
  type DayInfo,
  type DossierEvent,
  type DossierSnapshot,
  type Effect,
  type Procedure,
  type WorkingCalendar,
  type WorkingTime,
} from '../../../engine/index.ts';

/** A timer the runtime would have stored (step deadline, `after` delay, due-soon warning). */
export interface SimTimer {
  readonly id: string;
  readonly at: string;
  readonly event: DossierEvent;
}

/** One line of the simulation's history. */
export interface SimLogEntry {
  readonly at: string;
  readonly kind: 'received' | 'event' | 'timer';
  readonly event?: string;
  readonly effects: readonly Effect[];
}

/** A rejected event: the engine said no (wrong step, no condition holds…). */
export interface SimError {
  readonly code: string;
  readonly event: string;
}

/** A simulated dossier: the engine's snapshot plus the simulated clock and timers. */
export interface SimState {
  readonly now: string;
  readonly snapshot: DossierSnapshot;
  readonly timers: readonly SimTimer[];
  readonly log: readonly SimLogEntry[];
  readonly error?: SimError;
  /** Days off jumped over by the last advance of the clock. */
  readonly skipped: readonly DayInfo[];
}

/** What the applicant brings. */
export interface SimStart {
  readonly at: string;
  readonly channel: Channel;
  readonly data: Record<string, unknown>;
  readonly documents: readonly string[];
}

function withTimers(timers: readonly SimTimer[], effects: readonly Effect[]): SimTimer[] {
  let out = [...timers];
  for (const e of effects) {
    if (e.kind === 'schedule-timer') {
      out = [...out.filter((t) => t.id !== e.id), { id: e.id, at: e.at, event: e.event }];
    } else if (e.kind === 'cancel-timer') {
      out = out.filter((t) => t.id !== e.id);
    }
  }
  return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** Receive a dossier (tiếp nhận) at the simulated instant `start.at`. */
export function startSimulation(
  procedure: Procedure,
  calendar: WorkingCalendar,
  start: SimStart,
): SimState {
  const now = new Date(start.at);
  const { snapshot, effects } = startDossier(
    procedure,
    { data: start.data, documents: start.documents, channel: start.channel },
    now,
    { calendar },
  );
  return {
    now: now.toISOString(),
    snapshot,
    timers: withTimers([], effects),
    log: [{ at: now.toISOString(), kind: 'received', effects }],
    skipped: [],
  };
}

function apply(
  procedure: Procedure,
  calendar: WorkingCalendar,
  state: SimState,
  event: DossierEvent,
  kind: 'event' | 'timer',
): SimState {
  try {
    const now = new Date(state.now);
    const { snapshot, effects } = applyEvent(procedure, state.snapshot, event, now, { calendar });
    const { error: _e, ...rest } = state;
    return {
      ...rest,
      snapshot,
      timers: snapshot.status === 'done' ? [] : withTimers(state.timers, effects),
      log: [...state.log, { at: state.now, kind, event: event.type, effects }],
    };
  } catch (error) {
    if (error instanceof EngineError) {
      return { ...state, error: { code: error.code, event: event.type } };
    }
    throw error;
  }
}

/** Apply an officer's (or the applicant's) event at the simulated instant. */
export function sendEvent(
  procedure: Procedure,
  calendar: WorkingCalendar,
  state: SimState,
  event: DossierEvent,
): SimState {
  return apply(procedure, calendar, state, event, 'event');
}

/** The local dates from `from` (exclusive) to `to` (inclusive) that are not working days. */
function daysOffBetween(calendar: WorkingCalendar, from: Date, to: Date): DayInfo[] {
  const out: DayInfo[] = [];
  const day = 86_400_000;
  const local = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const last = local(to);
  for (let t = from.getTime() + day, n = 0; n < 400; t += day, n++) {
    const date = local(new Date(t));
    if (date > last) break;
    const info = dayInfo(calendar, date);
    if (!info.working) out.push(info);
  }
  return out;
}

/**
 * Let working time pass on the simulated clock (weekends and days off are skipped) and fire the
 * timers that fall due on the way, in order, as the runtime's scheduler would.
 */
export function advanceClock(
  procedure: Procedure,
  calendar: WorkingCalendar,
  state: SimState,
  amount: WorkingTime,
): SimState {
  const from = new Date(state.now);
  const until = addWorkingTime(calendar, from, amount);
  let current: SimState = { ...state, skipped: daysOffBetween(calendar, from, until) };
  for (let guard = 0; guard < 1000; guard++) {
    const due = current.timers.find((t) => Date.parse(t.at) <= until.getTime());
    if (!due || current.snapshot.status === 'done') break;
    const fired: SimState = {
      ...current,
      now: new Date(Math.max(Date.parse(due.at), Date.parse(current.now))).toISOString(),
      timers: current.timers.filter((t) => t !== due),
    };
    current = apply(procedure, calendar, fired, due.event, 'timer');
  }
  return { ...current, now: until.toISOString() };
}
