import type { Procedure } from './procedureSchema.ts';

/**
 * The e-form filled at reception (tờ khai): the initial step's form, else the procedure's first
 * form; undefined for a procedure without e-forms.
 */
export function receptionForm(procedure: Procedure): Procedure['forms'][number] | undefined {
  const initial = procedure.machine.states[procedure.machine.initial];
  const id = initial?.meta?.form;
  return procedure.forms.find((f) => f.id === id) ?? procedure.forms[0];
}

/** A way the citizen receives the result (`resultDelivery` of the procedure file). */
export type ResultDelivery = 'electronic' | 'desk' | 'post';

/**
 * How the citizen may receive the result: the file's `resultDelivery`, else collection at the
 * desk, plus the electronic result for a full online service (toàn trình) that issues a result
 * document (the signed PDF).
 */
export function resultDeliveryOf(procedure: Procedure): readonly ResultDelivery[] {
  if (procedure.resultDelivery) return procedure.resultDelivery;
  return procedure.onlineService === 'full' && procedure.resultDocument
    ? ['electronic', 'desk']
    : ['desk'];
}
