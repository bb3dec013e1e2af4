import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Channel, Key, LocalizedText, StringEnum } from '../format/primitives.ts';

/** Comparison operators a `field` guard understands. */
export const ComparisonOp = StringEnum(['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'in', 'exists'], {
  description: 'eq =, ne ≠, lt <, le ≤, gt >, ge ≥, in (one of value[]), exists',
});
export type ComparisonOp = Static<typeof ComparisonOp>;

/** Comparisons an `elapsed` guard understands (time from a date to the reception date). */
export const ElapsedOp = StringEnum(['lt', 'le', 'gt', 'ge', 'eq'], {
  description: 'lt <, le ≤, gt >, ge ≥, eq =',
});
export type ElapsedOp = Static<typeof ElapsedOp>;

/** Reference to a guard definition in the procedure schema's `$defs`. */
export const GuardRef = Type.Unsafe<Guard>({ $ref: '#/$defs/guard' });

const FieldPath = Type.String({
  pattern: '^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$',
  description: 'A field of the e-form data (dot-separated for nested objects)',
});

/** Parameters of each guard type: the registry of conditions a procedure may use. */
export const guardParamSchemas = {
  field: Type.Object(
    {
      field: FieldPath,
      op: ComparisonOp,
      value: Type.Optional(Type.Unknown()),
      source: Type.Optional(Type.Union([Type.Literal('form'), Type.Literal('event')])),
    },
    { additionalProperties: false },
  ),
  all: Type.Object(
    { guards: Type.Array(GuardRef, { minItems: 1 }) },
    { additionalProperties: false },
  ),
  any: Type.Object(
    { guards: Type.Array(GuardRef, { minItems: 1 }) },
    { additionalProperties: false },
  ),
  not: Type.Object({ guard: GuardRef }, { additionalProperties: false }),
  documentPresent: Type.Object({ document: Key }, { additionalProperties: false }),
  channel: Type.Object(
    { in: Type.Array(Channel, { minItems: 1 }) },
    { additionalProperties: false },
  ),
  elapsed: Type.Object(
    {
      field: FieldPath,
      op: ElapsedOp,
      value: Type.Integer({ minimum: 0, maximum: 1000 }),
      unit: StringEnum(['days', 'months', 'years'], {
        description: 'Whole calendar days, months or years (an age: years)',
      }),
      source: Type.Optional(Type.Union([Type.Literal('form'), Type.Literal('event')])),
    },
    {
      additionalProperties: false,
      description:
        'Calendar time from the date in a field (YYYY-MM-DD) to the reception date, compared ' +
        'with a value: an age from a birth date, "ngày sinh trong vòng 60 ngày"',
    },
  ),
} satisfies Record<string, TSchema>;

/** Human names of the guard types, for the designer's guard builder. */
export const guardLabels: Record<GuardType, LocalizedText> = {
  field: { vi: 'So sánh trường biểu mẫu', en: 'Compare a form field' },
  all: { vi: 'Tất cả điều kiện', en: 'All of' },
  any: { vi: 'Một trong các điều kiện', en: 'Any of' },
  not: { vi: 'Phủ định', en: 'Not' },
  documentPresent: { vi: 'Có giấy tờ', en: 'Document present' },
  channel: { vi: 'Kênh tiếp nhận', en: 'Channel of receipt' },
  elapsed: { vi: 'Thời gian tính đến ngày tiếp nhận', en: 'Time until the reception date' },
};

/** A guard type name from the registry. */
export type GuardType = keyof typeof guardParamSchemas;

/** A condition on a transition, as data (`{ type, params }`): never code, never an expression. */
export type Guard =
  | { readonly type: 'field'; readonly params: Static<(typeof guardParamSchemas)['field']> }
  | { readonly type: 'all'; readonly params: { readonly guards: readonly Guard[] } }
  | { readonly type: 'any'; readonly params: { readonly guards: readonly Guard[] } }
  | { readonly type: 'not'; readonly params: { readonly guard: Guard } }
  | { readonly type: 'documentPresent'; readonly params: { readonly document: string } }
  | { readonly type: 'channel'; readonly params: { readonly in: readonly Channel[] } }
  | { readonly type: 'elapsed'; readonly params: Static<(typeof guardParamSchemas)['elapsed']> };

