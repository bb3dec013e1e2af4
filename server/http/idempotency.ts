import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Transaction } from 'kysely';
import { AppError } from '../appError.ts';
import { isUniqueViolation } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from './context.ts';

/** An HTTP answer as stored for idempotent replays. */
export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
}

/** The idempotency scope of a request: who, which key, and a hash of what they asked. */
export interface IdempotencyRequest {
  readonly userId: string;
  readonly key: string;
  readonly requestHash: string;
}

/** Hash of a request's method, path and body: a key reused for a different request is refused. */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(body)}`)
    .digest('hex');
}

/** Thrown when another server committed the same key first; the caller replays its answer. */
export class IdempotencyRace extends Error {}

/**
 * Run a mutating request at most once per `Idempotency-Key`: the first answer is stored in the
 * same transaction as the change it reports, and a retry gets that answer back unchanged.
 */
export async function withIdempotency(
  trx: Transaction<Database>,
  idem: IdempotencyRequest | undefined,
  now: number,
  work: (trx: Transaction<Database>) => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  if (!idem) return { ...(await work(trx)), replayed: false };
  const existing = await findStored(trx, idem);
  if (existing) return existing;
  const response = await work(trx);
  try {
    await trx
      .insertInto('idempotency_keys')
      .values({
        user_id: idem.userId,
        key: idem.key,
        request_hash: idem.requestHash,
        status_code: response.status,
        response: JSON.stringify(response.body),
        created_at: now,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new IdempotencyRace();
    throw error;
  }
  return { ...response, replayed: false };
}

/** The stored answer for a key, if the same request already ran. */
export async function findStored(
  trx: Pick<Transaction<Database>, 'selectFrom'>,
  idem: IdempotencyRequest,
): Promise<(StoredResponse & { replayed: true }) | undefined> {
  const row = await trx
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response'])
    .where('user_id', '=', idem.userId)
    .where('key', '=', idem.key)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.request_hash !== idem.requestHash) {
    throw new AppError(
      'idempotency-key-reused',
      'This Idempotency-Key was used for a different request',
      { key: idem.key },
    );
  }
  return { status: row.status_code, body: JSON.parse(row.response), replayed: true };
}

/**
 * Run a write in the write queue, at most once per Idempotency-Key: a retry gets the stored
 * answer, and a key another server answered first gets that server's answer.
 */
export async function idempotent(
  deps: AppDeps,
  idem: IdempotencyRequest | undefined,
  work: Parameters<typeof withIdempotency>[3],
) {
  try {
    return await deps.writes.run((trx) => withIdempotency(trx, idem, deps.now(), work));
  } catch (error) {
    // Another server answered the same key first: give its answer.
    if (error instanceof IdempotencyRace && idem) {
      const stored = await findStored(deps.db, idem);
      if (stored) return stored;
    }
    throw error;
  }
}

/**
 * The idempotency scope of a request, when it carries an `Idempotency-Key` (the route schema has
 * checked the header): who asked, the key, and a hash of method, path and body.
 */
export function idempotencyOf(
  c: Context,
  userId: string,
  body: unknown,
): IdempotencyRequest | undefined {
  const key = c.req.header('idempotency-key');
  return key
    ? { userId, key, requestHash: requestHash(c.req.method, c.req.path, body) }
    : undefined;
}
