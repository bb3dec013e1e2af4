import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  computeFees,
  eventOffers,
  type DossierSnapshot,
  type FeeSummary,
  type Procedure,
} from '../../engine/index.ts';
import type { Database } from '../db/schema.ts';
import type { PaymentConfig } from './paymentConfig.ts';
import { transferPurpose, vietQrPayload } from './vietQr.ts';

/** Events of a payment step that do not mean "paid" (refusal, withdrawal, …). */
const NOT_PAID = new Set([
  'REFUSE',
  'WITHDRAW',
  'STOP',
  'EXTEND',
  'REQUEST_SUPPLEMENT',
  'SEND_BACK',
]);

/** How a payment was made: at the desk, by a transfer an officer saw, by the provider's webhook. */
export type PaymentMethod = 'desk' | 'transfer' | 'provider';

/** A recorded payment as the API shows it. */
export interface PaymentView {
  readonly id: string;
  readonly receiptNo: string;
  readonly amountVnd: number;
  readonly method: PaymentMethod;
  readonly transactionId: string | null;
  readonly paidAt: string;
}

/** What a dossier owes and has paid, and how to pay by transfer. */
export interface PaymentStatus {
  readonly fees: FeeSummary;
  readonly paidVnd: number;
  /** What is left to pay (never below 0). */
  readonly dueVnd: number;
  /** The dossier waits in a payment pause now. */
  readonly waiting: boolean;
  /** The step of that pause and the event that ends it (the officer's "paid" button). */
  readonly step: string | null;
  readonly paidEvent: string | null;
  readonly payments: readonly PaymentView[];
  /** The VietQR transfer (when the agency's account is configured and something is due). */
  readonly transfer: {
    readonly payload: string;
    readonly purpose: string;
    readonly amountVnd: number;
    readonly bankBin: string;
    readonly accountNumber: string;
    readonly accountName: string;
  } | null;
}

/**
 * The payment pause a dossier waits in, if any: the active step whose `pause` is `payment`, and
 * the event leaving it that means "paid" (the first that is not a refusal, withdrawal, …).
 */
export function paymentPause(
  procedure: Procedure,
  snapshot: DossierSnapshot,
): { step: string; event: string | null } | undefined {
  if (snapshot.status !== 'active') return undefined;
  const step = Object.entries(snapshot.steps).find(([, s]) => s.pause === 'payment')?.[0];
  if (!step) return undefined;
  const offer = eventOffers(procedure, snapshot).find(
    (o) => o.step === step && !NOT_PAID.has(o.type),
  );
  return { step, event: offer?.type ?? null };
}

/** The transfer purpose for a dossier: "Nop phi HS <code>" as the bank statement shows it. */
export function purposeFor(code: string): string {
  return transferPurpose(`HS ${code.replace(/\./g, '-')}`);
}

/** A dossier's payments, oldest first. */
export async function paymentsOf(
  db: Kysely<Database> | Transaction<Database>,
  dossierId: string,
): Promise<PaymentView[]> {
  const rows = await db
    .selectFrom('payments')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('recorded_at')
    .orderBy('receipt_no')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    receiptNo: r.receipt_no,
    amountVnd: Number(r.amount_vnd),
    method: r.method as PaymentMethod,
    transactionId: r.transaction_id,
    paidAt: new Date(Number(r.paid_at)).toISOString(),
  }));
}

/** What the dossier owes, has paid and may transfer, for the desk and the citizen. */
export async function paymentStatus(
  db: Kysely<Database> | Transaction<Database>,
  config: PaymentConfig,
  dossier: { id: string; code: string },
  procedure: Procedure,
  snapshot: DossierSnapshot,
): Promise<PaymentStatus> {
  const fees = computeFees(procedure, snapshot.machine.context.data ?? {});
  const payments = await paymentsOf(db, dossier.id);
  const paidVnd = payments.reduce((sum, p) => sum + p.amountVnd, 0);
  const dueVnd = Math.max(0, fees.totalVnd - paidVnd);
  const pause = paymentPause(procedure, snapshot);
  const account = config.account;
  const purpose = purposeFor(dossier.code);
  return {
    fees,
    paidVnd,
    dueVnd,
    waiting: pause !== undefined,
    step: pause?.step ?? null,
    paidEvent: pause?.event ?? null,
    payments,
    transfer:
      // An undetermined fee is settled at the desk: no QR for a partial amount.
      account && pause && dueVnd > 0 && fees.complete
        ? {
            payload: vietQrPayload(account, { amountVnd: dueVnd, purpose }),
            purpose,
            amountVnd: dueVnd,
            bankBin: account.bankBin,
            accountNumber: account.accountNumber,
            accountName: account.accountName,
          }
        : null,
  };
}

/**
 * Record a payment in the caller's transaction; the receipt number is the dossier code and the
 * payment's rank (`BL-<code>-1`). A provider's transaction id already recorded gives back the
 * first record instead (idempotent), with `duplicate: true`.
 */
export async function insertPayment(
  trx: Transaction<Database>,
  input: {
    dossierId: string;
    code: string;
    amountVnd: number;
    method: PaymentMethod;
    transactionId: string | null;
    payer: string | null;
    recordedBy: string;
    paidAt: number;
    now: number;
  },
): Promise<{ payment: PaymentView; duplicate: boolean }> {
  if (input.transactionId !== null) {
    const existing = await trx
      .selectFrom('payments')
      .select('id')
      .where('transaction_id', '=', input.transactionId)
      .executeTakeFirst();
    if (existing) {
      const all = await paymentsOf(trx, input.dossierId);
      const found = all.find((p) => p.id === existing.id);
      if (found) return { payment: found, duplicate: true };
      throw new DuplicateTransactionError(input.transactionId);
    }
  }
  const count = await trx
    .selectFrom('payments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('dossier_id', '=', input.dossierId)
    .executeTakeFirstOrThrow();
  const receiptNo = `BL-${input.code}-${Number(count.n) + 1}`;
  const id = randomUUID();
  await trx
    .insertInto('payments')
    .values({
      id,
      dossier_id: input.dossierId,
      receipt_no: receiptNo,
      amount_vnd: input.amountVnd,
      method: input.method,
      transaction_id: input.transactionId,
      payer: input.payer,
      recorded_by: input.recordedBy,
      paid_at: input.paidAt,
      recorded_at: input.now,
    })
    .execute();
  return {
    payment: {
      id,
      receiptNo,
      amountVnd: input.amountVnd,
      method: input.method,
      transactionId: input.transactionId,
      paidAt: new Date(input.paidAt).toISOString(),
    },
    duplicate: false,
  };
}

/** A transaction id already recorded for another dossier. */
export class DuplicateTransactionError extends Error {
  constructor(readonly transactionId: string) {
    super(`transaction ${transactionId} is recorded for another dossier`);
    this.name = 'DuplicateTransactionError';
  }
}
