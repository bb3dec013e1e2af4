import { useMemo } from 'react';
import { procedureMetrics, type Procedure, type UnitCatalog } from '../../../../engine/index.ts';
import { formatWorkingTime } from '../../i18n/format.ts';
import { useI18n } from '../I18n.tsx';
import { formatMetric, metricLabel } from './metricRows.ts';

/** What the properties panel shows with nothing selected: the procedure at a glance. */
export function ProcedureSummary({
  procedure,
  catalog,
}: {
  procedure: Procedure;
  catalog: UnitCatalog;
}) {
  const { s, t, lang } = useI18n();
  const metrics = useMemo(() => procedureMetrics(procedure), [procedure]);
  const level = t(catalog.levels.find((l) => l.id === procedure.level)?.name, procedure.level);
  const rows: [string, string][] = [
    [s.deadline, formatWorkingTime(procedure.deadline, s, lang, true)],
    // Deadline variants and lawful extensions: the other legal times the procedure declares.
    ...(procedure.deadlineVariants ?? []).map((v): [string, string] => [
      `${s.deadline} · ${t(v.name)}`,
      formatWorkingTime(v.deadline, s, lang, true),
    ]),
    ...Object.values(procedure.lawfulExtensions ?? {}).map((e): [string, string] => [
      t(e.name),
      `+${formatWorkingTime(e.by, s, lang, true)}`,
    ]),
    [metricLabel('steps', s), formatMetric('steps', metrics.steps, s, lang)],
    [metricLabel('units', s), formatMetric('units', metrics.units, s, lang)],
    [metricLabel('handOffs', s), formatMetric('handOffs', metrics.handOffs, s, lang)],
    [
      metricLabel('citizenVisits', s),
      formatMetric('citizenVisits', metrics.citizenVisits, s, lang),
    ],
    [metricLabel('documents', s), formatMetric('documents', metrics.documents, s, lang)],
    [
      metricLabel('feesVnd', s),
      metrics.feesVnd === 0 ? s.free : formatMetric('feesVnd', metrics.feesVnd, s, lang),
    ],
  ];
  return (
    <div className="panel-section summary">
      <h2 className="panel-title">{t(procedure.name)}</h2>
      <p className="muted small">
        {procedure.code ? `${s.code} ${procedure.code} · ` : ''}
        {level} · {procedure.field}
      </p>
      <dl className="summary-list">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="hint-box">{s.nothingSelected}</p>
    </div>
  );
}
