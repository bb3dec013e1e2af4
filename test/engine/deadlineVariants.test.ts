import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  startDossier,
  validateProcedure,
  type DossierSnapshot,
  type Procedure,
} from '../../engine/index.ts';
import { loadProcedure, mutate, units } from '../support/procedures.ts';

const vn = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => vn(local).toISOString();

const PERMIT_DATA = {
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

const HERITAGE = { type: 'field', params: { field: 'khuVucBaoTon', op: 'eq', value: true } };

/**
 * The building permit (15 working days) with a test variant: 20 working days when the site is in
 * a conservation area, where the heritage office is consulted (9 working days here).
 */
const permit = mutate(loadProcedure('cap-giay-phep-xay-dung-nha-o'), (d) => {
  d.deadlineVariants = [
    {
      id: 'khuVucBaoTon',
      name: { vi: 'Khu vực bảo tồn, di tích', en: 'Conservation area' },
      deadline: { workingDays: 20 },
      guard: HERITAGE,
    },
  ];
  d.machine.states.layYKien.meta.duration = { workingDays: 9 };
});

const errors = (p: Procedure) =>
  validateProcedure(p, { units }).filter((x) => x.severity === 'error');

function accepted(p: Procedure, data: Record<string, unknown>): DossierSnapshot {
  const t = startDossier(p, { data }, vn('2026-03-09T08:45'));
  return applyEvent(p, t.snapshot, { type: 'ACCEPT' }, vn('2026-03-09T09:00')).snapshot;
}

describe('deadline variants (thời hạn theo trường hợp)', () => {
  it('the variant whose guard holds at acceptance is the legal deadline', () => {
    // 20 working days from Mon 9 March: Mon 6 April (no day off in between).
    const heritage = accepted(permit, { ...PERMIT_DATA, khuVucBaoTon: true });
    expect(heritage.clock.variant).toBe('khuVucBaoTon');
    expect(heritage.clock.due).toBe(iso('2026-04-06T17:00'));
    expect(heritage.clock.originalDue).toBe(iso('2026-04-06T17:00'));
    // Otherwise the procedure's 15 working days: Mon 30 March.
    const plain = accepted(permit, { ...PERMIT_DATA, khuVucBaoTon: false });
    expect(plain.clock.variant).toBeUndefined();
    expect(plain.clock.due).toBe(iso('2026-03-30T17:00'));
  });

  it('a supplement restarting the time restarts the variant, not the default', () => {
    const s = accepted(permit, { ...PERMIT_DATA, khuVucBaoTon: true });
    const asked = applyEvent(
      permit,
      s,
      { type: 'REQUEST_SUPPLEMENT', note: 'Thiếu bản vẽ mặt đứng' },
      vn('2026-03-10T09:00'),
    );
    const back = applyEvent(
      permit,
      asked.snapshot,
      { type: 'SUPPLEMENT', documents: [] },
      vn('2026-03-16T09:00'),
    );
    expect(back.snapshot.clock.variant).toBe('khuVucBaoTon');
    expect(back.effects).toContainEqual(
      expect.objectContaining({
        kind: 'issue-slip',
        slip: 'reappointment',
        due: iso('2026-04-13T17:00'),
        reason: 'Thời gian chờ bổ sung hồ sơ không tính vào thời hạn giải quyết',
      }),
    );
    // supplementPolicy "restart": 20 working days again from Mon 16 March: Mon 13 April.
    expect(back.snapshot.clock.due).toBe(iso('2026-04-13T17:00'));
  });

  it('validation checks durations against each variant along the paths that can take it', () => {
    expect(errors(permit)).toEqual([]);
    // Without the variant the consultation path (6 + 9 + 1.5 + 1.5 + 0.5 + 1 days) exceeds 15.
    const { deadlineVariants: _, ...single } = permit;
    const exceeded = errors(single as Procedure);
    expect(exceeded.map((x) => [x.code, x.path])).toEqual([['deadline-exceeded', '/deadline']]);
    expect(exceeded[0]!.message.vi).toContain('thamDinh → layYKien → lanhDaoPhong');
    expect(exceeded[0]!.message.en).toContain('156 working hours');
    // A variant too short for its own path is named, with the path.
    const short = mutate(permit, (d) => {
      d.deadlineVariants[0].deadline = { workingDays: 18 };
    });
    const problems = errors(short);
    expect(problems.map((x) => [x.code, x.path])).toEqual([
      ['deadline-exceeded', '/deadlineVariants/0/deadline'],
    ]);
    expect(problems[0]!.message.vi).toContain('Trường hợp "Khu vực bảo tồn, di tích"');
    expect(problems[0]!.message.vi).toContain('layYKien');
  });

  it('steps before the clock starts do not count against the deadline', () => {
    // Reception takes 3 working days before ACCEPT starts the clock: not against the 20 days.
    const slowDesk = mutate(permit, (d) => {
      d.machine.states.tiepNhan.meta.duration = { workingDays: 3 };
    });
    expect(errors(slowDesk)).toEqual([]);
  });

  it('checks variant guards and ids', () => {
    const bad = mutate(permit, (d) => {
      d.deadlineVariants.push({
        ...d.deadlineVariants[0],
        guard: { type: 'field', params: { field: 'khongCo', op: 'exists' } },
      });
    });
    const codes = validateProcedure(bad, { units }).map((x) => [x.code, x.path]);
    expect(codes).toContainEqual(['duplicate-id', '/deadlineVariants/1/id']);
    expect(codes).toContainEqual(['unknown-field', '/deadlineVariants/1/guard/params/field']);
  });
});

/** Civil status: marital status certificate, 3 working days, +3 when the past residence verifies. */
const marital = loadProcedure('xac-nhan-tinh-trang-hon-nhan');
const MARITAL_DATA = {
  hoTen: 'Trần Thị Mai',
  ngaySinh: '1997-07-21',
  gioiTinh: 'Nữ',
  soDinhDanh: '034197001122',
  noiCuTru: 'Phường Hoàn Kiếm, Hà Nội',
  tinhTrangHonNhan: 'Chưa đăng ký kết hôn với ai',
  mucDichSuDung: 'Đăng ký kết hôn',
  hoTenNguoiDuDinhKetHon: 'Đỗ Minh Quân',
  soDienThoai: '+84987654321',
};

function maritalAccepted(p: Procedure = marital): DossierSnapshot {
  const t = startDossier(
    p,
    { data: MARITAL_DATA, documents: ['toKhai', 'giayToTuyThan'] },
    vn('2026-03-11T09:45'),
  );
  const a = applyEvent(p, t.snapshot, { type: 'ACCEPT' }, vn('2026-03-11T10:00'));
  expect(a.snapshot.clock.due).toBe(iso('2026-03-16T17:00'));
  return a.snapshot;
}

function finish(p: Procedure, s: DossierSnapshot, from: string[], at: string[]): DossierSnapshot {
  let snap = s;
  from.forEach((type, i) => {
    snap = applyEvent(p, snap, { type }, vn(at[i]!)).snapshot;
  });
  return snap;
}

describe('lawful extensions (gia hạn theo luật định)', () => {
  it('move the legal deadline: a dossier resolved within it is on time', () => {
    const s = maritalAccepted();
    const verify = applyEvent(
      marital,
      s,
      { type: 'YEU_CAU_XAC_MINH', note: 'Đã thường trú ở xã khác' },
      vn('2026-03-12T10:00'),
    );
    expect(verify.snapshot.clock.due).toBe(iso('2026-03-19T17:00'));
    expect(verify.snapshot.clock.originalDue).toBe(iso('2026-03-19T17:00'));
    expect(verify.snapshot.clock.lawfulExtensions).toEqual([
      {
        id: 'xacMinhNoiCuTru',
        at: iso('2026-03-12T10:00'),
        by: { workingDays: 3 },
        from: iso('2026-03-16T17:00'),
        to: iso('2026-03-19T17:00'),
      },
    ]);
    expect(verify.effects).toContainEqual({
      kind: 'clock',
      change: 'extended-lawfully',
      due: iso('2026-03-19T17:00'),
    });
    // A new appointment slip says why the appointment moved.
    expect(verify.effects).toContainEqual({
      kind: 'issue-slip',
      slip: 'reappointment',
      step: 'xac-nhan-tinh-trang-hon-nhan.thamTra',
      due: iso('2026-03-19T17:00'),
      reason: 'Gia hạn theo luật định: Xác minh tại nơi cư trú trước đây',
    });
    // The overdue warning moves with it.
    expect(verify.effects).toContainEqual(
      expect.objectContaining({
        kind: 'schedule-timer',
        id: 'dossier-overdue',
        at: iso('2026-03-19T17:00'),
      }),
    );
    const done = finish(
      marital,
      verify.snapshot,
      ['PROPOSE', 'SIGN', 'ISSUE', 'RETURN_RESULT'],
      ['2026-03-17T15:00', '2026-03-18T09:00', '2026-03-18T14:00', '2026-03-19T10:00'],
    );
    expect(done.status).toBe('done');
    expect(done.timeliness).toBe('on-time');
  });

  it('an apology extension, unlike it, stays late', () => {
    const apologising = mutate(marital, (d) => {
      d.machine.on = {
        EXTEND: {
          actions: [{ type: 'extendDeadline' }, { type: 'issueSlip', params: { slip: 'apology' } }],
        },
      };
    });
    const s = maritalAccepted(apologising);
    const proposed = applyEvent(apologising, s, { type: 'PROPOSE' }, vn('2026-03-12T10:00'));
    const extended = applyEvent(
      apologising,
      proposed.snapshot,
      {
        type: 'EXTEND',
        note: 'Lãnh đạo đi công tác',
        data: { newAppointment: iso('2026-03-19T17:00') },
      },
      vn('2026-03-16T10:00'),
    );
    expect(extended.snapshot.clock.due).toBe(iso('2026-03-19T17:00'));
    expect(extended.snapshot.clock.originalDue).toBe(iso('2026-03-16T17:00'));
    const done = finish(
      apologising,
      extended.snapshot,
      ['SIGN', 'ISSUE', 'RETURN_RESULT'],
      ['2026-03-18T09:00', '2026-03-18T14:00', '2026-03-19T10:00'],
    );
    expect(done.timeliness).toBe('late');
  });

  it('validation credits the extension on the path that takes it, and checks its name', () => {
    expect(errors(marital)).toEqual([]);
    const without = mutate(marital, (d) => {
      d.machine.states.thamTra.on.YEU_CAU_XAC_MINH.actions = [];
    });
    const problems = errors(without);
    expect(problems.map((x) => x.code)).toEqual(['deadline-exceeded']);
    expect(problems[0]!.message.en).toContain('thamTra → xacMinh → kyDuyet');
    const unknown = mutate(marital, (d) => {
      d.machine.states.thamTra.on.YEU_CAU_XAC_MINH.actions[0].params.extension = 'khongCo';
    });
    expect(errors(unknown).map((x) => [x.code, x.path])).toContainEqual([
      'unknown-extension',
      '/machine/states/thamTra/on/YEU_CAU_XAC_MINH/actions/0/params/extension',
    ]);
  });
});

describe('engine errors speak Vietnamese and English', () => {
  const messageOf = (run: () => unknown) => {
    try {
      run();
    } catch (e) {
      return e as { code: string; details: { message?: { vi?: string; en?: string } } };
    }
    throw new Error('expected an engine error');
  };

  it('names what failed in both languages', () => {
    const apologising = mutate(marital, (d) => {
      d.machine.on = { EXTEND: { actions: [{ type: 'extendDeadline' }] } };
      d.machine.states.tiepNhan.on.YEU_CAU_XAC_MINH = {
        target: 'xacMinh',
        actions: [{ type: 'extendLegalDeadline', params: { extension: 'xacMinhNoiCuTru' } }],
      };
    });
    const received = startDossier(
      apologising,
      { data: MARITAL_DATA, documents: ['toKhai', 'giayToTuyThan'] },
      vn('2026-03-11T09:45'),
    ).snapshot;
    const errors = [
      messageOf(() =>
        applyEvent(
          apologising,
          received,
          { type: 'YEU_CAU_XAC_MINH', note: 'Cần xác minh' },
          vn('2026-03-11T10:00'),
        ),
      ),
      messageOf(() =>
        applyEvent(apologising, received, { type: 'EXTEND', note: 'Trễ' }, vn('2026-03-11T10:00')),
      ),
      messageOf(() =>
        applyEvent(
          apologising,
          maritalAccepted(apologising),
          { type: 'EXTEND', note: 'Trễ', data: { newAppointment: 'ngày mai' } },
          vn('2026-03-12T10:00'),
        ),
      ),
      messageOf(() =>
        applyEvent(
          apologising,
          { ...maritalAccepted(apologising), status: 'done' },
          { type: 'PROPOSE' },
          vn('2026-03-12T10:00'),
        ),
      ),
    ];
    expect(errors.map((e) => e.code)).toEqual([
      'clock-not-running',
      'clock-not-running',
      'invalid-appointment',
      'dossier-finished',
    ]);
    for (const e of errors) {
      expect(e.details.message?.vi).toMatch(/\S/);
      expect(e.details.message?.en).toMatch(/\S/);
    }
    expect(errors[0]!.details.message?.vi).toContain('gia hạn theo luật định');
    expect(errors[2]!.details.message?.vi).toContain('"ngày mai"');
  });
});

describe('steps given no time, or the day', () => {
  const zero = (duration: unknown) =>
    mutate(marital, (d) => {
      d.machine.states.tiepNhan.meta.duration = duration;
    });

  it('a 0-hour step has no due and is never late', () => {
    const p = zero({ workingHours: 0 });
    const t = startDossier(
      p,
      { data: MARITAL_DATA, documents: ['toKhai', 'giayToTuyThan'] },
      vn('2026-03-11T09:45'),
    );
    expect(Object.values(t.snapshot.steps)[0]?.due).toBeUndefined();
    const a = applyEvent(
      p,
      t.snapshot,
      { type: 'ACCEPT' },
      new Date(vn('2026-03-11T09:45').getTime() + 83),
    );
    expect(a.effects).toContainEqual(
      expect.objectContaining({ kind: 'step-exited', late: false, due: undefined }),
    );
  });

  it('a step "within the day" is due at closing time', () => {
    const p = zero({ workingDays: 0 });
    const t = startDossier(
      p,
      { data: MARITAL_DATA, documents: ['toKhai', 'giayToTuyThan'] },
      vn('2026-03-11T09:45'),
    );
    expect(Object.values(t.snapshot.steps)[0]?.due).toBe(iso('2026-03-11T17:00'));
  });
});
