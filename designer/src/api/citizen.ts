import type { LocalizedText, Procedure } from '../../../engine/index.ts';
import { ApiError, call } from './client.ts';
import type { PendingUpload } from './files.ts';

/** A line of the public catalog. */
export interface CatalogItem {
  readonly id: string;
  readonly code: string | null;
  readonly name: LocalizedText;
  readonly field: string;
  readonly level: string;
  readonly agency: LocalizedText | null;
  readonly deadline: Procedure['deadline'];
  readonly onlineService: Procedure['onlineService'];
  readonly feeVnd: number;
  /** A fee depends on the form: `feeVnd` is the least amount ("từ …"). */
  readonly feeVaries: boolean;
}

/** A page of the catalog, searched on the server. */
export interface CatalogPage {
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly items: readonly CatalogItem[];
  readonly fields: readonly string[];
}

/** How the result reaches the citizen. */
export type ResultDelivery = 'electronic' | 'desk' | 'post';

/** One procedure as published (the public sheet). */
export interface PublicProcedure {
  readonly id: string;
  readonly version: string;
  readonly code: string | null;
  readonly name: LocalizedText;
  readonly field: string;
  readonly level: string;
  readonly agency: LocalizedText | null;
  readonly legalBasis: Procedure['legalBasis'];
  readonly deadline: Procedure['deadline'];
  readonly fees: Procedure['fees'];
  readonly documents: Procedure['documents'];
  readonly forms: readonly { id: string; title: LocalizedText }[];
  readonly form: Procedure['forms'][number] | null;
  readonly onlineService: Procedure['onlineService'];
  readonly result: LocalizedText | null;
  readonly resultDelivery: readonly ResultDelivery[];
  readonly submitTo: { id: string; name: LocalizedText | null } | null;
}

/** What an online submission answers: the code and the secret, shown once. */
export interface Submitted {
  readonly code: string;
  readonly secret: string;
  readonly receivedAt: string;
  readonly receipt: string;
}

/** The citizen's dossier page. */
export interface OnlineDossier {
  readonly code: string;
  readonly procedure: { id: string; name: LocalizedText; code: string | null };
  readonly channel: string;
  readonly status: 'active' | 'done';
  readonly statusText: LocalizedText;
  readonly waitingAcceptance: boolean;
  readonly currentSteps: readonly LocalizedText[];
  readonly receivedAt: string;
  readonly acceptedAt: string | null;
  readonly appointmentDate: string | null;
  readonly completedAt: string | null;
  readonly outcome: string | null;
  readonly unit: { id: string; name: LocalizedText | null };
  /** The citizen rated the service already; `canRate`: the rating form is offered. */
  readonly rated: boolean;
  readonly canRate: boolean;
  readonly answers: readonly {
    kind: string;
    title: LocalizedText;
    issuedAt: string;
    reason: string | null;
  }[];
  readonly supplement: {
    events: readonly { type: string; name: LocalizedText }[];
    reason: string | null;
    form: Procedure['forms'][number] | null;
    data: Record<string, unknown>;
    documents: readonly {
      id: string;
      name: LocalizedText;
      kind: string;
      required: boolean;
      present: boolean;
    }[];
  } | null;
  readonly result: {
    delivery: readonly ResultDelivery[];
    issued: boolean;
    electronic: boolean;
    name: LocalizedText | null;
  };
}

/** An upload of the citizen's page, with the page's key. */
export interface UploadLink {
  readonly uploadId: string;
  readonly document: string;
}

