import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  eventName,
  startDossier,
  validateProcedure,
  type Effect,
} from '../../engine/index.ts';
import { loadProcedure, mutate, units } from '../support/procedures.ts';

const vn = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => vn(local).toISOString();

/** Birth registration whose verification escalates to the commune police after half an hour. */
const birth = mutate(loadProcedure('dang-ky-khai-sinh'), (d) => {
  d.delays = { hanXacMinh: { workingHours: 0.5 } };
  d.machine.states.thamTra.after = {
    hanXacMinh: {
      name: { vi: 'Quá hạn thẩm tra, báo lãnh đạo', en: 'Verification overdue, escalate' },
      target: 'kyDuyet',
      actions: [
        {
          type: 'notifyUnit',
          params: {
            unit: 'ubnd-xa',
            role: 'leader',
            message: { vi: 'Hồ sơ quá hạn thẩm tra', en: 'Verification overdue' },
          },
        },
      ],
    },
  };
});
const TIMER = 'xstate.after.hanXacMinh.dang-ky-khai-sinh.thamTra';

describe('timers', () => {
  it('validates a named delayed transition with a notice to a unit', () => {
    expect(validateProcedure(birth, { units }).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('shows when the timer fires, names it, notifies the unit and judges the step at the due instant', () => {
    const t = startDossier(birth, {}, vn('2026-03-02T08:00'));
    const a = applyEvent(birth, t.snapshot, { type: 'ACCEPT' }, vn('2026-03-02T08:00'));
    const step = a.snapshot.steps['dang-ky-khai-sinh.thamTra']!;
    expect(step.timerAt).toBe(iso('2026-03-02T08:30'));
    expect(step.due).toBe(iso('2026-03-02T08:30'));
    expect(eventName(birth, TIMER)).toEqual({
      vi: 'Quá hạn thẩm tra, báo lãnh đạo',
      en: 'Verification overdue, escalate',
    });
    const fired = applyEvent(birth, a.snapshot, { type: TIMER }, vn('2026-03-02T08:30'));
    expect(fired.snapshot.machine.value).toBe('kyDuyet');
    expect(fired.effects).toContainEqual({
      kind: 'notify',
      audience: 'unit',
      unit: 'ubnd-xa',
      role: 'leader',
      message: { vi: 'Hồ sơ quá hạn thẩm tra', en: 'Verification overdue' },
      step: 'dang-ky-khai-sinh.thamTra',
    });
    const exited = fired.effects.find(
      (e): e is Extract<Effect, { kind: 'step-exited' }> => e.kind === 'step-exited',
    );
    expect(exited).toMatchObject({ step: 'dang-ky-khai-sinh.thamTra', late: false });
  });

  it('refuses a timer of a step that is no longer active', () => {
    const t = startDossier(birth, {}, vn('2026-03-02T08:00'));
    const a = applyEvent(birth, t.snapshot, { type: 'ACCEPT' }, vn('2026-03-02T08:00'));
    const moved = applyEvent(birth, a.snapshot, { type: 'PROPOSE' }, vn('2026-03-02T08:10'));
    expect(() =>
      applyEvent(birth, moved.snapshot, { type: TIMER }, vn('2026-03-02T08:30')),
    ).toThrow(expect.objectContaining({ code: 'event-not-accepted' }));
  });

  it('names the condition that failed, in Vietnamese and English', () => {
    const p = mutate(birth, (d) => {
      d.machine.states.thamTra.on.PROPOSE = {
        target: 'kyDuyet',
        guard: {
          type: 'all',
          params: {
            guards: [
              { type: 'field', params: { field: 'gioiTinh', op: 'eq', value: 'Nam' } },
              { type: 'documentPresent', params: { document: 'giayChungSinh' } },
            ],
          },
        },
      };
    });
    const t = startDossier(p, {}, vn('2026-03-02T08:00'));
    const a = applyEvent(p, t.snapshot, { type: 'ACCEPT' }, vn('2026-03-02T08:00'));
    let error: unknown;
    try {
      applyEvent(p, a.snapshot, { type: 'PROPOSE' }, vn('2026-03-02T08:10'));
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'guard-rejected',
      details: {
        message: {
          vi: 'Không thể thực hiện "Trình phê duyệt": điều kiện không thỏa mãn: ("gioiTinh" = "Nam" và có giấy tờ "giayChungSinh")',
          en: 'Cannot "Submit for approval": the condition does not hold: ("gioiTinh" = "Nam" and document "giayChungSinh" is present)',
        },
      },
    });
  });

  it('an unnamed delayed transition reads as its delay', () => {
    expect(eventName(loadProcedure('dang-ky-khai-sinh'), 'xstate.after.hanBoSung.x.y')).toEqual({
      vi: 'Hết thời gian chờ "hanBoSung"',
      en: 'Delay "hanBoSung" elapsed',
    });
  });
});

describe('routing-only states', () => {
  it('need no unit, role or duration, and are passed through at once', () => {
    const p = mutate(loadProcedure('dang-ky-khai-sinh'), (d) => {
      d.machine.states.tiepNhan.on.ACCEPT.target = 'phanLoai';
      d.machine.states.phanLoai = {
        meta: { name: { vi: 'Phân loại hồ sơ' } },
        always: [
          {
            target: 'kyDuyet',
            guard: { type: 'channel', params: { in: ['online'] } },
          },
          { target: 'thamTra' },
        ],
      };
    });
    expect(validateProcedure(p, { units }).filter((x) => x.severity === 'error')).toEqual([]);
    const t = startDossier(p, {}, vn('2026-03-02T08:00'));
    const a = applyEvent(p, t.snapshot, { type: 'ACCEPT' }, vn('2026-03-02T08:00'));
    expect(a.snapshot.machine.value).toBe('thamTra');
  });
});

describe('scenario messages', () => {
  it('print times in the offset the scenario file uses', async () => {
    const { inOffsetOf } = await import('../../engine/scenarios/replayScenario.ts');
    expect(inOffsetOf('2026-03-02T17:00:00+07:00', '2026-03-02T10:00:00.000Z')).toBe(
      '2026-03-02T17:00:00+07:00',
    );
    expect(inOffsetOf('2026-03-02T17:00:00+07:00', '2026-03-02T10:00:00.032Z')).toBe(
      '2026-03-02T17:00:00.032+07:00',
    );
    expect(inOffsetOf('2026-03-02T10:00:00Z', '2026-03-02T10:00:00.000Z')).toBe(
      '2026-03-02T10:00:00.000Z',
    );
  });
});
