import { describe, expect, it } from 'vitest';
import { parseCalendarFile } from '../../../engine/calendar/index.ts';
import { read2026Json } from './helpers.ts';

type Mutable = Record<string, unknown> & {
  daysOff: Record<string, unknown>[];
  workingDays: Record<string, unknown>[];
  document: Record<string, unknown>;
};

/** The 2026 file with one change applied. */
function mutated(change: (json: Mutable) => void): unknown {
  const json = structuredClone(read2026Json()) as Mutable;
  change(json);
  return json;
}

function problemsOf(json: unknown, fileName = '2026.json') {
  const result = parseCalendarFile(json, fileName);
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.problems;
}

describe('calendar files (procedures/calendars/<year>.json)', () => {
  it('accepts the official 2026 file', () => {
    const result = parseCalendarFile(read2026Json(), '2026.json');
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.schedule.year).toBe(2026);
    expect(result.schedule.daysOff).toHaveLength(14);
    expect(result.schedule.workingDays.map((w) => `${w.date}>${w.replaces}`)).toEqual([
      '2026-01-10>2026-01-02',
      '2026-08-22>2026-08-31',
    ]);
  });

  it('derives the kind of a day off from the swaps when the file omits it', () => {
    const result = parseCalendarFile(
      mutated((j) => j.daysOff.forEach((d) => delete d['kind'])),
      '2026.json',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const kinds = new Map(result.schedule.daysOff.map((d) => [d.date, d.kind]));
    expect(kinds.get('2026-01-02')).toBe('swapped');
    expect(kinds.get('2026-01-01')).toBe('holiday');
  });

  it.each<[string, (j: Mutable) => void, string, string, string]>([
    [
      'a date that does not exist',
      (j) => (j.daysOff[3]!['date'] = '2026-02-30'),
      'calendar.invalid-date',
      '/daysOff/3/date',
      '2026.json /daysOff/3: ',
    ],
    [
      'a date outside the year',
      (j) => (j.daysOff[0]!['date'] = '2025-12-31'),
      'calendar.wrong-year',
      '/daysOff/0/date',
      '2026.json /daysOff/0: ',
    ],
    [
      'a duplicate day off',
      (j) => (j.daysOff[4]!['date'] = '2026-02-16'),
      'calendar.duplicate',
      '/daysOff/4/date',
      '2026.json /daysOff/4: ',
    ],
    [
      'a swapped working day on a holiday',
      (j) => j.workingDays.push({ date: '2026-04-26', replaces: '2026-01-02', name: { vi: 'x' } }),
      'calendar.swap-on-day-off',
      '/workingDays/2/date',
      '2026.json /workingDays/2: ',
    ],
    [
      'a swapped working day that is already a working day',
      (j) => (j.workingDays[0]!['date'] = '2026-01-13'),
      'calendar.swap-on-working-day',
      '/workingDays/0/date',
      '2026.json /workingDays/0: ',
    ],
    [
      'a swap whose day off is not listed',
      (j) => (j.workingDays[1]!['replaces'] = '2026-08-28'),
      'calendar.swap-target',
      '/workingDays/1/replaces',
      '2026.json /workingDays/1: ',
    ],
    [
      'a swap replacing a holiday',
      (j) => (j.workingDays[1]!['replaces'] = '2026-09-01'),
      'calendar.swap-target',
      '/workingDays/1/replaces',
      '2026.json /workingDays/1: ',
    ],
    [
      'a "swapped" day off without its working day',
      (j) => j.workingDays.pop(),
      'calendar.swap-unpaired',
      '/daysOff/11/kind',
      '2026.json /daysOff/11: ',
    ],
    [
      'a compensatory day off on a weekend',
      (j) => j.daysOff.push({ date: '2026-05-02', kind: 'compensatory', name: { vi: 'Nghỉ bù' } }),
      'calendar.weekend-day-off',
      '/daysOff/14/date',
      '2026.json /daysOff/14: ',
    ],
    [
      'an unknown field',
      (j) => (j.daysOff[2]!['nmae'] = 'typo'),
      'calendar.unknown-field',
      '/daysOff/2/nmae',
      '2026.json /daysOff/2: ',
    ],
    [
      'a name without Vietnamese',
      (j) => (j.daysOff[5]!['name'] = { en: 'Lunar New Year' }),
      'calendar.shape',
      '/daysOff/5/name',
      '2026.json /daysOff/5: ',
    ],
    [
      'an unknown kind',
      (j) => (j.daysOff[1]!['kind'] = 'bridge'),
      'calendar.shape',
      '/daysOff/1/kind',
      '2026.json /daysOff/1: ',
    ],
    [
      'a missing document',
      (j) => delete (j as Record<string, unknown>)['document'],
      'calendar.shape',
      '/document',
      '2026.json /document: ',
    ],
    [
      'an invalid date of issue',
      (j) => (j.document['issued'] = '2025-13-01'),
      'calendar.invalid-date',
      '/document/issued',
      '2026.json /document: ',
    ],
    [
      'a year that is not a number',
      (j) => (j['year'] = '2026'),
      'calendar.shape',
      '/year',
      '2026.json /year: ',
    ],
  ])('rejects %s, naming the file and the entry', (_, change, code, path, prefix) => {
    const problems = problemsOf(mutated(change));
    const found = problems.find((p) => p.code === code && p.path === path);
    expect(found, JSON.stringify(problems, null, 2)).toBeDefined();
    expect(found!.severity).toBe('error');
    expect(found!.message.vi.startsWith(prefix)).toBe(true);
    expect(found!.message.en.startsWith(prefix)).toBe(true);
  });

  it('rejects a year that does not match the file name', () => {
    const problems = problemsOf(read2026Json(), 'procedures/calendars/2027.json');
    expect(problems.map((p) => p.code)).toEqual(['calendar.file-name']);
    expect(problems[0]!.message.en).toMatch(/^procedures\/calendars\/2027\.json \/year: /);
  });

  it('rejects what is not an object or array where one is expected', () => {
    expect(problemsOf([]).map((p) => p.path)).toEqual(['']);
    expect(
      problemsOf(mutated((j) => ((j as Record<string, unknown>)['daysOff'] = {}))).map(
        (p) => p.path,
      ),
    ).toContain('/daysOff');
    expect(problemsOf(mutated((j) => (j.daysOff[0] = 'x' as never))).map((p) => p.path)).toContain(
      '/daysOff/0',
    );
  });
});
