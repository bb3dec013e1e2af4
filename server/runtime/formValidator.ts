import { createAjv, type Procedure } from '../../engine/index.ts';

type Validate = ReturnType<ReturnType<typeof createAjv>['compile']>;
const cache = new WeakMap<Procedure, Map<string, Validate>>();
const ajv = createAjv();

/** Validate e-form data against its JSON Schema; problems carry the field path. */
export function validateFormData(
  procedure: Procedure,
  formId: string,
  data: unknown,
): { path: string; message: string }[] {
  let byForm = cache.get(procedure);
  if (!byForm) cache.set(procedure, (byForm = new Map()));
  let validate = byForm.get(formId);
  if (!validate) {
    const form = procedure.forms.find((f) => f.id === formId);
    if (!form) return [{ path: '', message: `unknown form ${formId}` }];
    validate = ajv.compile(form.schema);
    byForm.set(formId, validate);
  }
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => {
    const field =
      e.keyword === 'required'
        ? `${e.instancePath}/${String((e.params as { missingProperty: string }).missingProperty)}`
        : e.instancePath;
    return { path: `/data${field}`, message: e.message ?? e.keyword };
  });
}
