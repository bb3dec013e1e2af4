import { createAjv, dateLimitProblems, type Procedure } from '../../engine/index.ts';

type Validate = ReturnType<ReturnType<typeof createAjv>['compile']>;
const cache = new WeakMap<Procedure, Map<string, Validate>>();
const ajv = createAjv();

/**
 * Validate e-form data against its JSON Schema, and the dates the form declares not after today
 * (`"x-maxDate": "today"`, `today` the date in Vietnam, YYYY-MM-DD); problems carry the field
 * path (a date limit its keyword, and its message in Vietnamese).
 */
export function validateFormData(
  procedure: Procedure,
  formId: string,
  data: unknown,
  today: string,
): { path: string; message: string; keyword?: string }[] {
  let byForm = cache.get(procedure);
  if (!byForm) cache.set(procedure, (byForm = new Map()));
  let validate = byForm.get(formId);
  if (!validate) {
    const form = procedure.forms.find((f) => f.id === formId);
    if (!form) return [{ path: '', message: `unknown form ${formId}` }];
    validate = ajv.compile(form.schema);
    byForm.set(formId, validate);
  }
  const form = procedure.forms.find((f) => f.id === formId);
  const limits = dateLimitProblems(form?.schema, data, today);
  if (validate(data)) return limits;
  const problems = (validate.errors ?? []).map((e) => {
    const field =
      e.keyword === 'required'
        ? `${e.instancePath}/${String((e.params as { missingProperty: string }).missingProperty)}`
        : e.instancePath;
    return { path: `/data${field}`, message: e.message ?? e.keyword };
  });
  return [...problems, ...limits];
}
