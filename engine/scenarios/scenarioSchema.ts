import { Type, type Static } from '@sinclair/typebox';
import { Channel, Key, Outcome } from '../format/primitives.ts';

const Instant = Type.String({
  format: 'date-time',
  description: 'ISO 8601 with offset, e.g. 2026-03-02T09:00:00+07:00',
});

/** What a scenario expects after a step; only the fields given are checked. */
export const ScenarioExpectation = Type.Object(
  {
    state: Type.Optional(
      Type.Unknown({ description: 'The state value, e.g. "thamTra" or { "lienThong": { ... } }' }),
    ),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('done')])),
    clock: Type.Optional(
      Type.Union(['not-started', 'running', 'paused', 'stopped'].map((s) => Type.Literal(s))),
    ),
    due: Type.Optional(Instant),
    originalDue: Type.Optional(Instant),
    outcome: Type.Optional(Outcome),
    timeliness: Type.Optional(Type.Union(['early', 'on-time', 'late'].map((s) => Type.Literal(s)))),
    slips: Type.Optional(Type.Array(Type.String(), { description: 'Slips issued by this step' })),
    timers: Type.Optional(
      Type.Record(Type.String({ minLength: 1 }), Type.Union([Instant, Type.Null()]), {
        description:
          'Timers pending after this step, by delay name (or full `xstate.after.…` event): the ' +
          'instant each fires, or null when none of that delay is pending',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ScenarioExpectation = Static<typeof ScenarioExpectation>;

/** One event of a scenario, at a time, with what should follow. */
export const ScenarioStep = Type.Object(
  {
    at: Instant,
    event: Type.String({
      minLength: 1,
      description:
        'An event type; a timer fires as `after:<delay>` (the one pending timer of that delay) ' +
        'or by its XState name `xstate.after.<delay>.<state id>`',
    }),
    data: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    documents: Type.Optional(Type.Array(Key)),
    note: Type.Optional(
      Type.String({ description: "The officer's note: the reason of a refusal, a send-back…" }),
    ),
    expectFiresAt: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'For a timer event: the instant the timer is due (checked before it fires)',
      }),
    ),
    expect: Type.Optional(ScenarioExpectation),
    expectError: Type.Optional(
      Type.String({ description: 'The engine error code expected instead' }),
    ),
  },
  { additionalProperties: false },
);
export type ScenarioStep = Static<typeof ScenarioStep>;

/** A scenario: a dossier started with some data, then events with expectations. */
export const Scenario = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    start: Type.Object(
      {
        at: Instant,
        channel: Type.Optional(Channel),
        data: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
        documents: Type.Optional(Type.Array(Key)),
        expect: Type.Optional(ScenarioExpectation),
      },
      { additionalProperties: false },
    ),
    steps: Type.Array(ScenarioStep),
  },
  { additionalProperties: false },
);
export type Scenario = Static<typeof Scenario>;

/** A scenario file (`procedures/<id>.scenarios.json`). */
export const ScenarioFileSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    procedure: Type.String({ minLength: 1 }),
    scenarios: Type.Array(Scenario, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type ScenarioFile = Static<typeof ScenarioFileSchema>;
