/**
 * Canonical formatting of procedure files, so that the designer, `motcua format` and a hand edit
 * all produce the same bytes: known keys in the order of the format (identity first, machine
 * last), other keys in their original order, two-space indent, a trailing newline.
 */

const ORDER: readonly string[] = [
  '$schema',
  // Calendar files: year, document, days off, then swapped working days.
  'year',
  'document',
  'daysOff',
  'id',
  'date',
  'replaces',
  'code',
  'name',
  'field',
  // Guard params: field, op, value, source.
  'op',
  'value',
  'source',
  'level',
  'agency',
  'legalBasis',
  'deadline',
  'deadlineVariants',
  'lawfulExtensions',
  'supplementPolicy',
  'fees',
  'documents',
  'forms',
  'onlineService',
  'result',
  'cost',
  'events',
  'delays',
  // Deadline variants and lawful extensions (id, name, deadline, guard; by), date guards.
  'by',
  'extension',
  // Localized text, legal documents, fees, documents, forms.
  'vi',
  'en',
  'number',
  'title',
  'issued',
  'amountVnd',
  'kind',
  'copies',
  'required',
  'note',
  'workingDays',
  'workingHours',
  'applicantsPerYear',
  'preparationHours',
  'otherCostsVnd',
  // State nodes and transitions (XState order: id, type, initial, ...).
  'type',
  'initial',
  'description',
  'meta',
  'entry',
  'exit',
  'on',
  'after',
  'always',
  'onDone',
  'states',
  'target',
  'guard',
  'actions',
  'reenter',
  'params',
  // Step meta.
  'unit',
  'role',
  'duration',
  'clock',
  'pause',
  'form',
  'citizenVisit',
  'citizenHours',
  'outcome',
  'machine',
];
const RANK = new Map(ORDER.map((k, i) => [k, i]));

/** Keys whose value is a map from user-chosen names: their entries keep the author's order. */
const MAPS = new Set([
  'states',
  'on',
  'after',
  'events',
  'delays',
  'lawfulExtensions',
  'properties',
  '$defs',
]);

/** Inside these the content is foreign (JSON Schema of a form, guard values): keep its order. */
const OPAQUE = new Set(['schema', 'value']);

function order(value: unknown, parentKey: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => order(v, undefined));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (parentKey !== undefined && OPAQUE.has(parentKey)) return value;
  const isMap = parentKey !== undefined && MAPS.has(parentKey);
  const sorted = isMap
    ? entries
    : entries
        .map((e, i) => ({ e, i, r: RANK.get(e[0]) ?? ORDER.length }))
        .sort((a, b) => a.r - b.r || a.i - b.i)
        .map((x) => x.e);
  return Object.fromEntries(sorted.map(([k, v]) => [k, order(v, isMap ? undefined : k)]));
}

/** The canonical text of a procedure (or of its layout sidecar, or any JSON value). */
export function formatProcedure(value: unknown): string {
  return JSON.stringify(order(value, undefined), null, 2) + '\n';
}
