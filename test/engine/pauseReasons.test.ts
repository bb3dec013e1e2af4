import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  pauseReasonOf,
  pauseStatusText,
  startDossier,
  validateProcedure,
  type DossierSnapshot,
} from '../../engine/index.ts';
import { loadProcedure, mutate, units } from '../support/procedures.ts';

const vn = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => vn(local).toISOString();

/** The building permit (15 working days, supplements restart the time) with a payment wait. */
const permit = mutate(loadProcedure('cap-giay-phep-xay-dung-nha-o'), (d) => {
  d.events = {
    ...d.events,
    REQUEST_PAYMENT: { name: { vi: 'Thông báo nộp lệ phí' } },
    PAID: { name: { vi: 'Đã nộp lệ phí' } },
  };
  d.machine.states.thamDinh.on.REQUEST_PAYMENT = { target: 'choNopPhi' };
  d.machine.states.choNopPhi = {
    meta: {
      name: { vi: 'Chờ nộp lệ phí' },
      unit: 'cong-dan',
      role: 'applicant',
      duration: { workingDays: 10 },
      clock: 'paused',
      pause: 'payment',
    },
    on: { PAID: { target: 'thamDinh' } },
  };
});

const DATA = {
  hoTenChuDauTu: 'Trịnh Văn Long',
  soDinhDanh: '001082334455',
  soDienThoai: '0904111222',
  diaDiemXayDung: 'Thửa 125, tờ bản đồ 08, thôn Đoài, xã Phù Đổng',
  soThuaDat: '125',
  soToBanDo: '08',
  dienTichLoDat: 96.5,
  dienTichXayDungTang1: 80,
  dienTichSan: 240,
  soTang: 3,
  chieuCao: 11.8,
};

function accepted(): DossierSnapshot {
  const t = startDossier(permit, { data: DATA }, vn('2026-03-09T08:45'));
  const a = applyEvent(permit, t.snapshot, { type: 'ACCEPT' }, vn('2026-03-09T09:00'));
  expect(a.snapshot.clock.due).toBe(iso('2026-03-30T17:00'));
  return a.snapshot;
}

describe('pauses by reason', () => {
  it('validates a step with a pause reason', () => {
    expect(validateProcedure(permit, { units }).filter((p) => p.severity === 'error')).toEqual([]);
    const running = mutate(permit, (d) => {
      delete d.machine.states.choNopPhi.meta.clock;
    });
    expect(validateProcedure(running, { units }).map((p) => p.code)).toContain(
      'pause-clock-running',
    );
  });

  it('a payment wait resumes the remaining time even when supplements restart it', () => {
    const s = accepted();
    const paused = applyEvent(permit, s, { type: 'REQUEST_PAYMENT' }, vn('2026-03-12T10:00'));
    expect(paused.snapshot.clock.status).toBe('paused');
    expect(paused.snapshot.clock.pauses.at(-1)?.reason).toBe('payment');
    expect(pauseReasonOf(paused.snapshot)).toBe('payment');
    expect(pauseStatusText.payment.vi).toBe('Chờ thực hiện nghĩa vụ tài chính');
    // Paid on Wed 18: the wait reached Fri 13, Mon 16, Tue 17 and Wed 18: four working days.
    const paid = applyEvent(permit, paused.snapshot, { type: 'PAID' }, vn('2026-03-18T09:00'));
    expect(paid.snapshot.clock.due).toBe(iso('2026-04-03T17:00'));
    expect(paid.snapshot.clock.originalDue).toBe(iso('2026-04-03T17:00'));
    expect(pauseReasonOf(paid.snapshot)).toBeUndefined();
    // A supplement still restarts the full 15 working days.
    const asked = applyEvent(
      permit,
      paid.snapshot,
      { type: 'REQUEST_SUPPLEMENT', note: 'Thiếu bản vẽ' },
      vn('2026-03-19T10:00'),
    );
    expect(pauseReasonOf(asked.snapshot)).toBe('supplement');
    const back = applyEvent(permit, asked.snapshot, { type: 'SUPPLEMENT' }, vn('2026-03-20T09:00'));
    expect(back.snapshot.clock.due).toBe(iso('2026-04-10T17:00'));
  });

  it('a 25-second payment wait on Friday afternoon leaves the appointment where it was', () => {
    const s = accepted();
    const paused = applyEvent(permit, s, { type: 'REQUEST_PAYMENT' }, vn('2026-03-13T15:30'));
    const paid = applyEvent(permit, paused.snapshot, { type: 'PAID' }, vn('2026-03-13T15:30:25'));
    expect(paid.snapshot.clock.due).toBe(iso('2026-03-30T17:00'));
  });
});
