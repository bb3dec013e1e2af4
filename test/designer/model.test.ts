import { describe, expect, it } from 'vitest';
import { hasErrors, validateProcedure, type Problem } from '../../engine/index.ts';
import { vi as viStrings, en as enStrings } from '../../designer/src/i18n/strings.ts';
import {
  formatHours,
  formatNumber,
  formatPercent,
  formatWorkingTime,
} from '../../designer/src/i18n/format.ts';
import { compareDesign, diffKey } from '../../designer/src/model/comparison.ts';
import {
  addField,
  fieldRows,
  guardFieldOptions,
  moveField,
  removeField,
  setField,
} from '../../designer/src/model/formModel.ts';
import { guardFields } from '../../designer/src/model/guardFields.ts';
import { guardText } from '../../designer/src/model/guardText.ts';
import {
  duplicateProcedure,
  idProblem,
  newFromTemplate,
} from '../../designer/src/model/newProcedure.ts';
import { problemStep, problemTarget } from '../../designer/src/model/selection.ts';
import { keyFromName, slugFromName } from '../../designer/src/model/statePaths.ts';
import { applyCommand } from '../../designer/src/model/commands.ts';
import { catalog, lienThong, loadProcedure } from './fixtures.ts';

describe('problems point at what they concern', () => {
  const p = lienThong();
  it.each([
    ['/machine/states/tiepNhan/meta/unit', { kind: 'step', path: 'tiepNhan' }],
    [
      '/machine/states/lienThong/states/cuTru/states/dangKyThuongTru',
      { kind: 'step', path: 'lienThong.cuTru.dangKyThuongTru' },
    ],
    [
      '/machine/states/tiepNhan/on/ACCEPT/target',
      { kind: 'transition', ref: { source: 'tiepNhan', kind: 'on', event: 'ACCEPT', index: null } },
    ],
    [
      '/machine/states/traKetQua/on/RETURN_RESULT/1/guard',
      {
        kind: 'transition',
        ref: { source: 'traKetQua', kind: 'on', event: 'RETURN_RESULT', index: 1 },
      },
    ],
    [
      '/machine/states/lienThong/onDone/target',
      { kind: 'transition', ref: { source: 'lienThong', kind: 'onDone', event: '', index: null } },
    ],
    [
      '/machine/on/WITHDRAW',
      { kind: 'transition', ref: { source: '', kind: 'on', event: 'WITHDRAW', index: null } },
    ],
    ['/machine/initial', { kind: 'step', path: 'tiepNhan' }],
    ['/forms/0/schema/properties/hoTenTre/title', { kind: 'form', form: 0, field: 'hoTenTre' }],
    ['/deadline', { kind: 'procedure', section: 'deadline' }],
    ['/documents/1/name', { kind: 'procedure', section: 'documents' }],
    ['/machine/states/khongCo/meta', { kind: 'procedure', section: 'machine' }],
  ])('%s', (pointer, expected) => {
    expect(problemTarget(p, pointer)).toEqual(expected);
  });

  it('counts a transition problem on its source step', () => {
    expect(problemStep(p, '/machine/states/traKetQua/on/RETURN_RESULT/0/guard/params/field')).toBe(
      'traKetQua',
    );
    expect(problemStep(p, '/deadline')).toBeUndefined();
  });

  it('maps every problem the validator finds in a broken procedure', () => {
    const broken = structuredClone(loadProcedure('dang-ky-khai-sinh')) as any;
    delete broken.machine.states.thamTra.meta.unit;
    broken.machine.states.kyDuyet.on.SIGN.target = 'khongCo';
    broken.machine.states.kyDuyet.on.SIGN.guard = {
      type: 'field',
      params: { field: 'khongCo', op: 'eq', value: 1 },
    };
    const problems: Problem[] = validateProcedure(broken, { units: catalog });
    expect(hasErrors(problems)).toBe(true);
    const targets = problems.map((x) => problemTarget(broken, x.path));
    expect(targets).toContainEqual({ kind: 'step', path: 'thamTra' });
    expect(targets).toContainEqual({
      kind: 'transition',
      ref: { source: 'kyDuyet', kind: 'on', event: 'SIGN', index: null },
    });
  });
});

