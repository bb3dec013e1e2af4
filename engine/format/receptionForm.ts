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
