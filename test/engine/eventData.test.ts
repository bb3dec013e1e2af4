import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  EngineError,
  startDossier,
  validateProcedure,
  type DossierSnapshot,
  type Effect,
  type Procedure,
} from '../../engine/index.ts';
import { loadProcedure, mutate, units } from '../support/procedures.ts';

const vn = (local: string) => new Date(`${local}+07:00`);
const base = loadProcedure('cap-giay-phep-xay-dung-nha-o');
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

/** A dossier waiting for a supplement at the desk (choBoSung). */
function waiting(p: Procedure): DossierSnapshot {
  const t = startDossier(p, { data: DATA, channel: 'desk' }, vn('2026-03-09T08:45'));
  return applyEvent(
    p,
    t.snapshot,
    { type: 'REQUEST_SUPPLEMENT', note: 'Thiếu bản vẽ' },
    vn('2026-03-09T09:00'),
  ).snapshot;
}

function engineError(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('no error thrown');
}

describe('event data is validated against the e-form before it is merged', () => {
  it('rejects a number field given as a string, with the field path, and stores nothing', () => {
    const s = waiting(base);
    const error = engineError(() =>
      applyEvent(
        base,
        s,
        { type: 'SUPPLEMENT', data: { dienTichSan: '600' } },
        vn('2026-03-10T09:00'),
      ),
    );
    expect(error.code).toBe('event-data-invalid');
    expect(error.details.problems).toEqual([
      { path: '/data/dienTichSan', message: 'must be number' },
    ]);
    expect(s.machine.context.data.dienTichSan).toBe(240);
  });

  it('merges valid data of an undeclared (older) transition: any field of the reception form', () => {
    const s = waiting(base);
    const t = applyEvent(
      base,
      s,
      { type: 'SUPPLEMENT', data: { dienTichSan: 600 } },
      vn('2026-03-10T09:00'),
    );
    expect(t.snapshot.machine.context.data.dienTichSan).toBe(600);
    const unknown = engineError(() =>
      applyEvent(base, s, { type: 'SUPPLEMENT', data: { khongCo: 1 } }, vn('2026-03-10T09:00')),
    );
    expect(unknown.details.problems).toEqual([
      { path: '/data/khongCo', message: expect.stringContaining('"khongCo"') },
    ]);
  });

  it('lets a transition change only the fields it declares', () => {
    const p = mutate(base, (d) => {
      d.machine.states.choBoSung.on.SUPPLEMENT.data = { fields: ['soDienThoai', 'chieuCao'] };
    });
    expect(validateProcedure(p, { units }).filter((x) => x.severity === 'error')).toEqual([]);
    const s = waiting(p);
    const error = engineError(() =>
      applyEvent(p, s, { type: 'SUPPLEMENT', data: { dienTichSan: 600 } }, vn('2026-03-10T09:00')),
    );
    expect(error.details.problems).toEqual([
      {
        path: '/data/dienTichSan',
        message:
          '"SUPPLEMENT" may not change the field "dienTichSan" (it may change: soDienThoai, chieuCao)',
      },
    ]);
    const bad = engineError(() =>
      applyEvent(p, s, { type: 'SUPPLEMENT', data: { chieuCao: -1 } }, vn('2026-03-10T09:00')),
    );
    expect(bad.details.problems).toEqual([{ path: '/data/chieuCao', message: 'must be > 0' }]);
    const ok = applyEvent(
      p,
      s,
      { type: 'SUPPLEMENT', data: { chieuCao: 12 } },
      vn('2026-03-10T09:00'),
    );
    expect(ok.snapshot.machine.context.data).toEqual({ ...DATA, chieuCao: 12 });
  });

  it('validates the data before guards run: a string never satisfies a numeric guard by accident', () => {
    const p = mutate(base, (d) => {
      d.machine.states.choBoSung.on.SUPPLEMENT = [
        {
          target: 'thamDinh',
          guard: {
            type: 'field',
            params: { field: 'dienTichSan', op: 'ge', value: 500, source: 'event' },
          },
          actions: [{ type: 'recordSubmission' }],
        },
        { target: 'tiepNhan', actions: [{ type: 'recordSubmission' }] },
      ];
    });
    const s = waiting(p);
    const error = engineError(() =>
      applyEvent(
        p,
        s,
        { type: 'SUPPLEMENT', data: { dienTichSan: '600' } },
        vn('2026-03-10T09:00'),
      ),
    );
    expect(error.code).toBe('event-data-invalid');
  });

  it('checks the data of a transition with a form of its own', () => {
    const p = mutate(base, (d) => {
      d.forms.push({
        id: 'thongBaoThue',
        title: { vi: 'Thông báo nộp thuế' },
        schema: {
          type: 'object',
          required: ['soTien'],
          properties: { soTien: { type: 'integer', minimum: 0, title: 'Số tiền' } },
        },
      });
      d.machine.states.choBoSung.on.SUPPLEMENT.data = { form: 'thongBaoThue' };
      d.machine.states.choBoSung.on.SUPPLEMENT.actions = [];
    });
    expect(validateProcedure(p, { units }).filter((x) => x.severity === 'error')).toEqual([]);
    const s = waiting(p);
    const error = engineError(() =>
      applyEvent(p, s, { type: 'SUPPLEMENT', data: { soTien: 'nhiều' } }, vn('2026-03-10T09:00')),
    );
    expect(error.details.problems).toEqual([{ path: '/data/soTien', message: 'must be integer' }]);
    expect(() =>
      applyEvent(p, s, { type: 'SUPPLEMENT', data: { soTien: 1000 } }, vn('2026-03-10T09:00')),
    ).not.toThrow();
  });

  it('refuses a date after today where the form says so (x-maxDate), by the clock of the event', () => {
    const p = mutate(base, (d) => {
      d.forms.push({
        id: 'bienBan',
        title: { vi: 'Biên bản kiểm tra' },
        schema: {
          type: 'object',
          properties: {
            ngayKiemTra: {
              type: 'string',
              format: 'date',
              title: 'Ngày kiểm tra',
              'x-maxDate': 'today',
            },
          },
        },
      });
      d.machine.states.choBoSung.on.SUPPLEMENT.data = { form: 'bienBan' };
      d.machine.states.choBoSung.on.SUPPLEMENT.actions = [];
    });
    expect(validateProcedure(p, { units }).filter((x) => x.severity === 'error')).toEqual([]);
    const s = waiting(p);
    // 00:30 on 11 March in Vietnam is still 10 March in UTC: "today" is Vietnam's date.
    const at = vn('2026-03-11T00:30');
    const error = engineError(() =>
      applyEvent(p, s, { type: 'SUPPLEMENT', data: { ngayKiemTra: '2026-03-12' } }, at),
    );
    expect(error.details.problems).toEqual([
      {
        path: '/data/ngayKiemTra',
        message: 'Ngày không được sau ngày hôm nay.',
        keyword: 'x-maxDate',
      },
    ]);
    expect(() =>
      applyEvent(p, s, { type: 'SUPPLEMENT', data: { ngayKiemTra: '2026-03-11' } }, at),
    ).not.toThrow();
  });

  it('the validator refuses x-maxDate other than "today" or on a field that is not a date', () => {
    const p = mutate(base, (d) => {
      d.forms.push({
        id: 'bienBan',
        title: { vi: 'Biên bản' },
        schema: {
          type: 'object',
          properties: {
            ngay: { type: 'string', format: 'date', title: 'Ngày', 'x-maxDate': 'tomorrow' },
            ten: { type: 'string', title: 'Tên', 'x-maxDate': 'today' },
          },
        },
      });
    });
    const i = p.forms.length - 1;
    const codes = validateProcedure(p, { units }).map((x) => `${x.code} ${x.path}`);
    expect(codes).toContain(`form-date-limit /forms/${i}/schema/properties/ngay/x-maxDate`);
    expect(codes).toContain(`form-date-limit /forms/${i}/schema/properties/ten/x-maxDate`);
  });

  it('the validator names unknown fields and forms in a transition data declaration', () => {
    const p = mutate(base, (d) => {
      d.machine.states.choBoSung.on.SUPPLEMENT.data = { fields: ['khongCo'], form: 'khongCoForm' };
    });
    const codes = validateProcedure(p, { units }).map((x) => `${x.code} ${x.path}`);
    expect(codes).toContain('unknown-field /machine/states/choBoSung/on/SUPPLEMENT/data/fields/0');
    expect(codes).toContain('unknown-form /machine/states/choBoSung/on/SUPPLEMENT/data/form');
  });
});

