import { describe, expect, it } from 'vitest';
import { procedureMetrics, validateProcedure } from '../../engine/index.ts';
import { loadProcedure, mutate, units } from '../support/procedures.ts';

const steps = (m: ReturnType<typeof procedureMetrics>) => m.mainPath.map((s) => s.step);

/** The building permit with a failed site inspection: a fixing wait and a second inspection. */
const permitWithInspection = mutate(loadProcedure('cap-giay-phep-xay-dung-nha-o'), (d) => {
  d.events = {
    ...d.events,
    INSPECTION_FAILED: { name: { vi: 'Kiểm tra không đạt', en: 'Inspection failed' } },
    FIXED: { name: { vi: 'Đã khắc phục', en: 'Fixed' } },
  };
  d.machine.states.thamDinh.on.INSPECTION_FAILED = { target: 'choKhacPhuc' };
  d.machine.states.choKhacPhuc = {
    meta: {
      name: { vi: 'Chờ khắc phục', en: 'Waiting for fixes' },
      unit: 'cong-dan',
      role: 'applicant',
      duration: { workingDays: 5 },
      clock: 'paused',
      pause: 'fixing',
      citizenVisit: true,
    },
    on: { FIXED: { target: 'kiemTraLai' } },
  };
  d.machine.states.kiemTraLai = {
    meta: {
      name: { vi: 'Kiểm tra lại', en: 'Second inspection' },
      unit: 'phong-kinh-te-xa',
      role: 'specialist',
      duration: { workingDays: 2 },
      citizenVisit: true,
    },
    on: { PROPOSE: { target: 'lanhDaoPhong' } },
  };
});

describe('procedure metrics on the main path', () => {
  it('counts the normal flow, not a failed inspection, a supplement round or a special case', () => {
    expect(
      validateProcedure(permitWithInspection, { units }).filter((p) => p.severity === 'error'),
    ).toEqual([]);
    const m = procedureMetrics(permitWithInspection);
    // The heritage consultation (a guarded alternative beside the default) and the fixing
    // route are off the main path; the longest path still reports the exception route.
    expect(steps(m)).toEqual([
      'tiepNhan',
      'thamDinh',
      'lanhDaoPhong',
      'kyDuyet',
      'vaoSo',
      'traKetQua',
    ]);
    expect(m.criticalPathHours).toBe(88);
    expect(m.longestPathHours).toBe(120);
    expect(m.citizenVisits).toBe(2);
    expect(m.visits.map((v) => v.step)).toEqual(['tiepNhan', 'traKetQua']);
    expect(m.handOffs).toBe(4);
  });

  it('takes an exception route only when no normal flow reaches the result', () => {
    const onlyViaFixing = mutate(permitWithInspection, (d) => {
      delete d.machine.states.thamDinh.on.PROPOSE;
    });
    const m = procedureMetrics(onlyViaFixing);
    expect(steps(m)).toEqual([
      'tiepNhan',
      'thamDinh',
      'choKhacPhuc',
      'kiemTraLai',
      'lanhDaoPhong',
      'kyDuyet',
      'vaoSo',
      'traKetQua',
    ]);
    expect(m.citizenVisits).toBe(4);
  });

  it('in a parallel step, every branch is visited and every branch visit counts', () => {
    const land = loadProcedure('cap-gcn-quyen-su-dung-dat-lan-dau');
    const base = procedureMetrics(land);
    expect(base.mainPath.filter((s) => s.region).map((s) => `${s.region}:${s.step}`)).toEqual([
      'dangKyDatDai:lienThong.dangKyDatDai.kiemTraHoSo',
      'thue:lienThong.thue.xacDinhNghiaVu',
    ]);
    // The parallel step lasts as long as its longest branch, not the sum of them.
    const inside = base.mainPath.filter((s) => s.region).map((s) => s.hours);
    const outside = base.mainPath.filter((s) => !s.region).reduce((a, s) => a + s.hours, 0);
    expect(base.criticalPathHours).toBe(outside + Math.max(...inside));
    const visitsInBothBranches = mutate(land, (d) => {
      const regions = d.machine.states.lienThong.states;
      regions.dangKyDatDai.states.kiemTraHoSo.meta.citizenVisit = true;
      regions.thue.states.xacDinhNghiaVu.meta.citizenVisit = true;
    });
    const m = procedureMetrics(visitsInBothBranches);
    expect(m.citizenVisits).toBe(base.citizenVisits + 2);
    expect(m.visits.map((v) => v.step)).toEqual(
      expect.arrayContaining([
        'lienThong.dangKyDatDai.kiemTraHoSo',
        'lienThong.thue.xacDinhNghiaVu',
      ]),
    );
  });

  it('a fully online procedure with no visit says what its one contact is', () => {
    const online = mutate(loadProcedure('dang-ky-khai-sinh'), (d) => {
      for (const s of Object.values(d.machine.states) as { meta?: { citizenVisit?: boolean } }[])
        delete s.meta?.citizenVisit;
    });
    const m = procedureMetrics(online);
    expect(m.citizenVisits).toBe(0);
    expect(m.onlineVisit?.vi).toMatch(/Toàn trình/);
    const atDesk = procedureMetrics(loadProcedure('dang-ky-khai-sinh'));
    expect(atDesk.onlineVisit).toBeUndefined();
    expect(atDesk.visits.length).toBe(atDesk.citizenVisits);
    expect(atDesk.visits.every((v) => v.name?.vi)).toBe(true);
  });
});
