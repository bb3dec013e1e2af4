import type { RJSFValidationError } from '@rjsf/utils';
import { fill, type Lang, type Strings } from '../../i18n/strings.ts';

/**
 * The e-form's validation messages in the officer's language: the form library reports Ajv's
 * English ("must have required property …"); each keyword gets a short sentence instead.
 */
export function localizeFormErrors(
  errors: readonly RJSFValidationError[],
  s: Strings,
  lang: Lang = 'vi',
): RJSFValidationError[] {
  return errors.map((e) => {
    const params = (e.params ?? {}) as Record<string, unknown>;
    // A limit is written as the language writes numbers (5.000 ký tự, tối thiểu 0,5).
    const n = (k: string) => {
      const v = params[k];
      return typeof v === 'number' ? v : String(v ?? '');
    };
    let message: string;
    switch (e.name) {
      case 'required':
        message = s.fe_required;
        break;
      case 'minLength':
        message = fill(s.fe_minLength, { n: n('limit') }, lang);
        break;
      case 'maxLength':
        message = fill(s.fe_maxLength, { n: n('limit') }, lang);
        break;
      case 'pattern':
        message = s.fe_pattern;
        break;
      case 'format':
        message =
          params.format === 'email'
            ? s.fe_email
            : params.format === 'date'
              ? s.fe_date
              : s.fe_pattern;
        break;
      case 'enum':
        message = s.fe_enum;
        break;
      case 'minimum':
        message = fill(s.fe_minimum, { n: n('limit') }, lang);
        break;
      case 'maximum':
        message = fill(s.fe_maximum, { n: n('limit') }, lang);
        break;
      case 'type':
        message =
          params.type === 'integer'
            ? s.fe_integer
            : params.type === 'number'
              ? s.fe_number
              : s.fe_other;
        break;
      default:
        message = s.fe_other;
    }
    return { ...e, message, stack: `${e.property ?? ''} ${message}`.trim() };
  });
}
