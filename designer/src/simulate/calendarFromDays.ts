import {
  createCalendar,
  type CalendarSchedule,
  type DayInfo,
  type WorkingCalendar,
} from '../../../engine/index.ts';

/**
 * The official schedule of a year rebuilt from the server's `/api/calendar/:year` answer (its
 * special days), so the simulator counts working days exactly as the runtime does.
 */
export function scheduleFromDays(year: number, days: readonly DayInfo[]): CalendarSchedule {
  const daysOff = days.flatMap((d) =>
    !d.working && d.reason !== 'weekend'
      ? [
          {
            date: d.date,
            kind: d.reason === 'swapped-off' ? ('swapped' as const) : d.reason,
            name: d.name ?? { vi: d.date },
          },
        ]
      : [],
  );
  const swappedOff = daysOff.filter((d) => d.kind === 'swapped').map((d) => d.date);
  // The k-th weekend day worked pays for the k-th swapped day off (the engine needs only dates).
  const worked = days.filter((d) => d.working && d.reason === 'swapped-working');
  const workingDays = worked.map((d, k) => ({
    date: d.date,
    replaces: swappedOff[k] ?? swappedOff[0] ?? d.date,
    name: d.name ?? { vi: d.date },
  }));
  return {
    year,
    fileName: `api/calendar/${year}`,
    document: { number: null, title: `Lịch nghỉ năm ${year}`, issued: null },
    daysOff,
    workingDays,
  };
}

/** Whether the server's days of a year come from an official schedule (not the rule forecast). */
export function isOfficial(days: readonly DayInfo[]): boolean {
  return days.length > 0 && days.every((d) => !d.forecast);
}

/** A working calendar from the years the server described (the rules forecast the others). */
export function calendarFromYears(
  years: readonly { year: number; days: readonly DayInfo[] }[],
): WorkingCalendar {
  return createCalendar({ schedules: years.map((y) => scheduleFromDays(y.year, y.days)) });
}
