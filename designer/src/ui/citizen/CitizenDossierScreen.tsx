import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { citizenApi, type OnlineDossier } from '../../api/citizen.ts';
import { usePageTitle } from '../a11y/pageTitle.ts';
import { ErrorAlert } from '../controls.tsx';
import { useI18n } from '../I18n.tsx';
import { challengeOf, solvePow } from '../office/solveChallenge.ts';
import { DOSSIER_SECTIONS } from './dossierSections.tsx';

/**
 * The citizen's dossier page (hồ sơ trực tuyến): with the code and the secret, the status, the
 * desk's answers with their slips, the online supplement and the result. Its sections are listed
 * in `dossierSections.tsx`.
 */
export function CitizenDossierScreen() {
  const { s } = useI18n();
  const params = new URLSearchParams(location.search);
  const [code, setCode] = useState(params.get('code') ?? '');
  const [secret, setSecret] = useState('');
  const [opened, setOpened] = useState<{ code: string; secret: string } | undefined>(undefined);
  const [dossier, setDossier] = useState<OnlineDossier | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  usePageTitle(s.citizenDossierTitle);

  const open = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    const c = code.trim();
    const k = secret.trim().toUpperCase();
    try {
      let d: OnlineDossier;
      try {
        d = await citizenApi.dossier(c, k);
      } catch (first) {
        const challenge = first instanceof ApiError ? challengeOf(first.details) : undefined;
        if (!challenge) throw first;
        setChecking(true);
        const payload = await solvePow(challenge).finally(() => setChecking(false));
        if (!payload) throw first;
        d = await citizenApi.dossier(c, k, payload);
      }
      setDossier(d);
      setOpened({ code: c, secret: k });
    } catch (err) {
      setDossier(undefined);
      if (err instanceof ApiError && err.status === 429) setError(s.lookupRateLimited);
      else if (err instanceof ApiError && (err.status === 404 || err.status === 422))
        setError(s.lookupNotFound);
      else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="citizen-main" aria-labelledby="dossier-title">
      <h1 id="dossier-title">{s.citizenDossierTitle}</h1>
      {!dossier ? (
        <form className="card" onSubmit={open}>
          <p className="muted">{s.dossierPageIntro}</p>
          <div className="field">
            <label htmlFor="citizen-code">{s.lookupCode}</label>
            <input
              id="citizen-code"
              value={code}
              required
              autoComplete="off"
              onChange={(e) => setCode(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="citizen-secret">{s.lookupSecret}</label>
            <input
              id="citizen-secret"
              value={secret}
              required
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setSecret(e.target.value)}
            />
          </div>
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            {checking ? s.lookupChecking : busy ? s.working : s.dossierOpen}
          </button>
          <ErrorAlert message={error} />
        </form>
      ) : null}
      {notice ? (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      ) : null}
      {dossier && opened ? (
        <div className="citizen-sections" aria-live="polite">
          {DOSSIER_SECTIONS.filter((x) => x.visible?.(dossier) ?? true).map((x) => (
            <div key={x.id} data-section={x.id}>
              {x.render({
                dossier,
                code: opened.code,
                secret: opened.secret,
                onChanged: (d) => {
                  if (x.id === 'supplement') setNotice(s.dossierSupplementSent);
                  setDossier(d);
                },
              })}
            </div>
          ))}
        </div>
      ) : null}
    </main>
  );
}
