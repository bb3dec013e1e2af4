/**
 * Throughput of the working-time calendar: appointment dates (ngày hẹn trả) and working-time
 * arithmetic per second over 2026 with the official schedule. Run directly with
 * `npx tsx bench/calendarBench.ts`, or import `runCalendarBench` from a bench runner.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  addWorkingTime,
  appointmentDate,
  createCalendar,
  parseCalendarFile,
  workingTimeBetween,
  type WorkingCalendar,
} from '../engine/calendar/index.ts';
import { measure, printTable, type BenchResult } from './benchResult.ts';

const SAMPLES = 1 << 16;
const START_2026 = Date.parse('2026-01-01T00:00:00+07:00');
const END_2026 = Date.parse('2027-01-01T00:00:00+07:00');

/** A deterministic pseudo-random generator (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function loadCalendar(): WorkingCalendar {
  const file = new URL('../procedures/calendars/2026.json', import.meta.url);
  const parsed = parseCalendarFile(JSON.parse(readFileSync(file, 'utf8')), '2026.json');
  if (!parsed.ok) throw new Error(`2026.json is invalid: ${JSON.stringify(parsed.problems)}`);
  return createCalendar({ schedules: [parsed.schedule] });
}

/** Operations per second of `body` over every sample (warm-up and median in `measure`). */
function perSecond(body: (i: number) => number): number {
  let sink = 0;
  const rate = measure(() => {
    for (let i = 0; i < SAMPLES; i++) sink += body(i);
    return SAMPLES;
  });
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the results alive');
  return rate;
}

/**
 * Measure appointment-date computations per second (random acceptance instants over 2026,
 * random 1–30 working days), and `addWorkingTime` / `workingTimeBetween` per second.
 */
export async function runCalendarBench(): Promise<BenchResult[]> {
  const cal = loadCalendar();
  const next = random(2026);
  const accepted: Date[] = [];
  const later: Date[] = [];
  const days: { workingDays: number }[] = [];
  const minutes: { workingMinutes: number }[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    accepted.push(new Date(START_2026 + Math.floor(next() * (END_2026 - START_2026))));
    later.push(new Date(START_2026 + Math.floor(next() * (END_2026 - START_2026))));
    days.push({ workingDays: 1 + Math.floor(next() * 30) });
    minutes.push({ workingMinutes: Math.floor(next() * 30 * 480) });
  }
  const appointment = perSecond((i) => appointmentDate(cal, accepted[i]!, days[i]!).getTime());
  const hours = perSecond((i) =>
    appointmentDate(cal, accepted[i]!, { workingHours: days[i]!.workingDays }).getTime(),
  );
  const adding = perSecond((i) => addWorkingTime(cal, accepted[i]!, minutes[i]!).getTime());
  const between = perSecond((i) => workingTimeBetween(cal, accepted[i]!, later[i]!));
  const note = `${SAMPLES} random instants over 2026, official schedule, median of 7 rounds`;
  return [
    {
      name: 'calendar.appointmentDate.workingDays',
      value: Math.round(appointment),
      unit: 'ops/s',
      note: `${note}; 1–30 working days`,
    },
    {
      name: 'calendar.appointmentDate.workingHours',
      value: Math.round(hours),
      unit: 'ops/s',
      note: `${note}; 1–30 working hours`,
    },
    {
      name: 'calendar.addWorkingTime',
      value: Math.round(adding),
      unit: 'ops/s',
      note: `${note}; 0–30 working days in minutes`,
    },
    {
      name: 'calendar.workingTimeBetween',
      value: Math.round(between),
      unit: 'ops/s',
      note: `${note}; random pairs`,
    },
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printTable(await runCalendarBench());
}
