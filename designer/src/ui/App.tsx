import { useCallback, useEffect, useState } from 'react';
import type { Procedure, UnitCatalog } from '../../../engine/index.ts';
import { api, ApiError, prefetch, type User } from '../api/client.ts';
import { EditorScreen } from './editor/EditorScreen.tsx';
import { useI18n } from './I18n.tsx';
import { LibraryScreen } from './library/LibraryScreen.tsx';
import { LoginScreen } from './LoginScreen.tsx';
import { useRoute } from './useRoute.ts';

/** The designer: sign in, the library, the editor of one procedure. */
export function App() {
  const { s } = useI18n();
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [catalog, setCatalog] = useState<UnitCatalog | undefined>(undefined);
  const [route, navigate] = useRoute();
  /** New procedures (from the template or duplicated) live here until their first save. */
  const [drafts, setDrafts] = useState<ReadonlyMap<string, Procedure>>(new Map());

  useEffect(() => {
    api.me().then(setUser, (e: unknown) => {
      if (e instanceof ApiError && e.status === 401) setUser(null);
      else setUser(null);
    });
  }, []);
  useEffect(() => {
    if (user) prefetch.take('units', api.units).then(setCatalog, () => setCatalog(undefined));
  }, [user]);

  const onSignedOut = useCallback(() => {
    void api.logout().catch(() => undefined);
    setUser(null);
  }, []);

  if (user === undefined) return <div className="splash">{s.loading}</div>;
  if (user === null) return <LoginScreen onSignedIn={setUser} />;
  if (!catalog) return <div className="splash">{s.loading}</div>;

  if (route.name === 'editor') {
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
