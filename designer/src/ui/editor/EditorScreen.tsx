import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Procedure, UnitCatalog } from '../../../../engine/index.ts';
import { ApiError, type User } from '../../api/client.ts';
import { procedureForEditing } from '../../api/queries.ts';
import { autoLayout } from '../../layout/autoLayout.ts';
import { parseLayout, type DesignDoc } from '../../model/designDoc.ts';
import { useI18n } from '../I18n.tsx';
import { TopBar } from '../TopBar.tsx';
import { Editor, type Saved } from './Editor.tsx';

type LoadState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly notFound: boolean; readonly message: string }
  | {
      readonly status: 'ready';
      readonly doc: DesignDoc;
      readonly saved: Saved;
      readonly nonce: number;
    };

function markReady(detail: Record<string, unknown>): void {
  // For tests and the benchmark: when the diagram of a procedure is ready to be used.
  (window as unknown as { __motcuaReady?: unknown }).__motcuaReady = {
    ...detail,
    at: performance.now(),
  };
}

/** Load a procedure (or take a new draft), lay it out if it has no layout, then edit it. */
export function EditorScreen({
  id,
  user,
  catalog,
  draft,
  onSaved,
  onBack,
  onSignOut,
  onSessionExpired,
}: {
  id: string;
  user: User;
  catalog: UnitCatalog;
  draft: Procedure | undefined;
  onSaved: (id: string) => void;
  onBack: () => void;
  onSignOut: () => void;
  onSessionExpired: () => void;
}) {
  const { s, f } = useI18n();
  const client = useQueryClient();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  // A draft is read once: after its first save (or a reload) the server's copy is the truth.
  const draftRef = useRef(draft);
  const expiredRef = useRef(onSessionExpired);
  expiredRef.current = onSessionExpired;

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    const started = performance.now();
    performance.mark('motcua:fetch');
    try {
      let procedure: Procedure;
      let saved: Saved;
      let layout = null as ReturnType<typeof parseLayout>;
      if (draftRef.current) {
        procedure = draftRef.current;
        saved = { procedure: null, layout: null, etag: null, version: null };
      } else {
        // The copy asked for at boot when the app opened here, taken once: a reload asks again.
        const query = procedureForEditing(id);
        const r = await client
          .fetchQuery(query)
          .finally(() => client.removeQueries({ queryKey: query.queryKey, exact: true }));
        procedure = r.procedure;
        layout = parseLayout(r.layout);
        saved = {
          procedure: r.procedure,
          layout,
          etag: r.etag,
          version: r.version,
          draft: r.draft ?? null,
          published: r.published ?? null,
        };
      }
      const fetched = performance.now();
      performance.mark('motcua:fetched');
      const hasLayout = layout !== null && Object.keys(layout.positions).length > 0;
      const finalLayout = hasLayout ? layout! : await autoLayout(procedure);
      const laidOut = performance.now();
      performance.mark('motcua:laid-out');
      setState({
        status: 'ready',
        doc: { procedure, layout: finalLayout },
        saved: { ...saved, layout: saved.layout ?? finalLayout },
        nonce: Date.now(),
      });
      markReady({
        id,
        fetchMs: fetched - started,
        layoutMs: laidOut - fetched,
        autoLayout: !hasLayout,
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return expiredRef.current();
      setState({
        status: 'error',
        notFound: error instanceof ApiError && error.status === 404,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }, [id, client]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.status !== 'ready') {
    return (
      <div className="page">
        <TopBar user={user} onSignOut={onSignOut} />
        <main className="center-message">
          {state.status === 'loading' ? (
            <p aria-live="polite">{s.loading}</p>
          ) : (
            <>
              <div className="alert alert-error" role="alert">
                {state.notFound
                  ? f(s.notFound, { id })
                  : f(s.networkError, { message: state.message })}
              </div>
              <button type="button" className="btn" onClick={onBack}>
                ← {s.backToLibrary}
              </button>
            </>
          )}
        </main>
      </div>
    );
  }
  return (
    <Editor
      key={state.nonce}
      id={id}
      user={user}
      catalog={catalog}
      initial={state.doc}
      saved={state.saved}
      onSaved={() => {
        draftRef.current = undefined;
        onSaved(id);
      }}
      onReload={() => {
        draftRef.current = undefined;
        void load();
      }}
      onBack={onBack}
      onSignOut={onSignOut}
      onSessionExpired={onSessionExpired}
    />
  );
}
