import type { DossierContext, DossierEvent } from '../compile/compileProcedure.ts';
import { EngineError } from '../errors.ts';
import type { FormSpec, Procedure, TransitionConfig } from '../format/procedureSchema.ts';
import { dateLimitProblems } from '../format/dateLimits.ts';
import { receptionForm } from '../format/receptionForm.ts';
import { reasonRequiredEvents } from '../registry/events.ts';
import { createAjv } from '../validate/structural.ts';

/** A problem with an event's data: a JSON pointer into the request (`/data/dienTich`). */
export interface DataProblem {
  readonly path: string;
  readonly message: string;
  /** The keyword of a declared date limit (`x-maxDate`, its message in Vietnamese). */
  readonly keyword?: string;
}

type Validate = ReturnType<ReturnType<typeof createAjv>['compile']>;
let ajv: ReturnType<typeof createAjv> | undefined;
const validators = new WeakMap<FormSpec, Validate>();

function validatorOf(form: FormSpec): Validate {
  let v = validators.get(form);
  if (!v) {
    ajv ??= createAjv();
    v = ajv.compile(form.schema);
    validators.set(form, v);
  }
  return v;
}

/**
 * Problems of `data` against an e-form's JSON Schema, with `/data/...` field paths; with `today`
 * (YYYY-MM-DD in Vietnam), also the dates after a declared `"x-maxDate": "today"`.
 */
export function formProblems(form: FormSpec, data: unknown, today?: string): DataProblem[] {
  const validate = validatorOf(form);
  const limits = today === undefined ? [] : dateLimitProblems(form.schema, data, today);
  if (validate(data)) return limits;
  return [...schemaProblems(validate), ...limits];
}

function schemaProblems(validate: Validate): DataProblem[] {
  return (validate.errors ?? []).map((e) => {
    const field =
      e.keyword === 'required'
        ? `${e.instancePath}/${String((e.params as { missingProperty: string }).missingProperty)}`
        : e.instancePath;
    return { path: `/data${field}`, message: e.message ?? e.keyword };
  });
}

const merges = (t: TransitionConfig) => t.actions?.some((a) => a.type === 'recordSubmission');

/**
 * Check an event's data against what its transitions declare, before any guard runs; throws
 * `event-data-invalid` (with field paths) when the event would store or act on invalid data.
 *
 * - A transition that merges data (`recordSubmission`) may change the fields it lists in
 *   `data.fields`, or (undeclared, as files written before the declaration) any field of the
 *   reception e-form; the merged data must satisfy that e-form's schema.
 * - A transition with `data.form` takes data that must satisfy that form.
 * - Other transitions keep their data in the history only (e.g. `newAppointment` of EXTEND).
 */
export function checkEventData(
  procedure: Procedure,
  transitions: readonly TransitionConfig[],
  context: DossierContext,
  event: DossierEvent,
  today?: string,
): void {
  const data = event.data ?? {};
  const keys = Object.keys(data);
  const problems: DataProblem[] = [];
  const merging = transitions.filter(merges);
  const reception = receptionForm(procedure);
  if (merging.length > 0 && keys.length > 0) {
    const declared = merging.every((t) => t.data?.fields || t.data?.form);
    const allowed = new Set(
      declared
        ? merging.flatMap(
            (t) =>
              t.data?.fields ??
              Object.keys(
                procedure.forms.find((f) => f.id === t.data?.form)?.schema.properties ?? {},
              ),
          )
        : Object.keys(reception?.schema.properties ?? {}),
    );
    for (const key of keys) {
      if (!allowed.has(key)) {
        problems.push({
          path: `/data/${key}`,
          message: `"${event.type}" may not change the field "${key}" (it may change: ${[...allowed].join(', ') || 'none'})`,
        });
      }
    }
    if (reception && problems.length === 0) {
      // Only problems of the fields this event changes: a dossier stored before this check
      // may hold old faults that the event does not make worse.
      const merged = { ...context.data, ...data };
      problems.push(
        ...formProblems(reception, merged, today).filter((p) =>
          keys.some((k) => p.path === `/data/${k}` || p.path.startsWith(`/data/${k}/`)),
        ),
      );
    }
  }
  const ownForm = transitions.find((t) => t.data?.form && !merges(t))?.data?.form;
  const form = ownForm ? procedure.forms.find((f) => f.id === ownForm) : undefined;
  if (form) problems.push(...formProblems(form, data, today));
  if (problems.length > 0) {
    throw new EngineError(
      'event-data-invalid',
      `Event "${event.type}": the data is not valid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      {
        problems,
        message: {
          vi: `Dữ liệu của sự kiện "${event.type}" không hợp lệ: ${problems.map((p) => p.path).join(', ')}`,
          en: `The data of event "${event.type}" is not valid: ${problems.map((p) => p.path).join(', ')}`,
        },
      },
    );
  }
}

/** Whether an event must carry a reason (declared with the event, or standard). */
export function needsReason(procedure: Procedure, type: string): boolean {
  const declared = procedure.events?.[type]?.reason;
  if (declared) return declared === 'required';
  return reasonRequiredEvents.has(type);
}

/** Throw `reason-required` when an event that needs a reason comes without one. */
export function checkReason(procedure: Procedure, event: DossierEvent): void {
  if (!needsReason(procedure, event.type) || (event.note ?? '').trim() !== '') return;
  throw new EngineError('reason-required', `Event "${event.type}" requires a reason (note)`, {
    field: 'note',
    problems: [{ path: '/note', message: 'required' }],
    message: {
      vi: `Sự kiện "${event.type}" cần ghi rõ lý do`,
      en: `Event "${event.type}" requires a reason`,
    },
  });
}

/** What `source: "event"` guards read: the event's data, and its reason as `reason`. */
export function eventScope(event: DossierEvent): Record<string, unknown> | undefined {
  if (event.note === undefined) return event.data;
  return { reason: event.note, ...event.data };
}
