import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers of a signed webhook call. */
export const SIGNATURE_HEADER = 'x-motcua-signature';
export const TIMESTAMP_HEADER = 'x-motcua-timestamp';

/** `sha256=<hex>` of HMAC-SHA256(secret, `<timestamp>.<raw body>`). */
export function signWebhook(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/** Why a webhook call is refused, or undefined when it is authentic and fresh. */
export function checkWebhookSignature(
  secret: string,
  toleranceSeconds: number,
  headers: { signature: string | undefined; timestamp: string | undefined },
  rawBody: string,
  nowMs: number,
): 'missing' | 'bad-signature' | 'stale' | undefined {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return 'missing';
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
  const actual = Buffer.from(signature.trim());
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual))
    return 'bad-signature';
  // Checked after the signature: an attacker cannot learn the window by probing.
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > toleranceSeconds) return 'stale';
  return undefined;
}
