import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ActionRef, ActionSchema, type Action } from '../registry/actions.ts';
import { GuardRef, GuardSchema, type Guard } from '../registry/guards.ts';
import { ResultDocumentSpec } from './resultDocument.ts';
import {
  Delay,
  Key,
  LocalizedText,
  Outcome,
  PauseReason,
  Slug,
  StateId,
  WorkingTime,
} from './primitives.ts';

/**
 * The procedure file format: the contract shared by the designer, the server and the library.
 * This module is the single source of truth: the TypeScript types are derived from these schemas
 * and `procedures/procedure.schema.json` is generated from them (`npm run schema`).
 */

/** Where the legal clock stands while a step is active. */
export const ClockMode = Type.Union([Type.Literal('running'), Type.Literal('paused')], {
  description: 'running: time counts against the agency; paused: e.g. waiting for the citizen',
});

/** What a step (bước) says about itself: who acts, for how long, with which papers. */
export const StepMeta = Type.Object(
  {
    name: Type.Optional(LocalizedText),
    description: Type.Optional(LocalizedText),
    unit: Type.Optional(Slug),
    role: Type.Optional(Slug),
    duration: Type.Optional(WorkingTime),
    clock: Type.Optional(ClockMode),
    pause: Type.Optional(PauseReason),
    form: Type.Optional(Key),
    documents: Type.Optional(Type.Array(Key, { uniqueItems: true })),
    citizenVisit: Type.Optional(
      Type.Boolean({ description: 'The applicant comes to the office at this step' }),
    ),
    citizenHours: Type.Optional(
      Type.Number({ minimum: 0, description: 'Hours the applicant spends at this step' }),
    ),
    outcome: Type.Optional(Outcome),
  },
  { additionalProperties: false },
);
export type StepMeta = Static<typeof StepMeta>;

const Target = Type.Union([
  Type.String({ minLength: 1 }),
  Type.Array(Type.String({ minLength: 1 })),
]);

/**
 * The data an event may carry on this transition: the e-form fields it may change (merged into
 * the dossier's data by `recordSubmission`), or a form of its own that its data must satisfy.
 */
export const TransitionData = Type.Object(
  {
    fields: Type.Optional(
      Type.Array(Key, {
        uniqueItems: true,
        description: 'Fields of the reception e-form this event may change',
      }),
    ),
    form: Type.Optional(Key),
  },
  {
    additionalProperties: false,
    description: 'What data the event may carry; validated before guards run',
  },
);
export type TransitionData = Static<typeof TransitionData>;

/** One transition (chuyển bước): target, optional guard, actions. */
export const TransitionSchema = Type.Object(
  {
    target: Type.Optional(Target),
    guard: Type.Optional(GuardRef),
    actions: Type.Optional(Type.Array(ActionRef)),
    reenter: Type.Optional(Type.Boolean()),
    description: Type.Optional(Type.String()),
    name: Type.Optional(LocalizedText),
    data: Type.Optional(TransitionData),
  },
  { additionalProperties: false },
);
export type TransitionConfig = {
  readonly target?: string | readonly string[];
  readonly guard?: Guard;
  readonly actions?: readonly Action[];
  readonly reenter?: boolean;
  readonly description?: string;
  /** What the history and the app call this transition (a delayed one, above all). */
  readonly name?: LocalizedText;
  readonly data?: TransitionData;
};

const TransitionRef = Type.Unsafe<TransitionConfig>({ $ref: '#/$defs/transition' });
/** A transition or a list of guarded alternatives tried in order. */
const Transitions = Type.Union([TransitionRef, Type.Array(TransitionRef)]);
export type Transitions = TransitionConfig | readonly TransitionConfig[];

/** A state node of the statechart (XState v5 JSON config, Stately-compatible subset). */
export type StateNodeConfig = {
  readonly id?: string;
  readonly type?: 'atomic' | 'compound' | 'parallel' | 'final';
  readonly initial?: string;
  readonly states?: Readonly<Record<string, StateNodeConfig>>;
  readonly on?: Readonly<Record<string, Transitions>>;
  readonly after?: Readonly<Record<string, Transitions>>;
  readonly always?: Transitions;
  readonly onDone?: Transitions;
  readonly entry?: readonly Action[];
  readonly exit?: readonly Action[];
  readonly meta?: StepMeta;
  readonly description?: string;
};

const StateNodeRef = Type.Unsafe<StateNodeConfig>({ $ref: '#/$defs/stateNode' });

