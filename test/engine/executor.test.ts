import { describe, expect, it } from 'vitest';
import {
  acceptedEvents,
  applyEvent,
  EngineError,
  reasonRequiredEvents,
  startDossier,
  type DossierSnapshot,
  type Effect,
  type Procedure,
} from '../../engine/index.ts';
import { loadProcedure, mutate } from '../support/procedures.ts';

const birth = loadProcedure('dang-ky-khai-sinh');
/** Local Vietnam time (UTC+7) to an instant. */
const vn = (local: string) => new Date(`${local}+07:00`);
const kinds = (effects: readonly Effect[]) => effects.map((e) => e.kind);

function run(
  p: Procedure,
  snapshot: DossierSnapshot,
  type: string,
  at: string,
  data?: Record<string, unknown>,
) {
  // Events that need a reason carry one, as the desk's dialog requires.
  const note = reasonRequiredEvents.has(type) ? { note: REASON } : {};
  return applyEvent(p, snapshot, { type, ...(data ? { data } : {}), ...note }, vn(at));
}
const REASON = 'Thiếu giấy tờ';

describe('executor: birth registration from reception to result', () => {
  it('walks a dossier with a supplement round trip and asserts every effect', () => {
    let t = startDossier(
      birth,
      { data: { hoTenTre: 'Nguyễn Văn An' }, channel: 'desk' },
      vn('2026-03-02T09:00'),
    );
    expect(t.snapshot.machine.value).toBe('tiepNhan');
    expect(t.snapshot.clock.status).toBe('not-started');
    expect(t.effects).toEqual([
      {
        kind: 'schedule-timer',
        id: 'step-overdue:dang-ky-khai-sinh.tiepNhan',
        at: vn('2026-03-02T09:30').toISOString(),
        event: { type: 'motcua.stepOverdue', data: { step: 'dang-ky-khai-sinh.tiepNhan' } },
      },
    ]);

    // Incomplete at the desk: the clock does not start; the citizen gets a supplement request.
    t = run(birth, t.snapshot, 'REQUEST_SUPPLEMENT', '2026-03-02T09:10');
    expect(t.snapshot.machine.value).toBe('choBoSung');
    expect(t.effects).toContainEqual({
      kind: 'issue-slip',
      slip: 'supplementRequest',
      reason: REASON,
      step: 'dang-ky-khai-sinh.tiepNhan',
    });
    expect(t.effects).toContainEqual({
      kind: 'cancel-timer',
      id: 'step-overdue:dang-ky-khai-sinh.tiepNhan',
    });
    expect(t.snapshot.steps['dang-ky-khai-sinh.choBoSung']?.due).toBeUndefined();

    // The citizen brings the missing paper the next day; the dossier is accepted at 09:20.
    t = applyEvent(
      birth,
      t.snapshot,
      { type: 'SUPPLEMENT', documents: ['giayChungSinh'], data: { soDienThoai: '0912345678' } },
      vn('2026-03-03T09:10'),
    );
    expect(t.snapshot.machine.context.documents).toEqual(['giayChungSinh']);
    expect(t.snapshot.machine.context.data).toMatchObject({
      hoTenTre: 'Nguyễn Văn An',
      soDienThoai: '0912345678',
    });
    t = run(birth, t.snapshot, 'ACCEPT', '2026-03-03T09:20');
    const due = vn('2026-03-03T17:00').toISOString();
    expect(t.snapshot.clock).toMatchObject({
      status: 'running',
      acceptedAt: vn('2026-03-03T09:20').toISOString(),
      due,
      originalDue: due,
    });
    expect(t.effects).toContainEqual({
      kind: 'issue-slip',
      slip: 'receipt',
      step: 'dang-ky-khai-sinh.tiepNhan',
      due,
    });
    expect(t.effects).toContainEqual({
      kind: 'schedule-timer',
      id: 'dossier-overdue',
      at: due,
      event: { type: 'motcua.dossierOverdue' },
    });
    expect(t.effects).toContainEqual(
      expect.objectContaining({
        kind: 'step-exited',
        step: 'dang-ky-khai-sinh.tiepNhan',
        late: false,
      }),
    );

    t = run(birth, t.snapshot, 'PROPOSE', '2026-03-03T10:00');
    expect(t.effects).toContainEqual(
      expect.objectContaining({
        kind: 'step-exited',
        step: 'dang-ky-khai-sinh.thamTra',
        unit: 'tu-phap-xa',
        late: true,
      }),
    );
    t = run(birth, t.snapshot, 'SIGN', '2026-03-03T10:20');
    t = run(birth, t.snapshot, 'RETURN_RESULT', '2026-03-03T16:59');
    expect(t.snapshot).toMatchObject({
      status: 'done',
      outcome: 'approved',
      timeliness: 'on-time',
      completedAt: vn('2026-03-03T16:59').toISOString(),
    });
    expect(t.snapshot.clock.status).toBe('stopped');
    expect(kinds(t.effects)).toEqual([
      'cancel-timer',
      'step-exited',
      'issue-slip',
      'cancel-timer',
      'cancel-timer',
      'clock',
    ]);
    expect(t.snapshot.sequence).toBe(6);
  });

  it('pauses the legal clock while waiting for a supplement after acceptance and resumes it', () => {
    // A variant where the specialist asks for a supplement after the dossier was accepted.
    const p = mutate(birth, (d) => {
      d.deadline = { workingDays: 3 };
      d.supplementPolicy = 'resume';
      d.machine.states.thamTra.meta.duration = { workingDays: 2 };
      d.machine.states.kyDuyet.meta.duration = { workingHours: 6 };
      d.machine.states.traKetQua.meta.duration = { workingHours: 1.5 };
      d.machine.states.thamTra.on.REQUEST_SUPPLEMENT = {
        target: 'choBoSungSau',
        actions: [{ type: 'issueSlip', params: { slip: 'supplementRequest' } }],
      };
      d.machine.states.choBoSungSau = {
        ...d.machine.states.choBoSung,
        on: { SUPPLEMENT: { target: 'thamTra', actions: [{ type: 'recordSubmission' }] } },
      };
    });
    let t = startDossier(p, {}, vn('2026-04-20T08:00'));
    t = run(p, t.snapshot, 'ACCEPT', '2026-04-20T08:00'); // Monday: due Thursday 23 April 17:00
    expect(t.snapshot.clock.due).toBe(vn('2026-04-23T17:00').toISOString());
    t = run(p, t.snapshot, 'REQUEST_SUPPLEMENT', '2026-04-21T17:00'); // two working days left
    expect(t.snapshot.clock).toMatchObject({
      status: 'paused',
      pausedAt: vn('2026-04-21T17:00').toISOString(),
    });
    expect(t.effects).toContainEqual({ kind: 'cancel-timer', id: 'dossier-overdue' });
    // Back after the Hùng Kings' day break (Sun 26 Apr, compensatory Mon 27) and 30/4–1/5.
    t = run(p, t.snapshot, 'SUPPLEMENT', '2026-04-28T07:30');
    expect(t.snapshot.clock.status).toBe('running');
    expect(t.snapshot.clock.pauses).toEqual([
      { from: vn('2026-04-21T17:00').toISOString(), to: vn('2026-04-28T07:30').toISOString() },
    ]);
    expect(t.snapshot.clock.due).toBe(vn('2026-04-29T17:00').toISOString());
    expect(t.effects).toContainEqual({
      kind: 'schedule-timer',
      id: 'dossier-overdue',
      at: vn('2026-04-29T17:00').toISOString(),
      event: { type: 'motcua.dossierOverdue' },
    });
    // The wait for the citizen does not count: the dossier is judged by the moved appointment.
    expect(t.snapshot.clock.originalDue).toBe(vn('2026-04-29T17:00').toISOString());
    t = run(p, t.snapshot, 'PROPOSE', '2026-04-29T09:00');
    t = run(p, t.snapshot, 'SIGN', '2026-04-29T10:00');
    t = run(p, t.snapshot, 'RETURN_RESULT', '2026-04-29T16:00'); // after 23 April, before 29 April 17:00
    expect(t.snapshot.timeliness).toBe('on-time');
  });

  it('keeps the original appointment after an apology and still counts the dossier late', () => {
    const p = mutate(birth, (d) => {
      d.machine.states.kyDuyet.on.EXTEND = {
        actions: [{ type: 'extendDeadline' }, { type: 'issueSlip', params: { slip: 'apology' } }],
      };
    });
    let t = startDossier(p, {}, vn('2026-03-04T09:00'));
    t = run(p, t.snapshot, 'ACCEPT', '2026-03-04T09:00');
    t = run(p, t.snapshot, 'PROPOSE', '2026-03-04T09:30');
    t = run(p, t.snapshot, 'EXTEND', '2026-03-04T16:00', {
      newAppointment: vn('2026-03-05T17:00').toISOString(),
    });
    expect(t.snapshot.clock).toMatchObject({
      due: vn('2026-03-05T17:00').toISOString(),
      originalDue: vn('2026-03-04T17:00').toISOString(),
    });
    expect(t.effects).toContainEqual({
      kind: 'issue-slip',
      slip: 'apology',
      reason: REASON,
      step: 'dang-ky-khai-sinh.kyDuyet',
      due: vn('2026-03-05T17:00').toISOString(),
    });
    expect(() =>
      run(p, t.snapshot, 'EXTEND', '2026-03-04T16:10', {
        newAppointment: vn('2026-03-05T08:00').toISOString(),
      }),
    ).toThrow(/later/);
    t = run(p, t.snapshot, 'SIGN', '2026-03-05T09:00');
    t = run(p, t.snapshot, 'RETURN_RESULT', '2026-03-05T10:00');
    expect(t.snapshot.timeliness).toBe('late');
  });

  it('rejects an event the state does not accept, naming the state and the accepted events', () => {
    const t = startDossier(birth, {}, vn('2026-03-02T09:00'));
    try {
      run(birth, t.snapshot, 'SIGN', '2026-03-02T09:05');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EngineError);
      expect((error as EngineError).code).toBe('event-not-accepted');
      expect((error as EngineError).details).toMatchObject({
        state: 'tiepNhan',
        accepted: ['ACCEPT', 'REQUEST_SUPPLEMENT', 'REFUSE', 'WITHDRAW'],
      });
    }
    expect(acceptedEvents(birth, t.snapshot).map((e) => e.type)).toEqual([
      'ACCEPT',
      'REQUEST_SUPPLEMENT',
      'REFUSE',
      'WITHDRAW',
    ]);
  });

  it('rejects an event whose guards all fail, and refuses events after the end', () => {
    const p = mutate(birth, (d) => {
      d.machine.states.thamTra.on.PROPOSE.guard = {
        type: 'field',
        params: { field: 'quanHe', op: 'in', value: ['Cha', 'Mẹ'] },
      };
    });
    let t = startDossier(p, { data: { quanHe: 'Bà' } }, vn('2026-03-02T09:00'));
    t = run(p, t.snapshot, 'ACCEPT', '2026-03-02T09:05');
    expect(() => run(p, t.snapshot, 'PROPOSE', '2026-03-02T09:10')).toThrow(
      expect.objectContaining({ code: 'guard-rejected' }),
    );
    t = run(p, t.snapshot, 'REFUSE', '2026-03-02T09:10');
    expect(t.snapshot).toMatchObject({ status: 'done', outcome: 'refused' });
    expect(() => run(p, t.snapshot, 'WITHDRAW', '2026-03-02T09:20')).toThrow(
      expect.objectContaining({ code: 'dossier-finished' }),
    );
  });

  it('gives the same result from a snapshot that went through JSON', () => {
    let t = startDossier(birth, {}, vn('2026-03-02T09:00'));
    t = run(birth, t.snapshot, 'ACCEPT', '2026-03-02T09:05');
    const copy = JSON.parse(JSON.stringify(t.snapshot)) as DossierSnapshot;
    expect(copy).toEqual(t.snapshot);
    const a = run(birth, t.snapshot, 'PROPOSE', '2026-03-02T09:30');
    const b = run(birth, copy, 'PROPOSE', '2026-03-02T09:30');
    expect(JSON.parse(JSON.stringify(b))).toEqual(JSON.parse(JSON.stringify(a)));
  });

  it('turns delayed transitions into timer effects in working time and fires them', () => {
    const p = mutate(birth, (d) => {
      d.delays = { hanBoSung: { workingDays: 5 } };
      d.machine.states.choBoSung.after = {
        hanBoSung: {
          target: 'dungXuLy',
          actions: [{ type: 'issueSlip', params: { slip: 'stopNotice' } }],
        },
      };
      d.machine.states.dungXuLy = {
        type: 'final',
        meta: { name: { vi: 'Dừng xử lý' }, outcome: 'stopped' },
      };
    });
    let t = startDossier(p, {}, vn('2026-04-24T10:00'));
    t = run(p, t.snapshot, 'REQUEST_SUPPLEMENT', '2026-04-24T10:00'); // Friday before the April holidays
    const timer = t.effects.find(
      (e) => e.kind === 'schedule-timer' && e.event.type.startsWith('xstate.after.'),
    );
    // 5 working days from Fri 24/4 10:00, skipping 27/4 (nghỉ bù), 30/4 and 1/5: Wed 6 May 10:00.
    expect(timer).toEqual({
      kind: 'schedule-timer',
      id: 'xstate.after.hanBoSung.dang-ky-khai-sinh.choBoSung',
      at: vn('2026-05-06T10:00').toISOString(),
      event: { type: 'xstate.after.hanBoSung.dang-ky-khai-sinh.choBoSung' },
    });
    const fired = applyEvent(
      p,
      t.snapshot,
      { type: (timer as { event: { type: string } }).event.type },
      vn('2026-05-06T10:00'),
    );
    expect(fired.snapshot).toMatchObject({ status: 'done', outcome: 'stopped' });
    expect(fired.effects).toContainEqual({
      kind: 'issue-slip',
      slip: 'stopNotice',
      step: 'dang-ky-khai-sinh.choBoSung',
    });
    const back = run(p, t.snapshot, 'SUPPLEMENT', '2026-04-28T08:00');
    expect(back.effects).toContainEqual({
      kind: 'cancel-timer',
      id: 'xstate.after.hanBoSung.dang-ky-khai-sinh.choBoSung',
    });
  });
});
