import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import {
  createCalendar,
  parseCalendarFile,
  specialDays,
  type CalendarSchedule,
} from '../../engine/index.ts';
import {
  calendarFromYears,
  isOfficial,
  scheduleFromDays,
} from '../../designer/src/simulate/calendarFromDays.ts';
import {
  advanceClock,
  sendEvent,
  startSimulation,
} from '../../designer/src/simulate/simulation.ts';
import { simulatorMachine } from '../../designer/src/simulate/simulatorMachine.ts';
import { PROCEDURES_DIR } from '../support/procedures.ts';
import { lienThong, loadProcedure } from './fixtures.ts';

const official: CalendarSchedule = (() => {
  const r = parseCalendarFile(
    JSON.parse(readFileSync(`${PROCEDURES_DIR}calendars/2026.json`, 'utf8')),
    '2026.json',
  );
  if (!r.ok) throw new Error('calendar');
  return r.schedule;
})();
const calendar = createCalendar({ schedules: [official] });
const BIRTH = {
  hoTenTre: 'Nguyễn Văn An',
  gioiTinh: 'Nam',
  ngaySinh: '2026-02-20',
  noiSinh: 'Trạm y tế xã',
  hoTenMe: 'Trần Thị Bình',
  nguoiKhai: 'Nguyễn Văn Cường',
  soDinhDanhNguoiKhai: '001090012345',
  quanHe: 'Cha',
};

describe('simulation', () => {
  it('walks a birth registration to the approved outcome on time', () => {
    const p = loadProcedure('dang-ky-khai-sinh');
    const actor = createActor(simulatorMachine, { input: { procedure: p, calendar } }).start();
    actor.send({
      type: 'START',
      start: {
        at: '2026-03-02T09:00:00+07:00',
        channel: 'desk',
        data: BIRTH,
        documents: ['toKhai', 'giayChungSinh'],
      },
    });
    expect(actor.getSnapshot().value).toBe('running');
    for (const type of ['ACCEPT', 'PROPOSE', 'SIGN', 'RETURN_RESULT'])
      actor.send({ type: 'SEND', event: { type } });
    const snap = actor.getSnapshot();
    expect(snap.value).toBe('finished');
    expect(snap.context.sim!.snapshot.outcome).toBe('approved');
    expect(snap.context.sim!.snapshot.timeliness).toBe('on-time');
    const slips = snap.context.sim!.log.flatMap((l) =>
      l.effects.flatMap((e) => (e.kind === 'issue-slip' ? [e.slip] : [])),
    );
    expect(slips).toEqual(['receipt', 'result']);
    actor.send({ type: 'RESET' });
    expect(actor.getSnapshot().value).toBe('setup');
  });

  it('reports an event the current step does not take, without changing the dossier', () => {
    const p = loadProcedure('dang-ky-khai-sinh');
    const s0 = startSimulation(p, calendar, {
      at: '2026-03-02T09:00:00+07:00',
      channel: 'desk',
      data: BIRTH,
      documents: [],
    });
    const s1 = sendEvent(p, calendar, s0, { type: 'SIGN' });
    expect(s1.error).toEqual({ code: 'event-not-accepted', event: 'SIGN' });
    expect(s1.snapshot).toBe(s0.snapshot);
    expect(sendEvent(p, calendar, s1, { type: 'ACCEPT' }).error).toBeUndefined();
  });

  it('advances working time over weekends and the official days off, firing due timers', () => {
    const p = loadProcedure('dang-ky-khai-sinh');
    // Thursday 30 April 2026: 30/4 and 1/5 are holidays, then a weekend.
    let s = startSimulation(p, calendar, {
      at: '2026-04-29T16:00:00+07:00',
      channel: 'desk',
      data: BIRTH,
      documents: [],
    });
    s = sendEvent(p, calendar, s, { type: 'ACCEPT' });
    s = advanceClock(p, calendar, s, { workingDays: 1 });
    expect(s.now).toBe(new Date('2026-05-04T16:00:00+07:00').toISOString());
    expect(s.skipped.map((d) => d.date)).toEqual([
      '2026-04-30',
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
    ]);
    expect(s.skipped[0]!.name?.vi).toBeTruthy();
    // The step's own deadline passed on the way: the overdue warning fired.
    expect(s.log.some((l) => l.kind === 'timer')).toBe(true);
  });

  it('runs parallel branches and their guarded alternatives', () => {
    const p = lienThong();
    let s = startSimulation(p, calendar, {
      at: '2026-03-02T08:00:00+07:00',
      channel: 'online',
      data: { hoTenTre: 'An', ngaySinh: '2026-02-01', nhanKetQua: 'Bưu chính' },
      documents: ['toKhaiLienThong', 'giayChungSinh'],
    });
    s = sendEvent(p, calendar, s, { type: 'ACCEPT' });
    expect(Object.keys(s.snapshot.steps).sort()).toEqual([
      `${p.id}.lienThong.baoHiem.capTheBhyt`,
      `${p.id}.lienThong.cuTru.dangKyThuongTru`,
      `${p.id}.lienThong.hoTich.dangKyKhaiSinh`,
    ]);
    for (const type of ['COMPLETE', 'DANG_KY_THUONG_TRU', 'CAP_THE_BHYT']) {
      s = sendEvent(p, calendar, s, { type });
      expect(s.error).toBeUndefined();
    }
    expect(Object.keys(s.snapshot.steps)).toEqual([`${p.id}.traKetQua`]);
    s = sendEvent(p, calendar, s, { type: 'RETURN_RESULT' });
    expect(s.snapshot.outcome).toBe('approved');
    expect(s.log.at(-1)!.effects.some((e) => e.kind === 'notify')).toBe(true);
  });
});

describe('calendar from the server', () => {
  it('rebuilds the official schedule from /api/calendar days', () => {
    const days = specialDays(calendar, 2026);
    expect(isOfficial(days)).toBe(true);
    const rebuilt = calendarFromYears([{ year: 2026, days }]);
    expect(specialDays(rebuilt, 2026)).toEqual(days);
    expect(scheduleFromDays(2026, days).workingDays.map((d) => d.date)).toEqual([
      '2026-01-10',
      '2026-08-22',
    ]);
  });
});
