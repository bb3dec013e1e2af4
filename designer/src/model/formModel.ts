import { formFields, type Procedure } from '../../../engine/index.ts';

/** The field types the e-form editor offers (a date is a string with `format: "date"`). */
export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'date';

/** One top-level field of an e-form as the editor shows it. */
export interface FieldRow {
  readonly key: string;
  readonly title: string;
  readonly type: FieldType;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly required: boolean;
}

type FormSpec = Procedure['forms'][number];
type Schema = Record<string, unknown>;

function typeOf(schema: Schema): FieldType {
  if (schema.type === 'string' && schema.format === 'date') return 'date';
  if (schema.type === 'number' || schema.type === 'integer' || schema.type === 'boolean') {
    return schema.type;
  }
  return 'string';
}

/** The top-level fields of a form, in order. */
export function fieldRows(form: FormSpec): FieldRow[] {
  const required = new Set((form.schema.required ?? []) as string[]);
  return Object.entries(form.schema.properties ?? {}).map(([key, raw]) => {
    const schema = (raw ?? {}) as Schema;
    return {
      key,
      title: typeof schema.title === 'string' ? schema.title : '',
      type: typeOf(schema),
      ...(typeof schema.pattern === 'string' ? { pattern: schema.pattern } : {}),
      ...(Array.isArray(schema.enum) ? { enum: schema.enum.map(String) } : {}),
      required: required.has(key),
    };
  });
}

/** Set or drop keys of an object in place, appending new ones: a field edit stays a small diff. */
function patchInPlace(previous: Schema, patch: Schema): Schema {
  const out: Schema = {};
  for (const [k, v] of Object.entries(previous)) {
    if (!(k in patch)) out[k] = v;
    else if (patch[k] !== undefined) out[k] = patch[k];
  }
  for (const [k, v] of Object.entries(patch)) if (!(k in previous) && v !== undefined) out[k] = v;
  return out;
}

/** The schema of a field for a row, keeping the keywords the editor does not show. */
function schemaFor(row: FieldRow, previous: Schema = {}): Schema {
  const text = row.type === 'string' || row.type === 'date';
  return patchInPlace(previous, {
    type: row.type === 'date' ? 'string' : row.type,
    format: row.type === 'date' ? 'date' : previous.format === 'date' ? undefined : previous.format,
    title: row.title || undefined,
    pattern: row.type === 'string' && row.pattern ? row.pattern : undefined,
    enum: row.type === 'string' && row.enum && row.enum.length > 0 ? [...row.enum] : undefined,
    minLength: text ? previous.minLength : undefined,
    maxLength: text ? previous.maxLength : undefined,
    // "Not after today" belongs to dates only.
    'x-maxDate': row.type === 'date' ? previous['x-maxDate'] : undefined,
  });
}

/** The schema with its `required` list replaced in place (dropped when empty). */
function withRequired(schema: FormSpec['schema'], required: readonly string[]): FormSpec['schema'] {
  const out: Record<string, unknown> = {};
  let placed = false;
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'required') {
      if (required.length > 0) out.required = [...required];
      placed = true;
    } else {
      if (k === 'properties' && !placed && required.length > 0) {
        out.required = [...required];
        placed = true;
      }
      out[k] = v;
    }
  }
  if (!placed && required.length > 0) out.required = [...required];
  return out as FormSpec['schema'];
}

/**
 * A form with the field `key` replaced by `row` (which may carry a new key: the field keeps its
 * place). Keywords the editor does not know (minLength, default…) are kept.
 */
export function setField(form: FormSpec, key: string, row: FieldRow): FormSpec {
  const properties: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(form.schema.properties ?? {})) {
    if (k === key) properties[row.key] = schemaFor(row, v as Schema);
    else if (k !== row.key) properties[k] = v;
  }
  const before = (form.schema.required ?? []) as string[];
  const required: string[] = [];
  for (const r of before) {
    if (r === key || r === row.key) {
      if (row.required && !required.includes(row.key)) required.push(row.key);
    } else required.push(r);
  }
  if (row.required && !required.includes(row.key)) required.push(row.key);
  return {
    ...form,
    schema: { ...withRequired(form.schema, required), properties },
  };
}

/** A form with a new text field at the end. */
export function addField(form: FormSpec, key: string, title: string): FormSpec {
  return {
    ...form,
    schema: {
      ...form.schema,
      properties: { ...form.schema.properties, [key]: { type: 'string', title } },
    },
  };
}

/** A form without the field `key`. */
export function removeField(form: FormSpec, key: string): FormSpec {
  const { [key]: _removed, ...properties } = form.schema.properties ?? {};
  const required = ((form.schema.required ?? []) as string[]).filter((r) => r !== key);
  return {
    ...form,
    schema: { ...withRequired(form.schema, required), properties },
  };
}

/** A form with field `key` moved up (-1) or down (+1). */
export function moveField(form: FormSpec, key: string, delta: -1 | 1): FormSpec {
  const entries = Object.entries(form.schema.properties ?? {});
  const i = entries.findIndex(([k]) => k === key);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= entries.length) return form;
  [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  return { ...form, schema: { ...form.schema, properties: Object.fromEntries(entries) } };
}

/** What the designer knows about a (possibly nested, dot-separated) field of the forms. */
export interface FieldInfo {
  readonly field: string;
  readonly title: string;
  readonly form: string;
  readonly type: FieldType | 'object' | 'array';
  readonly enum?: readonly unknown[];
}

function schemaAt(schema: unknown, path: string): Schema | undefined {
  let current = schema as Schema | undefined;
  for (const segment of path.split('.')) {
    const props = current?.properties as Record<string, Schema> | undefined;
    current = props?.[segment];
    if (!current) return undefined;
  }
  return current;
}

/** The field of any form at a dot path. */
export function fieldInfo(procedure: Procedure, field: string): FieldInfo | undefined {
  for (const form of procedure.forms) {
    const schema = schemaAt(form.schema, field);
    if (!schema) continue;
    const type = schema.type === 'object' || schema.type === 'array' ? schema.type : typeOf(schema);
    return {
      field,
      title: typeof schema.title === 'string' && schema.title ? schema.title : field,
      form: form.id,
      type,
      ...(Array.isArray(schema.enum) ? { enum: schema.enum } : {}),
    };
  }
  return undefined;
}

/** Every field a guard can compare, from every e-form (via the engine's `formFields`). */
export function guardFieldOptions(procedure: Procedure): FieldInfo[] {
  const seen = new Set<string>();
  const out: FieldInfo[] = [];
  for (const form of procedure.forms) {
    for (const field of formFields(form.schema)) {
      if (seen.has(field)) continue;
      seen.add(field);
      const info = fieldInfo(procedure, field);
      if (info && info.type !== 'object' && info.type !== 'array') out.push(info);
    }
  }
  return out;
}
