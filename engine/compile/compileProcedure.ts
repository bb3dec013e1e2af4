import { assign, setup, type AnyStateMachine } from 'xstate';
import type { Procedure, StateNodeConfig } from '../format/procedureSchema.ts';
import type { Channel, Outcome } from '../format/primitives.ts';
import { workingTimeToHours } from '../format/primitives.ts';
import type { Action, ActionType } from '../registry/actions.ts';
import {
  evaluateGuard,
  guardParamSchemas,
  type Guard,
  type GuardType,
} from '../registry/guards.ts';
import { eventScope } from '../execute/eventData.ts';
import { buildMachineGraph, type MachineGraph } from '../validate/machineGraph.ts';

/** What the statechart itself remembers about a dossier (XState context). */
export interface DossierContext {
  readonly data: Record<string, unknown>;
  readonly documents: readonly string[];
  readonly channel: Channel;
  readonly outcome?: Outcome;
  /** The local date of reception (`YYYY-MM-DD`): date guards count to it. */
  readonly receivedOn?: string;
}

/** An event sent to a dossier: a type from the procedure, with optional data and documents. */
export interface DossierEvent {
  readonly type: string;
  readonly data?: Record<string, unknown>;
  readonly documents?: readonly string[];
  readonly note?: string;
}

/** A procedure compiled for execution: the XState machine plus the graph the executor reads. */
export interface CompiledProcedure {
  readonly procedure: Procedure;
  readonly machine: AnyStateMachine;
  readonly graph: MachineGraph;
}

type GuardArgs = { context: DossierContext; event: DossierEvent };

function guardImplementation(type: GuardType) {
  return ({ context, event }: GuardArgs, params: unknown) =>
    evaluateGuard({ type, params } as Guard, {
      data: context.data,
      documents: context.documents,
      channel: context.channel,
      eventData: eventScope(event),
      receivedOn: context.receivedOn,
    });
}

/** Actions the executor interprets from the returned action list; XState only records them. */
const recordedActions: readonly ActionType[] = [
  'issueSlip',
  'notifyApplicant',
  'notifyUnit',
  'startClock',
  'pauseClock',
  'resumeClock',
  'extendDeadline',
  'extendLegalDeadline',
];

/** A step where the legal clock stands still: `clock: "paused"`, or a declared pause reason. */
export function isPausedStep(node: StateNodeConfig): boolean {
  return node.meta?.clock === 'paused' || node.meta?.pause !== undefined;
}

/** Add the clock bookkeeping implied by `meta.clock: "paused"` to every state node. */
function withClockActions(node: StateNodeConfig): StateNodeConfig {
  const states = node.states
    ? Object.fromEntries(Object.entries(node.states).map(([k, v]) => [k, withClockActions(v)]))
    : undefined;
  if (!isPausedStep(node)) return states ? { ...node, states } : node;
  const pause = node.meta?.pause ? { params: { reason: node.meta.pause } } : {};
  return {
    ...node,
    ...(states ? { states } : {}),
    entry: [{ type: 'pauseClock', ...pause } as Action, ...(node.entry ?? [])],
    exit: [...(node.exit ?? []), { type: 'resumeClock' }],
  };
}

/**
 * Compile a validated procedure into an XState v5 machine (`setup` + `createMachine`). Guards
 * and actions come from the fixed registry; delays are named and resolved in working time by
 * the executor. Compile only procedures that `validateProcedure` accepts.
 */
export function compileProcedure(procedure: Procedure, hoursPerDay = 8): CompiledProcedure {
  const guards = Object.fromEntries(
    (Object.keys(guardParamSchemas) as GuardType[]).map((t) => [t, guardImplementation(t)]),
  );
  const actions: Record<string, unknown> = Object.fromEntries(
    recordedActions.map((t) => [t, () => {}]),
  );
  actions.setOutcome = assign(
    ({ context }: { context: DossierContext }, params: { outcome: Outcome }) => ({
      ...context,
      outcome: params.outcome,
    }),
  );
  actions.recordSubmission = assign(
    ({ context, event }: { context: DossierContext; event: DossierEvent }) => ({
      ...context,
      data: { ...context.data, ...(event.data ?? {}) },
      documents: [...new Set([...context.documents, ...(event.documents ?? [])])],
    }),
  );
  // Placeholder lengths in wall-clock ms; the executor converts each named delay to a due
  // instant on the working calendar, because XState knows nothing of office hours.
  const delays = Object.fromEntries(
    Object.entries(procedure.delays ?? {}).map(([name, time]) => [
      name,
      () =>
        'calendarDays' in time
          ? time.calendarDays * 86_400_000
          : workingTimeToHours(time, hoursPerDay) * 3_600_000,
    ]),
  );
  const root = withClockActions({ states: procedure.machine.states });
  const config = {
    id: procedure.machine.id,
    initial: procedure.machine.initial,
    states: root.states,
    ...(procedure.machine.on ? { on: procedure.machine.on } : {}),
    context: ({ input }: { input: Partial<DossierContext> | undefined }) => ({
      data: input?.data ?? {},
      documents: input?.documents ?? [],
      channel: input?.channel ?? 'desk',
      ...(input?.receivedOn ? { receivedOn: input.receivedOn } : {}),
    }),
  };
  // The JSON config is validated data; XState's generic types cannot describe it statically.
  const machine = setup({ guards, actions, delays } as never).createMachine(
    config as never,
  ) as unknown as AnyStateMachine;
  return { procedure, machine, graph: buildMachineGraph(procedure.machine) };
}
