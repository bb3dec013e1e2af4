import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { citizenApi, type OnlineDossier } from '../../api/citizen.ts';
import { usePageTitle } from '../a11y/pageTitle.ts';
import { ErrorAlert } from '../controls.tsx';
import { useI18n } from '../I18n.tsx';
import { lookupErrorText, withChallenge } from '../office/solveChallenge.ts';
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
  const [checking, setChecking] = useState(false);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const open = useMutation({
    mutationFn: (asked: { code: string; secret: string }) =>
      withChallenge((altcha) => citizenApi.dossier(asked.code, asked.secret, altcha), setChecking),
  });
  // The page as a section's action left it (a supplement sent), else as it was opened.
  const [changed, setChanged] = useState<OnlineDossier | undefined>(undefined);
  const dossier = changed ?? open.data;
  const opened = open.variables;
  const busy = open.isPending;
  const error = open.error ? lookupErrorText(open.error, s) : undefined;
  usePageTitle(s.citizenDossierTitle);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(undefined);
    setChanged(undefined);
    open.mutate({ code: code.trim(), secret: secret.trim().toUpperCase() });
  };

  return (
    <main className="citizen-main" aria-labelledby="dossier-title">
      <h1 id="dossier-title">{s.citizenDossierTitle}</h1>
      {!dossier ? (
        <form className="card" onSubmit={submit}>
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
                  setChanged(d);
                },
              })}
            </div>
          ))}
        </div>
      ) : null}
    </main>
  );
}
