import { formatNumber } from '../../../i18n/format.ts';
import type { Lang } from '../../../i18n/strings.ts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { filesApi, type DigitisationRow } from '../../../api/files.ts';
import { ErrorAlert } from '../../controls.tsx';
import { useFilesText } from './filesText.ts';

/** `n/d (r %)` with the language's number format, or a dash when there is nothing to count. */
function share(n: number, d: number, rate: number | null, lang: Lang): string {
  const f = (v: number) => formatNumber(v, lang);
  return d === 0 || rate === null ? '—' : `${f(n)}/${f(d)} (${f(rate)} %)`;
}

/**
 * The reform programme's digitisation rates for the period: dossiers fully digitised at
 * reception, results digitised, documents reused — by unit and by procedure.
 */
export function DigitisationCard({
  from,
  to,
  label,
}: {
  from: string;
  to: string;
  /** The name of a unit or procedure id. */
  label: (kind: 'unit' | 'procedure', key: string) => string;
}) {
  const { x, lang } = useFilesText();
  const day = /^\d{4}-\d{2}-\d{2}$/;
  // The rates shown stay while a period is being typed, until the next period's arrive.
  const rates = useQuery({
    queryKey: ['reports', 'digitisation', { from, to }],
    queryFn: () => filesApi.digitisation(from, to),
    enabled: day.test(from) && day.test(to) && from <= to,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const report = rates.data;
  const error = rates.error ? String(rates.error) : undefined;

  const rows = (kind: 'unit' | 'procedure', list: readonly DigitisationRow[]) =>
    list.map((r) => (
      <tr key={`${kind}-${r.key}`}>
        <th scope="row">{label(kind, r.key)}</th>
        <td className="num">{r.received}</td>
        <td className="num">{share(r.digitisedAtReception, r.received, r.receptionRate, lang)}</td>
        <td className="num">{share(r.resultsDigitised, r.results, r.resultRate, lang)}</td>
        <td className="num">{share(r.reused, r.files, r.reuseRate, lang)}</td>
      </tr>
    ));

  return (
    <section className="card" aria-labelledby="rep-digitisation">
      <h2 id="rep-digitisation">{x.digitisationTitle}</h2>
      <ErrorAlert message={error} />
      {report ? (
        <table className="table compact" aria-labelledby="rep-digitisation">
          <thead>
            <tr>
              <th scope="col">{x.colKey}</th>
              <th scope="col" className="num">
                {x.colReceived}
              </th>
              <th scope="col" className="num">
                {x.colDigitised}
              </th>
              <th scope="col" className="num">
                {x.colResults}
              </th>
              <th scope="col" className="num">
                {x.colReused}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="rowgroup" colSpan={5}>
                {x.byUnit}
              </th>
            </tr>
            {rows('unit', report.byUnit)}
            <tr>
              <th scope="rowgroup" colSpan={5}>
                {x.byProcedure}
              </th>
            </tr>
            {rows('procedure', report.byProcedure)}
            <tr className="total-row">
              <th scope="row">{x.total}</th>
              <td className="num">{report.total.received}</td>
              <td className="num">
                {share(
                  report.total.digitisedAtReception,
                  report.total.received,
                  report.total.receptionRate,
                  lang,
                )}
              </td>
              <td className="num">
                {share(
                  report.total.resultsDigitised,
                  report.total.results,
                  report.total.resultRate,
                  lang,
                )}
              </td>
              <td className="num">
                {share(report.total.reused, report.total.files, report.total.reuseRate, lang)}
              </td>
            </tr>
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