/** A random key tying this page's uploads to its submission (no account). */
export function newUploadKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function upload(file: Blob, name: string, key: string): Promise<PendingUpload> {
  let response: Response;
  try {
    response = await fetch(`/api/public/uploads?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/octet-stream',
        'x-upload-key': key,
      },
      body: file,
    });
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  const parsed = (await response.json().catch(() => undefined)) as
    PendingUpload | { error?: { code?: string; message?: string; details?: unknown } } | undefined;
  if (!response.ok) {
    const err = (parsed as { error?: { code?: string; message?: string; details?: unknown } })
      ?.error;
    throw new ApiError(
      response.status,
      err?.code ?? `http-${response.status}`,
      err?.message ?? response.statusText,
      err?.details,
    );
  }
  return parsed as PendingUpload;
}

/** The address of a citizen's PDF (the secret travels in the query, as for the lookup). */
export function citizenPdfUrl(code: string, kind: string, secret: string): string {
  return `/api/public/dossiers/${encodeURIComponent(code)}/pdf/${kind}?secret=${encodeURIComponent(secret)}`;
}

/** One fee as the server computed it for the dossier. */
export interface FeeItemView {
  readonly name: { readonly vi: string; readonly en?: string };
  readonly amountVnd: number | null;
  readonly basis: { readonly vi: string; readonly en: string };
}

/** A recorded payment. */
export interface PaymentRecord {
  readonly id: string;
  readonly receiptNo: string;
  readonly amountVnd: number;
  readonly method: 'desk' | 'transfer' | 'provider';
  readonly transactionId: string | null;
  readonly paidAt: string;
}

/** What a dossier owes and has paid, and the VietQR transfer while a fee is awaited. */
export interface PaymentStatus {
  readonly fees: {
    readonly items: readonly FeeItemView[];
    readonly totalVnd: number;
    readonly complete: boolean;
  };
  readonly paidVnd: number;
  readonly dueVnd: number;
  readonly waiting: boolean;
  readonly paidEvent: string | null;
  readonly payments: readonly PaymentRecord[];
  readonly transfer: {
    readonly payload: string;
    readonly purpose: string;
    readonly amountVnd: number;
    readonly bankBin: string;
    readonly accountNumber: string;
    readonly accountName: string;
  } | null;
  readonly qrSvg: string | null;
}

/** The citizen's rating of the service, each criterion 1–5. */
export interface RatingInput {
  readonly attitude: number;
  readonly timeliness: number;
  readonly clarity: number;
  readonly comment?: string;
}

const base = (code: string) => `/api/public/dossiers/${encodeURIComponent(code)}`;

/** The citizen's view of the server API (no sign-in). */
export const citizenApi = {
  catalog: (q: { q?: string; field?: string; page: number; pageSize: number }) => {
    const params = new URLSearchParams({ page: String(q.page), pageSize: String(q.pageSize) });
    if (q.q) params.set('q', q.q);
    if (q.field) params.set('field', q.field);
    return call<CatalogPage>('GET', `/api/public/catalog?${params}`);
  },
  procedure: (id: string) =>
    call<PublicProcedure>('GET', `/api/public/catalog/${encodeURIComponent(id)}`),
  challenge: () =>
    call<{ algorithm: string; challenge: string; salt: string; signature: string }>(
      'GET',
      '/api/public/challenge',
    ),
  upload,
  submit: (body: {
    procedureId: string;
    applicant: { name: string; phone: string; email: string; idNumber?: string; address?: string };
    data: Record<string, unknown>;
    uploads: readonly UploadLink[];
    uploadKey: string;
    altcha: string;
  }) => call<Submitted>('POST', '/api/public/submissions', body),
  dossier: (code: string, secret: string, altcha?: string) =>
    call<OnlineDossier>(
      'GET',
      `/api/public/dossiers/${encodeURIComponent(code)}/online?secret=${encodeURIComponent(secret)}${altcha ? `&altcha=${encodeURIComponent(altcha)}` : ''}`,
    ),
  supplement: (
    code: string,
    body: {
      secret: string;
      data?: Record<string, unknown>;
      uploads: readonly UploadLink[];
      uploadKey: string;
      note?: string;
    },
  ) =>
    call<OnlineDossier>(
      'POST',
      `/api/public/dossiers/${encodeURIComponent(code)}/supplement`,
      body,
    ),
  // Fees and their payment, payment receipts, the satisfaction rating.
  payment: (code: string, secret: string) =>
    call<PaymentStatus>('GET', `${base(code)}/payment?secret=${encodeURIComponent(secret)}`),
  receiptUrl: (code: string, receiptNo: string, secret: string) =>
    `${base(code)}/payments/${encodeURIComponent(receiptNo)}/receipt?secret=${encodeURIComponent(secret)}`,
  rate: (code: string, secret: string, rating: RatingInput) =>
    call<RatingInput & { ratedAt: string }>('POST', `${base(code)}/rating`, {
      secret,
      ...rating,
    }),
};

/** The desk's side: the payment status of a dossier and recording a payment. */
export const paymentApi = {
  status: (id: string) =>
    call<PaymentStatus>('GET', `/api/dossiers/${encodeURIComponent(id)}/payment`),
  record: (
    id: string,
    body: { amountVnd: number; method: 'desk' | 'transfer'; transactionId?: string },
    key: string,
  ) =>
    call<{ payment: PaymentRecord; resumed: boolean }>(
      'POST',
      `/api/dossiers/${encodeURIComponent(id)}/payments`,
      body,
      { 'idempotency-key': key },
    ),
  receiptUrl: (id: string, paymentId: string) =>
    `/api/dossiers/${encodeURIComponent(id)}/payments/${encodeURIComponent(paymentId)}/receipt`,
};

/** Satisfaction figures of a unit or procedure (or the total). */
export interface SatisfactionRow {
  readonly key: string;
  readonly ratings: number;
  readonly attitude: number | null;
  readonly timeliness: number | null;
  readonly clarity: number | null;
  readonly satisfied: number;
  readonly satisfiedPercent: number | null;
}

/** The satisfaction report of a period, grouped by receiving unit or procedure. */
export const satisfactionApi = {
  report: (from: string, to: string, groupBy: 'unit' | 'procedure') =>
    call<{ rows: readonly SatisfactionRow[]; total: SatisfactionRow }>(
      'GET',
      `/api/reports/satisfaction?from=${from}&to=${to}&groupBy=${groupBy}`,
    ),
};
