import { Type, type Static } from '@sinclair/typebox';

/** A slug: lowercase ASCII letters, digits and dashes (`dang-ky-khai-sinh`). */
export const Slug = Type.String({
  pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
  minLength: 1,
  maxLength: 100,
  description: 'Slug: lowercase letters, digits and dashes',
});

/** An identifier usable as a state, event, form-field or delay key in a statechart. */
export const Key = Type.String({
  pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
  minLength: 1,
  maxLength: 100,
});

/** Identifier of a machine or an explicit state id: a key that may also contain dashes. */
export const StateId = Type.String({
  pattern: '^[A-Za-z_][A-Za-z0-9_-]*$',
  minLength: 1,
  maxLength: 100,
});

/** Text in Vietnamese (required, the first language) and English (optional). */
export const LocalizedText = Type.Object(
  {
    vi: Type.String({ minLength: 1, maxLength: 2000, description: 'Tiếng Việt' }),
    en: Type.Optional(Type.String({ maxLength: 2000, description: 'English' })),
  },
  { additionalProperties: false },
);
export type LocalizedText = Static<typeof LocalizedText>;

/**
 * An amount of working time (thời gian làm việc): whole or fractional working days, or working
 * hours. One working day is one day of office hours of the unit's calendar (8 hours by default).
 */
export const WorkingTime = Type.Union(
  [
    Type.Object(
      { workingDays: Type.Number({ minimum: 0, maximum: 3650 }) },
      { additionalProperties: false },
    ),
    Type.Object(
      { workingHours: Type.Number({ minimum: 0, maximum: 87600 }) },
      { additionalProperties: false },
    ),
  ],
  { description: '{ "workingDays": n } or { "workingHours": n }' },
);
export type WorkingTime = Static<typeof WorkingTime>;

/**
 * How long a timer (`delays`) waits: working time, or calendar days for periods the law gives in
 * days (a 60-day fixing period, a 30-day pickup), counted from the next day and ending at closing
 * time of the last day, moved to the next working day when that is a day off.
 */
export const Delay = Type.Union(
  [
    ...WorkingTime.anyOf,
    Type.Object(
      { calendarDays: Type.Integer({ minimum: 0, maximum: 3650 }) },
      { additionalProperties: false },
    ),
  ],
  {
    description: '{ "workingDays": n }, { "workingHours": n } or { "calendarDays": n } (ngày)',
  },
);
export type Delay = Static<typeof Delay>;

/**
 * Why the legal clock is paused (lý do tạm dừng): none counts against the agency, and only a
 * supplement (bổ sung hồ sơ) may restart the full time (`supplementPolicy: restart`).
 */
export const PauseReason = Type.Union(
  [
    Type.Literal('supplement'),
    Type.Literal('payment'),
    Type.Literal('fixing'),
    Type.Literal('collect'),
    Type.Literal('other'),
  ],
  {
    description:
      'supplement: chờ bổ sung hồ sơ; payment: chờ thực hiện nghĩa vụ tài chính; fixing: chờ ' +
      'khắc phục sau kiểm tra; collect: chờ công dân nhận kết quả; other: lý do khác luật định',
  },
);
export type PauseReason = Static<typeof PauseReason>;

/** Channels through which a dossier is received or its result returned. */
export const Channel = Type.Union([
  Type.Literal('desk'),
  Type.Literal('online'),
  Type.Literal('post'),
]);
export type Channel = Static<typeof Channel>;

/** How a dossier ends (kết quả giải quyết). */
export const Outcome = Type.Union(
  [
    Type.Literal('approved'),
    Type.Literal('refused'),
    Type.Literal('withdrawn'),
    Type.Literal('stopped'),
  ],
  {
    description:
      'approved: result issued; refused: từ chối; withdrawn: rút hồ sơ; stopped: dừng xử lý',
  },
);
export type Outcome = Static<typeof Outcome>;

/** Convert a working time to working hours, given the length of a working day in hours. */
export function workingTimeToHours(time: WorkingTime, hoursPerDay = 8): number {
  return 'workingDays' in time ? time.workingDays * hoursPerDay : time.workingHours;
}

/** A schema accepting one of the given strings, typed as their union. */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: { description?: string } = {},
) {
  return Type.Unsafe<T[number]>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      options,
    ),
  );
}
