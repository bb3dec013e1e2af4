import type { z } from '@hono/zod-openapi';
import type {
  OnlineDossier as OnlineDossierSchema,
  Submitted as SubmittedSchema,
} from '../../../server/http/routes/citizen.ts';
import type {
  PaymentRecorded as PaymentRecordedSchema,
  PaymentStatusSchema,
} from '../../../server/http/routes/payments.ts';
import type { Challenge as ChallengeSchema } from '../../../server/http/routes/public.ts';
import type {
  Rating as RatingSchema,
  SatisfactionReport as SatisfactionReportSchema,
} from '../../../server/http/routes/ratings.ts';
import type {
  CatalogPage as CatalogPageSchema,
  PublicProcedure as PublicProcedureSchema,
} from '../../../server/http/publicSchemas.ts';
import { ApiError, call } from './client.ts';
import type { PendingUpload } from './files.ts';

// The answers' shapes are the server's own schemas (type-only: nothing of the server is bundled).
/** A page of the catalog, searched on the server. */
export type CatalogPage = z.infer<typeof CatalogPageSchema>;
/** A line of the public catalog. */
export type CatalogItem = CatalogPage['items'][number];

/** One procedure as published (the public sheet). */
export type PublicProcedure = z.infer<typeof PublicProcedureSchema>;
/** How the result reaches the citizen. */
export type ResultDelivery = PublicProcedure['resultDelivery'][number];

/** What an online submission answers: the code and the secret, shown once. */
export type Submitted = z.infer<typeof SubmittedSchema>;

/** The citizen's dossier page. */
export type OnlineDossier = z.infer<typeof OnlineDossierSchema>;

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

/** What a dossier owes and has paid, and the VietQR transfer while a fee is awaited. */
export type PaymentStatus = z.infer<typeof PaymentStatusSchema>;
/** One fee as the server computed it for the dossier. */
export type FeeItemView = PaymentStatus['fees']['items'][number];
/** A recorded payment. */
export type PaymentRecord = PaymentStatus['payments'][number];

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
  challenge: () => call<z.infer<typeof ChallengeSchema>>('GET', '/api/public/challenge'),
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
    call<z.infer<typeof RatingSchema>>('POST', `${base(code)}/rating`, {
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
    call<z.infer<typeof PaymentRecordedSchema>>(
      'POST',
      `/api/dossiers/${encodeURIComponent(id)}/payments`,
      body,
      { 'idempotency-key': key },
    ),
  receiptUrl: (id: string, paymentId: string) =>
    `/api/dossiers/${encodeURIComponent(id)}/payments/${encodeURIComponent(paymentId)}/receipt`,
};

/** The satisfaction report of a period: by receiving unit or procedure, and the total. */
export type SatisfactionReport = z.infer<typeof SatisfactionReportSchema>;
/** Satisfaction figures of a unit or procedure (or the total). */
export type SatisfactionRow = SatisfactionReport['total'];

/** The satisfaction report of a period, grouped by receiving unit or procedure. */
export const satisfactionApi = {
  report: (from: string, to: string, groupBy: 'unit' | 'procedure') =>
    call<SatisfactionReport>(
      'GET',
      `/api/reports/satisfaction?from=${from}&to=${to}&groupBy=${groupBy}`,
    ),
};
