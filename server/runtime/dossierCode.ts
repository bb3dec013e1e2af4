import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/** The local date (UTC+7) of an instant as yymmdd. */
export function yymmdd(ms: number): string {
  const d = new Date(ms + 7 * 3_600_000);
  return `${String(d.getUTCFullYear()).slice(2)}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}

/**
 * The next dossier code (mã hồ sơ) for an agency, e.g. `X01.01-260302-0001`: the daily
 * sequence is one atomic upsert, so concurrent receptions never get the same number.
 */
export async function nextDossierCode(
  trx: Transaction<Database>,
  pattern: string,
  agency: string,
  now: number,
): Promise<string> {
  const day = yymmdd(now);
  const row = await trx
    .insertInto('counters')
    .values({ scope: agency, day, value: 1 })
    .onConflict((oc) =>
      oc.columns(['scope', 'day']).doUpdateSet({ value: sql<number>`counters.value + 1` }),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  const seq = String(row.value).padStart(4, '0');
  return pattern.replace('{agency}', agency).replace('{yymmdd}', day).replace('{seq}', seq);
}
