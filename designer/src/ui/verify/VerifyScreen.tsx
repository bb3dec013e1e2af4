import type { z } from '@hono/zod-openapi';
import { useState, type FormEvent } from 'react';
import { formatDateTime } from '../../i18n/format.ts';
import { fill } from '../../i18n/strings.ts';
import { ErrorAlert } from '../controls.tsx';
import { useI18n } from '../I18n.tsx';
import { LanguageSwitch } from '../LanguageSwitch.tsx';
import { navigate } from '../useRoute.ts';
import type { VerifyAnswer } from '../../../../server/http/routes/pdf.ts';
import { verifyText } from './verifyText.ts';

// What `POST /api/verify` answers: the route's own schema (type-only).
type VerifyResult = z.infer<typeof VerifyAnswer>;

/**
 * The public verification page (xác minh văn bản): anyone uploads a PDF motcua issued and reads
 * whether its signature is valid, who signed it, when, for which dossier, and whether it changed
 * since signing. The QR code of a result opens it with the dossier's code. No sign-in.
 */
export function VerifyScreen() {
  const { lang } = useI18n();
  const v = verifyText(lang);
  const expected = new URLSearchParams(location.search).get('code');
  const [file, setFile] = useState<File | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<VerifyResult | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const res = await fetch('/api/verify', {
        method: 'POST',
        headers: { 'content-type': 'application/pdf' },
        body: file,
      });
      if (!res.ok) throw new Error(String(res.status));
      setResult((await res.json()) as VerifyResult);
    } catch {
      setError(v.failed);
    } finally {
      setBusy(false);
    }
  };

  const heading = !result ? '' : result.valid ? v.valid : result.signed ? v.invalid : v.unsigned;
  return (
    <div className="public-page">
      <header className="public-head">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            MC
          </span>
          <span className="brand-name">motcua</span>
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
            {v.officerSignIn}
          </a>
        </div>
      </header>
      <main className="lookup" aria-labelledby="verify-title">
        <form className="card lookup-card" onSubmit={submit}>
          <h1 id="verify-title">{v.title}</h1>
          <p className="muted">{v.intro}</p>
          <div className="field">
            <label htmlFor="verify-file">{v.file}</label>
            <input
              id="verify-file"
              type="file"
              accept="application/pdf,.pdf"
              required
              onChange={(e) => setFile(e.target.files?.[0])}
            />
          </div>
          <button type="submit" className="btn btn-primary btn-block" disabled={busy || !file}>
            {busy ? v.working : v.submit}
          </button>
          <ErrorAlert message={error} />
        </form>
        {result ? (
          <section
            className={`card lookup-result verify-result ${result.valid ? 'verify-ok' : 'verify-bad'}`}
            aria-live="polite"
            aria-labelledby="verify-status"
          >
            <h2
              id="verify-status"
              className="lookup-status"
              style={result.valid ? undefined : { color: 'var(--err)' }}
            >
              {result.valid ? '✔ ' : '✖ '}
              {heading}
            </h2>
            {result.problems.length > 0 ? (
              <ul className="verify-problems">
                {result.problems.map((p) => (
                  <li key={p.code}>{lang === 'en' ? p.message.en : p.message.vi}</li>
                ))}
              </ul>
            ) : null}
            {expected && result.dossierCode && expected !== result.dossierCode ? (
              <p className="alert alert-error">
                {fill(v.otherDossier, { code: result.dossierCode, expected })}
              </p>
            ) : null}
            <dl className="facts">
              {result.signer ? (
                <>
                  <dt>{v.signer}</dt>
                  <dd>
                    <strong>{result.signer.name ?? '—'}</strong>
                  </dd>
                  <dt>{v.organization}</dt>
                  <dd>{result.signer.organization ?? '—'}</dd>
                  <dt>{v.issuer}</dt>
                  <dd>{result.signer.issuer ?? '—'}</dd>
                </>
              ) : null}
              {result.signedAt ? (
                <>
                  <dt>{v.signedAt}</dt>
                  <dd>{formatDateTime(result.signedAt, lang)}</dd>
                </>
              ) : null}
              <dt>{v.dossier}</dt>
              <dd>{result.dossierCode ?? '—'}</dd>
              <dt>{v.document}</dt>
              <dd>{result.title ?? '—'}</dd>
              {result.signed ? (
                <>
                  <dt>{v.unchanged}</dt>
                  <dd>{result.unchanged ? v.unchangedYes : v.unchangedNo}</dd>
                  <dt>{v.trusted}</dt>
                  <dd>{result.trusted ? v.trustedYes : v.trustedNo}</dd>
                </>
              ) : null}
            </dl>
          </section>
        ) : null}
      </main>
    </div>
  );
}
