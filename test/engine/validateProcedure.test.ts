import { describe, expect, it } from 'vitest';
import { validateProcedure, type Problem } from '../../engine/index.ts';
import { loadProcedure, mutate, units } from '../support/procedures.ts';

const base = loadProcedure('dang-ky-khai-sinh');
const codes = (problems: readonly Problem[]) => problems.map((p) => p.code);
const check = (value: unknown) => validateProcedure(value, { units });

describe('validateProcedure', () => {
  it('accepts the birth registration procedure without any problem', () => {
    expect(check(base)).toEqual([]);
  });

  it('reports structural errors with JSON pointers and messages in both languages', () => {
    const problems = check(
      mutate(base, (d) => {
        d.deadline = { workingDays: 'five' };
        delete d.name;
        d.machine.states.tiepNhan.meta.colour = 'red';
      }),
    );
    expect(problems.every((p) => p.severity === 'error' && p.message.vi && p.message.en)).toBe(
      true,
    );
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['', '/machine/states/tiepNhan/meta/colour']),
    );
    expect(problems.some((p) => p.path.startsWith('/deadline'))).toBe(true);
  });

  it('names a step by its name and its key, or by its key when it has no name', () => {
    const problems = check(
      mutate(base, (d) => {
        d.machine.states.moCoi = {
          meta: { name: { vi: 'Mồ côi', en: 'Orphan' }, unit: 'ubnd-xa', role: 'leader' },
          on: { SIGN: { target: 'daCap' } },
        };
        d.machine.states.khongTen = {
          meta: { unit: 'ubnd-xa', role: 'leader', duration: { workingHours: 1 } },
          on: { SIGN: { target: 'daCap' } },
        };
      }),
    );
    const about = (code: string, key: string) =>
      problems.find((p) => p.code === code && p.path === `/machine/states/${key}`)?.message ??
      problems.find((p) => p.code === code && p.path === `/machine/states/${key}/meta`)?.message;
    expect(about('unreachable-step', 'moCoi')).toEqual({
      vi: 'Không có đường nào dẫn tới bước "Mồ côi" (moCoi)',
      en: 'No path leads to step "Orphan" (moCoi)',
    });
    expect(about('step-missing-duration', 'moCoi')?.vi).toBe(
      'Bước "Mồ côi" (moCoi) chưa có thời hạn xử lý',
    );
    expect(about('step-missing-name', 'khongTen')?.vi).toBe(
      'Bước "khongTen" chưa có tên tiếng Việt',
    );
  });

  it('names an unknown guard or action type from the registry', () => {
    const problems = check(
      mutate(base, (d) => {
        d.machine.states.thamTra.on.PROPOSE.guard = { type: 'eval', params: { code: '1' } };
        d.machine.states.kyDuyet.on.SIGN.actions = [{ type: 'sendEmail' }];
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'schema.discriminator',
          path: '/machine/states/thamTra/on/PROPOSE/guard',
        }),
        expect.objectContaining({
          code: 'schema.discriminator',
          path: '/machine/states/kyDuyet/on/SIGN/actions/0',
        }),
      ]),
    );
  });

  const rules: [string, (d: any) => void, string][] = [
    [
      'unknown-unit',
      (d) => (d.machine.states.thamTra.meta.unit = 'phong-khong-co'),
      '/machine/states/thamTra/meta/unit',
    ],
    [
      'unknown-role',
      (d) => (d.machine.states.thamTra.meta.role = 'janitor'),
      '/machine/states/thamTra/meta/role',
    ],
    [
      'unknown-form',
      (d) => (d.machine.states.tiepNhan.meta.form = 'khongCo'),
      '/machine/states/tiepNhan/meta/form',
    ],
    [
      'unknown-document',
      (d) => d.machine.states.tiepNhan.meta.documents.push('soHoKhau'),
      '/machine/states/tiepNhan/meta/documents/2',
    ],
    [
      'unknown-event',
      (d) => (d.machine.states.kyDuyet.on.DANCE = { target: 'traKetQua' }),
      '/machine/states/kyDuyet/on/DANCE',
    ],
    [
      'unknown-delay',
      (d) => (d.machine.states.choBoSung.after = { quaHan: { target: 'tuChoi' } }),
      '/machine/states/choBoSung/after/quaHan',
    ],
    [
      'invalid-target',
      (d) => (d.machine.states.kyDuyet.on.SIGN.target = 'khongCo'),
      '/machine/states/kyDuyet/on/SIGN/target',
    ],
    [
      'unreachable-step',
      (d) =>
        (d.machine.states.moCoi = {
          meta: {
            name: { vi: 'Mồ côi' },
            unit: 'ubnd-xa',
            role: 'leader',
            duration: { workingHours: 1 },
          },
          on: { SIGN: { target: 'daCap' } },
        }),
      '/machine/states/moCoi',
    ],
    [
      'no-way-to-finish',
      (d) => (
        (d.machine.states.kyDuyet.on = {
          SIGN: { target: 'thamTra' },
          SEND_BACK: { target: 'thamTra' },
        }),
        (d.machine.states.thamTra.on = { PROPOSE: { target: 'kyDuyet' } }),
        delete d.machine.on
      ),
      '/machine/states/kyDuyet',
    ],
    [
      'step-missing-unit',
      (d) => delete d.machine.states.thamTra.meta.unit,
      '/machine/states/thamTra/meta',
    ],
    [
      'step-missing-role',
      (d) => delete d.machine.states.thamTra.meta.role,
      '/machine/states/thamTra/meta',
    ],
    [
      'step-missing-duration',
      (d) => delete d.machine.states.traKetQua.meta.duration,
      '/machine/states/traKetQua/meta',
    ],
    [
      'guard-params',
      (d) =>
        (d.machine.states.thamTra.on.PROPOSE.guard = {
          type: 'field',
          params: { field: 'gioiTinh', op: 'in', value: 'Nam' },
        }),
      '/machine/states/thamTra/on/PROPOSE/guard/params/value',
    ],
    [
      'unknown-field',
      (d) =>
        (d.machine.states.thamTra.on.PROPOSE.guard = {
          type: 'field',
          params: { field: 'soNha', op: 'exists' },
        }),
      '/machine/states/thamTra/on/PROPOSE/guard/params/field',
    ],
    [
      'deadline-exceeded',
      (d) => (d.machine.states.kyDuyet.meta.duration = { workingHours: 3 }),
      '/deadline',
    ],
    ['deadline-unallocated', (d) => (d.deadline = { workingDays: 1 }), '/deadline'],
    [
      'citizen-step-clock-running',
      (d) => delete d.machine.states.choBoSung.meta.clock,
      '/machine/states/choBoSung/meta',
    ],
    [
      'no-refusal-path',
      (d) => {
        d.machine.states.tiepNhan.on.REFUSE.target = 'rutHoSo';
        d.machine.states.thamTra.on.REFUSE.target = 'rutHoSo';
        delete d.machine.states.tuChoi;
      },
      '/machine/states',
    ],
    [
      'no-supplement-path',
      (d) => {
        delete d.machine.states.choBoSung;
        delete d.machine.states.tiepNhan.on.REQUEST_SUPPLEMENT;
      },
      '/machine/states',
    ],
    [
      'final-without-outcome',
      (d) => delete d.machine.states.daCap.meta.outcome,
      '/machine/states/daCap',
    ],
    ['duplicate-id', (d) => d.documents.push({ ...d.documents[0] }), '/documents/2/id'],
    [
      'invalid-initial',
      (d) => (d.machine.states.thamTra = { initial: 'b', states: { a: { type: 'final' } } }),
      '/machine/states/thamTra/initial',
    ],
    [
      'no-final-state',
      (d) => {
        for (const s of ['daCap', 'tuChoi', 'rutHoSo'])
          d.machine.states[s] = {
            meta: {
              name: { vi: s },
              unit: 'ubnd-xa',
              role: 'leader',
              duration: { workingHours: 0 },
            },
          };
      },
      '/machine/states',
    ],
    [
      'form-schema-invalid',
      (d) => (d.forms[0].schema.properties.ngaySinh.type = 'ngay'),
      '/forms/0/schema',
    ],
    [
      'form-field-untitled',
      (d) => delete d.forms[0].schema.properties.danToc.title,
      '/forms/0/schema/properties/danToc',
    ],
    ['unknown-level', (d) => (d.level = 'hamlet'), '/level'],
    [
      'action-params',
      (d) => (d.machine.states.kyDuyet.on.SIGN.actions = [{ type: 'issueSlip' }]),
      '/machine/states/kyDuyet/on/SIGN/actions/0',
    ],
  ];

  for (const [code, edit, path] of rules) {
    it(`rule ${code}: triggered by its fixture, silent on the valid procedure`, () => {
      expect(codes(check(base))).not.toContain(code);
      const problems = check(mutate(base, edit));
      const found = problems.filter((p) => p.code === code || p.code.startsWith(`${code}.`));
      expect(found, JSON.stringify(problems, null, 1)).not.toHaveLength(0);
      expect(found.map((p) => p.path)).toContain(path);
    });
  }

  it('marks the unallocated-time and missing-path rules as warnings, the rest as errors', () => {
    const warn = check(mutate(base, (d) => (d.deadline = { workingDays: 1 })));
    expect(warn.find((p) => p.code === 'deadline-unallocated')?.severity).toBe('warning');
    const err = check(
      mutate(base, (d) => (d.machine.states.kyDuyet.meta.duration = { workingHours: 3 })),
    );
    expect(err.find((p) => p.code === 'deadline-exceeded')?.severity).toBe('error');
  });
});
