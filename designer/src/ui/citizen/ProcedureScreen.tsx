import { formatDate, formatVnd, formatWorkingTime } from '../../i18n/format.ts';
import { fill } from '../../i18n/strings.ts';
import { usePageTitle } from '../a11y/pageTitle.ts';
import { ErrorAlert } from '../controls.tsx';
import { useI18n } from '../I18n.tsx';
import { documentKind } from '../office/officeText.ts';
import { navigate } from '../useRoute.ts';
import { AppLink } from './CitizenApp.tsx';
import { usePublicProcedure } from './citizenQueries.ts';
import { deliveryText, onlineLevel } from './onlineText.ts';

/** One procedure as published: everything a citizen must know before submitting; printable. */
export function ProcedureScreen({ id }: { id: string }) {
  const { s, t, lang } = useI18n();
  const { data: p, error } = usePublicProcedure(id);
  usePageTitle(p ? t(p.name) : s.catalogTitle);

  if (error)
    return (
      <main className="citizen-main">
        <ErrorAlert message={error.message} />
      </main>
    );
  if (!p)
    return (
      <main className="citizen-main">
        <p className="muted">{s.loading}</p>
      </main>
    );
  return (
    <main className="citizen-main procedure-sheet" aria-labelledby="procedure-title">
      <p className="no-print">
        <AppLink to={{ name: 'catalog' }}>← {s.procedureBack}</AppLink>
      </p>
      <h1 id="procedure-title">{t(p.name)}</h1>
      <p className="catalog-facts">
        <span className={`online-badge online-${p.onlineService}`}>
          {onlineLevel(p.onlineService, s)}
        </span>
        <span>{p.field}</span>
      </p>
      {p.onlineService !== 'none' ? (
        <button
          type="button"
          className="btn btn-primary btn-block no-print"
          onClick={() => navigate({ name: 'submit', id: p.id })}
        >
          {s.procedureSubmitOnline}
        </button>
      ) : null}
      <dl className="facts citizen-facts">
        {p.code ? (
          <>
            <dt>{s.procedureCode}</dt>
            <dd>{p.code}</dd>
          </>
        ) : null}
        {p.agency ? (
          <>
            <dt>{s.procedureAgency}</dt>
            <dd>{t(p.agency)}</dd>
          </>
        ) : null}
        <dt>{s.procedureSubmitTo}</dt>
        <dd>{p.submitTo ? t(p.submitTo.name ?? undefined, p.submitTo.id) : '—'}</dd>
        <dt>{s.procedureDeadline}</dt>
        <dd>{formatWorkingTime(p.deadline, s, lang, true)}</dd>
        <dt>{s.procedureFees}</dt>
        <dd>
          {p.fees.length === 0 ? (
            s.feeFree
          ) : (
            <ul className="plain">
              {p.fees.map((f, i) => (
                <li key={i}>
                  {t(f.name)}:{' '}
                  {f.compute
                    ? fill(s.feeFrom, { amount: formatVnd(f.amountVnd, s, lang) })
                    : formatVnd(f.amountVnd, s, lang)}
                  {f.note ? ` (${t(f.note)})` : ''}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{s.procedureResult}</dt>
        <dd>{t(p.result ?? undefined, '—')}</dd>
        <dt>{s.procedureDelivery}</dt>
        <dd>
          <ul className="plain">
            {p.resultDelivery.map((d) => (
              <li key={d}>{deliveryText(d, s)}</li>
            ))}
          </ul>
        </dd>
      </dl>
      <section aria-labelledby="docs-title">
        <h2 id="docs-title">{s.procedureDocuments}</h2>
        <ol className="citizen-docs">
          {p.documents.map((d) => (
            <li key={d.id}>
              {t(d.name)}{' '}
              <span className="muted small">
                ({documentKind(d.kind, s)}, {fill(s.procedureCopies, { n: d.copies })},{' '}
                {d.required ? s.procedureRequired : s.procedureOptional})
              </span>
              {d.note ? <div className="muted small">{t(d.note)}</div> : null}
            </li>
          ))}
        </ol>
      </section>
      {p.forms.length > 0 ? (
        <section aria-labelledby="forms-title">
          <h2 id="forms-title">{s.procedureForms}</h2>
          <ul className="plain">
            {p.forms.map((f) => (
              <li key={f.id}>{t(f.title)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="basis-title">
        <h2 id="basis-title">{s.procedureLegalBasis}</h2>
        <ul className="plain">
          {p.legalBasis.map((b) => (
            <li key={b.number}>
              <strong>{b.number}</strong> {b.title}
              {b.issued ? ` (${formatDate(b.issued, lang)})` : ''}
            </li>
          ))}
        </ul>
      </section>
      <button type="button" className="btn no-print" onClick={() => print()}>
        {s.procedurePrint}
      </button>
    </main>
  );
}
