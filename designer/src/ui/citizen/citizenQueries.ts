import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { citizenApi, paymentApi, satisfactionApi } from '../../api/citizen.ts';

// The citizen's pages and the payment and satisfaction panels read the server through TanStack
// Query: one cache (the sheet fetched for the procedure page serves the submission too), no
// request counters of our own. A failure is shown at once (no retry), as before.

/** One page of the public catalog; the previous page stays on screen while the next loads. */
export function useCatalog(query: { q: string; field: string; page: number }, pageSize: number) {
  return useQuery({
    queryKey: ['public-catalog', query, pageSize],
    queryFn: () => citizenApi.catalog({ ...query, pageSize }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** One procedure as published (the public sheet and its e-form). */
export function usePublicProcedure(id: string) {
  return useQuery({
    queryKey: ['public-procedure', id],
    queryFn: () => citizenApi.procedure(id),
    retry: false,
  });
}

/** The fees and payments of the dossier a citizen opened with its code and secret. */
export function useCitizenPayment(code: string, secret: string) {
  return useQuery({
    queryKey: ['citizen-payment', code, secret],
    queryFn: () => citizenApi.payment(code, secret),
    retry: false,
  });
}

/**
 * The fees and payments of a dossier for the desk, asked again whenever the dossier moves (the
 * panel keeps what it shows until the new answer).
 */
export function useDossierPayment(dossierId: string, version: number) {
  return useQuery({
    queryKey: ['dossier-payment', dossierId, version],
    queryFn: () => paymentApi.status(dossierId),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/**
 * The satisfaction report of a period by unit and by procedure (two answers, one total); asked
 * only for a period of real dates, the last report staying on screen meanwhile.
 */
export function useSatisfaction(from: string, to: string) {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  return useQuery({
    queryKey: ['satisfaction', from, to],
    queryFn: async () => {
      const [unit, procedure] = await Promise.all([
        satisfactionApi.report(from, to, 'unit'),
        satisfactionApi.report(from, to, 'procedure'),
      ]);
      return { byUnit: unit.rows, byProcedure: procedure.rows, total: unit.total };
    },
    enabled: day.test(from) && day.test(to) && to >= from,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
