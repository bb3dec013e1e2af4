import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../http/context.ts';

/** What was done with a dossier's personal data. */
export const ACCESS_ACTIONS = ['view', 'print', 'export', 'file'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** One entry of the access log. */
export interface AccessEntry {
  readonly userId: string;
  readonly dossierId: string;
  readonly action: AccessAction;
  /** The slip printed, the file opened, … */
  readonly detail?: string;
}

/**
 * Record that a user opened a dossier's personal data (Decree 13/2023: a log of processing).
 * Written through the write queue (grouped with other writes) and awaited: the answer is given
 * only once the access is on record. The table refuses updates and deletes (triggers).
 */
export async function recordAccess(
  deps: Pick<AppDeps, 'writes' | 'now'>,
  entry: AccessEntry,
): Promise<void> {
  await deps.writes.run((trx) =>
    trx
      .insertInto('access_log')
      .values({
        id: randomUUID(),
        at: deps.now(),
        user_id: entry.userId,
        dossier_id: entry.dossierId,
        action: entry.action,
        detail: entry.detail ?? null,
      })
      .execute(),
  );
}
