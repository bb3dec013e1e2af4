/**
 * Field readers shared by `parseCalendarFile`: each checks one part of a calendar file's shape
 * and reports what is wrong instead of throwing.
 */
import type { LocalizedText } from '../format/primitives.ts';
import { pointer } from '../validate/problem.ts';
import type { ScheduleDocument } from './calendarFile.ts';
import { parseLocalDate } from './localDate.ts';

/** A JSON object read from a calendar file. */
export type Json = Readonly<Record<string, unknown>>;

/** Records one problem: stable code suffix, JSON pointer, entry named in the message, texts. */
export type Report = (code: string, path: string, entry: string, vi: string, en: string) => void;

/** Whether a JSON value is an object (not an array, not null). */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Report every key of an object that is not among the known ones (catches typos). */
export function rejectUnknown(
  object: Json,
  known: readonly string[],
  entry: string,
  report: Report,
) {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) {
      report(
        'unknown-field',
        `${entry}${pointer(key)}`,
        entry,
        `trường "${key}" không được hỗ trợ (chỉ có: ${known.join(', ')})`,
        `unknown field "${key}" (expected: ${known.join(', ')})`,
      );
    }
  }
}

/** Read an array of objects under `key`, calling `each` with every entry and its pointer. */
export function readArray(
  root: Json,
  key: string,
  required: boolean,
  report: Report,
  each: (item: Json, entry: string) => void,
): void {
  const value = root[key];
  if (value === undefined && !required) return;
  const path = pointer(key);
  if (!Array.isArray(value)) {
    report('shape', path, path, `"${key}" phải là một mảng`, `"${key}" must be an array`);
    return;
  }
  value.forEach((item: unknown, i) => {
    const entry = pointer(key, i);
    if (isObject(item)) each(item, entry);
    else report('shape', entry, entry, 'mục phải là một đối tượng', 'an entry must be an object');
  });
}

/** Read a `{ vi, en }` name; `null` (reported) unless `vi` is a non-empty string. */
export function readName(
  value: unknown,
  path: string,
  entry: string,
  report: Report,
): LocalizedText | null {
  if (
    !isObject(value) ||
    typeof value['vi'] !== 'string' ||
    value['vi'].trim() === '' ||
    (value['en'] !== undefined && typeof value['en'] !== 'string') ||
    Object.keys(value).some((k) => k !== 'vi' && k !== 'en')
  ) {
    report(
      'shape',
      path,
      entry,
      'tên phải có dạng { "vi": "...", "en": "..." }',
      'a name must look like { "vi": "...", "en": "..." }',
    );
    return null;
  }
  const vi = value['vi'];
  const en = value['en'];
  return typeof en === 'string' ? { vi, en } : { vi };
}

/** Read the `document` block (số hiệu, tiêu đề, ngày ban hành); `null` when invalid. */
export function readDocument(value: unknown, report: Report): ScheduleDocument | null {
  const path = '/document';
  if (!isObject(value)) {
    report(
      'shape',
      path,
      path,
      '"document" phải là { "number", "title", "issued" }',
      '"document" must be { "number", "title", "issued" }',
    );
    return null;
  }
  rejectUnknown(value, ['number', 'title', 'issued'], path, report);
  const { number, title, issued } = value;
  let ok = true;
  if (typeof title !== 'string' || title.trim() === '') {
    report('shape', `${path}/title`, path, 'thiếu tiêu đề văn bản', 'the title is missing');
    ok = false;
  }
  if (number !== null && (typeof number !== 'string' || number.trim() === '')) {
    report(
      'shape',
      `${path}/number`,
      path,
      'số hiệu phải là chuỗi hoặc null',
      'the number must be a string or null',
    );
    ok = false;
  }
  if (issued !== null && (typeof issued !== 'string' || parseLocalDate(issued) === null)) {
    report(
      'invalid-date',
      `${path}/issued`,
      path,
      'ngày ban hành phải là ngày YYYY-MM-DD có thật hoặc null',
      'the date of issue must be an existing YYYY-MM-DD date or null',
    );
    ok = false;
  }
  if (!ok) return null;
  return {
    number: number as string | null,
    title: title as string,
    issued: issued as string | null,
  };
}
