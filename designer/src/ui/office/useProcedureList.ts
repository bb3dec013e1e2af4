import { useCallback, useEffect, useState } from 'react';
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
  const [items, setItems] = useState<ProcedureSummary[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    api.procedures().then(
      (list) => live && setItems(list),
      () => live && setItems([]),
    );
    return () => {
      live = false;
    };
  }, []);
  return items;
}

/** How long typing must pause before the search goes to the server. */
const SEARCH_DELAY_MS = 250;

/**
 * A library search answered by the server, one page at a time: the rows loaded so far, the
 * number of matches, and `more()` for the next page. A new query starts again from the first
 * page (after a short pause in typing); an answer to an older query is dropped.
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
  const key = procedureQueryString(query);
  const [state, setState] = useState<{
    key: string;
    page: ProcedurePage | undefined;
    items: ProcedureSummary[];
    error: unknown;
  }>({ key: '', page: undefined, items: [], error: undefined });
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () => {
        setLoading(true);
        api
          .procedurePage({ ...query, offset: 0, limit: pageSize })
          .then(
            (page) => live && setState({ key, page, items: page.items, error: undefined }),
            (error: unknown) => live && setState({ key, page: undefined, items: [], error }),
          )
          .finally(() => live && setLoading(false));
      },
      // The first page at once; a changed query after a pause in typing.
      state.page === undefined && state.error === undefined ? 0 : SEARCH_DELAY_MS,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The query is compared by its query string.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, pageSize]);
  const more = useCallback(() => {
    const offset = state.items.length;
    setLoading(true);
    api
      .procedurePage({ ...query, offset, limit: pageSize })
      .then(
        (page) =>
          setState((s) =>
            s.key === key && s.items.length === offset
              ? { key, page, items: [...s.items, ...page.items], error: undefined }
              : s,
          ),
        (error: unknown) => setState((s) => ({ ...s, error })),
      )
      .finally(() => setLoading(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, pageSize, state.items.length]);
  // While a new query loads, the rows of the previous one stay (no flicker to "loading").
  const page = state.page;
  return {
    page,
    items: state.items,
    error: state.error,
    more: page && !loading && state.items.length < page.total ? more : undefined,
  };
}
