import { describe, expect, it } from 'vitest';
import { validateProcedure } from '../../engine/index.ts';
import { loadProcedure, units } from '../support/procedures.ts';

describe('validateProcedure on malformed input', () => {
  it('reports a JSON syntax error with its line and column', () => {
    const problems = validateProcedure('{\n  "id": "x",\n  "name": }', { units });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'json-syntax', path: '', severity: 'error' });
    expect(problems[0]!.message.en).toMatch(/line 3, column 11/);
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['a string of JSON text that is an array', '[1,2]'],
    ['an array', [1, 2, 3]],
    ['an empty object', {}],
    ['undefined', undefined],
  ])('turns %s into problems, never an exception', (_, input) => {
    const problems = validateProcedure(input, { units });
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(typeof p.path).toBe('string');
  });

  it('answers a 5 MB file with problems', () => {
    const big = loadProcedure('dang-ky-khai-sinh') as any;
    big.legalBasis = Array.from({ length: 40_000 }, (_, i) => ({
      number: `${i}/QĐ`,
      title: 'x'.repeat(100),
      bogus: i,
    }));
    const text = JSON.stringify(big);
    expect(text.length).toBeGreaterThan(5_000_000);
    const problems = validateProcedure(text, { units });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.length).toBeLessThanOrEqual(100);
    expect(problems[0]!.path).toMatch(/^\/legalBasis\/\d+\/bogus$/);
  });

  it('answers deeply nested junk with a path to where it gets too deep', () => {
    const depth = 100_000;
    const text = '['.repeat(depth) + ']'.repeat(depth);
    const problems = validateProcedure(text, { units });
    expect(problems.length).toBeGreaterThan(0);
    let value: unknown = 1;
    for (let i = 0; i < 200; i++) value = { states: value };
    const deep = validateProcedure(
      { ...loadProcedure('dang-ky-khai-sinh'), machine: value },
      { units },
    );
    expect(deep[0]).toMatchObject({ code: 'too-deep' });
    expect(deep[0]!.path.startsWith('/machine/states/states')).toBe(true);
  });

  it('reports a wrong type with the path of the field', () => {
    const p = { ...loadProcedure('dang-ky-khai-sinh'), fees: 'miễn phí' };
    expect(validateProcedure(p, { units })).toEqual([
      expect.objectContaining({ code: 'schema.type', path: '/fees' }),
    ]);
  });
});
