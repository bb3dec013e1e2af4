import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ApiError } from '../../api/client.ts';
import {
  dossierApi,
  reportPath,
  type GroupBy,
  type SummaryReport,
  type SummaryRow,
} from '../../api/dossiers.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../I18n.tsx';
import { ErrorAlert } from '../controls.tsx';
import { OfficePage, type OfficeScreenProps } from './OfficePage.tsx';
import { vnToday } from './officeText.ts';
import { useProcedureList } from './useProcedureList.ts';
import { DateInput } from '../forms/DateInput.tsx';
import { DigitisationCard } from './files/DigitisationCard.tsx';
import { SatisfactionCard } from '../citizen/SatisfactionCard.tsx';
import { parseVnDate } from '../forms/vnDate.ts';

const COLORS = {
  early: '#15803d',
  onTime: '#2563eb',
  late: '#b91c1c',
  notYetDue: '#64748b',
  overdue: '#dc2626',
  awaiting: '#d97706',
  desk: '#0f2744',
  online: '#2563eb',
  post: '#d97706',
};

/** First and last day of the current month, quarter or year (Vietnam time). */
function preset(kind: 'month' | 'quarter' | 'year', today: string): [string, string] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const pad = (n: number) => String(n).padStart(2, '0');
  const last = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (kind === 'month') return [`${y}-${pad(m)}-01`, `${y}-${pad(m)}-${pad(last(y, m))}`];
  if (kind === 'year') return [`${y}-01-01`, `${y}-12-31`];
  const q0 = Math.floor((m - 1) / 3) * 3 + 1;
  return [`${y}-${pad(q0)}-01`, `${y}-${pad(q0 + 2)}-${pad(last(y, q0 + 2))}`];
}

/**
 * The one-stop statistics for a period: the figures provinces report (received, resolved early /
 * on time / late with percentages, in progress, overdue, awaiting supplement, refused, withdrawn),
 * charts by unit, procedure, level or channel, and the CSV for the report to the province.
 */
