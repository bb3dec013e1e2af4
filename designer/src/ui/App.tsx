import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { Procedure } from '../../../engine/index.ts';
import { api, canDesign, SESSION_ENDED, type User } from '../api/client.ts';
import { forgetUserData, sessionQuery, unitsQuery } from '../api/queries.ts';
import { AccountScreen } from './account/AccountScreen.tsx';
import { EditorScreen } from './editor/EditorScreen.tsx';
import { useI18n } from './I18n.tsx';
import { LibraryScreen } from './library/LibraryScreen.tsx';
import { LoginScreen } from './LoginScreen.tsx';
import { DossierScreen } from './office/DossierScreen.tsx';
import { InboxScreen } from './office/InboxScreen.tsx';
import { LookupScreen } from './office/LookupScreen.tsx';
import { VerifyScreen } from './verify/VerifyScreen.tsx';
import { SlipPage } from './office/SlipPage.tsx';
import { CITIZEN_ROUTES, useRoute } from './useRoute.ts';
import { CitizenApp } from './citizen/CitizenApp.tsx';

// The e-form library and the charts load only with the pages that use them.
const DeskScreen = lazy(() =>
  import('./office/DeskScreen.tsx').then((m) => ({ default: m.DeskScreen })),
);
const ReportsScreen = lazy(() =>
  import('./office/ReportsScreen.tsx').then((m) => ({ default: m.ReportsScreen })),
);
const AccessLogScreen = lazy(() =>
  import('./accessLog/AccessLogScreen.tsx').then((m) => ({ default: m.AccessLogScreen })),
);
// Only administrators manage users: the page loads when one opens it.
const UsersScreen = lazy(() =>
  import('./account/UsersScreen.tsx').then((m) => ({ default: m.UsersScreen })),
);

/**
 * The app: the citizen's lookup without signing in; after sign-in, by what the user does — the
 * one-stop desk, the inbox and dossier pages, the statistics, the procedure designer, one's own
 * account and (administrators) the users.
 */
export function App() {
  const { s } = useI18n();
  const [route, navigate, visit] = useRoute();
  /** New procedures (from the template or duplicated) live here until their first save. */
  const [drafts, setDrafts] = useState<ReadonlyMap<string, Procedure>>(new Map());
  const isPublic =
    route.name === 'lookup' || route.name === 'verify' || CITIZEN_ROUTES.includes(route.name);

  const client = useQueryClient();
  // Asked for at boot (main.tsx), while React starts; the catalog once signed in.
  const session = useQuery({ ...sessionQuery, enabled: !isPublic });
  const user = session.isPending ? undefined : session.data;
  const { data: catalog } = useQuery({ ...unitsQuery, enabled: !!user });
  /** Signed in as someone, or signed out (null): the previous user's server data is dropped. */
  const setUser = useCallback((next: User | null) => forgetUserData(client, next), [client]);

  useEffect(() => {
    const ended = () => {
      if (client.getQueryData(sessionQuery.queryKey)) setUser(null);
    };
    addEventListener(SESSION_ENDED, ended);
    return () => removeEventListener(SESSION_ENDED, ended);
  }, [client, setUser]);

  const onSignedOut = useCallback(() => {
    void api.logout().catch(() => undefined);
    setUser(null);
  }, [setUser]);

  if (route.name === 'verify') return <VerifyScreen />;
  if (CITIZEN_ROUTES.includes(route.name)) return <CitizenApp route={route} />;
  if (isPublic) return <LookupScreen />;
  if (user === undefined) return <div className="splash">{s.loading}</div>;
  if (user === null) return <LoginScreen onSignedIn={setUser} />;
  if (!catalog) return <div className="splash">{s.loading}</div>;

  const office = { user, catalog, onSignOut: onSignedOut };
  const splash = <div className="splash">{s.loading}</div>;
  switch (route.name) {
    case 'editor':
      return (
        <EditorScreen
          key={route.id}
          id={route.id}
          user={user}
          catalog={catalog}
          draft={drafts.get(route.id)}
          onSaved={(id) =>
            setDrafts((d) => {
              const next = new Map(d);
              next.delete(id);
              return next;
            })
          }
          onBack={() => navigate({ name: 'library' })}
          onSignOut={onSignedOut}
          onSessionExpired={() => setUser(null)}
        />
      );
    case 'desk':
      return (
        <Suspense fallback={splash}>
          <DeskScreen key={visit} {...office} />
        </Suspense>
      );
    case 'reports':
      return (
        <Suspense fallback={splash}>
          <ReportsScreen {...office} />
        </Suspense>
      );
    case 'users':
      return (
        <Suspense fallback={splash}>
          <UsersScreen {...office} />
        </Suspense>
      );
    case 'accessLog':
      return (
        <Suspense fallback={splash}>
          <AccessLogScreen {...office} />
        </Suspense>
      );
    case 'account':
      return <AccountScreen {...office} />;
    case 'inbox':
      return <InboxScreen {...office} />;
    case 'dossier':
      return <DossierScreen key={route.id} id={route.id} {...office} />;
    case 'print':
      return (
        <SlipPage
          key={`${route.id}-${route.slip}`}
          id={route.id}
          slip={route.slip}
          catalog={catalog}
        />
      );
    case 'home':
      // Designers start in the library; officers in their inbox.
      if (!canDesign(user)) return <InboxScreen {...office} />;
      break;
    case 'library':
      break;
    case 'catalog':
    case 'publicProcedure':
    case 'submit':
    case 'citizenDossier':
      // Public pages, answered above before any sign-in.
      return <CitizenApp route={route} />;
    default: {
      const never: never = route;
      throw new Error(`unknown route ${JSON.stringify(never)}`);
    }
  }
  return (
    <LibraryScreen
      user={user}
      catalog={catalog}
      onOpen={(id) => navigate({ name: 'editor', id })}
      onCreate={(procedure) => {
        setDrafts((d) => new Map(d).set(procedure.id, procedure));
        navigate({ name: 'editor', id: procedure.id });
      }}
      onSignOut={onSignedOut}
    />
  );
}