describe('e-form editor', () => {
  const form = loadProcedure('dang-ky-khai-sinh').forms[0]!;
  it('lists fields with titles, types, patterns, choices and required flags', () => {
    const rows = fieldRows(form);
    expect(rows.find((r) => r.key === 'gioiTinh')).toEqual({
      key: 'gioiTinh',
      title: 'Giới tính',
      type: 'string',
      enum: ['Nam', 'Nữ'],
      required: true,
    });
    expect(rows.find((r) => r.key === 'ngaySinh')!.type).toBe('date');
    expect(rows.find((r) => r.key === 'soDinhDanhMe')).toMatchObject({
      pattern: '^[0-9]{12}$',
      required: false,
    });
  });

  it('edits a field in place, keeping the keywords it does not show and the order', () => {
    const row = fieldRows(form).find((r) => r.key === 'hoTenTre')!;
    const next = setField(form, 'hoTenTre', { ...row, title: 'Họ và tên trẻ' });
    expect(next.schema.properties.hoTenTre).toEqual({
      type: 'string',
      title: 'Họ và tên trẻ',
      minLength: 2,
      maxLength: 100,
    });
    expect(Object.keys(next.schema)).toEqual(Object.keys(form.schema));
    expect(next.schema.required).toEqual(form.schema.required);
    const renamed = setField(form, 'hoTenTre', { ...row, key: 'tenTre', required: false });
    expect(Object.keys(renamed.schema.properties)[0]).toBe('tenTre');
    expect(renamed.schema.required).not.toContain('hoTenTre');
    const typed = setField(form, 'ngaySinh', {
      ...fieldRows(form).find((r) => r.key === 'ngaySinh')!,
      type: 'number',
    });
    expect(typed.schema.properties.ngaySinh).toEqual({
      type: 'number',
      title: 'Ngày, tháng, năm sinh',
    });
  });

  it('adds, moves and removes fields', () => {
    const added = addField(form, 'email', 'Thư điện tử');
    expect(fieldRows(added).at(-1)).toMatchObject({
      key: 'email',
      title: 'Thư điện tử',
      type: 'string',
    });
    const moved = moveField(added, 'email', -1);
    expect(fieldRows(moved).at(-2)!.key).toBe('email');
    const removed = removeField(form, 'gioiTinh');
    expect(removed.schema.properties.gioiTinh).toBeUndefined();
    expect(removed.schema.required).not.toContain('gioiTinh');
  });

  it('offers the fields a guard can compare, with their titles', () => {
    const options = guardFieldOptions(loadProcedure('dang-ky-khai-sinh'));
    expect(options.find((o) => o.field === 'quanHe')).toMatchObject({
      title: 'Quan hệ với trẻ',
      enum: ['Cha', 'Mẹ', 'Ông', 'Bà', 'Người thân thích khác'],
    });
  });
});

describe('guards in words', () => {
  const p = loadProcedure('dang-ky-khai-sinh');
  it('uses the e-form titles and the document names', () => {
    const text = guardText(
      {
        type: 'all',
        params: {
          guards: [
            { type: 'field', params: { field: 'quanHe', op: 'in', value: ['Cha', 'Mẹ'] } },
            {
              type: 'any',
              params: {
                guards: [
                  { type: 'documentPresent', params: { document: 'giayChungSinh' } },
                  { type: 'channel', params: { in: ['online'] } },
                ],
              },
            },
            {
              type: 'not',
              params: { guard: { type: 'field', params: { field: 'soDienThoai', op: 'exists' } } },
            },
          ],
        },
      },
      p,
      viStrings,
      'vi',
    );
    expect(text).toBe(
      'Quan hệ với trẻ thuộc danh sách (“Cha”, “Mẹ”) và (có Giấy chứng sinh hoặc giấy tờ thay thế hoặc nộp qua trực tuyến) và không phải Số điện thoại liên hệ đã điền',
    );
  });

  it('says a date guard with the field title, counted to the reception date', () => {
    const guard = {
      type: 'elapsed',
      params: { field: 'ngaySinh', op: 'le', value: 60, unit: 'days' },
    } as const;
    expect(guardText(guard, p, viStrings, 'vi')).toBe(
      'từ Ngày, tháng, năm sinh đến ngày tiếp nhận ≤ 60 ngày',
    );
    expect(
      guardFields({
        ...p,
        machine: {
          ...p.machine,
          states: {
            ...p.machine.states,
            thamTra: { ...p.machine.states.thamTra, on: { PROPOSE: { target: 'kyDuyet', guard } } },
          },
        },
      }).form,
    ).toContain('ngaySinh');
  });

  it('lists the data the simulator must ask for', () => {
    const fields = guardFields(lienThong());
    expect(fields.form).toEqual(['nhanKetQua']);
  });
});

