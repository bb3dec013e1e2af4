import type { ProcedureMetrics, UnitCatalog } from '../../../../engine/index.ts';
import { formatDate, formatPercent, formatVnd } from '../../i18n/format.ts';
import type { DesignDoc } from '../../model/designDoc.ts';
import { useI18n } from '../I18n.tsx';
import { formatMetric, metricLabel, METRICS } from './metricRows.ts';
import type { ComparisonView } from './useComparison.ts';

/**
 * The simplification proposal (đề xuất đơn giản hóa) as printed: identity of the procedure, the
 * metrics before and after with the change in percent, and the list of changes. Hidden on
 * screen; the print stylesheet shows only this.
 */
export function ProposalReport({
  doc,
  catalog,
  view,
  metrics,
  changes,
  afterLabel,
}: {
  afterLabel?: string | undefined;
  doc: DesignDoc;
  catalog: UnitCatalog;
  view: ComparisonView;
  metrics: ProcedureMetrics;
  changes: { added: string[]; removed: string[]; changed: string[] } | undefined;
}) {
  const { s, f, t, lang } = useI18n();
  const p = doc.procedure;
  const diff = view.comparison?.diff;
  const level = t(catalog.levels.find((l) => l.id === p.level)?.name, p.level);
  const cost = diff?.metrics.costPerYearVnd;
  return (
    <article className="print-report" aria-hidden="true">
      <header>
        <p className="report-national">{s.reportNational}</p>
        <p className="report-motto">{s.reportMotto}</p>
        <h1>{s.proposalTitle}</h1>
        <p className="report-name">{f(s.proposalProcedure, { name: t(p.name) })}</p>
        <p>
          {p.code ? `${s.code}: ${p.code} · ` : ''}
          {s.level}: {level} · {s.field}: {p.field}
        </p>
        {view.baseline ? (
          <p>
            {f(s.proposalBasis, {
              before:
                view.baseline.label ??
                (view.baseline.source === 'saved'
                  ? s.proposalCurrent
                  : f(s.proposalOther, { name: t(view.baseline.procedure.name) })),
              after: afterLabel ?? s.proposalProposed,
            })}
          </p>
        ) : null}
      </header>
      <table className="report-table">
        <thead>
          <tr>
            <th>{s.metrics}</th>
            {diff ? <th>{s.before}</th> : null}
            <th>{diff ? s.after : ''}</th>
            {diff ? <th>{s.delta}</th> : null}
          </tr>
        </thead>
        <tbody>
          {METRICS.map((name) => {
            const d = diff?.metrics[name];
            return (
              <tr key={name}>
                <td>{metricLabel(name, s)}</td>
                {d ? <td>{formatMetric(name, d.before, s, lang)}</td> : null}
                <td>{formatMetric(name, metrics[name], s, lang)}</td>
                {d ? (
                  <td>{d.before === d.after ? '—' : formatPercent(d.deltaPercent, lang)}</td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {cost && cost.after < cost.before ? (
        <p className="report-savings">
          {f(s.proposalSavings, {
            percent: formatPercent(cost.deltaPercent, lang),
            amount: formatVnd(cost.before - cost.after, s, lang),
          })}
        </p>
      ) : null}
      {changes ? (
        <section>
          <h2>{s.changes}</h2>
          {changes.removed.length > 0 ? (
            <p>
              <strong>{s.stepsRemoved}:</strong> {changes.removed.join('; ')}
            </p>
          ) : null}
          {changes.added.length > 0 ? (
            <p>
              <strong>{s.stepsAdded}:</strong> {changes.added.join('; ')}
            </p>
          ) : null}
          {changes.changed.length > 0 ? (
            <p>
              <strong>{s.stepsChanged}:</strong> {changes.changed.join('; ')}
            </p>
          ) : null}
        </section>
      ) : null}
      <footer>
        <p>{f(s.proposalDate, { date: formatDate(new Date(), lang) })}</p>
        <p className="report-sign">{s.proposalSignature}</p>
      </footer>
    </article>
  );
}
