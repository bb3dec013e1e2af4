import { describe, expect, it } from 'vitest';
import { applyEvent, eventName, startDossier } from '../../engine/index.ts';
import { replayScenario, validateScenarioFile } from '../../engine/scenarios/replayScenario.ts';
import type { Scenario } from '../../engine/scenarios/scenarioSchema.ts';
import { loadProcedure, mutate } from '../support/procedures.ts';

/** Birth registration whose verification escalates after 42 working days (a long legal wait). */
const birth = mutate(loadProcedure('dang-ky-khai-sinh'), (d) => {
  d.delays = { hanXacMinh: { workingDays: 42 } };
  d.machine.states.thamTra.after = {
    hanXacMinh: {
      name: { vi: 'Quá hạn thẩm tra, báo lãnh đạo', en: 'Verification overdue, escalate' },
      target: 'kyDuyet',
    },
  };
});
const TIMER = 'xstate.after.hanXacMinh.dang-ky-khai-sinh.thamTra';

const scenario = (steps: Scenario['steps']): Scenario => ({
  name: 'timer',
  start: { at: '2026-03-02T08:00:00+07:00', documents: ['toKhai', 'giayChungSinh'] },
  steps: [{ at: '2026-03-02T08:00:00+07:00', event: 'ACCEPT' }, ...steps],
});

// 42 working days from Monday 2 March 2026 08:00: the holidays of April and May (Giỗ Tổ 26/4
// falls on a Sunday and is moved to Monday 27/4, then 30/4 and 1/5) are skipped.
const DUE = '2026-05-04T08:00:00+07:00';

describe('scenarios that test timers', () => {
  it('accepts a timer fired when due, by its delay name, and checks when it fires', () => {
    const failures = replayScenario(
      birth,
      scenario([
        {
          at: DUE,
          event: 'after:hanXacMinh',
          expectFiresAt: DUE,
          expect: { state: 'kyDuyet', timers: { hanXacMinh: null } },
        },
      ]),
    );
    expect(failures).toEqual([]);
  });

  it('asserts a pending timer after a step, and fails when it fires at another instant', () => {
    const ok = replayScenario(birth, {
      ...scenario([]),
      steps: [
        {
          at: '2026-03-02T08:00:00+07:00',
          event: 'ACCEPT',
          expect: { state: 'thamTra', timers: { hanXacMinh: DUE } },
        },
      ],
    });
    expect(ok).toEqual([]);
    const wrong = replayScenario(
      birth,
      scenario([{ at: DUE, event: TIMER, expectFiresAt: '2026-04-29T17:00:00+07:00' }]),
    );
    expect(wrong).toEqual([
      expect.objectContaining({
        path: '/steps/1/expectFiresAt',
        message: expect.stringContaining(`fires at ${DUE}`),
      }),
    ]);
  });

  it('fails a 42-working-day timer sent after five minutes', () => {
    const failures = replayScenario(
      birth,
      scenario([{ at: '2026-03-02T08:05:00+07:00', event: TIMER, expect: { state: 'kyDuyet' } }]),
    );
    expect(failures).toEqual([
      {
        scenario: 'timer',
        path: '/steps/1/at',
        message: `${TIMER} is not due before ${DUE}; it cannot fire at 2026-03-02T08:05:00+07:00`,
      },
    ]);
  });

  it('fails a timer event of a step that is not active instead of ignoring it', () => {
    const failures = replayScenario(
      birth,
      scenario([
        { at: '2026-03-02T09:00:00+07:00', event: 'PROPOSE', expect: { state: 'kyDuyet' } },
        { at: DUE, event: TIMER },
      ]),
    );
    expect(failures).toHaveLength(1);
    expect(failures[0]!.path).toBe('/steps/2');
    expect(failures[0]!.message).toMatch(/event-not-accepted/);
    const named = replayScenario(
      birth,
      scenario([
        { at: '2026-03-02T09:00:00+07:00', event: 'PROPOSE' },
        { at: DUE, event: 'after:hanXacMinh' },
      ]),
    );
    expect(named).toEqual([
      expect.objectContaining({
        path: '/steps/2/event',
        message: expect.stringContaining('no timer of this name is pending'),
      }),
    ]);
  });

  it('fails an event sent after a pending timer was due: the timer fires first', () => {
    const failures = replayScenario(
      birth,
      scenario([{ at: '2026-05-05T09:00:00+07:00', event: 'PROPOSE' }]),
    );
    expect(failures).toEqual([
      expect.objectContaining({
        path: '/steps/1/at',
        message: expect.stringContaining(`was due at ${DUE}`),
      }),
    ]);
  });

  it('the scenario file format takes expectFiresAt and timers, and refuses a bad instant', () => {
    const file = {
      procedure: 'dang-ky-khai-sinh',
      scenarios: [
        scenario([
          {
            at: DUE,
            event: 'after:hanXacMinh',
            expectFiresAt: DUE,
            expect: { timers: { hanXacMinh: null } },
          },
        ]),
      ],
    };
    expect(validateScenarioFile(file)).toEqual([]);
    const bad = structuredClone(file);
    (bad.scenarios[0]!.steps[1] as { expectFiresAt: string }).expectFiresAt = 'next monday';
    expect(validateScenarioFile(bad).map((p) => p.path)).toContain(
      '/scenarios/0/steps/1/expectFiresAt',
    );
  });
});

describe('the bundled escalations', () => {
  it('reach the units they name, with the transition named in Vietnamese', () => {
    const permit = loadProcedure('cap-giay-phep-xay-dung-nha-o');
    const data = { khuVucBaoTon: true };
    let t = startDossier(permit, { data }, new Date('2026-03-02T08:30:00+07:00'));
    for (const [type, at] of [
      ['ACCEPT', '2026-03-02T09:00:00+07:00'],
      ['PROPOSE', '2026-03-10T10:00:00+07:00'],
    ] as const)
      t = applyEvent(permit, t.snapshot, { type }, new Date(at));
    const timer = 'xstate.after.hanLayYKien.cap-giay-phep-xay-dung-nha-o.layYKien';
    expect(eventName(permit, timer).vi).toBe(
      'Hết hạn trả lời: coi như cơ quan được hỏi ý kiến đã đồng ý',
    );
    const fired = applyEvent(
      permit,
      t.snapshot,
      { type: timer },
      new Date('2026-03-16T10:00:00+07:00'),
    );
    expect(fired.snapshot.machine.value).toBe('lanhDaoPhong');
    const notified = fired.effects.flatMap((e) =>
      e.kind === 'notify' && e.audience === 'unit' ? [e.unit] : [],
    );
    expect(notified).toEqual(
      expect.arrayContaining(['phong-kinh-te-xa', 'so-van-hoa-the-thao-du-lich']),
    );
  });
});
