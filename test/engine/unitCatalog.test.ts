import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unitSubtree, validateUnitCatalog, type UnitCatalog } from '../../engine/index.ts';

const bundled = JSON.parse(readFileSync('procedures/units.json', 'utf8')) as UnitCatalog;

const withUnits = (units: UnitCatalog['units']): UnitCatalog => ({ ...bundled, units });

describe('validateUnitCatalog', () => {
  it('accepts the bundled catalog, a tree from the province down to the communes', () => {
    expect(validateUnitCatalog(bundled)).toEqual([]);
    expect(unitSubtree(bundled, 'ubnd-tinh')).toEqual(
      expect.arrayContaining(['ubnd-tinh', 'so-tai-chinh', 'ubnd-xa', 'mot-cua-xa', 'tu-phap-xa']),
    );
    expect(unitSubtree(bundled, 'ubnd-xa')).not.toContain('mot-cua-tinh');
    expect(unitSubtree(bundled, 'tu-phap-xa')).toEqual(['tu-phap-xa']);
  });

  it('names an unknown parent, a cycle, an unknown level and a duplicate id by their paths', () => {
    const unit = (id: string, parent?: string, level = 'commune') => ({
      id,
      name: { vi: id },
      level,
      ...(parent ? { parent } : {}),
    });
    const problems = validateUnitCatalog(
      withUnits([
        unit('a', 'b'),
        unit('b', 'c'),
        unit('c', 'a'),
        unit('d', 'khong-co'),
        unit('e', undefined, 'vu-tru'),
        unit('e'),
      ]),
    );
    const by = (code: string) => problems.filter((p) => p.code === code).map((p) => p.path);
    expect(by('units.parent-cycle')).toEqual([
      '/units/0/parent',
      '/units/1/parent',
      '/units/2/parent',
    ]);
    expect(by('units.unknown-parent')).toEqual(['/units/3/parent']);
    expect(by('units.unknown-level')).toEqual(['/units/4/level']);
    expect(by('units.duplicate-id')).toEqual(['/units/5/id']);
    expect(problems.every((p) => p.message.vi.length > 0 && p.message.en.length > 0)).toBe(true);
  });

  it('answers junk with problems, never a throw', () => {
    expect(validateUnitCatalog('{ "units": [').length).toBeGreaterThan(0);
    expect(validateUnitCatalog('{"levels": 3}').map((p) => p.path)).toContain('/levels');
    expect(validateUnitCatalog(42).length).toBeGreaterThan(0);
  });
});
