import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  describeGuard,
  EngineError,
  evaluateGuard,
  startDossier,
  validateProcedure,
  type Guard,
} from '../../engine/index.ts';
import { loadProcedure, mutate, units } from '../support/procedures.ts';

const vn = (local: string) => new Date(`${local}+07:00`);

const scope = (data: Record<string, unknown>, receivedOn: string) => ({
  data,
  documents: [],
  channel: 'desk' as const,
  eventData: undefined,
  receivedOn,
});

const adult: Guard = {
  type: 'elapsed',
  params: { field: 'ngaySinh', op: 'ge', value: 18, unit: 'years' },
};
const within60: Guard = {
  type: 'elapsed',
  params: { field: 'ngaySinh', op: 'le', value: 60, unit: 'days' },
};

describe('date guards relative to the reception date', () => {
  it('counts an age in completed years', () => {
    expect(evaluateGuard(adult, scope({ ngaySinh: '2008-06-15' }, '2026-06-15'))).toBe(true);
    expect(evaluateGuard(adult, scope({ ngaySinh: '2008-06-15' }, '2026-06-14'))).toBe(false);
    // Born on 29 February: 18 on 1 March of a common year, not on 28 February.
    expect(evaluateGuard(adult, scope({ ngaySinh: '2008-02-29' }, '2026-02-28'))).toBe(false);
    expect(evaluateGuard(adult, scope({ ngaySinh: '2008-02-29' }, '2026-03-01'))).toBe(true);
  });

  it('counts calendar days, and is false for a missing or malformed date', () => {
    expect(evaluateGuard(within60, scope({ ngaySinh: '2026-01-01' }, '2026-03-02'))).toBe(true);
    expect(evaluateGuard(within60, scope({ ngaySinh: '2025-12-31' }, '2026-03-02'))).toBe(false);
    expect(evaluateGuard(within60, scope({}, '2026-03-02'))).toBe(false);
    expect(evaluateGuard(within60, scope({ ngaySinh: '2026-02-30' }, '2026-03-02'))).toBe(false);
    expect(evaluateGuard(within60, scope({ ngaySinh: 'hôm qua' }, '2026-03-02'))).toBe(false);
  });

  it('reads in Vietnamese and English', () => {
    expect(describeGuard(adult)).toEqual({
      vi: 'từ ngày "ngaySinh" đến ngày tiếp nhận ≥ 18 năm',
      en: 'from "ngaySinh" to the reception date ≥ 18 years',
    });
  });

  /** Birth registration with a test branch: a registration past 60 days needs a review. */
  const late = mutate(loadProcedure('dang-ky-khai-sinh'), (d) => {
    d.machine.states.thamTra.on.PROPOSE = [
      { target: 'kyDuyet', guard: within60 },
      {
        target: 'kyDuyet',
        guard: { type: 'field', params: { field: 'lyDoKhaiMuon', op: 'exists', source: 'event' } },
      },
    ];
  });
  const DATA = {
    hoTenTre: 'Nguyễn Văn An',
    gioiTinh: 'Nam',
    noiSinh: 'Trạm y tế xã',
    hoTenMe: 'Trần Thị Bình',
    nguoiKhai: 'Nguyễn Văn Cường',
    soDinhDanhNguoiKhai: '001090012345',
    quanHe: 'Cha',
  };

  it('a transition guarded on the reception date: the rejection names the condition', () => {
    expect(validateProcedure(late, { units }).filter((p) => p.severity === 'error')).toEqual([]);
    const run = (ngaySinh: string) => {
      const t = startDossier(
        late,
        { data: { ...DATA, ngaySinh }, documents: ['toKhai', 'giayChungSinh'] },
        vn('2026-03-02T09:00'),
      );
      const a = applyEvent(late, t.snapshot, { type: 'ACCEPT' }, vn('2026-03-02T09:10'));
      return applyEvent(late, a.snapshot, { type: 'PROPOSE' }, vn('2026-03-04T09:40'));
    };
    // Received on 2 March: born 20 February is within 60 days, even when proposed later.
    expect(run('2026-02-20').snapshot.machine.value).toBe('kyDuyet');
    let error: unknown;
    try {
      run('2025-11-20');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EngineError);
    const details = (error as EngineError).details as { message: { vi: string; en: string } };
    expect((error as EngineError).code).toBe('guard-rejected');
    expect(details.message.vi).toContain('từ ngày "ngaySinh" đến ngày tiếp nhận ≤ 60 ngày');
    expect(details.message.en).toContain('from "ngaySinh" to the reception date ≤ 60 days');
  });

  it('validation checks the field of a date guard', () => {
    const bad = mutate(late, (d) => {
      d.machine.states.thamTra.on.PROPOSE[0].guard.params.field = 'ngayKhongCo';
    });
    expect(validateProcedure(bad, { units }).map((p) => [p.code, p.path])).toContainEqual([
      'unknown-field',
      '/machine/states/thamTra/on/PROPOSE/0/guard/params/field',
    ]);
  });
});
