import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { WriteQueue } from '../runtime/writeQueue.ts';

/**
 * How failures on one key are limited: within `windowMs` of the first failure, the first
 * `freeFailures` cost nothing; each one after blocks the key for `blockMs`, doubled per further
 * failure up to `maxBlockMs`.
 */
export interface ThrottlePolicy {
  readonly windowMs: number;
  readonly freeFailures: number;
  readonly blockMs: number;
  readonly maxBlockMs: number;
}

/** Failed sign-ins of one account: 5 free per 15 minutes, then 30 s, 1 min, … up to 15 min. */
export const ACCOUNT_LOGINS: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  freeFailures: 5,
  blockMs: 30_000,
  maxBlockMs: 15 * 60_000,
};

/** Failed sign-ins from one address (any account): 20 free per 15 minutes. */
export const ADDRESS_LOGINS: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  freeFailures: 20,
  blockMs: 60_000,
  maxBlockMs: 15 * 60_000,
};

/** Until when the key is blocked (0: not blocked), read by every server process alike. */
export async function blockedUntil(
  db: Kysely<Database>,
  keys: readonly string[],
  now: number,
): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await db
    .selectFrom('throttles')
    .select('blocked_until')
    .where('key', 'in', [...keys])
    .where('blocked_until', '>', now)
    .execute();
  return rows.reduce((m, r) => Math.max(m, Number(r.blocked_until)), 0);
}

/** How many failures a key has in its current window (0 when the window is over). */
export async function failuresOf(
  db: Kysely<Database>,
  key: string,
  windowMs: number,
  now: number,
): Promise<number> {
  const row = await db
    .selectFrom('throttles')
    .select(['failures', 'window_start'])
    .where('key', '=', key)
    .executeTakeFirst();
  return row && Number(row.window_start) > now - windowMs ? Number(row.failures) : 0;
}

/**
 * Count a failure on a key (an atomic upsert, safe across processes) and block it when the
 * policy says so; returns until when it is blocked (0: not).
 */
export async function recordFailure(
  writes: WriteQueue,
  key: string,
  policy: ThrottlePolicy,
  now: number,
): Promise<number> {
  return writes.run(async (trx) => {
    const expired = now - policy.windowMs;
    const row = await trx
      .insertInto('throttles')
      .values({ key, window_start: now, failures: 1, blocked_until: 0 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql`case when throttles.window_start <= ${expired} then 1 else throttles.failures + 1 end`,
          window_start: sql`case when throttles.window_start <= ${expired} then ${now} else throttles.window_start end`,
        }),
      )
      .returning(['failures'])
      .executeTakeFirstOrThrow();
    const over = Number(row.failures) - policy.freeFailures;
    if (over <= 0) return 0;
    const until = now + Math.min(policy.maxBlockMs, policy.blockMs * 2 ** Math.min(over - 1, 20));
    await trx
      .updateTable('throttles')
      .set({ blocked_until: until })
      .where('key', '=', key)
      .execute();
    return until;
  });
}

/** Forget a key's failures (a successful sign-in of the account). */
export async function clearFailures(writes: WriteQueue, key: string): Promise<void> {
  await writes.run((trx) => trx.deleteFrom('throttles').where('key', '=', key).execute());
}
