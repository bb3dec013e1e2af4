import { useCallback, useEffect, useMemo, useState } from 'react';
import { sortedJson, type Problem, type Procedure } from '../../../../engine/index.ts';
import {
  api,
  ApiError,
  canDesign,
  type DraftInfo,
  type LoadedProcedure,
  type User,
} from '../../api/client.ts';
import type { DesignDoc, Layout } from '../../model/designDoc.ts';
import { useI18n } from '../I18n.tsx';

/** What the server holds: the draft, else the latest published (null for a new procedure). */
export interface Saved {
  readonly procedure: Procedure | null;
  readonly layout: Layout | null;
  readonly etag: string | null;
  readonly version: string | null;
  /** The draft in the database (null: the working copy is the published file). */
  readonly draft?: DraftInfo | null;
  readonly published?: LoadedProcedure['published'];
}

/** Where saving stands. */
export type SaveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly at: Date; readonly version: string }
  | { readonly kind: 'error'; readonly message: string; readonly problems?: readonly Problem[] };

/**
 * Saving through `PUT /api/procedures/:id` with the ETag read (If-Match): a 409 opens the
 * conflict dialog (never overwrite silently), a 422 shows the server's problems, a 403 says the
 * role is missing. Also whether the doc differs from what is on disk.
 */
export function useSave(
  id: string,
  user: User,
  doc: DesignDoc,
  initial: Saved,
  callbacks: { onSaved: () => void; onSessionExpired: () => void },
) {
  const { s, f } = useI18n();
  const { procedure } = doc;
  const [saved, setSaved] = useState<Saved>(initial);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [conflict, setConflict] = useState(false);
  const { onSaved, onSessionExpired } = callbacks;

  const dirty = useMemo(() => {
    if (!saved.procedure) return true;
    return (
      sortedJson(procedure) !== sortedJson(saved.procedure) ||
      sortedJson(doc.layout) !== sortedJson(saved.layout)
    );
  }, [procedure, doc.layout, saved]);

  // Leaving the page with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [dirty]);

  const save = useCallback(async () => {
    if (!canDesign(user) || status.kind === 'saving') return;
    setStatus({ kind: 'saving' });
    try {
      const result = await api.save(id, procedure, doc.layout, saved.etag);
      setSaved((prev) => ({
        ...prev,
        procedure,
        layout: doc.layout,
        etag: result.etag,
        version: result.version,
        draft: result.draft ?? null,
      }));
      setStatus({ kind: 'saved', at: new Date(), version: result.version });
      onSaved();
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setStatus({ kind: 'error', message: String(error) });
      } else if (error.status === 401) {
        onSessionExpired();
      } else if (error.status === 409) {
        setStatus({ kind: 'idle' });
        setConflict(true);
      } else if (error.status === 422) {
        const details = error.details as { problems?: Problem[] } | undefined;
        setStatus({
          kind: 'error',
          message: s.validationRejected,
          problems: details?.problems ?? [],
        });
      } else if (error.status === 403) {
        setStatus({ kind: 'error', message: s.forbidden });
      } else {
        setStatus({ kind: 'error', message: f(s.networkError, { message: error.message }) });
      }
    }
  }, [user, status.kind, id, procedure, doc.layout, saved.etag, onSaved, onSessionExpired, s, f]);

  return { saved, setSaved, status, setStatus, conflict, setConflict, dirty, save };
}
