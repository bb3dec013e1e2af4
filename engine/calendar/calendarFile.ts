/**
 * The yearly official schedule of days off and swapped working days (lịch nghỉ lễ, Tết hằng năm),
 * stored as `procedures/calendars/<year>.json` and parsed here into a `CalendarSchedule`.
 * Files are data written by hand: every mistake is reported as a problem naming the file and the
 * entry, never thrown.
 */
import type { LocalizedText } from '../format/primitives.ts';
import { problem, type Problem } from '../validate/problem.ts';
import {
  isObject,
  readArray,
  readDocument,
  readName,
  rejectUnknown,
} from './calendarFileFields.ts';
import { SUPPORTED_YEARS } from './calendarError.ts';
import type { DayOff, DayOffKind, SwappedWorkingDay } from './dayOff.ts';
import { isoWeekday, parseLocalDate, type LocalDate } from './localDate.ts';
import { DEFAULT_WORK_WEEK } from './holidays.ts';

/** The legal document that fixes a year's schedule (văn bản công bố lịch nghỉ). */
export interface ScheduleDocument {
  /** Its number (số hiệu), or `null` when not known. */
  readonly number: string | null;
  readonly title: string;
  /** Date of issue (ngày ban hành), or `null` when not known. */
  readonly issued: LocalDate | null;
}

/** One year's official schedule: every working day off and every weekend day worked. */
export interface CalendarSchedule {
  readonly year: number;
  /** The file it was read from, for messages. */
  readonly fileName: string;
  /** Where the facts come from, when the file says so. */
  readonly source?: string;
  readonly document: ScheduleDocument;
  readonly daysOff: readonly DayOff[];
  readonly workingDays: readonly SwappedWorkingDay[];
}

/** The outcome of reading a calendar file: a schedule, or the problems that prevent one. */
export type CalendarFileResult =
  | { readonly ok: true; readonly schedule: CalendarSchedule }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Options of `parseCalendarFile`. */
export interface CalendarFileOptions {
  /** ISO weekdays normally worked, to recognise weekend entries; Monday–Friday by default. */
  readonly workWeek?: readonly number[];
}

const DAY_OFF_KINDS: readonly DayOffKind[] = ['holiday', 'compensatory', 'swapped'];

/**
 * Parse and check an official yearly schedule (lịch nghỉ lễ, Tết). Rejects wrong shapes, dates
 * that do not exist or lie outside the file's year, duplicate entries, a day both off and
 * worked, a swapped working day on a holiday or on a day already worked, a swap whose day off is
 * missing, and a non-holiday day off on a weekend. Each message starts with the file name and
 * the entry (`2026.json /daysOff/3: …`).
 */
