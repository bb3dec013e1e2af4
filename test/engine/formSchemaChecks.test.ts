import { describe, expect, it } from 'vitest';
import { validateProcedure, type Problem } from '../../engine/index.ts';
import { loadProcedure, mutate, units } from '../support/procedures.ts';

const base = loadProcedure('dang-ky-khai-sinh');
const codes = (problems: readonly Problem[]) => problems.map((p) => p.code);
const check = (value: unknown) => validateProcedure(value, { units });

/** The form schemas of all procedures are checked by one Ajv instance (#19): nothing leaks. */
describe('form schema checks shared between procedures', () => {
  it('checks the same $id in two procedures independently, and still refuses it twice in one', () => {
    const withId = mutate(base, (d) => {
      d.forms[0].schema.$id = 'urn:motcua:to-khai';
    });
    expect(check(withId)).toEqual([]);
    expect(check(withId)).toEqual([]);
    const twice = mutate(withId, (d) => {
      d.forms.push({ ...structuredClone(d.forms[0]), id: 'toKhaiHai' });
    });
    expect(codes(check(twice))).toContain('form-schema-invalid');
    // And the next procedure is not affected by the one that failed.
    expect(check(withId)).toEqual([]);
  });

  it('reports an invalid form schema the same on every check', () => {
    const bad = mutate(base, (d) => {
      d.forms[0].schema.properties.hoTenTre.pattern = '([unclosed';
    });
    const first = check(bad);
    expect(codes(first)).toContain('form-schema-invalid');
    expect(check(bad)).toEqual(first);
    expect(check(base)).toEqual([]);
  });
});
