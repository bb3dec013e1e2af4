import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, type User } from './client.ts';

/**
 * The signed-in user, or null: not signed in (401) or the server unreachable (the sign-in screen
 * says which on submit). Known until the app signs in or out (it sets the answer itself).
 */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: (): Promise<User | null> => api.me().catch(() => null),
  staleTime: Infinity,
  retry: false,
});

/** The catalog of levels, roles and units: the same for every user, read once. */
export const unitsQuery = queryOptions({
  queryKey: ['units'],
  queryFn: () => api.units(),
  staleTime: Infinity,
  retry: false,
});

/**
 * The working copy of a procedure (its draft, else the latest published), as the editor opens
 * it. Asked at boot when the app opens on the editor; the editor takes it once (a reload after a
 * conflict asks the server again).
 */
export function procedureForEditing(id: string) {
  return queryOptions({
    queryKey: ['procedure', id, 'edit'],
    queryFn: () => api.procedure(id, 'edit'),
    staleTime: Infinity,
    retry: false,
  });
}

/** Forget the server data of the user who signed out (the next user reads their own). */
export function forgetUserData(client: QueryClient, user: User | null): void {
  client.removeQueries({
    predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'units',
  });
  client.setQueryData(sessionQuery.queryKey, user);
}