export function parseCalendarFile(
  json: unknown,
  fileName: string,
  options: CalendarFileOptions = {},
): CalendarFileResult {
  const workWeek = options.workWeek ?? DEFAULT_WORK_WEEK;
  const problems: Problem[] = [];
  const report = (code: string, path: string, entry: string, vi: string, en: string): void => {
    const where = `${fileName} ${entry === '' ? '/' : entry}`;
    problems.push(
      problem(`calendar.${code}`, path, { vi: `${where}: ${vi}`, en: `${where}: ${en}` }),
    );
  };
  const shape = (path: string, entry: string, vi: string, en: string): void =>
    report('shape', path, entry, vi, en);

  if (!isObject(json)) {
    shape('', '', 'tệp lịch phải là một đối tượng JSON', 'a calendar file must be a JSON object');
    return { ok: false, problems };
  }
  rejectUnknown(json, ['year', 'document', 'daysOff', 'workingDays', 'source'], '', report);

  const year = json['year'];
  const yearOk =
    typeof year === 'number' &&
    Number.isInteger(year) &&
    year >= SUPPORTED_YEARS.first &&
    year <= SUPPORTED_YEARS.last;
  if (!yearOk) {
    shape(
      '/year',
      '/year',
      `"year" phải là một năm từ ${SUPPORTED_YEARS.first} đến ${SUPPORTED_YEARS.last}`,
      `"year" must be a year from ${SUPPORTED_YEARS.first} to ${SUPPORTED_YEARS.last}`,
    );
  }
  const nameYear = /(?:^|[/\\])(\d{4})\.json$/.exec(fileName)?.[1];
  if (yearOk && nameYear !== undefined && Number(nameYear) !== year) {
    report(
      'file-name',
      '/year',
      '/year',
      `năm ${year} không khớp tên tệp`,
      `year ${year} does not match the file name`,
    );
  }

  const source = json['source'];
  if (source !== undefined && (typeof source !== 'string' || source.trim() === '')) {
    shape('/source', '/source', '"source" phải là chuỗi', '"source" must be a non-empty string');
  }

  const document = readDocument(json['document'], report);

  /** Read one date field; `null` if invalid (already reported). */
  const readDate = (value: unknown, path: string, entry: string): number | null => {
    if (typeof value !== 'string') {
      shape(path, entry, 'ngày phải là chuỗi YYYY-MM-DD', 'a date must be a YYYY-MM-DD string');
      return null;
    }
    const day = parseLocalDate(value);
    if (day === null) {
      report(
        'invalid-date',
        path,
        entry,
        `ngày ${value} không tồn tại`,
        `date ${value} does not exist`,
      );
      return null;
    }
    if (yearOk && Number(value.slice(0, 4)) !== year) {
      report(
        'wrong-year',
        path,
        entry,
        `ngày ${value} không thuộc năm ${year}`,
        `date ${value} is outside the year ${year}`,
      );
      return null;
    }
    return day;
  };

  interface RawDayOff {
    readonly entry: string;
    readonly date: string;
    readonly day: number;
    readonly kind: DayOffKind | undefined;
    readonly name: LocalizedText;
  }
  const daysOff: RawDayOff[] = [];
  const offByDate = new Map<string, RawDayOff>();
  readArray(json, 'daysOff', true, report, (item, entry) => {
    rejectUnknown(item, ['date', 'kind', 'name'], entry, report);
    const day = readDate(item['date'], `${entry}/date`, entry);
    const kind = item['kind'];
    if (kind !== undefined && !DAY_OFF_KINDS.includes(kind as DayOffKind)) {
      shape(
        `${entry}/kind`,
        entry,
        `"kind" phải là một trong ${DAY_OFF_KINDS.join(', ')}`,
        `"kind" must be one of ${DAY_OFF_KINDS.join(', ')}`,
      );
    }
    const name = readName(item['name'], `${entry}/name`, entry, report);
    if (day === null || name === null) return;
    const date = item['date'] as string;
    const previous = offByDate.get(date);
    if (previous !== undefined) {
      report(
        'duplicate',
        `${entry}/date`,
        entry,
        `ngày ${date} đã có ở ${previous.entry}`,
        `date ${date} is already listed at ${previous.entry}`,
      );
      return;
    }
    const raw = { entry, date, day, kind: kind as DayOffKind | undefined, name };
    offByDate.set(date, raw);
    daysOff.push(raw);
  });

  const workingDays: SwappedWorkingDay[] = [];
  const replacedBy = new Map<string, string>();
  readArray(json, 'workingDays', false, report, (item, entry) => {
    rejectUnknown(item, ['date', 'replaces', 'name'], entry, report);
    const day = readDate(item['date'], `${entry}/date`, entry);
    const replacesDay = readDate(item['replaces'], `${entry}/replaces`, entry);
    const name = readName(item['name'], `${entry}/name`, entry, report);
    if (day === null || replacesDay === null || name === null) return;
    const date = item['date'] as string;
    const replaces = item['replaces'] as string;
    const off = offByDate.get(date);
    if (off !== undefined) {
      report(
        'swap-on-day-off',
        `${entry}/date`,
        entry,
        `ngày làm bù ${date} lại là ngày nghỉ ở ${off.entry}`,
        `working day ${date} is also a day off at ${off.entry}`,
      );
    } else if (workWeek.includes(isoWeekday(day))) {
      report(
        'swap-on-working-day',
        `${entry}/date`,
        entry,
        `ngày ${date} vốn đã là ngày làm việc, không cần làm bù`,
        `${date} is already a working day; it cannot be a swapped working day`,
      );
    }
    const target = offByDate.get(replaces);
    const previous = replacedBy.get(replaces);
    if (target === undefined) {
      report(
        'swap-target',
        `${entry}/replaces`,
        entry,
        `ngày được hoán đổi ${replaces} phải có trong "daysOff"`,
        `the day swapped off, ${replaces}, must be listed in "daysOff"`,
      );
    } else if (target.kind !== undefined && target.kind !== 'swapped') {
      report(
        'swap-target',
        `${entry}/replaces`,
        entry,
        `ngày ${replaces} ở ${target.entry} có loại "${target.kind}", không phải "swapped"`,
        `${replaces} at ${target.entry} has kind "${target.kind}", not "swapped"`,
      );
    } else if (previous !== undefined) {
      report(
        'duplicate',
        `${entry}/replaces`,
        entry,
        `ngày ${replaces} đã được hoán đổi với ${previous}`,
        `${replaces} is already swapped with ${previous}`,
      );
    }
    if (workingDays.some((w) => w.date === date)) {
      report(
        'duplicate',
        `${entry}/date`,
        entry,
        `ngày ${date} bị lặp`,
        `date ${date} is repeated`,
      );
      return;
    }
    if (previous === undefined) replacedBy.set(replaces, date);
    workingDays.push({ date, replaces, name });
  });

  const resolved: DayOff[] = daysOff.map((raw) => {
    const kind = raw.kind ?? (replacedBy.has(raw.date) ? 'swapped' : 'holiday');
    if (kind === 'swapped' && !replacedBy.has(raw.date)) {
      report(
        'swap-unpaired',
        `${raw.entry}/kind`,
        raw.entry,
        `ngày nghỉ hoán đổi ${raw.date} không có ngày làm bù nào trong "workingDays"`,
        `swapped day off ${raw.date} has no working day in "workingDays" replacing it`,
      );
    }
    if (kind !== 'holiday' && !workWeek.includes(isoWeekday(raw.day))) {
      report(
        'weekend-day-off',
        `${raw.entry}/date`,
        raw.entry,
        `ngày ${raw.date} vốn là ngày nghỉ hằng tuần; chỉ ngày lễ mới được ghi vào đây`,
        `${raw.date} is already a weekly rest day; only a holiday may be listed on it`,
      );
    }
    return { date: raw.date, kind, name: raw.name };
  });

  if (problems.length > 0 || document === null || !yearOk) return { ok: false, problems };
  return {
    ok: true,
    schedule: {
      year: year as number,
      fileName,
      ...(typeof source === 'string' ? { source } : {}),
      document,
      daysOff: resolved,
      workingDays,
    },
  };
}
