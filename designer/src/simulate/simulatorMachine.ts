import { assign, setup } from 'xstate';
import type {
  DossierEvent,
  Procedure,
  WorkingCalendar,
  WorkingTime,
} from '../../../engine/index.ts';
import {
  advanceClock,
  sendEvent,
  startSimulation,
  type SimStart,
  type SimState,
} from './simulation.ts';

/** What the simulator holds: the procedure, its calendar and the simulated dossier. */
export interface SimulatorContext {
  readonly procedure: Procedure;
  readonly calendar: WorkingCalendar;
  readonly sim: SimState | undefined;
}

/** What the simulator panel sends. */
export type SimulatorEvent =
  | { readonly type: 'START'; readonly start: SimStart }
  | { readonly type: 'SEND'; readonly event: DossierEvent }
  | { readonly type: 'ADVANCE'; readonly amount: WorkingTime }
  | { readonly type: 'RESET' };

/**
 * The simulator session as a statechart: setting up a dossier, walking it through the procedure,
 * finished. Each step calls the engine's executor (`startDossier` / `applyEvent`), the code the
 * server runs, so what the officer sees here is what the runtime will do.
 */
export const simulatorMachine = setup({
  types: {
    context: {} as SimulatorContext,
    events: {} as SimulatorEvent,
    input: {} as { procedure: Procedure; calendar: WorkingCalendar },
  },
  guards: {
    finished: ({ context }) => context.sim?.snapshot.status === 'done',
  },
}).createMachine({
  id: 'simulator',
  initial: 'setup',
  context: ({ input }) => ({
    procedure: input.procedure,
    calendar: input.calendar,
    sim: undefined,
  }),
  states: {
    setup: {
      on: {
        START: {
          target: 'running',
          actions: assign({
            sim: ({ context, event }) =>
              startSimulation(context.procedure, context.calendar, event.start),
          }),
        },
      },
    },
    running: {
      always: { guard: 'finished', target: 'finished' },
      on: {
        SEND: {
          actions: assign({
            sim: ({ context, event }) =>
              context.sim &&
              sendEvent(context.procedure, context.calendar, context.sim, event.event),
          }),
        },
        ADVANCE: {
          actions: assign({
            sim: ({ context, event }) =>
              context.sim &&
              advanceClock(context.procedure, context.calendar, context.sim, event.amount),
          }),
        },
      },
    },
    finished: {},
  },
  on: {
    RESET: { target: '.setup', actions: assign({ sim: undefined }) },
  },
});