export const StateNodeSchema = Type.Object(
  {
    id: Type.Optional(StateId),
    type: Type.Optional(
      Type.Union(['atomic', 'compound', 'parallel', 'final'].map((t) => Type.Literal(t))),
    ),
    initial: Type.Optional(Key),
    states: Type.Optional(Type.Record(Key, StateNodeRef)),
    on: Type.Optional(Type.Record(Key, Transitions)),
    after: Type.Optional(Type.Record(Key, Transitions)),
    always: Type.Optional(Transitions),
    onDone: Type.Optional(Transitions),
    entry: Type.Optional(Type.Array(ActionRef)),
    exit: Type.Optional(Type.Array(ActionRef)),
    meta: Type.Optional(StepMeta),
    description: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

/** The statechart of a procedure: the root state node plus its id. */
export const MachineSchema = Type.Object(
  {
    id: StateId,
    initial: Key,
    states: Type.Record(Key, StateNodeRef, { minProperties: 1 }),
    on: Type.Optional(Type.Record(Key, Transitions)),
    description: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type MachineConfig = {
  readonly id: string;
  readonly initial: string;
  readonly states: Readonly<Record<string, StateNodeConfig>>;
  readonly on?: Readonly<Record<string, Transitions>>;
  readonly description?: string;
};

/** A legal document (văn bản pháp lý) the procedure rests on. */
export const LegalDocument = Type.Object(
  {
    number: Type.String({ minLength: 1, description: 'Số hiệu, e.g. 60/2014/QH13' }),
    title: Type.String({ minLength: 1 }),
    issued: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
);

/** One bracket of a tiered fee: values up to `upTo` (inclusive) pay `amountVnd`. */
export const FeeTier = Type.Object(
  {
    upTo: Type.Optional(
      Type.Number({ description: 'Upper bound, inclusive; omitted on the last, open tier' }),
    ),
    amountVnd: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);

/**
 * How a fee follows from the e-form (mức thu theo dữ liệu tờ khai): by tiers of a number (area
 * in m²), a rate of a value (0.5% of the price), or an amount per unit (per copy, per page).
 */
export const FeeCompute = Type.Union(
  [
    Type.Object(
      {
        kind: Type.Literal('tiers'),
        field: Type.String({ minLength: 1, description: 'A number field of the e-form' }),
        tiers: Type.Array(FeeTier, { minItems: 1 }),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        kind: Type.Literal('rate'),
        field: Type.String({ minLength: 1, description: 'A number field of the e-form (VND)' }),
        ratePercent: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
        minVnd: Type.Optional(Type.Integer({ minimum: 0 })),
        maxVnd: Type.Optional(Type.Integer({ minimum: 0 })),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        kind: Type.Literal('perUnit'),
        field: Type.String({ minLength: 1, description: 'A number field: copies, pages…' }),
        unitVnd: Type.Integer({ minimum: 0 }),
        freeUnits: Type.Optional(
          Type.Integer({ minimum: 0, description: 'Units included at no charge' }),
        ),
      },
      { additionalProperties: false },
    ),
  ],
  { description: 'Compute the amount from the e-form data instead of a fixed amountVnd' },
);
export type FeeCompute = Static<typeof FeeCompute>;

/** A fee or charge (phí, lệ phí). */
export const Fee = Type.Object(
  {
    name: LocalizedText,
    amountVnd: Type.Integer({
      minimum: 0,
      description:
        'The fixed amount; with "compute", the least amount, listed in the catalog as "from"',
    }),
    compute: Type.Optional(FeeCompute),
    note: Type.Optional(LocalizedText),
  },
  { additionalProperties: false },
);
export type Fee = Static<typeof Fee>;

/** A document the applicant submits (thành phần hồ sơ). */
export const DocumentSpec = Type.Object(
  {
    id: Key,
    name: LocalizedText,
    kind: Type.Union(
      ['original', 'copy', 'certified-copy', 'original-or-certified-copy', 'form'].map((k) =>
        Type.Literal(k),
      ),
      { description: 'bản chính, bản sao, bản sao chứng thực, bản chính hoặc bản sao, tờ khai' },
    ),
    copies: Type.Integer({ minimum: 1, maximum: 100 }),
    required: Type.Boolean(),
    note: Type.Optional(LocalizedText),
  },
  { additionalProperties: false },
);
export type DocumentSpec = Static<typeof DocumentSpec>;

/** The JSON Schema of an e-form's data: an object schema with titled properties. */
export interface FormJsonSchema {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, any>>;
  readonly required?: readonly string[];
  readonly [keyword: string]: unknown;
}

/** An e-form (biểu mẫu điện tử): a JSON Schema for the data with Vietnamese titles. */
export const FormSpec = Type.Object(
  {
    id: Key,
    title: LocalizedText,
    schema: Type.Unsafe<FormJsonSchema>(
      Type.Object(
        { type: Type.Literal('object'), properties: Type.Record(Type.String(), Type.Any()) },
        { additionalProperties: true, description: 'JSON Schema (draft 2020-12) of the form data' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type FormSpec = Static<typeof FormSpec>;

/** Inputs of the Standard Cost Model that belong to the procedure. */
export const CostSpec = Type.Object(
  {
    applicantsPerYear: Type.Optional(Type.Integer({ minimum: 0 })),
    preparationHours: Type.Optional(Type.Number({ minimum: 0 })),
    otherCostsVnd: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

/** A custom event declared by the procedure (standard events need no declaration). */
export const EventSpec = Type.Object(
  {
    name: LocalizedText,
    description: Type.Optional(LocalizedText),
    applicant: Type.Optional(
      Type.Boolean({
        description:
          'Sent by the applicant: entered by reception officers of the receiving unit at any step',
      }),
    ),
    reason: Type.Optional(
      Type.Union([Type.Literal('required'), Type.Literal('optional')], {
        description:
          'Whether the officer must give a reason (note) with the event; standard events that ' +
          'refuse, send back, stop, ask for a supplement or apologise require one by default',
      }),
    ),
  },
  { additionalProperties: false },
);

/**
 * An alternative legal time (thời hạn giải quyết khác) chosen when the dossier is accepted: the
 * first variant whose guard holds on the reception data replaces `deadline` (e.g. 15 working
 * days instead of 10 when verification in several provinces is needed).
 */
export const DeadlineVariant = Type.Object(
  {
    id: Key,
    name: LocalizedText,
    deadline: WorkingTime,
    guard: GuardRef,
    note: Type.Optional(LocalizedText),
  },
  {
    additionalProperties: false,
    description: 'A legal time chosen by a guard on the reception data; the first that holds wins',
  },
);
export type DeadlineVariant = Static<typeof DeadlineVariant>;

/**
 * A lawful extension (gia hạn theo luật định) triggered mid-way by an `extendLegalDeadline`
 * action: it moves the legal deadline itself, unlike an apology's extension, which stays late.
 */
export const LawfulExtension = Type.Object(
  {
    name: LocalizedText,
    by: WorkingTime,
    note: Type.Optional(LocalizedText),
  },
  {
    additionalProperties: false,
    description:
      'Time the law adds to the deadline when an event calls for it (police verification)',
  },
);
export type LawfulExtension = Static<typeof LawfulExtension>;

/** The whole procedure file. */
export const ProcedureSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    id: Slug,
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Mã TTHC' })),
    name: Type.Object(
      { vi: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) },
      { additionalProperties: false },
    ),
    field: Type.String({ minLength: 1, description: 'Lĩnh vực, e.g. Hộ tịch' }),
    level: Slug,
    agency: Type.Optional(LocalizedText),
    legalBasis: Type.Array(LegalDocument),
    deadline: WorkingTime,
    deadlineVariants: Type.Optional(Type.Array(DeadlineVariant)),
    lawfulExtensions: Type.Optional(Type.Record(Key, LawfulExtension)),
    supplementPolicy: Type.Optional(
      Type.Union([Type.Literal('resume'), Type.Literal('restart')], {
        description: 'After a supplement: resume the remaining time, or restart the full time',
      }),
    ),
    fees: Type.Array(Fee),
    documents: Type.Array(DocumentSpec),
    forms: Type.Array(FormSpec),
    onlineService: Type.Union(
      [Type.Literal('full'), Type.Literal('partial'), Type.Literal('none')],
      { description: 'toàn trình, một phần, không' },
    ),
    result: Type.Optional(LocalizedText),
    note: Type.Optional(
      Type.Object(LocalizedText.properties, {
        additionalProperties: false,
        description:
          'Legal facts the modeller is not sure of (a time read from a secondary source, a fee ' +
          'not found in the decision): shown to reviewers until resolved',
      }),
    ),
    resultDelivery: Type.Optional(
      Type.Array(
        Type.Union([Type.Literal('electronic'), Type.Literal('desk'), Type.Literal('post')]),
        {
          minItems: 1,
          uniqueItems: true,
          description:
            'How the citizen may receive the result: electronic (download with code + secret), ' +
            'desk (collect at the one-stop desk), post (sent by post). When absent: desk, plus ' +
            'electronic for a full online service with a result document',
        },
      ),
    ),
    resultDocument: Type.Optional(ResultDocumentSpec),
    cost: Type.Optional(CostSpec),
    events: Type.Optional(Type.Record(Key, EventSpec)),
    delays: Type.Optional(Type.Record(Key, Delay)),
    machine: MachineSchema,
  },
  { additionalProperties: false },
);

/** A procedure definition as stored in `procedures/<id>.json`. */
export type Procedure = Omit<Static<typeof ProcedureSchema>, 'machine' | 'deadlineVariants'> & {
  readonly machine: MachineConfig;
  readonly deadlineVariants?: readonly DeadlineVariant[];
};

/** The complete JSON Schema document of the procedure file. */
export function procedureJsonSchema(): Record<string, unknown> {
  const defs: Record<string, TSchema> = {
    stateNode: StateNodeSchema,
    transition: TransitionSchema,
    guard: GuardSchema,
    action: ActionSchema,
  };
  return JSON.parse(
    JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'motcua procedure (thủ tục hành chính)',
      ...ProcedureSchema,
      $defs: defs,
    }),
  ) as Record<string, unknown>;
}
