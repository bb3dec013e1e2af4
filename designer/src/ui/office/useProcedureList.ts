import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  api,
  procedureQueryString,
  type ProcedurePage,
  type ProcedureQuery,
  type ProcedureSummary,
} from '../../api/client.ts';

/**
 * The procedure library's rows, for filters and labels; undefined while loading, empty when the
 * list could not be read (the page still works, with ids instead of names).
 */
export function useProcedureList(): readonly ProcedureSummary[] | undefined {
  const { data, isError } = useQuery({
    queryKey: ['procedures', 'all'],
    queryFn: () => api.procedures(),
    retry: false,
  });
  return data ?? (isError ? [] : undefined);
}

/** How long typing must pause before the search goes to the server. */
const SEARCH_DELAY_MS = 250;

/** A value that follows `value` once it has stayed the same for `delayMs`. */
function useSettled<T>(value: T, key: string, delayMs: number): T {
  const [settled, setSettled] = useState({ key, value });
  useEffect(() => {
    if (key === settled.key) return;
    const timer = setTimeout(() => setSettled({ key, value }), delayMs);
    return () => clearTimeout(timer);
    // The value is compared by its key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, delayMs]);
  return settled.value;
}

/**
 * A library search answered by the server, one page at a time: the rows loaded so far, the
 * number of matches, and `more()` for the next page. The first page is asked at once; a changed
 * query after a short pause in typing, starting again from its first page (TanStack Query keys
 * the pages by the query, so an answer to an older query never mixes in).
 */
export function useProcedureSearch(
  query: Omit<ProcedureQuery, 'offset' | 'limit'>,
  pageSize = 50,
): {
  page: ProcedurePage | undefined;
  items: readonly ProcedureSummary[];
  error: unknown;
  more: (() => void) | undefined;
} {
  const asked = useSettled(query, procedureQueryString(query), SEARCH_DELAY_MS);
  const search = useInfiniteQuery({
    queryKey: ['procedures', 'search', procedureQueryString(asked), pageSize],
    queryFn: ({ pageParam }) => api.procedurePage({ ...asked, offset: pageParam, limit: pageSize }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return loaded < last.total ? loaded : undefined;
    },
    // While a new query loads, the rows of the previous one stay (no flicker to "loading").
    placeholderData: keepPreviousData,
    retry: false,
  });
  const pages = search.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);
  return {
    page: pages.at(-1),
    items,
    error: search.error ?? undefined,
    more: search.hasNextPage && !search.isFetching ? () => void search.fetchNextPage() : undefined,
  };
}
