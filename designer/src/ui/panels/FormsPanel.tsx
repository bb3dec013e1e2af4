import type { RJSFSchema } from '@rjsf/utils';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Procedure } from '../../../../engine/index.ts';
import {
  addField,
  fieldRows,
  moveField,
  removeField,
  setField,
  type FieldRow,
  type FieldType,
} from '../../model/formModel.ts';
import { keyFromName, uniqueKey } from '../../model/statePaths.ts';
import { Field, LocalizedInput, TextInput } from '../controls.tsx';
import type { Exec } from '../editor/Editor.tsx';
import { useI18n } from '../I18n.tsx';
import { NEW_DATA } from '../../model/newData.ts';

type FormSpec = Procedure['forms'][number];
const TYPES: readonly FieldType[] = ['string', 'number', 'integer', 'boolean', 'date'];
const FormPreview = lazy(() =>
  import('./FormPreview.tsx').then((m) => ({ default: m.FormPreview })),
);

function FieldEditor({
  row,
  index,
  count,
  onChange,
  onMove,
  onRemove,
  taken,
}: {
  taken: ReadonlySet<string>;
  row: FieldRow;
  index: number;
  count: number;
  onChange: (row: FieldRow) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { s } = useI18n();
  return (
    <div className="list-card field-editor">
      <Field label={s.fieldTitle}>
        {(id) => (
          <TextInput id={id} value={row.title} onChange={(title) => onChange({ ...row, title })} />
        )}
      </Field>
      <div className="grid-3">
        <Field label={s.fieldType}>
          {(id) => (
            <select
              id={id}
              value={row.type}
              onChange={(e) => onChange({ ...row, type: e.target.value as FieldType })}
            >
              {TYPES.map((type) => (
                <option key={type} value={type}>
                  {s[`type_${type}`]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={s.fieldKey}>
          {(id) => (
            <TextInput
              id={id}
              value={row.key}
              onChange={(key) =>
                /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) && !taken.has(key) && onChange({ ...row, key })
              }
            />
          )}
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={row.required}
            onChange={(e) => onChange({ ...row, required: e.target.checked })}
          />{' '}
          {s.fieldRequired}
        </label>
      </div>
      {row.type === 'string' ? (
        <details open={!!row.pattern || !!row.enum}>
          <summary className="small">{s.fieldChecks}</summary>
          <Field label={s.fieldPattern}>
            {(id) => (
              <TextInput
                id={id}
                value={row.pattern ?? ''}
                onChange={(pattern) => onChange({ ...row, pattern: pattern || undefined })}
              />
            )}
          </Field>
          <Field label={s.fieldEnum}>
            {(id) => (
              <TextInput
                id={id}
                multiline
                value={(row.enum ?? []).join('\n')}
                onChange={(text) => {
                  const list = text
                    .split('\n')
                    .map((x) => x.trim())
                    .filter(Boolean);
                  onChange({ ...row, enum: list.length > 0 ? list : undefined });
                }}
              />
            )}
          </Field>
        </details>
      ) : null}
      <div className="panel-row">
        <button
          type="button"
          className="btn btn-small btn-ghost"
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          ↑ {s.moveUp}
        </button>
        <button
          type="button"
          className="btn btn-small btn-ghost"
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          ↓ {s.moveDown}
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={onRemove}>
          {s.deleteField}
        </button>
      </div>
    </div>
  );
}

/** The e-forms: their fields with Vietnamese titles, types, patterns and choices, and a live preview. */
export function FormsPanel({
  procedure,
  exec,
  focus,
}: {
  procedure: Procedure;
  exec: Exec;
  focus?: { form: number; field?: string };
}) {
  const { s, t } = useI18n();
  const [current, setCurrent] = useState(focus?.form ?? 0);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) setCurrent(focus.form);
  }, [focus]);
  useEffect(() => {
    if (!focus?.field) return;
    root.current?.querySelector<HTMLElement>(`[data-field="${focus.field}"] input`)?.focus();
  }, [focus]);
  const index = Math.min(current, Math.max(0, procedure.forms.length - 1));
  const form = procedure.forms[index];
  const setForm = (next: FormSpec, field: string) =>
    exec(
      {
        type: 'updateProcedure',
        patch: { forms: procedure.forms.map((f, i) => (i === index ? next : f)) },
      },
      s.cmd_updateProcedure,
      `form:${index}:${field}`,
    );
  const addForm = () => {
    const id = uniqueKey(new Set(procedure.forms.map((f) => f.id)), 'bieuMau');
    exec(
      {
        type: 'updateProcedure',
        patch: {
          forms: [
            ...procedure.forms,
            {
              id,
              title: NEW_DATA.form,
              schema: {
                type: 'object',
                properties: { hoTen: { type: 'string', title: NEW_DATA.formFirstField } },
              },
            },
          ],
        },
      },
      s.cmd_updateProcedure,
    );
    setCurrent(procedure.forms.length);
  };
  const rows = form ? fieldRows(form) : [];
  const rjsfSchema = form ? ({ ...form.schema, title: t(form.title) } as RJSFSchema) : undefined;

  return (
    <div className="panel-section" ref={root} data-testid="forms-panel">
      <h2 className="panel-title">{s.forms}</h2>
      {procedure.forms.length === 0 ? <p className="muted">{s.noForms}</p> : null}
      {procedure.forms.length > 1 ? (
        <div className="field">
          <label htmlFor="form-pick">{s.formTitle}</label>
          <select id="form-pick" value={index} onChange={(e) => setCurrent(Number(e.target.value))}>
            {procedure.forms.map((f, i) => (
              <option key={f.id} value={i}>
                {t(f.title)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {form ? (
        <>
          <div className="muted small">
            <code>{form.id}</code>
          </div>
          <LocalizedInput
            label={s.formTitle}
            value={form.title}
            onChange={(title) => title && setForm({ ...form, title }, 'title')}
          />
          <h3>{s.formFields}</h3>
          {rows.map((row, i) => (
            <div key={i} data-field={row.key}>
              <FieldEditor
                taken={new Set(rows.filter((r) => r.key !== row.key).map((r) => r.key))}
                row={row}
                index={i}
                count={rows.length}
                onChange={(next) => setForm(setField(form, row.key, next), `field:${i}`)}
                onMove={(delta) => setForm(moveField(form, row.key, delta), `move:${row.key}`)}
                onRemove={() => setForm(removeField(form, row.key), `remove:${row.key}`)}
              />
            </div>
          ))}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              const key = uniqueKey(
                new Set(rows.map((r) => r.key)),
                keyFromName(NEW_DATA.field, 'truong'),
              );
              setForm(addField(form, key, NEW_DATA.field), `add:${key}`);
            }}
          >
            + {s.addField}
          </button>
          <section className="subsection form-preview" aria-label={s.preview}>
            <h3>{s.preview}</h3>
            <Suspense fallback={<p className="muted small">{s.loading}</p>}>
              <FormPreview schema={rjsfSchema!} />
            </Suspense>
          </section>
          <div className="panel-actions">
            <button
              type="button"
              className="btn btn-small btn-danger"
              onClick={() =>
                exec(
                  {
                    type: 'updateProcedure',
                    patch: { forms: procedure.forms.filter((_, i) => i !== index) },
                  },
                  s.cmd_updateProcedure,
                )
              }
            >
              {s.deleteForm}
            </button>
          </div>
        </>
      ) : null}
      <button type="button" className="btn btn-small btn-ghost" onClick={addForm}>
        + {s.addForm}
      </button>
    </div>
  );
}
