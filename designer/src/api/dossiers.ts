import type {
  Channel,
  LocalizedText,
  Procedure,
  SlipKind,
  WorkingTime,
} from '../../../engine/index.ts';
import type { z } from '@hono/zod-openapi';
import type { CitizenLookup } from '../../../server/http/routes/public.ts';
import { call } from './client.ts';

/** How a dossier stands against its deadline now (or how it was resolved). */
export type TimelinessNow =
  'not-yet-due' | 'due-soon' | 'overdue' | 'paused' | 'early' | 'on-time' | 'late';

/** A row of the inbox (`GET /api/dossiers`). */
export interface DossierListItem {
  readonly id: string;
  readonly code: string;
  readonly procedure: { readonly id: string; readonly name: LocalizedText | null };
  readonly unit: string;
  readonly channel: Channel;
  readonly applicant: string;
  readonly status: 'active' | 'done';
  readonly statusText: LocalizedText;
  readonly steps: readonly string[];
  /** The steps the dossier is at, with their units and due times. */
  readonly currentSteps: readonly {
    readonly name: LocalizedText;
    readonly unit: string | null;
    readonly due: string | null;
  }[];
  readonly version: number;
  readonly receivedAt: string;
  readonly appointmentDate: string | null;
  readonly timeliness: TimelinessNow | null;
}

/** An event the signed-in user may send now. */
export interface AvailableEvent {
  readonly type: string;
  readonly name: LocalizedText;
  readonly step: string;
  readonly unit?: string;
  readonly role?: string;
}

/** The dossier page (`GET /api/dossiers/:id`). */
export interface DossierDetail {
  readonly id: string;
  readonly code: string;
  readonly version: number;
  readonly procedure: {
    readonly id: string;
    readonly version: string;
    readonly name: LocalizedText;
    readonly code: string | null;
  };
  /** The procedure version the dossier is pinned to. */
  readonly definition: Procedure;
  readonly unit: string;
  readonly channel: Channel;
  readonly applicant: {
    readonly name: string;
    readonly idNumber: string | null;
    readonly phone?: string | null;
    readonly email?: string | null;
    readonly address?: string | null;
  };
  readonly status: 'active' | 'done';
  readonly statusText: LocalizedText;
  readonly steps: readonly {
    readonly id: string;
    readonly name: LocalizedText;
    readonly unit: string | null;
    readonly role: string | null;
    readonly enteredAt: string;
    /** The step's own due time, or when its timer fires. */
    readonly due: string | null;
    readonly timerAt?: string | null;
  }[];
  readonly data: Readonly<Record<string, unknown>>;
  readonly documents: readonly string[];
  readonly receivedAt: string;
  readonly receivedBy?: string | null;
  readonly clock: {
    readonly status: string;
    readonly acceptedAt?: string;
    readonly due?: string;
    readonly originalDue?: string;
  };
  readonly appointmentDate: string | null;
  /** The legal time that applies: a deadline variant, lawful extensions. */
  readonly deadline: DeadlineInfo;
  readonly outcome: string | null;
  readonly completedAt: string | null;
  readonly timeliness: TimelinessNow | null;
  readonly history: readonly {
    readonly seq: number;
    readonly type: string;
    readonly name: LocalizedText | null;
    readonly actor: string;
    readonly actorName?: string | null;
    readonly override: boolean;
    readonly at: string;
    readonly payload: unknown;
  }[];
  readonly controlSlip: readonly {
    readonly step: string;
    readonly name: LocalizedText;
    readonly unit: string | null;
    readonly role: string | null;
    readonly actor: string;
    readonly actorName?: string | null;
    readonly from: string;
    readonly to: string;
    readonly due: string | null;
    readonly late: boolean;
  }[];
  readonly slips: readonly {
    readonly id: string;
    readonly kind: SlipKind;
    readonly step: string | null;
    readonly due: string | null;
    readonly issuedAt: string;
    readonly issuedBy: string;
    readonly issuedByName?: string | null;
    /** The officer's reason, or why the appointment moved. */
    readonly reason?: string | null;
  }[];
  readonly availableEvents: readonly AvailableEvent[];
}

/** What the desk enters to receive a dossier. */
export interface ReceiveRequest {
  readonly procedureId: string;
  readonly applicant: {
    readonly name: string;
    readonly idNumber?: string;
    readonly phone?: string;
    readonly email?: string;
    readonly address?: string;
  };
  readonly channel: Channel;
  readonly data: Record<string, unknown>;
  readonly documents: readonly string[];
  readonly accept: boolean;
}

/** The answer to a reception: the code and the secret to print on the receipt. */
export interface Received {
  readonly id: string;
  readonly code: string;
  readonly secret: string;
  readonly version: number;
  readonly statusText: LocalizedText;
  readonly appointmentDate: string | null;
}

/** An event to send, with what it carries. */
export interface EventRequest {
  readonly type: string;
  readonly note?: string;
  readonly documents?: readonly string[];
  readonly data?: Record<string, unknown>;
  readonly expectedVersion?: number;
}

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

/** The legal time that applies to a dossier (thời hạn áp dụng). */
export interface DeadlineInfo {
  readonly legal: WorkingTime;
  readonly variant: { readonly id: string; readonly name: LocalizedText } | null;
  readonly lawfulExtensions: readonly {
    readonly id: string;
    readonly name: LocalizedText;
    readonly by: WorkingTime;
    readonly at: string;
    readonly from: string;
    readonly to: string;
  }[];
}

/** The citizen's view of a dossier (the server's own schema, type-only). */
export type PublicStatus = z.infer<typeof CitizenLookup>;

/** How the statistics are grouped. */
export type GroupBy = 'unit' | 'procedure' | 'level' | 'channel';

/** One group of the one-stop statistics. */
export interface SummaryRow {
  readonly key: string;
  readonly received: number;
  readonly online: number;
  readonly desk: number;
  readonly post: number;
  readonly carriedOver: number;
  readonly resolved: number;
  readonly early: number;
  readonly onTime: number;
  readonly late: number;
  readonly refused: number;
  readonly withdrawn: number;
  readonly stopped: number;
  readonly inProgress: number;
  readonly notYetDue: number;
  readonly overdue: number;
  readonly awaitingSupplement: number;
  readonly resolvedPercent: number;
  readonly earlyPercent: number;
  readonly onTimePercent: number;
  readonly latePercent: number;
}

/** The statistics of a period. */
export interface SummaryReport {
  readonly from: string;
  readonly to: string;
  readonly groupBy: GroupBy;
  readonly rows: readonly SummaryRow[];
  readonly total: SummaryRow;
}

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
    call<{ version: number; status: string }>('POST', `/api/dossiers/${id}/events`, body, {
      'idempotency-key': key,
    }),
  /** The dossier page; opening it is recorded in the access log (a print names the slip). */
  get: (id: string, print?: string) =>
    call<DossierDetail>(
      'GET',
      `/api/dossiers/${encodeURIComponent(id)}${print ? query({ purpose: 'print', slip: print }) : ''}`,
    ),
  list: (q: InboxQuery) =>
    call<{ items: DossierListItem[]; nextCursor: string | null }>(
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
