import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** How long a stored answer is replayed for an `Idempotency-Key` retry. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

/** How long a throttle row outlives its last failure (longer than any block). */
const THROTTLE_TTL_MS = 24 * 3_600_000;

/**
 * Delete what has expired: stored idempotent answers older than a day, ended sessions, and
 * throttle counters nobody has failed on for a day. Returns how many rows of each went.
 */
export async function pruneExpired(
  db: Kysely<Database>,
  now: number,
): Promise<{ idempotency: number; sessions: number; throttles: number }> {
  const idem = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', now - IDEMPOTENCY_TTL_MS)
    .executeTakeFirst();
  const sessions = await db
    .deleteFrom('sessions')
    .where('expires_at', '<=', now)
    .executeTakeFirst();
  const throttles = await db
    .deleteFrom('throttles')
    .where('window_start', '<', now - THROTTLE_TTL_MS)
    .where('blocked_until', '<', now)
    .executeTakeFirst();
  return {
    idempotency: Number(idem.numDeletedRows),
    sessions: Number(sessions.numDeletedRows),
    throttles: Number(throttles.numDeletedRows),
  };
}

/** Prune at start and then every `intervalMs`, until stopped. */
export function startHousekeeping(
  db: Kysely<Database>,
  now: () => number,
  intervalMs = 3_600_000,
): { stop(): void } {
  const run = () =>
    pruneExpired(db, now()).catch((error: unknown) =>
      console.error('housekeeping:', (error as Error).message),
    );
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
