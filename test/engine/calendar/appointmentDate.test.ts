import { describe, expect, it } from 'vitest';
import {
  appointmentDate,
  CalendarError,
  resumeDeadline,
  type LegalTime,
} from '../../../engine/calendar/index.ts';
import { calendar2026, fmt, vn } from './helpers.ts';

const cal = calendar2026();
const due = (acceptedAt: string, legal: LegalTime, calendar = cal) =>
  fmt(appointmentDate(calendar, vn(acceptedAt), legal));

describe('appointment date (ngày hẹn trả kết quả)', () => {
  it('counts from the next working day when accepted at or after the 15:00 cutoff', () => {
    // Tuesday 3 March 2026, 1 working day.
    expect(due('2026-03-03 14:59', { workingDays: 1 })).toBe('2026-03-04 17:00');
    expect(due('2026-03-03 14:59:59', { workingDays: 1 })).toBe('2026-03-04 17:00');
    expect(due('2026-03-03 15:00', { workingDays: 1 })).toBe('2026-03-05 17:00');
    expect(due('2026-03-03 15:01', { workingDays: 1 })).toBe('2026-03-05 17:00');
  });

  it('honours a unit without cutoff or with another cutoff', () => {
    const noCutoff = calendar2026({ cutoff: null });
    expect(due('2026-03-03 16:30', { workingDays: 1 }, noCutoff)).toBe('2026-03-04 17:00');
    expect(due('2026-03-03 17:00', { workingDays: 0 }, noCutoff)).toBe('2026-03-03 17:00');
    expect(due('2026-03-03 17:01', { workingDays: 0 }, noCutoff)).toBe('2026-03-04 17:00');
    const late = calendar2026({ cutoff: '16:00' });
    expect(due('2026-03-03 15:30', { workingDays: 1 }, late)).toBe('2026-03-04 17:00');
    expect(due('2026-03-03 16:00', { workingDays: 1 }, late)).toBe('2026-03-05 17:00');
  });

  it('starts on the next working day when accepted on a weekend, and at opening before it', () => {
    expect(due('2026-03-06 15:30', { workingDays: 1 })).toBe('2026-03-10 17:00'); // Fri late
    expect(due('2026-03-07 10:00', { workingDays: 1 })).toBe('2026-03-10 17:00'); // Saturday
    expect(due('2026-03-03 06:45', { workingDays: 1 })).toBe('2026-03-04 17:00'); // early
    expect(due('2026-03-03 12:00', { workingDays: 1 })).toBe('2026-03-04 17:00'); // lunch
  });

  it('"within the day" (0 working days) is the close of the starting day', () => {
    expect(due('2026-03-03 10:00', { workingDays: 0 })).toBe('2026-03-03 17:00');
    expect(due('2026-03-03 15:30', { workingDays: 0 })).toBe('2026-03-04 17:00');
    expect(due('2026-03-07 10:00', { workingDays: 0 })).toBe('2026-03-09 17:00');
  });

  it('skips Tết: accepted Thu 12 February 10:00 with 3 working days → Tue 24 February 17:00', () => {
    // Working days after Thu 12: Fri 13 (1), [14–22 off], Mon 23 (2), Tue 24 (3).
    expect(due('2026-02-12 10:00', { workingDays: 3 })).toBe('2026-02-24 17:00');
    expect(due('2026-02-13 15:30', { workingDays: 1 })).toBe('2026-02-24 17:00');
    expect(due('2026-02-18 09:00', { workingDays: 1 })).toBe('2026-02-24 17:00');
  });

  it('uses the swapped working days and skips the swapped days off', () => {
    // Wed 31 Dec 2025 (forecast year), 2 working days: 1–4 January off → Mon 5 (1), Tue 6 (2).
    expect(due('2025-12-31 10:00', { workingDays: 2 })).toBe('2026-01-06 17:00');
    // Fri 9 January, 1 working day → Saturday 10 January is worked.
    expect(due('2026-01-09 10:00', { workingDays: 1 })).toBe('2026-01-10 17:00');
    // Fri 28 August, 1 working day → 29 Aug – 2 Sep off → Thursday 3 September.
    expect(due('2026-08-28 10:00', { workingDays: 1 })).toBe('2026-09-03 17:00');
    // Accepted on the worked Saturday 22 August.
    expect(due('2026-08-22 09:00', { workingDays: 0 })).toBe('2026-08-22 17:00');
  });

  it('spreads a fractional number of working days into the following day', () => {
    expect(due('2026-03-03 10:00', { workingDays: 0.5 })).toBe('2026-03-04 11:30');
    expect(due('2026-03-03 10:00', { workingDays: 1.5 })).toBe('2026-03-05 11:30');
  });

  it('adds working hours across the lunch break', () => {
    expect(due('2026-03-03 10:00', { workingHours: 4 })).toBe('2026-03-03 15:30');
    expect(due('2026-03-03 09:30', { workingHours: 2 })).toBe('2026-03-03 11:30'); // not 13:00
    expect(due('2026-03-03 12:15', { workingHours: 2 })).toBe('2026-03-03 15:00');
    expect(due('2026-03-03 14:00', { workingHours: 4 })).toBe('2026-03-04 08:30');
    expect(due('2026-03-03 15:10', { workingHours: 4 })).toBe('2026-03-04 11:30');
    expect(due('2026-03-03 10:00', { workingHours: 0 })).toBe('2026-03-03 10:00');
    // 16 working hours from Friday 13 February 09:00, across Tết: 6.5 h + 8 h + 1.5 h.
    expect(due('2026-02-13 09:00', { workingHours: 16 })).toBe('2026-02-24 09:00');
  });

  it('throws on a negative legal time (a bug: validation rejects it first)', () => {
    expect(() => appointmentDate(cal, vn('2026-03-03 10:00'), { workingDays: -1 })).toThrow(
      CalendarError,
    );
    expect(() => appointmentDate(cal, new Date(Number.NaN), { workingDays: 1 })).toThrow(
      CalendarError,
    );
  });
});

