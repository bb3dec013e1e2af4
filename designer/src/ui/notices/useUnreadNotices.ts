import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { noticeApi } from '../../api/notices.ts';

/** How often the bell asks for the unread count while the page is visible. */
export const NOTICE_POLL_MS = 60_000;

/** A count known for less than this is not asked again when another screen mounts the bell. */
const FRESH_MS = 15_000;

/** The unread count of the user's notices, how to ask again, and how to set a known count. */
export interface UnreadNotices {
  readonly unread: number;
  refresh(): void;
  set(unread: number): void;
}

/**
 * The number of unread notices of the signed-in user, kept by TanStack Query under the user's
 * key: asked on mount unless known for less than 15 s (every screen draws its own top bar, and
 * the badge should neither blink out and back nor be asked for on each navigation), every minute
 * while the page is visible, and as soon as a hidden page shows again. A count set from an answer
 * (opening the panel marks all seen) cancels a poll still in flight, so a poll answered late
 * cannot bring back a count just cleared. A failed poll keeps the last count; an ended session is
 * handled by the API client.
 */
export function useUnreadNotices(user: string): UnreadNotices {
  const client = useQueryClient();
  const queryKey = useMemo(() => ['notices', 'unread', user] as const, [user]);
  const { data } = useQuery({
    queryKey,
    queryFn: () => noticeApi.unread(),
    staleTime: FRESH_MS,
    refetchInterval: NOTICE_POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    retry: false,
  });
  const refresh = useCallback(
    () => void client.refetchQueries({ queryKey, exact: true }),
    [client, queryKey],
  );
  const set = useCallback(
    (value: number) => {
      void client.cancelQueries({ queryKey, exact: true });
      client.setQueryData(queryKey, value);
    },
    [client, queryKey],
  );
  return { unread: data ?? 0, refresh, set };
}