/** The guard definition placed in the schema's `$defs`: one branch per registered type. */
export const GuardSchema = Type.Unsafe<Guard>({
  type: 'object',
  required: ['type', 'params'],
  discriminator: { propertyName: 'type' },
  oneOf: Object.entries(guardParamSchemas).map(([type, params]) =>
    Type.Object(
      { type: Type.Literal(type), params, description: Type.Optional(Type.String()) },
      { additionalProperties: false },
    ),
  ),
});

/** What a guard can look at: the dossier's data and the event being applied. */
export interface GuardScope {
  readonly data: Readonly<Record<string, unknown>>;
  readonly documents: readonly string[];
  readonly channel: Channel;
  readonly eventData: Readonly<Record<string, unknown>> | undefined;
  /** The local (UTC+7) date the dossier was received, `YYYY-MM-DD`; date guards count to it. */
  readonly receivedOn?: string | undefined;
}

/** Read a dot-separated path in a plain object; `undefined` when any segment is absent. */
export function readPath(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function compare(op: ComparisonOp, actual: unknown, expected: unknown): boolean {
  switch (op) {
    case 'exists':
      return actual !== undefined && actual !== null && actual !== '';
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'in':
      return Array.isArray(expected) && expected.includes(actual);
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge': {
      // Numbers compare numerically; ISO dates and other strings lexicographically.
      const comparable =
        (typeof actual === 'number' && typeof expected === 'number') ||
        (typeof actual === 'string' && typeof expected === 'string');
      if (!comparable) return false;
      const a = actual as number | string;
      const b = expected as number | string;
      return op === 'lt' ? a < b : op === 'le' ? a <= b : op === 'gt' ? a > b : a >= b;
    }
    default: {
      const never: never = op;
      throw new Error(`unknown comparison ${String(never)}`);
    }
  }
}

/** Evaluate a guard against the dossier. Pure; a missing field simply makes comparisons false. */
export function evaluateGuard(guard: Guard, scope: GuardScope): boolean {
  switch (guard.type) {
    case 'field': {
      const { field, op, value, source } = guard.params;
      const root = source === 'event' ? scope.eventData : scope.data;
      return compare(op, readPath(root, field), value);
    }
    case 'all':
      return guard.params.guards.every((g) => evaluateGuard(g, scope));
    case 'any':
      return guard.params.guards.some((g) => evaluateGuard(g, scope));
    case 'not':
      return !evaluateGuard(guard.params.guard, scope);
    case 'documentPresent':
      return scope.documents.includes(guard.params.document);
    case 'channel':
      return guard.params.in.includes(scope.channel);
    case 'elapsed': {
      const { field, op, value, unit, source } = guard.params;
      const root = source === 'event' ? scope.eventData : scope.data;
      const from = parseDate(readPath(root, field));
      const to = parseDate(scope.receivedOn);
      if (!from || !to) return false;
      const n = elapsedUnits(from, to, unit);
      return op === 'eq' ? n === value : compare(op, n, value);
    }
    default: {
      const never: never = guard;
      throw new Error(`unknown guard ${JSON.stringify(never)}`);
    }
  }
}

type YMD = readonly [number, number, number];

/** A calendar date `YYYY-MM-DD` (a date-time's date part is accepted), or undefined. */
function parseDate(v: unknown): YMD | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  return [y, mo, d];
}

/**
 * Whole calendar units from `from` to `to` (negative when `from` is later): days, or completed
 * months/years as an age is counted (born 2008-06-15: 18 years on 2026-06-15, 17 the day before).
 */
function elapsedUnits(from: YMD, to: YMD, unit: 'days' | 'months' | 'years'): number {
  if (unit === 'days') {
    return Math.round(
      (Date.UTC(to[0], to[1] - 1, to[2]) - Date.UTC(from[0], from[1] - 1, from[2])) / 86_400_000,
    );
  }
  let months = (to[0] - from[0]) * 12 + (to[1] - from[1]);
  if (months > 0 && to[2] < from[2]) months -= 1;
  else if (months < 0 && to[2] > from[2]) months += 1;
  return unit === 'months' ? months : Math.trunc(months / 12);
}
