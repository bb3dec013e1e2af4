/**
 * Date limits an e-form declares on its fields, which JSON Schema cannot say because they move
 * with the calendar: `"x-maxDate": "today"` on a `format: "date"` property refuses a date after
 * today (a birth date, a death date, the date a document was issued). "Today" is the date in
 * Vietnam (UTC+7) at the moment of the check, by the runtime's clock.
 */

/** The keyword, on a property of an e-form's schema. */
export const MAX_DATE_KEYWORD = 'x-maxDate';

/** The values the keyword takes. */
export const MAX_DATE_VALUES = ['today'] as const;

/**
 * A date after its limit: the `/data/...` path of the field, the message in Vietnamese (as the
 * desk shows it beside the field, like the applicant's problems) and the keyword.
 */
export interface DateLimitProblem {
  readonly path: string;
  readonly message: string;
  readonly keyword: typeof MAX_DATE_KEYWORD;
}

/** The date in Vietnam (UTC+7) at instant `ms`, as YYYY-MM-DD. */
export function vietnamDate(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}

interface PropertySchema {
  readonly type?: unknown;
  readonly title?: unknown;
  readonly properties?: Readonly<Record<string, PropertySchema>>;
  readonly [keyword: string]: unknown;
}

/** The paths (`/ngaySinh`, `/chuHo/ngaySinh`) of the fields that may not be after today. */
export function notAfterTodayFields(
  schema: PropertySchema | undefined,
  prefix = '',
): { path: string; title: string }[] {
  return Object.entries(schema?.properties ?? {}).flatMap(([key, sub]) => {
    const path = `${prefix}/${key}`;
    const own =
      sub?.[MAX_DATE_KEYWORD] === 'today'
        ? [{ path, title: typeof sub.title === 'string' ? sub.title : key }]
        : [];
    return [...own, ...notAfterTodayFields(sub, path)];
  });
}

function valueAt(data: unknown, path: string): unknown {
  let v = data;
  for (const key of path.split('/').slice(1)) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** The Vietnamese message on a field after its limit (the desk shows the same one). */
export const DATE_AFTER_TODAY_VI = 'Ngày không được sau ngày hôm nay.';

/**
 * The fields of `data` whose date is after `today` (YYYY-MM-DD) where the schema says
 * `"x-maxDate": "today"`. A value that is not a date is left to the schema's `format` check.
 */
export function dateLimitProblems(
  schema: PropertySchema | undefined,
  data: unknown,
  today: string,
): DateLimitProblem[] {
  return notAfterTodayFields(schema).flatMap(({ path }) => {
    const v = valueAt(data, path);
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || v <= today) return [];
    return [
      {
        path: `/data${path}`,
        message: DATE_AFTER_TODAY_VI,
        keyword: MAX_DATE_KEYWORD,
      },
    ];
  });
}
