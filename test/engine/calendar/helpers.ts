import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createCalendar,
  parseCalendarFile,
  type CalendarSchedule,
} from '../../../engine/calendar/index.ts';
import type { CalendarOptions, WorkingCalendar } from '../../../engine/calendar/index.ts';

const FILE_2026 = fileURLToPath(
  new URL('../../../procedures/calendars/2026.json', import.meta.url),
);

/** The raw JSON of `procedures/calendars/2026.json`. */
export function read2026Json(): unknown {
  return JSON.parse(readFileSync(FILE_2026, 'utf8'));
}

/** The parsed official 2026 schedule (fails the test if the file is invalid). */
export function schedule2026(): CalendarSchedule {
  const result = parseCalendarFile(read2026Json(), '2026.json');
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.schedule;
}

/** A calendar with the default options and the official 2026 schedule. */
export function calendar2026(options: CalendarOptions = {}): WorkingCalendar {
  return createCalendar({ schedules: [schedule2026()], ...options });
}

/** A Vietnamese local time `YYYY-MM-DD HH:MM[:SS]` as an instant. */
export function vn(text: string): Date {
  const [date, time = '00:00'] = text.split(' ');
  const seconds = time.length === 5 ? ':00' : '';
  const d = new Date(`${date}T${time}${seconds}+07:00`);
  if (Number.isNaN(d.getTime())) throw new Error(`bad test time ${text}`);
  return d;
}

/** Format an instant as Vietnamese local `YYYY-MM-DD HH:MM` (with `:SS.mmm` when not whole). */
export function fmt(d: Date): string {
  const iso = new Date(d.getTime() + 7 * 3_600_000).toISOString();
  const tail = iso.slice(16, 23) === ':00.000' ? '' : iso.slice(16, 23);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${tail}`;
}
