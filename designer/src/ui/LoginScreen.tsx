import { useState, type FormEvent } from 'react';
import { api, ApiError, type User } from '../api/client.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useI18n } from './I18n.tsx';
import { usePageTitle } from './a11y/pageTitle.ts';

/** Sign in with a username and password; the server sets the session cookie. */
export function LoginScreen({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const { s, f } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  usePageTitle(s.loginTitle);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await api.login(username.trim(), password));
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 422)) {
        setError(s.wrongPassword);
      } else if (err instanceof ApiError && err.status === 403) {
        // The right password of a locked account (khóa): the administrator can unlock it.
        setError(s.accountLocked);
      } else {
        setError(f(s.networkError, { message: err instanceof Error ? err.message : String(err) }));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <div className="login-brand">
          <span className="logo" aria-hidden="true">
            MC
          </span>
          <div>
            <div className="brand-name">{s.appName}</div>
            <div className="brand-sub">{s.appTitle}</div>
          </div>
        </div>
        <h1 id="login-title">{s.loginTitle}</h1>
        <p className="muted">{s.loginIntro}</p>
        <div className="field">
          <label htmlFor="login-username">{s.username}</label>
          <input
            id="login-username"
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">{s.password}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </div>
        {error ? (
          <div className="alert alert-error" role="alert">
            {error}
          </div>
        ) : null}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? s.signingIn : s.signIn}
        </button>
        <p className="hint">{s.demoHint}</p>
        <div className="login-lang">
          <LanguageSwitch />
        </div>
      </form>
    </main>
  );
}
