/**
 * What a write that lost a race with another server process may do: try again. PostgreSQL
 * reports such losses with SQLSTATEs that say nothing about the request itself:
 * - `40001` serialization failure (a stricter isolation level than the default found a conflict),
 * - `40P01` deadlock detected (two transactions waited on each other; this one was chosen),
 * - `55P03` lock not available (a `NOWAIT` row lock held by another process's transaction).
 * Retrying them, in one place (the `WriteQueue`), is what keeps them from ever reaching a client
 * as a 500.
 */
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01', '55P03']);

/** Whether a database error means "lost a race, the same write may simply run again". */
export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_SQLSTATES.has(code);
}

/** How often and how long a write that lost a race is retried. */
export interface RetryPolicy {
  /** Attempts in all, the first included; the last failure is reported to the caller. */
  readonly maxAttempts: number;
  /** The backoff before the n-th retry is drawn from [0, min(capMs, baseMs · 2^(n-1))). */
  readonly baseMs: number;
  readonly capMs: number;
}

/**
 * 10 attempts with "full jitter" exponential backoff from 2 ms up to 200 ms: the worst case waits
 * about 0.8 s in all (a lock is held for one group commit, a few milliseconds), and the jitter
 * keeps two processes that collided from colliding again in step.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 10, baseMs: 2, capMs: 200 };

/** The pause before retry number `retry` (1 for the first retry). */
export function backoffMs(
  retry: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, retry - 1));
  return random() * ceiling;
}
