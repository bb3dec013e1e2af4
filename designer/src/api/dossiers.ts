import type { z } from '@hono/zod-openapi';
import type {
  DossierDetail as DossierDetailSchema,
  DossierPage,
  EventApplied as EventAppliedSchema,
  EventBody,
  ReceiveBody,
  Received as ReceivedSchema,
} from '../../../server/http/routes/dossiers.ts';
import type { DeadlineInfo as DeadlineInfoSchema } from '../../../server/http/schemas.ts';
import type { SummaryReport as SummaryReportSchema } from '../../../server/http/routes/reports.ts';
import type { CitizenLookup } from '../../../server/http/routes/public.ts';
import { call } from './client.ts';

// The answers' shapes are the server's own schemas (type-only: nothing of the server is bundled).
/** The dossier page (`GET /api/dossiers/:id`), with the procedure version it is pinned to. */
export type DossierDetail = z.infer<typeof DossierDetailSchema>;
/** A row of the inbox (`GET /api/dossiers`). */
export type DossierListItem = z.infer<typeof DossierPage>['items'][number];
/** How a dossier stands against its deadline now (or how it was resolved). */
export type TimelinessNow = NonNullable<DossierListItem['timeliness']>;
/** An event the signed-in user may send now. */
export type AvailableEvent = DossierDetail['availableEvents'][number];
/** The legal time that applies to a dossier (thời hạn áp dụng). */
export type DeadlineInfo = z.infer<typeof DeadlineInfoSchema>;
/** The answer to a reception: the code and the secret to print on the receipt. */
export type Received = z.infer<typeof ReceivedSchema>;
/** The dossier after an event. */
export type EventApplied = z.infer<typeof EventAppliedSchema>;
/** What the desk enters to receive a dossier (the server fills the defaults). */
export type ReceiveRequest = z.input<typeof ReceiveBody>;
/** An event to send, with what it carries (files: uploads sent before, or reused ones). */
export type EventRequest = z.input<typeof EventBody>;
/** The statistics of a period. */
export type SummaryReport = z.infer<typeof SummaryReportSchema>;
/** How the statistics are grouped. */
export type GroupBy = SummaryReport['groupBy'];
/** One group of the one-stop statistics. */
export type SummaryRow = SummaryReport['total'];

/** Inbox filters, as the query string takes them. */
export interface InboxQuery {
  readonly mine?: boolean;
  readonly unit?: string;
  readonly status?: 'active' | 'done';
  readonly overdue?: boolean;
  readonly procedure?: string;
  /** Only dossiers received by this unit's one-stop desk. */
  readonly receivedBy?: string;
  readonly channel?: 'desk' | 'online' | 'post';
  /** false: only dossiers not accepted yet. */
  readonly accepted?: boolean;
  readonly q?: string;
  /** received: newest first; due: the most urgent appointment first. */
  readonly sort?: 'received' | 'due';
  readonly cursor?: string;
  readonly limit?: number;
}

/** The citizen's view of a dossier (the server's own schema, type-only). */
export type PublicStatus = z.infer<typeof CitizenLookup>;

/**
 * A fresh idempotency key for one user action: a retry of the same action reuses it, so the
 * server applies it once. `crypto.randomUUID` exists only on secure origins (a district's LAN
 * address over http is not one), `getRandomValues` everywhere.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function query(params: Readonly<Record<string, string | number | boolean | undefined>>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== '') search.set(k, String(v));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The path of the statistics, as JSON or as a CSV download. */
export function reportPath(
  from: string,
  to: string,
  groupBy: GroupBy,
  format: 'json' | 'csv',
): string {
  return `/api/reports/summary${query({ from, to, groupBy, format })}`;
}

/** The one-stop office's view of the server API: dossiers, lookup, statistics. */
export const dossierApi = {
  receive: (body: ReceiveRequest, key: string) =>
    call<Received>('POST', '/api/dossiers', body, { 'idempotency-key': key }),
  send: (id: string, body: EventRequest, key: string) =>
    call<EventApplied>('POST', `/api/dossiers/${id}/events`, body, {
      'idempotency-key': key,
    }),
  /** The dossier page; opening it is recorded in the access log (a print names the slip). */
  get: (id: string, print?: string) =>
    call<DossierDetail>(
      'GET',
      `/api/dossiers/${encodeURIComponent(id)}${print ? query({ purpose: 'print', slip: print }) : ''}`,
    ),
  list: (q: InboxQuery) =>
    call<z.infer<typeof DossierPage>>(
      'GET',
      `/api/dossiers${query({ ...q, mine: q.mine ? 'true' : undefined, overdue: q.overdue ? 'true' : undefined, accepted: q.accepted === undefined ? undefined : String(q.accepted) })}`,
    ),
  /** The citizen's lookup; `altcha`: a solved challenge, asked after repeated failures. */
  lookup: (code: string, secret: string, altcha?: string) =>
    call<PublicStatus>(
      'GET',
      `/api/public/dossiers/${encodeURIComponent(code)}${query({ secret, altcha })}`,
    ),
  report: (from: string, to: string, groupBy: GroupBy) =>
    call<SummaryReport>('GET', reportPath(from, to, groupBy, 'json')),
};
