import type { Transaction } from 'kysely';
import { WARNING_EVENTS } from '../../engine/execute/dossierSnapshot.ts';
import { AppError } from '../appError.ts';
import type { Database } from '../db/schema.ts';

/** Timer warnings (due soon, overdue): logged on the dossier, but they decide nothing. */
const WARNING_TYPES: readonly string[] = Object.values(WARNING_EVENTS);

/**
 * Check an officer's `expectedVersion` against the dossier at `version`. The version counts every
 * logged event, warnings included, but an officer who read the dossier before a warning fired
 * was not deciding on stale facts: a warning changes no state, step or decision. So the check
 * passes when every event after `expected` is a warning, and a `version-conflict` (409) says
 * otherwise. The common case (equal versions) reads nothing.
 */
export async function checkExpectedVersion(
  trx: Transaction<Database>,
  dossierId: string,
  expected: number | undefined,
  version: number,
): Promise<void> {
  if (expected === undefined || expected === version) return;
  if (Number.isInteger(expected) && expected >= 1 && expected < version) {
    const decisive = await trx
      .selectFrom('dossier_events')
      .select('seq')
      .where('dossier_id', '=', dossierId)
      .where('seq', '>', expected)
      .where('type', 'not in', WARNING_TYPES)
      .limit(1)
      .executeTakeFirst();
    if (!decisive) return;
  }
  throw new AppError('version-conflict', `The dossier is at version ${version}, not ${expected}`, {
    expectedVersion: expected,
    version,
  });
}
