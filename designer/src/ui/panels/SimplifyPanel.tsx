import { useMemo } from 'react';
import { procedureMetrics, type UnitCatalog } from '../../../../engine/index.ts';
import { api } from '../../api/client.ts';
import { formatDate, formatPercent } from '../../i18n/format.ts';
import { parseLayout, type DesignDoc } from '../../model/designDoc.ts';
import { getState, lastKey } from '../../model/statePaths.ts';
import { useI18n } from '../I18n.tsx';
import { useProcedureList } from '../office/useProcedureList.ts';
import { formatMetric, metricLabel, METRICS } from './metricRows.ts';
import { ProposalReport } from './ProposalReport.tsx';
import type { Baseline, ComparisonView } from './useComparison.ts';
import { loadVersion, useVersions, VersionHistory, VersionOptions } from './VersionChoices.tsx';

/**
 * Simplification: the metrics of the procedure (steps, units, hand-offs, legal vs critical-path
 * time, visits, documents, compliance cost) and a before/after comparison with the saved version
 * or another procedure, printable as the simplification proposal (đề xuất đơn giản hóa).
 */
export function SimplifyPanel({
  id,
  doc,
  catalog,
  view,
  saved,
  onBaseline,
  after,
  onAfter,
}: {
  id: string;
  /** The side compared: the copy being edited, or the version chosen as `after`. */
  doc: DesignDoc;
  catalog: UnitCatalog;
  view: ComparisonView;
  saved: Baseline | undefined;
  onBaseline: (baseline: Baseline | undefined) => void;
  after: Baseline | undefined;
  onAfter: (after: Baseline | undefined) => void;
}) {
  const { s, f, t, lang } = useI18n();
  const { versions, git } = useVersions(id);
  const versionLabel = (version: string, date: string) =>
    date && Date.parse(date) > 0
      ? f(s.proposalVersion, { version, date: formatDate(date, lang) })
      : f(s.proposalVersion, { version, date: '—' });
  const library = useProcedureList();
  const others = useMemo(() => (library ?? []).filter((i) => i.id !== id), [library, id]);
  const metrics = useMemo(() => procedureMetrics(doc.procedure), [doc.procedure]);
  const diff = view.comparison?.diff;
  const choice = view.baseline?.source ?? '';
  const unitName = (u: string) => t(catalog.units.find((x) => x.id === u)?.name, u);
  const stepName = (path: string, before: boolean) => {
    const machine =
      before && view.baseline ? view.baseline.procedure.machine : doc.procedure.machine;
    return t(getState(machine, path)?.meta?.name, lastKey(path));
  };
  const changes = diff
    ? {
        added: diff.steps.filter((c) => c.kind === 'added').map((c) => stepName(c.key, false)),
        removed: diff.steps.filter((c) => c.kind === 'removed').map((c) => stepName(c.key, true)),
        changed: diff.steps.filter((c) => c.kind === 'changed').map((c) => stepName(c.key, false)),
      }
    : undefined;

  return (
    <aside className="side-panel simplify-panel" aria-label={s.modeSimplify} data-testid="simplify">
      <div className="panel-section">
        <h2 className="panel-title">{s.compare}</h2>
        <div className="field">
          <label htmlFor="compare-with">{s.compareWith}</label>
          <select
            id="compare-with"
            value={choice}
            onChange={async (e) => {
              const value = e.target.value;
              if (value === 'saved') return onBaseline(saved);
              if (!value) return onBaseline(undefined);
              if (value.startsWith('version:') || value.startsWith('git:'))
                return onBaseline(await loadVersion(id, value, versions, versionLabel));
              const r = await api.procedure(value);
              onBaseline({ procedure: r.procedure, layout: parseLayout(r.layout), source: value });
            }}
          >
            {saved ? <option value="saved">{s.compareSaved}</option> : <option value="">—</option>}
            <VersionOptions versions={versions} git={git} />
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {t(o.name)} ({o.id})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="compare-after">{s.compareAfter}</label>
          <select
            id="compare-after"
            value={after?.source ?? ''}
            onChange={async (e) => {
              const value = e.target.value;
              onAfter(value ? await loadVersion(id, value, versions, versionLabel) : undefined);
            }}
          >
            <option value="">{s.compareDraft}</option>
            <VersionOptions versions={versions} git={git} />
          </select>
        </div>
        <table className="table metrics-table" data-testid="metrics-table">
          <caption className="sr-only">{s.metrics}</caption>
          <thead>
            <tr>
              <th scope="col">{s.metrics}</th>
              {diff ? (
                <th scope="col" className="num">
                  {s.before}
                </th>
              ) : null}
              <th scope="col" className="num">
                {diff ? s.after : ''}
              </th>
              {diff ? (
                <th scope="col" className="num">
                  {s.delta}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {METRICS.map((name) => {
              const d = diff?.metrics[name];
              const tone =
                d && d.after !== d.before ? (d.after < d.before ? 'better' : 'worse') : '';
              return (
                <tr key={name} className={tone}>
                  <th scope="row">{metricLabel(name, s)}</th>
                  {d ? <td className="num">{formatMetric(name, d.before, s, lang)}</td> : null}
                  <td className="num">{formatMetric(name, metrics[name], s, lang)}</td>
                  {d ? (
                    <td className={`num delta ${tone}`}>
                      {d.after === d.before ? '—' : formatPercent(d.deltaPercent, lang)}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="muted small">
          {metricLabel('citizenHours', s)}:{' '}
          {formatMetric('citizenHours', metrics.citizenHours, s, lang)} ·{' '}
          {metricLabel('hourlyIncomeVnd', s)}:{' '}
          {formatMetric('hourlyIncomeVnd', metrics.hourlyIncomeVnd, s, lang)} ·{' '}
          {metricLabel('applicantsPerYear', s)}:{' '}
          {formatMetric('applicantsPerYear', metrics.applicantsPerYear, s, lang)}
        </p>
        <section className="subsection">
          <h3>{s.mainPath}</h3>
          <p className="muted small">{s.mainPathNote}</p>
          <p className="small" data-testid="citizen-visits">
            {metrics.onlineVisit
              ? t(metrics.onlineVisit)
              : f(s.citizenVisitsAt, {
                  steps: metrics.visits.map((v) => t(v.name, v.step)).join('; ') || '—',
                })}
          </p>
          <ol className="main-path">
            {metrics.mainPath.map((step, i) => (
              <li key={`${step.step}-${i}`}>
                {stepName(step.step, false)}
                <span className="muted small">
                  {' '}
                  · {step.unit ? unitName(step.unit) : ''} ·{' '}
                  {formatMetric('criticalPathHours', step.hours, s, lang)}
                </span>
              </li>
            ))}
          </ol>
        </section>
        {diff && changes ? (
          <section className="subsection" aria-label={s.changes}>
            <h3>{s.changes}</h3>
            {!diff.changed ? <p className="muted">{s.compareNone}</p> : null}
            {diff.deadline ? (
              <p>
                {f(s.deadlineChanged, {
                  before: formatMetric('legalHours', diff.metrics.legalHours.before, s, lang),
                  after: formatMetric('legalHours', diff.metrics.legalHours.after, s, lang),
                })}
              </p>
            ) : null}
            <ChangeList title={s.stepsRemoved} items={changes.removed} tone="removed" />
            <ChangeList title={s.stepsAdded} items={changes.added} tone="added" />
            <ChangeList title={s.stepsChanged} items={changes.changed} tone="changed" />
            <ChangeList
              title={s.unitsRemoved}
              items={diff.units.removed.map(unitName)}
              tone="removed"
            />
            <ChangeList title={s.unitsAdded} items={diff.units.added.map(unitName)} tone="added" />
            {diff.transitions.length > 0 ? (
              <p className="small">
                {s.transitionsChanged}: {diff.transitions.length}
              </p>
            ) : null}
            {diff.documents.length > 0 ? (
              <p className="small">
                {s.documentsChanged}: {diff.documents.length}
              </p>
            ) : null}
            {diff.fees.length > 0 ? (
              <p className="small">
                {s.feesChanged}: {diff.fees.length}
              </p>
            ) : null}
          </section>
        ) : null}
        <button
          type="button"
          className="btn btn-primary btn-block"
          onClick={() => print()}
          data-testid="print-proposal"
        >
          {s.printProposal}
        </button>
      </div>
      <div className="panel-section">
        <h2 className="panel-title">{s.versionsTitle}</h2>
        <VersionHistory versions={versions} />
      </div>
      <ProposalReport
        doc={doc}
        catalog={catalog}
        view={view}
        metrics={metrics}
        changes={changes}
        afterLabel={after?.label ?? s.proposalDraftNamed}
      />
    </aside>
  );
}

function ChangeList({
  title,
  items,
  tone,
}: {
  title: string;
  items: readonly string[];
  tone: string;
}) {
  if (items.length === 0) return null;
  return (
    <div className={`change-list change-${tone}`}>
      <div className="change-title">{title}</div>
      <ul>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
