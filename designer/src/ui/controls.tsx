import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { LocalizedText, WorkingTime } from '../../../engine/index.ts';
import { useI18n } from './I18n.tsx';
import { useDialogFocus } from './a11y/useDialogFocus.ts';

/** A labelled control: the label is tied to the input for screen readers. */
export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint ? <div className="hint">{hint}</div> : null}
    </div>
  );
}

/**
 * A text input that edits locally and commits on every change; the value follows the document
 * when it changes from elsewhere (undo), without fighting the caret while typing.
 */
export function TextInput({
  id,
  value,
  onChange,
  placeholder,
  multiline = false,
  ariaLabel,
  type = 'text',
}: {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  multiline?: boolean;
  ariaLabel?: string;
  type?: 'text' | 'number' | 'date';
}) {
  const [draft, setDraft] = useState(value);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);
  const props = {
    id,
    value: draft,
    placeholder,
    'aria-label': ariaLabel,
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
      setDraft(value);
    },
    onChange: (e: { target: { value: string } }) => {
      setDraft(e.target.value);
      onChange(e.target.value);
    },
  };
  return multiline ? <textarea rows={3} {...props} /> : <input type={type} {...props} />;
}

/** Vietnamese and English text of a localized field. */
export function LocalizedInput({
  label,
  value,
  onChange,
  optional = false,
}: {
  label: string;
  value: LocalizedText | undefined;
  onChange: (value: LocalizedText | undefined) => void;
  optional?: boolean;
}) {
  const { s } = useI18n();
  const vi = value?.vi ?? '';
  const en = value?.en ?? '';
  const emit = (nextVi: string, nextEn: string) => {
    if (!nextVi && !nextEn && optional) return onChange(undefined);
    onChange({ vi: nextVi || nextEn, ...(nextEn ? { en: nextEn } : {}) });
  };
  return (
    <fieldset className="localized">
      <legend>{label}</legend>
      <Field label={s.textVi}>
        {(id) => <TextInput id={id} value={vi} onChange={(v) => emit(v, en)} />}
      </Field>
      <Field label={s.textEn}>
        {(id) => <TextInput id={id} value={en} onChange={(v) => emit(vi, v)} />}
      </Field>
    </fieldset>
  );
}

/** A working time: an amount and its unit (working days or hours). */
export function WorkingTimeInput({
  label,
  value,
  onChange,
  allowEmpty = true,
  hint,
}: {
  label: string;
  value: WorkingTime | undefined;
  onChange: (value: WorkingTime | undefined) => void;
  allowEmpty?: boolean;
  hint?: string;
}) {
  const { s } = useI18n();
  const id = useId();
  const unit = value && 'workingHours' in value ? 'workingHours' : 'workingDays';
  const amount = value
    ? 'workingHours' in value
      ? value.workingHours
      : value.workingDays
    : undefined;
  const emit = (text: string, u: string) => {
    const n = Number(text.replace(',', '.'));
    if (text.trim() === '' && allowEmpty) return onChange(undefined);
    if (!Number.isFinite(n) || n < 0) return;
    onChange(u === 'workingHours' ? { workingHours: n } : { workingDays: n });
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="inline">
        <TextInput
          id={id}
          value={amount === undefined ? '' : String(amount)}
          onChange={(v) => emit(v, unit)}
        />
        <select
          aria-label={`${label}: ${s.workingDays} / ${s.workingHours}`}
          value={unit}
          onChange={(e) => emit(amount === undefined ? '1' : String(amount), e.target.value)}
        >
          <option value="workingDays">{s.workingDays}</option>
          <option value="workingHours">{s.workingHours}</option>
        </select>
      </div>
      {hint ? <div className="hint">{hint}</div> : null}
    </div>
  );
}

/** A modal dialog: focus moves into it and stays there, Escape closes it, focus goes back. */
export function Dialog({
  title,
  onClose,
  children,
  actions,
  labelledBy,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  actions: ReactNode;
  labelledBy?: string;
}) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useDialogFocus(ref, onClose);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy ?? id}
        ref={ref}
      >
        <h2 id={id}>{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">{actions}</div>
      </div>
    </div>
  );
}

/**
 * A dialog's buttons: cancel, then the action — submitting `form` when given, else `onConfirm`
 * — whose label says it is working while `busy`.
 */
export function DialogButtons({
  label,
  busy,
  onCancel,
  form,
  onConfirm,
  danger = false,
}: {
  label: string;
  busy: boolean;
  onCancel: () => void;
  form?: string;
  onConfirm?: () => void;
  /** A destructive action (locking an account) is drawn in red. */
  danger?: boolean;
}) {
  const { s } = useI18n();
  return (
    <>
      <button type="button" className="btn btn-ghost" onClick={onCancel}>
        {s.cancel}
      </button>
      <button
        type={form ? 'submit' : 'button'}
        form={form}
        className={danger ? 'btn btn-danger' : 'btn btn-primary'}
        disabled={busy}
        onClick={onConfirm}
      >
        {busy ? s.working : label}
      </button>
    </>
  );
}

/** A small count badge (errors in red, warnings in amber). */
export function Badge({
  tone,
  children,
  title,
}: {
  tone: 'error' | 'warning' | 'ok' | 'info';
  children: ReactNode;
  title?: string;
}) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

/** An error message announced to screen readers; nothing when there is no error. */
export function ErrorAlert({ message }: { message: string | undefined }) {
  return message ? (
    <div className="alert alert-error" role="alert">
      {message}
    </div>
  ) : null;
}