describe('events that need a reason require it', () => {
  const slips = (effects: readonly Effect[]) => effects.filter((e) => e.kind === 'issue-slip');

  it('refuses REFUSE without a reason, and puts the reason on the refusal slip', () => {
    const t = startDossier(base, { data: DATA }, vn('2026-03-09T08:45'));
    for (const note of [undefined, '   ']) {
      const error = engineError(() =>
        applyEvent(
          base,
          t.snapshot,
          { type: 'REFUSE', ...(note ? { note } : {}) },
          vn('2026-03-09T09:00'),
        ),
      );
      expect(error.code).toBe('reason-required');
      expect(error.details.field).toBe('note');
    }
    const refused = applyEvent(
      base,
      t.snapshot,
      { type: 'REFUSE', note: 'Không phù hợp quy hoạch' },
      vn('2026-03-09T09:00'),
    );
    expect(slips(refused.effects)).toEqual([
      expect.objectContaining({ slip: 'refusal', reason: 'Không phù hợp quy hoạch' }),
    ]);
  });

  it('a procedure declares the requirement with its event; guards can read the reason', () => {
    const p = mutate(base, (d) => {
      d.events = {
        ...d.events,
        REFUSE: { name: { vi: 'Từ chối' }, reason: 'optional' },
        GHI_CHU: { name: { vi: 'Ghi chú' }, reason: 'required' },
      };
      d.machine.states.tiepNhan.on.GHI_CHU = {
        guard: {
          type: 'field',
          params: { field: 'reason', op: 'eq', value: 'chuyển', source: 'event' },
        },
        target: 'thamDinh',
      };
    });
    expect(validateProcedure(p, { units }).filter((x) => x.severity === 'error')).toEqual([]);
    const t = startDossier(p, { data: DATA }, vn('2026-03-09T08:45'));
    expect(() =>
      applyEvent(p, t.snapshot, { type: 'REFUSE' }, vn('2026-03-09T09:00')),
    ).not.toThrow();
    expect(
      engineError(() => applyEvent(p, t.snapshot, { type: 'GHI_CHU' }, vn('2026-03-09T09:00')))
        .code,
    ).toBe('reason-required');
    expect(
      engineError(() =>
        applyEvent(p, t.snapshot, { type: 'GHI_CHU', note: 'khác' }, vn('2026-03-09T09:00')),
      ).code,
    ).toBe('guard-rejected');
    const moved = applyEvent(
      p,
      t.snapshot,
      { type: 'GHI_CHU', note: 'chuyển' },
      vn('2026-03-09T09:00'),
    );
    expect(moved.snapshot.machine.value).toBe('thamDinh');
  });
});
