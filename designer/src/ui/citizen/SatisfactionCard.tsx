import type { SatisfactionRow } from '../../api/citizen.ts';
import { formatNumber } from '../../i18n/format.ts';
import { ErrorAlert } from '../controls.tsx';
import { useI18n } from '../I18n.tsx';
import { useSatisfaction } from './citizenQueries.ts';

/**
 * Citizen satisfaction (mức độ hài lòng) for the period on the statistics page: ratings, the
 * average of each criterion and the share satisfied, by receiving unit and by procedure, within
 * the reader's report scope (the server applies it).
 */
export function SatisfactionCard({
  from,
  to,
  label,
}: {
  from: string;
  to: string;
  /** The name of a unit or procedure id. */
  label: (kind: 'unit' | 'procedure', key: string) => string;
}) {
  const { s, lang } = useI18n();
  const { data: report, error: failed } = useSatisfaction(from, to);
  const error = failed ? String(failed) : undefined;

  const score = (n: number | null) => (n === null ? '—' : formatNumber(n, lang, 2));
  const percent = (r: SatisfactionRow) =>
    r.satisfiedPercent === null
      ? '—'
      : `${r.satisfied}/${r.ratings} (${formatNumber(r.satisfiedPercent, lang, 1)} %)`;
  const row = (kind: 'unit' | 'procedure' | 'total', r: SatisfactionRow) => (
    <tr key={`${kind}-${r.key}`} className={kind === 'total' ? 'total-row' : undefined}>
      <th scope="row">{kind === 'total' ? s.satTotal : label(kind, r.key)}</th>
      <td className="num">{r.ratings}</td>
      <td className="num">{score(r.attitude)}</td>
      <td className="num">{score(r.timeliness)}</td>
      <td className="num">{score(r.clarity)}</td>
      <td className="num">{percent(r)}</td>
    </tr>
  );

  return (
    <section className="card" aria-labelledby="rep-satisfaction">
      <h2 id="rep-satisfaction">{s.satTitle}</h2>
      <ErrorAlert message={error} />
      {report && report.total.ratings === 0 ? <p className="muted">{s.satNone}</p> : null}
      {report && report.total.ratings > 0 ? (
        <>
          <div className="table-scroll">
            <table className="table compact" aria-labelledby="rep-satisfaction">
              <thead>
                <tr>
                  <th scope="col">{s.satKey}</th>
                  <th scope="col" className="num">
                    {s.satRatings}
                  </th>
                  <th scope="col" className="num">
                    {s.satAttitude}
                  </th>
                  <th scope="col" className="num">
                    {s.satTimeliness}
                  </th>
                  <th scope="col" className="num">
                    {s.satClarity}
                  </th>
                  <th scope="col" className="num">
                    {s.satSatisfied}
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="rowgroup" colSpan={6}>
                    {s.satByUnit}
                  </th>
                </tr>
                {report.byUnit.map((r) => row('unit', r))}
                <tr>
                  <th scope="rowgroup" colSpan={6}>
                    {s.satByProcedure}
                  </th>
                </tr>
                {report.byProcedure.map((r) => row('procedure', r))}
                {row('total', report.total)}
              </tbody>
            </table>
          </div>
          <p className="muted small">{s.satNote}</p>
        </>
      ) : null}
    </section>
  );
}
