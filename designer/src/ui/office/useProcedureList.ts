import { useEffect, useState } from 'react';
import { api, type ProcedureSummary } from '../../api/client.ts';

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
