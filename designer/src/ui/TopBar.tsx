import type { ReactNode } from 'react';
import type { User } from '../api/client.ts';
import { canDesign } from '../api/client.ts';
import { useI18n } from './I18n.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** The application bar: brand, what is open, the user and the language. */
export function TopBar({
  user,
  onSignOut,
  title,
  children,
}: {
  user: User;
  onSignOut: () => void;
  title?: ReactNode;
  children?: ReactNode;
}) {
  const { s } = useI18n();
  return (
    <header className="topbar">
      <div className="brand">
        <span className="logo" aria-hidden="true">
          MC
        </span>
        <span className="brand-name">{s.appName}</span>
        <span className="brand-sub">{s.appTitle}</span>
      </div>
      {title ? <div className="topbar-title">{title}</div> : null}
      <div className="topbar-center">{children}</div>
      <div className="topbar-user">
        <LanguageSwitch />
        <span className="user-name" title={canDesign(user) ? undefined : s.readOnlyUser}>
          {user.displayName ?? user.username}
          {canDesign(user) ? null : <span className="muted small"> · {s.readOnlyUser}</span>}
        </span>
        <button type="button" className="btn btn-ghost btn-small" onClick={onSignOut}>
          {s.signOut}
        </button>
      </div>
    </header>
  );
}
