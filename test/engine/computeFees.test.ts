import { describe, expect, it } from 'vitest';
import { computeFees, formatVnd, validateProcedure, type Problem } from '../../engine/index.ts';
import { loadProcedure, mutate, units } from '../support/procedures.ts';

const permit = loadProcedure('cap-giay-phep-xay-dung-nha-o');
const codes = (problems: readonly Problem[]) => problems.map((p) => `${p.code} ${p.path}`);

/** The permit with a fee in tiers of floor area, a registration rate and a per-copy charge. */
const priced = mutate(permit, (d) => {
  d.fees = [
    {
      name: { vi: 'Lệ phí cấp giấy phép xây dựng', en: 'Permit fee' },
      amountVnd: 75000,
      compute: {
        kind: 'tiers',
        field: 'dienTichSan',
        tiers: [
          { upTo: 250, amountVnd: 75000 },
          { upTo: 500, amountVnd: 150000 },
          { amountVnd: 300000 },
        ],
      },
    },
    {
      name: { vi: 'Phí thẩm định', en: 'Appraisal charge' },
      amountVnd: 100000,
      compute: { kind: 'rate', field: 'dienTichSan', ratePercent: 0.5, minVnd: 100000 },
    },
    {
      name: { vi: 'Bản sao giấy phép', en: 'Copies of the permit' },
      amountVnd: 0,
      compute: { kind: 'perUnit', field: 'soTang', unitVnd: 8000, freeUnits: 1 },
    },
    { name: { vi: 'Lệ phí cố định', en: 'Fixed charge' }, amountVnd: 20000 },
  ];
});

describe('computeFees', () => {
  it('picks the tier the value falls in, inclusive of its upper bound', () => {
    const at = (dienTichSan: number) => computeFees(priced, { dienTichSan, soTang: 1 }).items[0]!;
    expect(at(100)).toMatchObject({ amountVnd: 75000, rule: { kind: 'tier', tier: 0 } });
    expect(at(250)).toMatchObject({ amountVnd: 75000, rule: { kind: 'tier', tier: 0 } });
    expect(at(250.5)).toMatchObject({ amountVnd: 150000, rule: { kind: 'tier', tier: 1 } });
    expect(at(620)).toMatchObject({ amountVnd: 300000, rule: { kind: 'tier', tier: 2 } });
    expect(at(620).basis.vi).toBe(
      'Tổng diện tích sàn xây dựng (m²) = 620 (bậc 3: > 500): 300.000 đ',
    );
  });

  it('applies a rate rounded to the dong, clamped by its minimum, and charges per unit above the free ones', () => {
    const fees = computeFees(priced, { dienTichSan: 30_000_000, soTang: 3 });
    expect(fees.items.map((i) => i.amountVnd)).toEqual([300000, 150000, 16000, 20000]);
    expect(fees.items[1]!.rule).toMatchObject({ kind: 'rate', ratePercent: 0.5 });
    expect(fees.items[2]!.rule).toMatchObject({ kind: 'perUnit', charged: 2 });
    expect(fees.totalVnd).toBe(486000);
    expect(fees.complete).toBe(true);
    const small = computeFees(priced, { dienTichSan: 240, soTang: 1 });
    expect(small.items[1]).toMatchObject({ amountVnd: 100000, rule: { bound: 'min' } });
    expect(small.items[2]!.amountVnd).toBe(0);
  });

  it('leaves an item undetermined when its field is missing or not a number, and says so', () => {
    const fees = computeFees(priced, { dienTichSan: '600', soTang: 2 });
    expect(fees.items[0]).toMatchObject({
      amountVnd: null,
      rule: { kind: 'undetermined', field: 'dienTichSan', reason: 'not-a-number' },
    });
    expect(fees.complete).toBe(false);
    expect(fees.totalVnd).toBe(8000 + 20000);
    expect(computeFees(priced, {}).items[2]!.rule).toMatchObject({ reason: 'missing' });
  });

  it('keeps fixed fees as they are and writes amounts the Vietnamese way', () => {
    expect(computeFees(permit, {}).items.every((i) => i.rule.kind === 'fixed')).toBe(true);
    expect(formatVnd(1234000)).toBe('1.234.000 đ');
  });
});

describe('validating computed fees', () => {
  it('accepts well-formed rules on number fields', () => {
    expect(validateProcedure(priced, { units }).filter((p) => p.path.startsWith('/fees'))).toEqual(
      [],
    );
  });

  it('names a field that is not in the form, a text field, tiers out of order, an open tier in the middle, a gap above the last tier', () => {
    const bad = mutate(priced, (d) => {
      d.fees[0].compute.tiers = [
        { upTo: 500, amountVnd: 1 },
        { amountVnd: 2 },
        { upTo: 400, amountVnd: 3 },
      ];
      d.fees[1].compute.field = 'dienTichKhongCo';
      d.fees[2].compute.field = 'diaDiemXayDung';
      d.fees[3].compute = {
        kind: 'tiers',
        field: 'soTang',
        tiers: [
          { upTo: 2, amountVnd: 1 },
          { upTo: 2, amountVnd: 2 },
        ],
      };
    });
    const problems = validateProcedure(bad, { units });
    expect(codes(problems)).toEqual(
      expect.arrayContaining([
        'fee-tier-open /fees/0/compute/tiers/1',
        'fee-tier-gap /fees/0/compute/tiers/2',
        'unknown-field /fees/1/compute/field',
        'fee-field-not-number /fees/2/compute/field',
        'fee-tier-order /fees/3/compute/tiers/1/upTo',
      ]),
    );
    expect(problems.find((p) => p.code === 'fee-tier-gap')!.severity).toBe('warning');
    expect(problems.find((p) => p.code === 'unknown-field')!.message.vi).toContain(
      'trường "dienTichKhongCo" không có trong biểu mẫu',
    );
  });

  it('rejects a rule of an unknown kind structurally', () => {
    const bad = mutate(priced, (d) => {
      d.fees[0].compute = { kind: 'formula', field: 'dienTichSan', expression: 'x*2' };
    });
    expect(validateProcedure(bad, { units }).some((p) => p.path.startsWith('/fees/0'))).toBe(true);
  });
});
