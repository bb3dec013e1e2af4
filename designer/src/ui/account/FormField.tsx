import type { ReactNode } from 'react';

/** What a control needs to be tied to its label, hint and message for screen readers. */
export interface FieldAria {
  readonly id: string;
  readonly 'aria-invalid': boolean;
  readonly 'aria-describedby': string | undefined;
}

/** The ids of the hint and the message that describe a control (none when it has neither). */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** A message in red under a field (or a group of checkboxes), when there is one. */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <div className="hint hint-error" id={`${id}-error`}>
      {error}
    </div>
  ) : null;
}

/**
 * A labelled control with, right under it, what is wrong with it (the client's check or the
 * server's problem for that field), then its hint.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (aria: FieldAria) => ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': !!error,
        'aria-describedby': describedBy(id, hint, error),
      })}
      <FieldError id={id} error={error} />
      {hint ? (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}
