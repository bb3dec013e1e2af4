import { call } from './client.ts';

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

/** The citizen's side of the API (code + receipt secret, no sign-in). */
export const citizenApi = {
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