export function ReportsScreen({ user, catalog, onSignOut }: OfficeScreenProps) {
  const { s, f, t, lang } = useI18n();
  const initial = preset('month', vnToday());
  const [from, setFrom] = useState(initial[0]);
  const [to, setTo] = useState(initial[1]);
  const [groupBy, setGroupBy] = useState<GroupBy>('unit');
  const procedures = useProcedureList();
  // A period is asked for once both ends are real dates (typed day first) in order.
  const valid = parseVnDate(from) === from && parseVnDate(to) === to && from <= to;
  // The figures shown stay until the next period's arrive.
  const figures = useQuery({
    queryKey: ['reports', 'summary', { from, to, groupBy }],
    queryFn: () => dossierApi.report(from, to, groupBy),
    enabled: valid,
    placeholderData: keepPreviousData,
    retry: false,
  });
  // An invalid period shows no figures: the old ones would read as the new period's.
  const report: SummaryReport | undefined = valid ? figures.data : undefined;
  const error = figures.error
    ? figures.error instanceof ApiError
      ? figures.error.message
      : String(figures.error)
    : undefined;

  const label = useMemo(() => {
    return (key: string): string => {
      switch (groupBy) {
        case 'unit':
          return t(catalog.units.find((u) => u.id === key)?.name, key);
        case 'procedure':
          return t(procedures?.find((p) => p.id === key)?.name, key);
        case 'level':
          return t(catalog.levels.find((l) => l.id === key)?.name, key);
        case 'channel':
          return key === 'desk' || key === 'online' || key === 'post' ? s[`ch_${key}`] : key;
        default: {
          const never: never = groupBy;
          throw new Error(`unknown grouping ${String(never)}`);
        }
      }
    };
  }, [groupBy, catalog, procedures, t, s]);

  const n = (v: number) => formatNumber(v, lang, 0);
  const pct = (v: number) => formatNumber(v, lang, 1);
  const total = report?.total;
  const rows = report?.rows ?? [];
  const chartRows = rows.map((r) => ({ ...r, name: label(r.key) }));

  const setPreset = (kind: 'month' | 'quarter' | 'year') => {
    const [a, b] = preset(kind, vnToday());
    setFrom(a);
    setTo(b);
  };

  return (
    <OfficePage
      user={user}
      onSignOut={onSignOut}
      className="reports"
      title={s.reportsTitle}
      intro={s.reportsIntro}
      actions={
        valid ? (
          <a className="btn" href={reportPath(from, to, groupBy, 'csv')} download>
            {s.downloadCsv}
          </a>
        ) : null
      }
    >
      <div className="filters report-filters">
        <div className="field">
          <label htmlFor="rep-from">{s.periodFrom}</label>
          <DateInput id="rep-from" value={from} onChange={(iso, text) => setFrom(iso ?? text)} />
        </div>
        <div className="field">
          <label htmlFor="rep-to">{s.periodTo}</label>
          <DateInput id="rep-to" value={to} onChange={(iso, text) => setTo(iso ?? text)} />
        </div>
        <div className="field">
          <label htmlFor="rep-group">{s.groupByLabel}</label>
          <select
            id="rep-group"
            value={groupBy}
            onChange={(e) => setGroupBy(e.target.value as GroupBy)}
          >
            {(['unit', 'procedure', 'level', 'channel'] as const).map((g) => (
              <option key={g} value={g}>
                {s[`groupBy_${g}`]}
              </option>
            ))}
          </select>
        </div>
        <div className="preset-buttons">
          <button type="button" className="btn btn-small" onClick={() => setPreset('month')}>
            {s.presetMonth}
          </button>
          <button type="button" className="btn btn-small" onClick={() => setPreset('quarter')}>
            {s.presetQuarter}
          </button>
          <button type="button" className="btn btn-small" onClick={() => setPreset('year')}>
            {s.presetYear}
          </button>
        </div>
      </div>
      <ErrorAlert message={valid ? error : s.invalidPeriod} />
      {!report && !error && valid ? <p>{s.loading}</p> : null}
      {total ? (
        <>
          <div className="kpis" role="list">
            <Kpi
              label={s.kpiReceived}
              value={n(total.received + total.carriedOver)}
              sub={f(s.kpiReceivedSub, { n: n(total.received), c: n(total.carriedOver) })}
            />
            <Kpi
              label={s.kpiResolved}
              value={n(total.resolved)}
              sub={f(s.kpiResolvedSub, { p: pct(total.resolvedPercent) })}
            />
            <Kpi
              label={s.kpiOnTimeShare}
              tone="ok"
              value={`${pct(total.earlyPercent + total.onTimePercent)} %`}
              sub={f(s.kpiOnTimeSub, {
                early: pct(total.earlyPercent),
                onTime: pct(total.onTimePercent),
              })}
            />
            <Kpi
              label={s.kpiLate}
              tone={total.late > 0 ? 'bad' : undefined}
              value={n(total.late)}
              sub={`${pct(total.latePercent)} %`}
            />
            <Kpi
              label={s.kpiInProgress}
              tone={total.overdue > 0 ? 'bad' : undefined}
              value={n(total.inProgress)}
              sub={f(s.kpiInProgressSub, {
                due: n(total.notYetDue),
                overdue: n(total.overdue),
                waiting: n(total.awaitingSupplement),
              })}
            />
            <Kpi
              label={s.kpiOther}
              value={n(total.refused + total.withdrawn + total.stopped)}
              sub={`${s.colRefused} ${n(total.refused)} · ${s.colWithdrawn} ${n(total.withdrawn)}`}
            />
          </div>
          {rows.length === 0 ? (
            <p className="empty">{s.noData}</p>
          ) : (
            <div className="charts">
              <StackedBars
                title={s.chartResolved}
                rows={chartRows}
                series={[
                  ['early', s.colEarly, COLORS.early],
                  ['onTime', s.colOnTime, COLORS.onTime],
                  ['late', s.colLate, COLORS.late],
                ]}
              />
              <StackedBars
                title={s.chartOpen}
                rows={chartRows}
                series={[
                  ['notYetDue', s.t_notYetDue, COLORS.notYetDue],
                  ['overdue', s.colOverdue, COLORS.overdue],
                  ['awaitingSupplement', s.colAwaiting, COLORS.awaiting],
                ]}
              />
              <figure className="card chart chart-small">
                <figcaption>{s.chartChannels}</figcaption>
                <ResponsiveContainer width="100%" height={220}>
                  <PieChart>
                    <Pie
                      data={(['desk', 'online', 'post'] as const).map((c) => ({
                        name: s[`ch_${c}`],
                        value: total[c],
                        fill: COLORS[c],
                      }))}
                      dataKey="value"
                      nameKey="name"
                      innerRadius={50}
                      outerRadius={80}
                      isAnimationActive={false}
                    >
                      {(['desk', 'online', 'post'] as const).map((c) => (
                        <Cell key={c} fill={COLORS[c]} />
                      ))}
                    </Pie>
                    <Tooltip />
                    <Legend itemSorter={null} />
                  </PieChart>
                </ResponsiveContainer>
              </figure>
            </div>
          )}
          <section className="card" aria-labelledby="rep-table">
            <h2 id="rep-table">{s.reportTable}</h2>
            <div className="table-scroll">
              <ReportTable rows={rows} total={total} label={label} />
            </div>
          </section>
          <DigitisationCard
            from={from}
            to={to}
            label={(kind, key) =>
              kind === 'unit'
                ? t(catalog.units.find((u) => u.id === key)?.name, key)
                : t(procedures?.find((p) => p.id === key)?.name, key)
            }
          />
          <SatisfactionCard
            from={from}
            to={to}
            label={(kind, key) =>
              kind === 'unit'
                ? t(catalog.units.find((u) => u.id === key)?.name, key)
                : t(procedures?.find((p) => p.id === key)?.name, key)
            }
          />
        </>
      ) : null}
    </OfficePage>
  );
}

