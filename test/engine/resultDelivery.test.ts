import { describe, expect, it } from 'vitest';
import { resultDeliveryOf, validateProcedure, type Procedure } from '../../engine/index.ts';
import { loadProcedure, mutate, units } from '../support/procedures.ts';

const birth = loadProcedure('dang-ky-khai-sinh');

describe('resultDelivery in the procedure format', () => {
  it('is optional: a full online service with a result document delivers online and at the desk', () => {
    expect(resultDeliveryOf(birth as Procedure)).toEqual(['electronic', 'desk']);
    const partial = mutate(birth, (d) => {
      d.onlineService = 'partial';
    });
    expect(resultDeliveryOf(partial as Procedure)).toEqual(['desk']);
    const noDocument = mutate(birth, (d) => {
      delete d.resultDocument;
    });
    expect(resultDeliveryOf(noDocument as Procedure)).toEqual(['desk']);
  });

  it('when declared, says it all and validates', () => {
    const posted = mutate(birth, (d) => {
      d.resultDelivery = ['post', 'desk'];
    });
    expect(validateProcedure(posted, { units })).toEqual([]);
    expect(resultDeliveryOf(posted as Procedure)).toEqual(['post', 'desk']);
    for (const bad of [[], ['email'], ['desk', 'desk']]) {
      const problems = validateProcedure(
        mutate(birth, (d) => {
          d.resultDelivery = bad;
        }),
        { units },
      );
      expect(problems.map((p) => p.path).join(' '), JSON.stringify(bad)).toMatch(
        /\/resultDelivery/,
      );
    }
  });
});
