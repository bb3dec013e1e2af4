import type { WorkingCalendar } from '../calendar/index.ts';
import { EngineError } from '../errors.ts';
import { applyEvent, startDossier } from '../execute/executor.ts';
import type { Effect, Transition } from '../execute/dossierSnapshot.ts';
import type { Procedure } from '../format/procedureSchema.ts';
import { sortedJson } from '../canonical/procedureVersion.ts';
import { ajvProblems, createAjv } from '../validate/structural.ts';
import type { Problem } from '../validate/problem.ts';
import {
  ScenarioFileSchema,
  type Scenario,
  type ScenarioExpectation,
  type ScenarioFile,
} from './scenarioSchema.ts';

/** A scenario expectation that did not hold. */
export interface ScenarioFailure {
  readonly scenario: string;
  /** JSON pointer of the step (or start) in the scenario file. */
  readonly path: string;
  readonly message: string;
}

let validator: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;

/** Check the shape of a scenario file; problems carry JSON pointers into it. */
export function validateScenarioFile(value: unknown): Problem[] {
  validator ??= createAjv().compile(JSON.parse(JSON.stringify(ScenarioFileSchema)));
  return validator(value) ? [] : ajvProblems(validator.errors);
}

const sameInstant = (a: string | undefined, b: string) =>
  a !== undefined && Date.parse(a) === Date.parse(b);

/** An instant written in the offset of another (`+07:00` as the scenario file writes it). */
export function inOffsetOf(reference: string, instant: string | undefined): string | undefined {
  if (instant === undefined) return undefined;
  const m = /([+-])(\d{2}):(\d{2})$/.exec(reference);
  if (!m) return instant;
  const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  const local = new Date(Date.parse(instant) + minutes * 60_000).toISOString();
  const ms = local.slice(19, 23) === '.000' ? '' : local.slice(19, 23);
  return `${local.slice(0, 19)}${ms}${m[0]}`;
}

const TIMER_PREFIX = 'xstate.after.';

/** A delayed transition's timer the dossier waits on: its XState event and when it fires. */
interface PendingTimer {
  readonly type: string;
  readonly at: string;
}

/** The delay name of a timer event (`xstate.after.<delay>.<state id>`). */
const delayOf = (type: string) => type.slice(TIMER_PREFIX.length).split('.')[0]!;

/** Keep the pending delayed-transition timers up to date with a transition's effects. */
function trackTimers(pending: Map<string, PendingTimer>, effects: readonly Effect[]): void {
  for (const e of effects) {
    if (e.kind === 'cancel-timer') pending.delete(e.id);
    else if (e.kind === 'schedule-timer' && e.event.type.startsWith(TIMER_PREFIX))
      pending.set(e.id, { type: e.event.type, at: e.at });
  }
}

/** Pending timers of a delay (`hanBoSung`) or of one timer event (`xstate.after.…`). */
const timersOf = (pending: Map<string, PendingTimer>, name: string) =>
  [...pending.values()].filter((t) =>
    name.startsWith(TIMER_PREFIX) ? t.type === name : delayOf(t.type) === name,
  );

