import type { Transaction } from 'kysely';
import type { DialectName } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';
import { preparedQuery } from './preparedQuery.ts';

/**
 * The locking order of a dossier, the same on every write path (officers' events, timers): the
 * `dossiers` row first, read with its lock, then its own rows (events, steps, timers, slips,
 * outbox). Two processes therefore never hold one dossier's rows in opposite orders.
 *
 * On PostgreSQL the row is locked `FOR NO KEY UPDATE` (what the update that follows takes anyway;
 * it does not block the foreign-key checks of inserted child rows):
 * - an event takes it `NOWAIT`: a dossier held by another process's open batch fails at once
 *   with `55P03`, and the write queue re-runs the job after that batch is gone, so a batch never
 *   waits on another while holding its own locks (no deadlock, no 1 s `deadlock_timeout` stall);
 * - a timer takes it `SKIP LOCKED`: a dossier busy elsewhere is left for the next tick.
 * SQLite has one writer at a time, so its write transactions are already exclusive.
 */
export type DossierLock = 'nowait' | 'skip-locked';

const columns = [
  'id',
  'procedure_id',
  'procedure_version',
  'snapshot',
  'version',
  'unit_id',
] as const;

const plain = preparedQuery(['id'], (db, a: { id: string }) =>
  db.selectFrom('dossiers').select(columns).where('id', '=', a.id),
);
const nowait = preparedQuery(['id'], (db, a: { id: string }) =>
  db.selectFrom('dossiers').select(columns).where('id', '=', a.id).forNoKeyUpdate().noWait(),
);
const skipLocked = preparedQuery(['id'], (db, a: { id: string }) =>
  db.selectFrom('dossiers').select(columns).where('id', '=', a.id).forNoKeyUpdate().skipLocked(),
);

/**
 * Read the dossier row that a transition starts from, locking it as `lock` says. Undefined when
 * there is no such dossier or (`skip-locked`) another transaction holds it.
 */
export async function readLockedDossier(
  trx: Transaction<Database>,
  dialect: DialectName,
  id: string,
  lock: DossierLock,
) {
  const query = dialect === 'sqlite' ? plain : lock === 'nowait' ? nowait : skipLocked;
  const [row] = (await query(trx, { id })).rows;
  return row;
}