/** One bar per group, its parts stacked: how the group's dossiers divide. */
function StackedBars({
  title,
  rows,
  series,
}: {
  title: string;
  rows: readonly (SummaryRow & { name: string })[];
  series: readonly [key: keyof SummaryRow, label: string, color: string][];
}) {
  return (
    <figure className="card chart">
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 38 + 60)}>
        <BarChart data={[...rows]} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={190} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend itemSorter={null} />
          {series.map(([key, label, color]) => (
            <Bar
              key={key}
              dataKey={key}
              stackId="parts"
              name={label}
              fill={color}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** A headline figure. */
function Kpi({
  label,
  value,
  sub,
  tone,
}: {
  label: string;
  value: string;
  sub: string;
  tone?: 'ok' | 'bad';
}) {
  return (
    <div className={`kpi${tone ? ` kpi-${tone}` : ''}`} role="listitem">
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      <div className="kpi-sub">{sub}</div>
    </div>
  );
}

/** The figures of every group and the total, as the province's report form lists them. */
function ReportTable({
  rows,
  total,
  label,
}: {
  rows: readonly SummaryRow[];
  total: SummaryRow;
  label: (key: string) => string;
}) {
  const { s, lang } = useI18n();
  const n = (v: number) => formatNumber(v, lang, 0);
  const pct = (v: number) => `${formatNumber(v, lang, 1)} %`;
  const line = (r: SummaryRow, name: string, isTotal = false) => (
    <tr key={`${r.key}-${isTotal}`} className={isTotal ? 'total' : undefined}>
      <th scope="row">{name}</th>
      <td className="num">{n(r.received)}</td>
      <td className="num">{n(r.carriedOver)}</td>
      <td className="num">
        {n(r.resolved)} <span className="muted small">({pct(r.resolvedPercent)})</span>
      </td>
      <td className="num">{n(r.early)}</td>
      <td className="num">{n(r.onTime)}</td>
      <td className="num">{n(r.late)}</td>
      <td className="num">{n(r.refused)}</td>
      <td className="num">{n(r.withdrawn)}</td>
      <td className="num">{n(r.inProgress)}</td>
      <td className="num">{n(r.overdue)}</td>
      <td className="num">{n(r.awaitingSupplement)}</td>
    </tr>
  );
  return (
    <table className="table compact report-figures">
      <thead>
        <tr>
          <th scope="col">{s.colGroup}</th>
          <th scope="col" className="num">
            {s.colReceivedNew}
          </th>
          <th scope="col" className="num">
            {s.colCarried}
          </th>
          <th scope="col" className="num">
            {s.colResolved}
          </th>
          <th scope="col" className="num">
            {s.colEarly}
          </th>
          <th scope="col" className="num">
            {s.colOnTime}
          </th>
          <th scope="col" className="num">
            {s.colLate}
          </th>
          <th scope="col" className="num">
            {s.colRefused}
          </th>
          <th scope="col" className="num">
            {s.colWithdrawn}
          </th>
          <th scope="col" className="num">
            {s.colInProgress}
          </th>
          <th scope="col" className="num">
            {s.colOverdue}
          </th>
          <th scope="col" className="num">
            {s.colAwaiting}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => line(r, label(r.key)))}
        {line(total, s.totalRow, true)}
      </tbody>
    </table>
  );
}
