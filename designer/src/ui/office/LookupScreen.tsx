import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { dossierApi } from '../../api/dossiers.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { ErrorAlert } from '../controls.tsx';
import { useI18n } from '../I18n.tsx';
import { LanguageSwitch } from '../LanguageSwitch.tsx';
import { navigate } from '../useRoute.ts';
import { usePageTitle } from '../a11y/pageTitle.ts';
import { lookupErrorText, withChallenge } from './solveChallenge.ts';
import { PaymentPanel } from '../citizen/PaymentPanel.tsx';
import { RatingForm } from '../citizen/RatingForm.tsx';

/**
 * The citizen's lookup (tra cứu hồ sơ): the code and the secret printed on the receipt give the
 * status, the step in plain words and the appointment date — nothing more. No sign-in.
 */
export function LookupScreen() {
  const { s, t, lang } = useI18n();
  const params = new URLSearchParams(location.search);
  const [code, setCode] = useState(params.get('code') ?? '');
  const [secret, setSecret] = useState('');
  const [checking, setChecking] = useState(false);
  const lookup = useMutation({
    mutationFn: (asked: { code: string; secret: string }) =>
      withChallenge((altcha) => dossierApi.lookup(asked.code, asked.secret, altcha), setChecking),
  });
  const result = lookup.data;
  const busy = lookup.isPending;
  // The secret that opened `result`, for the fee and rating panels below it.
  const opened = lookup.variables?.secret ?? '';
  const error = lookup.error ? lookupErrorText(lookup.error, s) : undefined;
  usePageTitle(s.lookupTitle);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    lookup.mutate({ code: code.trim(), secret: secret.trim().toUpperCase() });
  };

  return (
    <div className="public-page">
      <header className="public-head">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            MC
          </span>
          <span className="brand-name">{s.appName}</span>
        </div>
        <div className="public-head-right">
          <LanguageSwitch />
          <a
            href="/"
            onClick={(e) => {
              e.preventDefault();
              navigate({ name: 'home' });
            }}
          >
            {s.officerSignIn}
          </a>
        </div>
      </header>
      <main className="lookup" aria-labelledby="lookup-title">
        <form className="card lookup-card" onSubmit={submit}>
          <h1 id="lookup-title">{s.lookupTitle}</h1>
          <p className="muted">{s.lookupIntro}</p>
          <div className="field">
            <label htmlFor="lookup-code">{s.lookupCode}</label>
            <input
              id="lookup-code"
              value={code}
              required
              autoComplete="off"
              placeholder="X01.01-260302-0001"
              onChange={(e) => setCode(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="lookup-secret">{s.lookupSecret}</label>
            <input
              id="lookup-secret"
              value={secret}
              required
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setSecret(e.target.value)}
            />
          </div>
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            {checking ? s.lookupChecking : busy ? s.working : s.lookupSubmit}
          </button>
          <ErrorAlert message={error} />
        </form>
        {result ? (
          <section
            className="card lookup-result"
            aria-live="polite"
            aria-labelledby="lookup-status"
          >
            <p className="muted small">
              {s.lookupCode}: <strong>{result.code}</strong>
            </p>
            <h2 id="lookup-status" className="lookup-status">
              {t(result.status)}
            </h2>
            <dl className="facts">
              <dt>{s.lookupProcedure}</dt>
              <dd>{t(result.procedure ?? undefined, '—')}</dd>
              {result.waitingFor ? (
                <>
                  <dt>{s.lookupWaitingFor}</dt>
                  <dd>
                    <strong>{t(result.waitingFor)}</strong>
                  </dd>
                </>
              ) : null}
              {result.currentSteps.length > 0 ? (
                <>
                  <dt>{s.lookupStep}</dt>
                  <dd>
                    {result.steps
                      .map((x) =>
                        x.due
                          ? `${t(x.name)} (${s.lookupStepUntil} ${formatDateTime(x.due, lang)})`
                          : t(x.name),
                      )
                      .join('; ')}
                  </dd>
                </>
              ) : null}
              <dt>{s.receivedOn}</dt>
              <dd>{formatDateTime(result.receivedAt, lang)}</dd>
              {result.appointmentDate ? (
                <>
                  <dt>{s.appointmentDate}</dt>
                  <dd>
                    <strong>{formatDateTime(result.appointmentDate, lang)}</strong>
                    {result.deadline?.variant ? (
                      <div className="small">{t(result.deadline.variant.name)}</div>
                    ) : null}
                    {result.deadline?.lawfulExtensions.map((e) => (
                      <div key={e.id} className="small">
                        {s.lawfulExtensionShort}: {t(e.name)}
                      </div>
                    ))}
                  </dd>
                </>
              ) : null}
              {result.completedAt ? (
                <>
                  <dt>{s.completedAt}</dt>
                  <dd>{formatDateTime(result.completedAt, lang)}</dd>
                </>
              ) : null}
            </dl>
          </section>
        ) : null}
        {result ? <PaymentPanel key={result.code} code={result.code} secret={opened} /> : null}
        {result && (result.canRate || result.rated) ? (
          <RatingForm key={result.code} code={result.code} secret={opened} rated={result.rated} />
        ) : null}
      </main>
    </div>
  );
}
