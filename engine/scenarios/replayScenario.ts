import type { WorkingCalendar } from '../calendar/index.ts';
import { EngineError } from '../errors.ts';
import { applyEvent, startDossier } from '../execute/executor.ts';
import type { Transition } from '../execute/dossierSnapshot.ts';
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

function compare(
  t: Transition,
  expect: ScenarioExpectation | undefined,
  where: string,
  name: string,
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
  failures.push(...compare(t, scenario.start.expect, `${base}/start`, scenario.name));
  scenario.steps.forEach((step, i) => {
    const where = `${base}/steps/${i}`;
    try {
      const next = applyEvent(
        procedure,
        t.snapshot,
        {
          type: step.event,
          ...(step.data ? { data: step.data } : {}),
          ...(step.documents ? { documents: step.documents } : {}),
          ...(step.note !== undefined ? { note: step.note } : {}),
        },
        new Date(step.at),
        exec,
      );
      if (step.expectError) {
        failures.push({
          scenario: scenario.name,
          path: `${where}/expectError`,
          message: `expected error ${step.expectError}, but ${step.event} was accepted`,
        });
      }
      t = next;
      failures.push(...compare(t, step.expect, where, scenario.name));
    } catch (error) {
      const code = error instanceof EngineError ? error.code : 'exception';
      if (step.expectError !== code) {
        failures.push({
          scenario: scenario.name,
          path: where,
          message: `${step.event}: ${code}: ${(error as Error).message}`,
        });
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
