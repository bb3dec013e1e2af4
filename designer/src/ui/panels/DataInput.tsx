import type { Procedure } from '../../../../engine/index.ts';
import { fieldInfo } from '../../model/formModel.ts';
import { useI18n } from '../I18n.tsx';

/**
 * An input for one e-form field the conditions read, typed from the form's schema: a choice list
 * for enums, yes/no for booleans, a date or number input, else text.
 */
export function DataInput({
  procedure,
  field,
  value,
  onChange,
  idPrefix,
}: {
  procedure: Procedure;
  field: string;
  value: unknown;
  onChange: (v: unknown) => void;
  idPrefix: string;
}) {
  const { s } = useI18n();
  const info = fieldInfo(procedure, field);
  const id = `${idPrefix}-${field}`;
  return (
    <div className="field" key={field}>
      <label htmlFor={id}>{info?.title ?? field}</label>
      {info?.enum ? (
        <select
          id={id}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.target.value || undefined)}
        >
          <option value="">—</option>
          {info.enum.map((v) => (
            <option key={String(v)} value={String(v)}>
              {String(v)}
            </option>
          ))}
        </select>
      ) : info?.type === 'boolean' ? (
        <select
          id={id}
          value={value === undefined ? '' : String(value)}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'true')}
        >
          <option value="">—</option>
          <option value="true">{s.yes}</option>
          <option value="false">{s.no}</option>
        </select>
      ) : (
        <input
          id={id}
          type={
            info?.type === 'date'
              ? 'date'
              : info?.type === 'number' || info?.type === 'integer'
                ? 'number'
                : 'text'
          }
          value={value === undefined ? '' : String(value)}
          onChange={(e) => {
            const raw = e.target.value;
            if (raw === '') return onChange(undefined);
            onChange(info?.type === 'number' || info?.type === 'integer' ? Number(raw) : raw);
          }}
        />
      )}
    </div>
  );
}
