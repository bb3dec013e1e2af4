import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { useI18n } from '../I18n.tsx';
import { parseVnDate, vnDate } from './vnDate.ts';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>;

/**
 * A date typed day first (dd/mm/yyyy) in a text field, the same in every browser language.
 * `onChange` gets the date as `yyyy-mm-dd` when the text is a real date, else undefined, with
 * the text as typed.
 */
export function DateInput({
  value,
  onChange,
  ...input
}: InputProps & {
  /** `yyyy-mm-dd`, or the text of an unfinished entry. */
  value: string;
  onChange: (iso: string | undefined, text: string) => void;
}) {
  const { s } = useI18n();
  const [text, setText] = useState(() => vnDate(value));
  // A value set from outside (a preset period, a cleared form) replaces what is shown; the
  // value that typing produced does not.
  useEffect(() => {
    setText((t) => (parseVnDate(t) === value || t === value ? t : vnDate(value)));
  }, [value]);
  return (
    <input
      {...input}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={input.placeholder ?? s.datePlaceholder}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseVnDate(e.target.value), e.target.value);
      }}
    />
  );
}

/**
 * The e-forms' widget for `"format": "date"`: a day-first date field. An unfinished or
 * impossible date stays in the form data as typed, so the schema's format check reports it.
 */
export function VnDateWidget(props: WidgetProps) {
  const { id, value, required, disabled, readonly, autofocus, rawErrors } = props;
  return (
    <DateInput
      id={id}
      name={id}
      className="form-control"
      value={typeof value === 'string' ? value : ''}
      required={required}
      disabled={disabled || readonly}
      autoFocus={autofocus}
      aria-invalid={rawErrors && rawErrors.length > 0 ? true : undefined}
      // The field's error and help, as rjsf's own inputs announce them.
      aria-describedby={ariaDescribedByIds(id, !!props.schema.examples)}
      onBlur={() => props.onBlur(id, value)}
      onFocus={() => props.onFocus(id, value)}
      onChange={(iso, text) => props.onChange(iso ?? (text.trim() === '' ? undefined : text))}
    />
  );
}

/** The widgets every e-form of the app uses instead of rjsf's defaults. */
export const FORM_WIDGETS = { DateWidget: VnDateWidget };