function compare(
  t: Transition,
  expect: ScenarioExpectation | undefined,
  where: string,
  name: string,
  pending: Map<string, PendingTimer>,
): ScenarioFailure[] {
  if (!expect) return [];
  const s = t.snapshot;
  const out: ScenarioFailure[] = [];
  const fail = (field: string, expected: unknown, actual: unknown) =>
    out.push({
      scenario: name,
      path: `${where}/expect/${field}`,
      message: `${field}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
    });
  if (expect.state !== undefined && sortedJson(expect.state) !== sortedJson(s.machine.value))
    fail('state', expect.state, s.machine.value);
  if (expect.status !== undefined && expect.status !== s.status)
    fail('status', expect.status, s.status);
  if (expect.clock !== undefined && expect.clock !== s.clock.status)
    fail('clock', expect.clock, s.clock.status);
  if (expect.due !== undefined && !sameInstant(s.clock.due, expect.due))
    fail('due', expect.due, inOffsetOf(expect.due, s.clock.due));
  if (expect.originalDue !== undefined && !sameInstant(s.clock.originalDue, expect.originalDue))
    fail('originalDue', expect.originalDue, inOffsetOf(expect.originalDue, s.clock.originalDue));
  if (expect.outcome !== undefined && expect.outcome !== s.outcome)
    fail('outcome', expect.outcome, s.outcome);
  if (expect.timeliness !== undefined && expect.timeliness !== s.timeliness)
    fail('timeliness', expect.timeliness, s.timeliness);
  for (const [delay, at] of Object.entries(expect.timers ?? {})) {
    const found = timersOf(pending, delay);
    const actual = found.map((f) => inOffsetOf(at ?? s.receivedAt, f.at));
    if (at === null ? found.length > 0 : !found.some((f) => sameInstant(f.at, at)))
      fail(
        `timers/${delay}`,
        at,
        actual.length === 0 ? null : actual.length === 1 ? actual[0] : actual,
      );
  }
  if (expect.slips !== undefined) {
    const slips = t.effects.flatMap((e) => (e.kind === 'issue-slip' ? [e.slip] : []));
    if (sortedJson(slips) !== sortedJson(expect.slips)) fail('slips', expect.slips, slips);
  }
  return out;
}

/** Replay one scenario through the executor; an empty list means it passed. */
export function replayScenario(
  procedure: Procedure,
  scenario: Scenario,
  options: { calendar?: WorkingCalendar; base?: string } = {},
): ScenarioFailure[] {
  const base = options.base ?? '';
  const exec = options.calendar ? { calendar: options.calendar } : {};
  const failures: ScenarioFailure[] = [];
  let t = startDossier(
    procedure,
    {
      ...(scenario.start.data ? { data: scenario.start.data } : {}),
      ...(scenario.start.documents ? { documents: scenario.start.documents } : {}),
      ...(scenario.start.channel ? { channel: scenario.start.channel } : {}),
    },
    new Date(scenario.start.at),
    exec,
  );
  const pending = new Map<string, PendingTimer>();
  trackTimers(pending, t.effects);
  failures.push(...compare(t, scenario.start.expect, `${base}/start`, scenario.name, pending));
  scenario.steps.forEach((step, i) => {
    const where = `${base}/steps/${i}`;
    const failure = (path: string, message: string) =>
      failures.push({ scenario: scenario.name, path, message });
    const at = new Date(step.at);
    // `after:<delay>` names the one pending timer of that delay.
    let type = step.event;
    if (type.startsWith('after:')) {
      const found = timersOf(pending, type.slice('after:'.length));
      if (found.length === 1) type = found[0]!.type;
      else if (found.length > 1) {
        failure(
          `${where}/event`,
          `${step.event}: several timers of that delay are pending (${found.map((f) => f.type).join(', ')}); name one by its xstate.after event`,
        );
        return;
      }
    }
    const isTimer = type.startsWith(TIMER_PREFIX);
    const timer = isTimer ? timersOf(pending, type)[0] : undefined;
    if (isTimer && timer) {
      // A timer fires when it is due, never before; the scenario says when it expects that.
      if (step.expectFiresAt !== undefined && !sameInstant(timer.at, step.expectFiresAt)) {
        failure(
          `${where}/expectFiresAt`,
          `${step.event} fires at ${inOffsetOf(step.expectFiresAt, timer.at)}, expected ${step.expectFiresAt}`,
        );
      }
      if (at.getTime() < Date.parse(timer.at)) {
        failure(
          `${where}/at`,
          `${step.event} is not due before ${inOffsetOf(step.at, timer.at)}; it cannot fire at ${step.at}`,
        );
        return;
      }
    } else if (step.expectFiresAt !== undefined || step.event.startsWith('after:')) {
      if (step.expectError === undefined) {
        failure(
          `${where}/event`,
          `${step.event}: no timer of this name is pending in state ${JSON.stringify(t.snapshot.machine.value)}`,
        );
        return;
      }
    }
    // Another timer due before this event would have fired first: the scenario must fire it.
    const overdue = [...pending.values()]
      .filter((p) => p.type !== type && Date.parse(p.at) < at.getTime())
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
    if (overdue) {
      failure(
        `${where}/at`,
        `timer ${overdue.type} was due at ${inOffsetOf(step.at, overdue.at)}, before ${step.event} at ${step.at}: it fires first (send "after:${delayOf(overdue.type)}" at its time)`,
      );
    }
    try {
      const next = applyEvent(
        procedure,
        t.snapshot,
        {
          type,
          ...(step.data ? { data: step.data } : {}),
          ...(step.documents ? { documents: step.documents } : {}),
          ...(step.note !== undefined ? { note: step.note } : {}),
        },
        at,
        exec,
      );
      if (step.expectError) {
        failure(
          `${where}/expectError`,
          `expected error ${step.expectError}, but ${step.event} was accepted`,
        );
      }
      t = next;
      if (isTimer && timer) for (const [id, p] of pending) if (p === timer) pending.delete(id);
      trackTimers(pending, t.effects);
      if (t.snapshot.status === 'done') pending.clear();
      failures.push(...compare(t, step.expect, where, scenario.name, pending));
    } catch (error) {
      const code = error instanceof EngineError ? error.code : 'exception';
      if (step.expectError !== code) {
        failure(where, `${step.event}: ${code}: ${(error as Error).message}`);
      }
    }
  });
  return failures;
}

/** Replay every scenario of a file. */
export function replayScenarioFile(
  procedure: Procedure,
  file: ScenarioFile,
  options: { calendar?: WorkingCalendar } = {},
): ScenarioFailure[] {
  return file.scenarios.flatMap((s, i) =>
    replayScenario(procedure, s, { ...options, base: `/scenarios/${i}` }),
  );
}
