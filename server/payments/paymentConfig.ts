import type { PayeeAccount } from './vietQr.ts';

/** Fees by bank transfer: the agency's account and the payment provider's webhook. */
export interface PaymentConfig {
  /** The account shown in the VietQR code; undefined: no transfer offered (pay at the desk). */
  readonly account: PayeeAccount | undefined;
  /** Shared secret of the provider's webhook (HMAC-SHA256); empty: the webhook is off. */
  readonly webhookSecret: string;
  /** How far a webhook's timestamp may be from the server's clock, in seconds. */
  readonly webhookToleranceSeconds: number;
}

/** The variables of `PaymentConfig`, with their meaning, for `--help`. */
export const PAYMENT_ENVIRONMENT: readonly [string, string][] = [
  [
    'PAYMENT_BANK_BIN',
    "NAPAS BIN of the agency's bank for VietQR transfers (6 digits, e.g. 970415)",
  ],
  ['PAYMENT_ACCOUNT_NUMBER', 'the account fees are paid into (empty: no VietQR, pay at the desk)'],
  ['PAYMENT_ACCOUNT_NAME', 'the account holder shown beside the QR code'],
  [
    'PAYMENT_WEBHOOK_SECRET',
    "shared secret signing the payment provider's webhook (HMAC-SHA256; empty: webhook off)",
  ],
  ['PAYMENT_WEBHOOK_TOLERANCE_SECONDS', "accepted drift of a webhook's timestamp (default 300)"],
];

/** Parse the payment variables; problems are pushed (with the variable's name), not thrown. */
export function parsePaymentConfig(
  env: Readonly<Record<string, string | undefined>>,
  problems: string[],
): PaymentConfig {
  const bin = env.PAYMENT_BANK_BIN?.trim() ?? '';
  const number = env.PAYMENT_ACCOUNT_NUMBER?.trim() ?? '';
  const name = env.PAYMENT_ACCOUNT_NAME?.trim() ?? '';
  let account: PayeeAccount | undefined;
  if (bin || number) {
    if (!/^\d{6}$/.test(bin)) problems.push(`PAYMENT_BANK_BIN=${bin}: expected 6 digits`);
    if (!/^[A-Za-z0-9]{1,19}$/.test(number))
      problems.push(`PAYMENT_ACCOUNT_NUMBER=${number}: expected 1 to 19 letters or digits`);
    account = { bankBin: bin, accountNumber: number, accountName: name };
  }
  const secret = env.PAYMENT_WEBHOOK_SECRET ?? '';
  if (secret !== '' && secret.length < 16)
    problems.push('PAYMENT_WEBHOOK_SECRET: expected at least 16 characters');
  const rawTolerance = env.PAYMENT_WEBHOOK_TOLERANCE_SECONDS;
  let tolerance = 300;
  if (rawTolerance !== undefined && rawTolerance !== '') {
    const n = Number(rawTolerance);
    if (!Number.isInteger(n) || n < 1 || n > 3600)
      problems.push(
        `PAYMENT_WEBHOOK_TOLERANCE_SECONDS=${rawTolerance}: expected an integer from 1 to 3600`,
      );
    else tolerance = n;
  }
  return { account, webhookSecret: secret, webhookToleranceSeconds: tolerance };
}
