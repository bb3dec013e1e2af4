import { citizenPdfUrl } from '../../api/citizen.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { fill } from '../../i18n/strings.ts';
import { useI18n } from '../I18n.tsx';
import type { DossierSectionProps } from './dossierSections.tsx';

/** Where the dossier stands: status, step, dates; the proof of an online submission. */
export function StatusSection({ dossier: d, code, secret }: DossierSectionProps) {
  const { s, t, lang } = useI18n();
  return (
    <section className="card" aria-labelledby="dossier-status">
      <p className="muted small">
        {s.submitCode}: <strong>{d.code}</strong>
      </p>
      <h2 id="dossier-status" className="lookup-status">
        {t(d.statusText)}
      </h2>
      {d.waitingAcceptance ? <p>{s.dossierWaiting}</p> : null}
      <dl className="facts citizen-facts">
        <dt>{s.lookupProcedure}</dt>
        <dd>{t(d.procedure.name)}</dd>
        {d.currentSteps.length > 0 ? (
          <>
            <dt>{s.lookupStep}</dt>
            <dd>{d.currentSteps.map((x) => t(x)).join('; ')}</dd>
          </>
        ) : null}
        <dt>{d.channel === 'online' ? s.dossierSubmittedAt : s.receivedOn}</dt>
        <dd>{formatDateTime(d.receivedAt, lang)}</dd>
        {d.acceptedAt ? (
          <>
            <dt>{s.dossierAcceptedAt}</dt>
            <dd>{formatDateTime(d.acceptedAt, lang)}</dd>
          </>
        ) : null}
        {d.appointmentDate ? (
          <>
            <dt>{s.appointmentDate}</dt>
            <dd>
              <strong>{formatDateTime(d.appointmentDate, lang)}</strong>
            </dd>
          </>
        ) : null}
        {d.completedAt ? (
          <>
            <dt>{s.completedAt}</dt>
            <dd>{formatDateTime(d.completedAt, lang)}</dd>
          </>
        ) : null}
      </dl>
      {d.channel === 'online' ? (
        <a className="btn btn-small" href={citizenPdfUrl(code, 'submission', secret)} download>
          {s.dossierSubmissionReceipt}
        </a>
      ) : null}
    </section>
  );
}

/** The desk's answers (receipt, supplement request, refusal…), each with its slip. */
export function AnswersSection({ dossier: d, code, secret }: DossierSectionProps) {
  const { s, t, lang } = useI18n();
  return (
    <section className="card" aria-labelledby="dossier-answers">
      <h2 id="dossier-answers">{s.dossierAnswers}</h2>
      {d.answers.length === 0 ? (
        <p className="muted">{s.dossierNoAnswers}</p>
      ) : (
        <ol className="citizen-answers">
          {d.answers.map((a, i) => (
            <li key={i}>
              <strong>{t(a.title)}</strong>{' '}
              <span className="muted small">{formatDateTime(a.issuedAt, lang)}</span>
              {a.reason ? (
                <p>
                  {s.dossierReason}: {a.reason}
                </p>
              ) : null}
              <a className="btn btn-small" href={citizenPdfUrl(code, a.kind, secret)} download>
                {s.dossierSlip}
              </a>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The result: the signed PDF to download, or where and when to collect it, or by post. */
export function ResultSection({ dossier: d, code, secret }: DossierSectionProps) {
  const { s, t, lang } = useI18n();
  const r = d.result;
  const unit = t(d.unit.name ?? undefined, d.unit.id);
  return (
    <section className="card" aria-labelledby="dossier-result">
      <h2 id="dossier-result">
        {s.dossierResult}
        {r.name ? `: ${t(r.name)}` : ''}
      </h2>
      {r.electronic ? (
        <a
          className="btn btn-primary btn-block"
          href={citizenPdfUrl(code, 'result', secret)}
          download
          data-testid="result-download"
        >
          {s.dossierResultDownload}
        </a>
      ) : d.outcome === 'refused' || d.outcome === 'withdrawn' ? null : !r.issued ? (
        <p>
          {d.appointmentDate
            ? fill(s.dossierResultNotYet, { date: formatDateTime(d.appointmentDate, lang) })
            : s.dossierResultPending}
        </p>
      ) : null}
      {d.outcome !== 'refused' && d.outcome !== 'withdrawn' ? (
        <ul className="plain">
          {r.delivery.includes('desk') ? <li>{fill(s.dossierResultCollect, { unit })}</li> : null}
          {r.delivery.includes('post') ? <li>{s.dossierResultPost}</li> : null}
        </ul>
      ) : null}
    </section>
  );
}
