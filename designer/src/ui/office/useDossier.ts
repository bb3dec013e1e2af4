import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/client.ts';
import { dossierApi, type DossierDetail } from '../../api/dossiers.ts';
import { useI18n } from '../I18n.tsx';

/** A dossier as a screen reads it, the message to show when it cannot, and how to read it again. */
export interface DossierRead {
  readonly dossier: DossierDetail | undefined;
  readonly error: string | undefined;
  reload(): Promise<unknown>;
}

/**
 * The dossier page's data (`print`: the slip printed from it), through TanStack Query under
 * `['dossier', id, …]`. Every read is recorded in the access log, so it is read when the screen
 * opens and when asked (after an event or a file), never again on window focus, reconnection or a retry.
 */
export function useDossier(id: string, print?: string): DossierRead {
  const { s } = useI18n();
  const read = useQuery({
    queryKey: ['dossier', id, print ?? 'view'],
    queryFn: () => dossierApi.get(id, print),
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const e = read.error;
  return {
    dossier: read.data,
    error: e
      ? e instanceof ApiError && e.status === 404
        ? s.dossierNotFound
        : String(e)
      : undefined,
    reload: () => read.refetch(),
  };
}