describe('comparison', () => {
  it('marks added, changed and removed steps, shows removed ones as ghosts, and computes the deltas', async () => {
    const before = loadProcedure('dang-ky-khai-sinh');
    const { autoLayout } = await import('../../designer/src/layout/autoLayout.ts');
    const layout = await autoLayout(before);
    let doc = { procedure: before, layout };
    doc = applyCommand(doc, { type: 'deleteStep', path: 'kyDuyet' });
    doc = applyCommand(doc, {
      type: 'connect',
      source: 'thamTra',
      target: 'traKetQua',
      event: 'SIGN',
    });
    doc = applyCommand(doc, {
      type: 'updateStep',
      path: 'thamTra',
      patch: { meta: { ...before.machine.states.thamTra!.meta!, duration: { workingHours: 1 } } },
    });
    const c = compareDesign(before, layout, doc);
    expect(c.steps.get('kyDuyet')).toBe('removed');
    expect(c.steps.get('thamTra')).toBe('changed');
    expect(c.model.states.some((s) => s.path === 'kyDuyet')).toBe(true);
    expect(c.geometry.boxes.get('kyDuyet')).toBeDefined();
    expect(c.diff.metrics.steps).toMatchObject({ before: 4, after: 3 });
    expect(c.diff.metrics.steps.deltaPercent).toBe(-25);
    expect([...c.transitions.values()]).toContain('added');
    expect(
      diffKey(doc.procedure, { source: 'thamTra', kind: 'on', event: 'SIGN', index: null }),
    ).toBe('thamTra —SIGN→');
  });
});

describe('new procedures', () => {
  it('creates a valid procedure from the template, with units of its level', () => {
    const p = newFromTemplate('cap-giay-xac-nhan', 'Cấp giấy xác nhận', 'commune', catalog);
    expect(p.name.vi).toBe('Cấp giấy xác nhận');
    expect(hasErrors(validateProcedure(p, { units: catalog }))).toBe(false);
  });

  it('duplicates a procedure as a new variant whose targets follow the new id', () => {
    const p = duplicateProcedure(
      loadProcedure('dang-ky-khai-sinh'),
      'dang-ky-khai-sinh-2',
      'Đăng ký khai sinh (rút gọn)',
    );
    expect(p.machine.id).toBe('dang-ky-khai-sinh-2');
    expect((p.machine.on!.WITHDRAW as any).target).toBe('#dang-ky-khai-sinh-2.rutHoSo');
    expect(validateProcedure(p, { units: catalog })).toEqual(
      validateProcedure(loadProcedure('dang-ky-khai-sinh'), { units: catalog }),
    );
  });

  it('checks ids and derives keys from Vietnamese names', () => {
    expect(idProblem('dang-ky-khai-sinh', new Set(['dang-ky-khai-sinh']))).toBe('taken');
    expect(idProblem('Đăng ký', new Set())).toBe('invalid');
    expect(idProblem('dang-ky-moi', new Set())).toBeUndefined();
    expect(slugFromName('Đăng ký khai sinh lưu động')).toBe('dang-ky-khai-sinh-luu-dong');
    expect(keyFromName('Thẩm định hồ sơ')).toBe('thamDinhHoSo');
    expect(keyFromName('123')).toBe('buoc123');
  });
});

describe('dictionary and formats', () => {
  it('has every Vietnamese string in English too', () => {
    expect(Object.keys(enStrings).sort()).toEqual(Object.keys(viStrings).sort());
    for (const [k, v] of Object.entries(enStrings)) expect(v, k).not.toBe('');
  });

  it('formats numbers, durations and changes the Vietnamese way', () => {
    expect(formatNumber(1024000, 'vi')).toBe('1.024.000');
    expect(formatNumber(0.5, 'vi')).toBe('0,5');
    expect(formatNumber(8000.4, 'vi', 0)).toBe('8.000');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatPercent(-77.44, 'vi')).toBe('−77,44 %');
    expect(formatWorkingTime({ workingDays: 0 }, viStrings, 'vi', true)).toBe('Trong ngày');
    expect(formatWorkingTime({ workingHours: 0.5 }, viStrings, 'vi')).toBe('0,5 giờ');
    expect(formatHours(20, viStrings, 'vi')).toBe('2 ngày 4 giờ');
  });
});
