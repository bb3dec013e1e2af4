import { receptionForm, type Procedure } from '../../../../engine/index.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../I18n.tsx';

/**
 * The e-form data of a dossier as the officer reads it: each field under its Vietnamese title,
 * in the order of the form; fields the form does not name come last under their keys.
 */
export function FormDataList({
  procedure,
  data,
}: {
  procedure: Procedure;
  data: Readonly<Record<string, unknown>>;
}) {
  const { s, lang } = useI18n();
  const form = receptionForm(procedure);
  const properties = (form?.schema.properties ?? {}) as Record<
    string,
    { title?: string; format?: string }
  >;
  const keys = [
    ...Object.keys(properties).filter((k) => data[k] !== undefined && data[k] !== ''),
    ...Object.keys(data).filter((k) => !(k in properties)),
  ];
  if (keys.length === 0) return <p className="muted small">{s.none}</p>;
  const show = (key: string, value: unknown): string => {
    if (typeof value === 'boolean') return value ? s.yes : s.no;
    if (
      typeof value === 'string' &&
      properties[key]?.format === 'date' &&
      /^\d{4}-\d{2}-\d{2}$/.test(value)
    )
      return formatDate(value, lang);
    if (typeof value === 'number') return formatNumber(value, lang, 6);
    if (typeof value === 'string') return value;
    return JSON.stringify(value);
  };
  return (
    <dl className="facts">
      {keys.map((k) => (
        <div key={k} className="fact">
          <dt>{properties[k]?.title ?? k}</dt>
          <dd>{show(k, data[k])}</dd>
        </div>
      ))}
    </dl>
  );
}
