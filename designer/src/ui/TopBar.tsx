import type { ReactNode } from 'react';
import type { User } from '../api/client.ts';
import { canDesign } from '../api/client.ts';
import { useI18n } from './I18n.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NoticeBell } from './notices/NoticeBell.tsx';
import { RouteLink } from './RouteLink.tsx';
import { parseRoute, type Route } from './useRoute.ts';

/** Whether a user receives dossiers at a one-stop desk. */
export function isReceptionist(user: User): boolean {
  return user.isAdmin || user.roles.includes('reception');
}

/** Whether the designer (library or editor) is open, where read-only access needs saying. */
function designing(): boolean {
  const name = parseRoute(location.pathname).name;
  return name === 'library' || name === 'editor';
}

/** The app's sections, by what the user does: receive, process, report, design, manage users. */
function MainNav({ user }: { user: User }) {
  const { s } = useI18n();
  const current = parseRoute(location.pathname).name;
  const items: { route: Route; label: string; active: boolean }[] = [
    ...(isReceptionist(user)
      ? [{ route: { name: 'desk' } as Route, label: s.navDesk, active: current === 'desk' }]
      : []),
    {
      route: { name: 'inbox' },
      label: s.navInbox,
      active:
        current === 'inbox' ||
        current === 'dossier' ||
        current === 'print' ||
        (current === 'home' && !canDesign(user)),
    },
    { route: { name: 'reports' }, label: s.navReports, active: current === 'reports' },
    {
      route: { name: 'library' },
      label: s.navLibrary,
      active:
        current === 'library' || current === 'editor' || (current === 'home' && canDesign(user)),
    },
    ...(user.isAdmin
      ? [
          { route: { name: 'users' } as Route, label: s.navUsers, active: current === 'users' },
          {
            route: { name: 'accessLog' } as Route,
            label: s.navAccessLog,
            active: current === 'accessLog',
          },
        ]
      : []),
  ];
  return (
    <nav className="main-nav" aria-label={s.mainNav}>
      {items.map((i) => (
        <RouteLink key={i.route.name} route={i.route} active={i.active}>
          {i.label}
        </RouteLink>
      ))}
    </nav>
  );
}

/** The application bar: brand, what is open, the unit's notices, the user and the language. */
export function TopBar({
  user,
  onSignOut,
  title,
  children,
  nav = true,
}: {
  user: User;
  onSignOut: () => void;
  title?: ReactNode;
  children?: ReactNode;
  /** The sections' links; the editor, busy with its own toolbar, leaves them out. */
  nav?: boolean;
}) {
  const { s } = useI18n();
  return (
    <header className="topbar">
      {/* First on the page: past the bar's links straight to the page's content. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          const main = document.querySelector<HTMLElement>('main');
          if (!main) return;
          e.preventDefault();
          if (!main.hasAttribute('tabindex')) main.tabIndex = -1;
          main.focus();
        }}
      >
        {s.skipToContent}
      </a>
      <div className="brand">
        <span className="logo" aria-hidden="true">
          MC
        </span>
        <span className="brand-name">{s.appName}</span>
        <span className="brand-sub">{s.appTitle}</span>
      </div>
      {nav ? <MainNav user={user} /> : null}
      {title ? <div className="topbar-title">{title}</div> : null}
      <div className="topbar-center">{children}</div>
      <div className="topbar-user">
        {/* The editor leaves the bell out too: its links would skip the unsaved-changes check. */}
        {nav ? <NoticeBell user={String(user.id)} /> : null}
        <LanguageSwitch />
        <span className="user-name">
          {/* The editor keeps its own way out (it asks about unsaved changes): no link there. */}
          {nav ? (
            <RouteLink
              route={{ name: 'account' }}
              active={parseRoute(location.pathname).name === 'account'}
              className="account-link"
              title={s.accountLinkTitle}
            >
              {user.displayName ?? user.username}
            </RouteLink>
          ) : (
            (user.displayName ?? user.username)
          )}
          {canDesign(user) || !designing() ? null : (
            <span className="muted small"> · {s.readOnlyUser}</span>
          )}
        </span>
        <button type="button" className="btn btn-ghost btn-small" onClick={onSignOut}>
          {s.signOut}
        </button>
      </div>
    </header>
  );
}
