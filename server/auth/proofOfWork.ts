import { createHmac } from 'node:crypto';
import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import { isUniqueViolation } from '../db/dialect.ts';
import type { WriteQueue } from '../runtime/writeQueue.ts';

/** How long a challenge may be solved and used. */
const CHALLENGE_TTL_MS = 10 * 60_000;

/** Work asked: SHA-256 over up to this many numbers (≈ 0.1–1 s on a phone), chosen at random. */
const MAX_NUMBER = 100_000;

/**
 * A self-hosted proof-of-work challenge (ALTCHA, no third-party service): what a caller must
 * solve once its failures pass a threshold. Solving costs a phone a fraction of a second, so a
 * citizen behind a shared address with the right code and secret is never locked out, while
 * each further guess costs a guesser the same work.
 */
export class ProofOfWork {
  private readonly hmacKey: string;

  constructor(secret: string) {
    this.hmacKey = createHmac('sha256', secret).update('motcua altcha').digest('hex');
  }

  /** A new challenge for the browser to solve. */
  challenge(now: number) {
    return createChallenge({
      hmacKey: this.hmacKey,
      maxNumber: MAX_NUMBER,
      expires: new Date(now + CHALLENGE_TTL_MS),
    });
  }

  /**
   * Whether a solution (the base64 ALTCHA payload) is right, not expired by our clock, and used
   * for the first time (kept as a throttle row until it expires, so every server agrees).
   */
  async verifyOnce(writes: WriteQueue, payload: string, now: number): Promise<boolean> {
    let ok: boolean;
    try {
      ok = await verifySolution(payload, this.hmacKey, false);
    } catch {
      return false;
    }
    if (!ok) return false;
    const expires = Number(extractParams(payload).expires) * 1000;
    if (!Number.isFinite(expires) || expires < now) return false;
    const signature = (
      JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as {
        signature: string;
      }
    ).signature;
    try {
      await writes.run((trx) =>
        trx
          .insertInto('throttles')
          .values({
            key: `pow:${signature}`,
            window_start: now,
            failures: 0,
            blocked_until: expires,
          })
          .execute(),
      );
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}
