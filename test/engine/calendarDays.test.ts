import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  applyEvent,
  createCalendar,
  startDossier,
  validateProcedure,
} from '../../engine/index.ts';
import { loadProcedure, mutate, units } from '../support/procedures.ts';

const vn = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => vn(local).toISOString();
const cal = createCalendar();

describe('periods in calendar days (ngày, not ngày làm việc)', () => {
  it('count from the next day and end at closing time of the last day', () => {
    // Tue 10 March + 30 days: Thu 9 April.
    expect(addCalendarDays(cal, vn('2026-03-10T09:00'), 30).toISOString()).toBe(
      iso('2026-04-09T17:00'),
    );
  });

  it('a last day that is a day off moves to the next working day', () => {
    // Fri 13 March + 30 days: Sun 12 April, so Mon 13 April.
    expect(addCalendarDays(cal, vn('2026-03-13T16:00'), 30).toISOString()).toBe(
      iso('2026-04-13T17:00'),
    );
    // Sun 1 March + 60 days: Thu 30 April and Fri 1 May are holidays, then a weekend: Mon 4 May.
    expect(addCalendarDays(cal, vn('2026-03-01T10:00'), 60).toISOString()).toBe(
      iso('2026-05-04T17:00'),
    );
  });

  it('a delay declared in calendar days sets its timer on them', () => {
    const permit = mutate(loadProcedure('cap-giay-phep-xay-dung-nha-o'), (d) => {
      d.events = {
        ...d.events,
        REQUEST_PAYMENT: { name: { vi: 'Thông báo nộp lệ phí' } },
        PAID: { name: { vi: 'Đã nộp lệ phí' } },
      };
      d.delays = { ...d.delays, hanNopPhi: { calendarDays: 30 } };
      d.machine.states.thamDinh.on.REQUEST_PAYMENT = { target: 'choNopPhi' };
      d.machine.states.choNopPhi = {
        meta: {
          name: { vi: 'Chờ nộp lệ phí' },
          unit: 'cong-dan',
          role: 'applicant',
          duration: { workingDays: 20 },
          clock: 'paused',
          pause: 'payment',
        },
        on: { PAID: { target: 'thamDinh' } },
        after: { hanNopPhi: { target: 'tuChoi', name: { vi: 'Quá 30 ngày chưa nộp lệ phí' } } },
      };
    });
    expect(validateProcedure(permit, { units }).filter((p) => p.severity === 'error')).toEqual([]);
    let s = startDossier(permit, { data: {} }, vn('2026-03-09T08:45')).snapshot;
    s = applyEvent(permit, s, { type: 'ACCEPT' }, vn('2026-03-09T09:00')).snapshot;
    const waiting = applyEvent(permit, s, { type: 'REQUEST_PAYMENT' }, vn('2026-03-10T09:00'));
    const timer = waiting.effects.find(
      (e) => e.kind === 'schedule-timer' && e.event.type.startsWith('xstate.after.hanNopPhi'),
    );
    expect(timer).toMatchObject({ at: iso('2026-04-09T17:00') });
    expect(Object.values(waiting.snapshot.steps)[0]?.timerAt).toBe(iso('2026-04-09T17:00'));
  });
});