describe('pause for a supplement (bổ sung) spanning holidays', () => {
  // Accepted Mon 20 April 09:00, 5 working days: Tue 21, Wed 22, Thu 23, Fri 24, [25 Sat,
  // 26 Hùng Kings' day, 27 compensatory], Tue 28 → due Tue 28 April 17:00.
  const legal = { workingDays: 5 } as const;
  const original = appointmentDate(cal, vn('2026-04-20 09:00'), legal);

  it('computes the original appointment', () => {
    expect(fmt(original)).toBe('2026-04-28 17:00');
  });

  it('resume: a due date in working days moves by the whole working days the pause reached', () => {
    // Paused Thu 23 April 10:00 (due Tue 28 17:00); resumed Wed 29 April 14:00: the pause
    // reached Fri 24, Tue 28 and Wed 29 after the day it began (Mon 27 is a day off): the due
    // date moves 3 working days, Wed 29, [30/4, 1/5, weekend], Mon 4, Tue 5 May at 17:00.
    const pause = { due: original, pausedAt: vn('2026-04-23 10:00'), legal } as const;
    const resumed = (at: string) =>
      fmt(resumeDeadline(cal, { ...pause, resumedAt: vn(at), policy: 'resume' }));
    expect(resumed('2026-04-29 14:00')).toBe('2026-05-05 17:00');
    expect(resumed('2026-04-29 16:00')).toBe('2026-05-05 17:00');
    // Resumed on a holiday or after closing: the pause reached no further than Wed 29.
    expect(resumed('2026-04-30 10:00')).toBe('2026-05-05 17:00');
    expect(resumed('2026-04-29 17:00')).toBe('2026-05-05 17:00');
    // A pause within one day moves nothing (not to 07:30 plus the pause's milliseconds).
    expect(resumed('2026-04-23 10:00:25')).toBe('2026-04-28 17:00');
    expect(
      fmt(
        resumeDeadline(cal, {
          due: original,
          pausedAt: new Date(vn('2026-04-28 17:00').getTime() - 10),
          resumedAt: new Date(vn('2026-04-28 17:00').getTime() + 22),
          policy: 'resume',
          legal,
        }),
      ),
    ).toBe('2026-04-28 17:00');
  });

  it('resume: a due time in working hours keeps the exact working time left', () => {
    // Paused Thu 23 April 10:00 with 21.5 working hours left (5.5 Thu, 8 Fri, 8 Tue 28);
    // resumed Wed 29 14:00: 3 h Wed, [30/4, 1/5, weekend], 8 h Mon 4, 8 h Tue 5, 2.5 h → Wed 6 10:00.
    const hours = { workingHours: 40 } as const;
    expect(
      fmt(
        resumeDeadline(cal, {
          due: original,
          pausedAt: vn('2026-04-23 10:00'),
          resumedAt: vn('2026-04-29 14:00'),
          policy: 'resume',
          legal: hours,
        }),
      ),
    ).toBe('2026-05-06 10:00');
  });

  it('restart: a fresh appointment from the moment the supplement is received', () => {
    const restarted = (at: string) =>
      fmt(
        resumeDeadline(cal, {
          due: original,
          pausedAt: vn('2026-04-23 10:00'),
          resumedAt: vn(at),
          policy: 'restart',
          legal,
        }),
      );
    // Wed 29 April 14:00 → Mon 4, Tue 5, Wed 6, Thu 7, Fri 8 May.
    expect(restarted('2026-04-29 14:00')).toBe('2026-05-08 17:00');
    // After the cutoff: counts from Mon 4 May → Mon 11 May.
    expect(restarted('2026-04-29 15:30')).toBe('2026-05-11 17:00');
  });

  it('resume: a dossier already overdue at the pause stays overdue by as much', () => {
    // Paused Wed 29 April 09:00, 1.5 working hours after the due time.
    const resumed = resumeDeadline(cal, {
      due: original,
      pausedAt: vn('2026-04-29 09:00'),
      resumedAt: vn('2026-05-04 10:00'),
      policy: 'resume',
      legal,
    });
    // One working day (Mon 4) after the pause's day: due Wed 29 17:00, still overdue.
    expect(fmt(resumed)).toBe('2026-04-29 17:00');
  });

  it('throws when resumed before it was paused', () => {
    expect(() =>
      resumeDeadline(cal, {
        due: original,
        pausedAt: vn('2026-04-23 10:00'),
        resumedAt: vn('2026-04-22 10:00'),
        policy: 'resume',
        legal,
      }),
    ).toThrow(CalendarError);
  });
});
