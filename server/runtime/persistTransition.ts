import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import {
  pauseReasonOf,
  type DossierEvent,
  type DossierSnapshot,
  type Effect,
  type Procedure,
} from '../../engine/index.ts';
import { AppError } from '../appError.ts';
import type { Database } from '../db/schema.ts';
import { preparedQuery, type PreparedQuery } from './preparedQuery.ts';
import { StatementBatch } from './statementBatch.ts';
import { stepRowChanges } from './stepRows.ts';

const ms = (iso: string | undefined) => (iso === undefined ? null : Date.parse(iso));

/**
 * The report category of a pause: 1 awaiting a supplement (counted as such), 2 paused for
 * another reason (a payment, a fixing period…: not overdue, not awaiting a supplement), 0 none.
 */
function awaitingCode(reason: string | undefined): number {
  return reason === undefined ? 0 : reason === 'supplement' ? 1 : 2;
}

/** The columns of a dossier row that the inbox and the reports index, from its snapshot. */
function indexedColumns(snapshot: DossierSnapshot) {
  return {
    status: snapshot.status,
    state: JSON.stringify(snapshot.machine.value),
    accepted_at: ms(snapshot.clock.acceptedAt),
    due_at: ms(snapshot.clock.due),
    original_due_at: ms(snapshot.clock.originalDue),
    completed_at: ms(snapshot.completedAt),
    outcome: snapshot.outcome ?? null,
    timeliness: snapshot.timeliness ?? null,
    awaiting_supplement: awaitingCode(pauseReasonOf(snapshot)),
  };
}

/** The columns of a dossier row that follow from its snapshot. */
export function snapshotColumns(snapshot: DossierSnapshot) {
  return { ...indexedColumns(snapshot), snapshot: JSON.stringify(snapshot) };
}

type Row<T extends keyof Database> = Database[T];

type IndexedColumns = ReturnType<typeof indexedColumns>;
type IndexedColumn = keyof IndexedColumns;
const INDEXED_COLUMNS = [
  ...(['status', 'state', 'accepted_at', 'due_at', 'original_due_at'] as const),
  ...(['completed_at', 'outcome', 'timeliness', 'awaiting_supplement'] as const),
] satisfies readonly IndexedColumn[];

type MoveArgs = Partial<IndexedColumns> & {
  snapshot: string;
  id: string;
  version: number;
  expected: number;
  at: number;
};

// The statements of a transition, each built and compiled once per database.

/**
 * The update that moves a dossier row forward, setting only the columns whose values changed:
 * SQLite rewrites every index whose columns appear in the SET list, whatever the values, and
 * most events change the state and snapshot but none of the report and inbox index columns
 * (measured: the update costs about half). The row's columns are always `snapshotColumns` of
 * its snapshot (every write derives them), so `before` gives what the row holds. One statement
 * per set of changed columns (a handful occur), each compiled once.
 */
const moveDossierBy = new Map<number, PreparedQuery<MoveArgs, unknown>>();
function moveDossier(
  batch: StatementBatch,
  before: DossierSnapshot,
  after: DossierSnapshot,
  keys: { id: string; version: number; expected: number; at: number },
) {
  const was = indexedColumns(before);
  const is = indexedColumns(after);
  let mask = 0;
  const changed: IndexedColumn[] = [];
  INDEXED_COLUMNS.forEach((column, i) => {
    if (was[column] !== is[column]) {
      mask |= 1 << i;
      changed.push(column);
    }
  });
  let query = moveDossierBy.get(mask);
  if (!query) {
    query = preparedQuery<MoveArgs, unknown>(
      [...changed, 'snapshot', 'id', 'version', 'expected', 'at'],
      (db, a) =>
        db
          .updateTable('dossiers')
          .set({
            ...Object.fromEntries(changed.map((c) => [c, a[c]])),
            snapshot: a.snapshot,
            version: a.version,
            updated_at: a.at,
          })
          .where('id', '=', a.id)
          .where('version', '=', a.expected),
    );
    moveDossierBy.set(mask, query);
  }
  const values: MoveArgs = { ...keys, snapshot: JSON.stringify(after) };
  for (const c of changed) (values as Record<string, unknown>)[c] = is[c];
  batch.add(query, values, { counted: true });
}
const insertEvent = preparedQuery<Row<'dossier_events'>, unknown>(
  ['dossier_id', 'seq', 'type', 'actor', 'override', 'at', 'payload'],
  (db, a) => db.insertInto('dossier_events').values(a),
);
const deleteStep = preparedQuery<{ dossier_id: string; step_id: string }, unknown>(
  ['dossier_id', 'step_id'],
  (db, a) =>
    db
      .deleteFrom('dossier_steps')
      .where('dossier_id', '=', a.dossier_id)
      .where('step_id', '=', a.step_id),
);
const insertStep = preparedQuery<Row<'dossier_steps'>, unknown>(
  ['dossier_id', 'step_id', 'unit_id', 'role', 'entered_at', 'due_at'],
  (db, a) => db.insertInto('dossier_steps').values(a),
);
const scheduleTimer = preparedQuery<Omit<Row<'timers'>, 'status' | 'fired_at'>, unknown>(
  ['dossier_id', 'timer_key', 'due_at', 'event'],
  (db, a) =>
    db
      .insertInto('timers')
      .values({ ...a, status: 'pending', fired_at: null })
      .onConflict((oc) =>
        oc
          .columns(['dossier_id', 'timer_key'])
          .doUpdateSet({ due_at: a.due_at, event: a.event, status: 'pending', fired_at: null }),
      ),
);
const cancelTimer = preparedQuery<{ dossier_id: string; timer_key: string }, unknown>(
  ['dossier_id', 'timer_key'],
  (db, a) =>
    db
      .updateTable('timers')
      .set({ status: 'cancelled' })
      .where('dossier_id', '=', a.dossier_id)
      .where('timer_key', '=', a.timer_key)
      .where('status', '=', 'pending'),
);
const insertSlip = preparedQuery<Row<'slips'>, unknown>(
  ['id', 'dossier_id', 'kind', 'step_id', 'due_at', 'issued_at', 'issued_by', 'reason'],
  (db, a) => db.insertInto('slips').values(a),
);
const insertNotice = preparedQuery<
  Omit<Row<'outbox'>, 'sent_at' | 'attempts' | 'next_attempt_at' | 'last_error' | 'delivery'>,
  unknown
>(['id', 'dossier_id', 'audience', 'unit_id', 'message', 'created_at'], (db, a) =>
  db.insertInto('outbox').values({ ...a, sent_at: null }),
);
const insertStepLog = preparedQuery<Row<'step_log'>, unknown>(
  [
    'id',
    'dossier_id',
    'step_id',
    'unit_id',
    'role',
    'actor',
    'entered_at',
    'exited_at',
    'due_at',
    'late',
  ],
  (db, a) => db.insertInto('step_log').values(a),
);

/** A unit may read the dossier from now on (it holds a step, or an effect named it). */
const grantAccess = preparedQuery<Row<'dossier_access'>, unknown>(
  ['dossier_id', 'unit_id'],
  (db, a) =>
    db
      .insertInto('dossier_access')
      .values(a)
      .onConflict((oc) => oc.columns(['dossier_id', 'unit_id']).doNothing()),
);

/**
 * Bring the active-step rows of a dossier (the inbox reads them) from `before` to `after`: only
 * the steps entered, left or re-entered are written, not every row of the dossier.
 */
function writeSteps(
  batch: StatementBatch,
  procedure: Procedure,
  dossierId: string,
  before: DossierSnapshot | undefined,
  after: DossierSnapshot,
): void {
  const { removed, added } = stepRowChanges(procedure, dossierId, before, after);
  for (const stepId of removed)
    batch.add(deleteStep, { dossier_id: dossierId, step_id: stepId }, { row: stepId });
  for (const row of added) {
    batch.add(insertStep, row, { row: row.step_id });
    if (row.unit_id !== null)
      batch.add(grantAccess, { dossier_id: dossierId, unit_id: row.unit_id }, { row: row.unit_id });
  }
}

/** Carry out the engine's effects in the transaction of the event that produced them. */
function writeEffects(
  batch: StatementBatch,
  dossierId: string,
  effects: readonly Effect[],
  actor: string,
  now: number,
): void {
  for (const e of effects) {
    switch (e.kind) {
      case 'schedule-timer':
        batch.add(
          scheduleTimer,
          {
            dossier_id: dossierId,
            timer_key: e.id,
            due_at: Date.parse(e.at),
            event: JSON.stringify(e.event),
          },
          { row: e.id },
        );
        break;
      case 'cancel-timer':
        batch.add(cancelTimer, { dossier_id: dossierId, timer_key: e.id }, { row: e.id });
        break;
      case 'issue-slip':
        batch.add(insertSlip, {
          id: randomUUID(),
          dossier_id: dossierId,
          kind: e.slip,
          step_id: e.step ?? null,
          due_at: ms(e.due),
          issued_at: now,
          issued_by: actor,
          reason: e.reason ?? null,
        });
        break;
      case 'notify':
        batch.add(insertNotice, {
          id: randomUUID(),
          dossier_id: dossierId,
          audience: e.audience,
          unit_id: e.unit ?? null,
          message: JSON.stringify(e.message),
          created_at: now,
        });
        if (e.audience === 'unit' && e.unit)
          batch.add(grantAccess, { dossier_id: dossierId, unit_id: e.unit }, { row: e.unit });
        break;
      case 'step-exited':
        batch.add(insertStepLog, {
          id: randomUUID(),
          dossier_id: dossierId,
          step_id: e.step,
          unit_id: e.unit ?? null,
          role: e.role ?? null,
          actor,
          entered_at: Date.parse(e.enteredAt),
          exited_at: Date.parse(e.exitedAt),
          due_at: ms(e.due),
          late: e.late ? 1 : 0,
        });
        break;
      case 'clock':
        break;
      default: {
        const never: never = e;
        throw new Error(`unknown effect ${JSON.stringify(never)}`);
      }
    }
  }
}

/** What is logged for one applied event. */
export interface LoggedEvent {
  readonly type: string;
  readonly actor: string;
  readonly override: boolean;
  readonly payload: unknown;
}

/** One step of a dossier to persist: where it was, where the engine moved it, and why. */
export interface Transition {
  readonly procedure: Procedure;
  readonly dossierId: string;
  /** The version the snapshot was read at. */
  readonly expectedVersion: number;
  /** The snapshot read at `expectedVersion`. */
  readonly before: DossierSnapshot;
  readonly snapshot: DossierSnapshot;
  readonly effects: readonly Effect[];
  readonly event: LoggedEvent;
  readonly now: number;
}

/**
 * Append an event to a dossier's log and move its snapshot forward, with the effects, in the
 * caller's transaction. When another writer moved the snapshot since `expectedVersion`, nothing
 * is written and a `version-conflict` is thrown.
 */
export async function persistTransition(
  trx: Transaction<Database>,
  t: Transition,
): Promise<number> {
  const version = t.expectedVersion + 1;
  const batch = new StatementBatch(trx);
  moveDossier(batch, t.before, t.snapshot, {
    id: t.dossierId,
    version,
    expected: t.expectedVersion,
    at: t.now,
  });
  batch.add(insertEvent, {
    dossier_id: t.dossierId,
    seq: version,
    type: t.event.type,
    actor: t.event.actor,
    override: t.event.override ? 1 : 0,
    at: t.now,
    payload: JSON.stringify(t.event.payload),
  });
  writeSteps(batch, t.procedure, t.dossierId, t.before, t.snapshot);
  writeEffects(batch, t.dossierId, t.effects, t.event.actor, t.now);
  // The other writes go in the same message; the caller's savepoint undoes them on a conflict.
  const [moved] = await batch.send();
  if (moved !== 1) {
    throw new AppError(
      'version-conflict',
      'The dossier was changed by someone else; reload it and try again',
      { expectedVersion: t.expectedVersion },
    );
  }
  return version;
}

/** Write the first event of a new dossier (its reception), the steps and effects. */
export async function persistStart(
  trx: Transaction<Database>,
  procedure: Procedure,
  dossierId: string,
  snapshot: DossierSnapshot,
  effects: readonly Effect[],
  event: LoggedEvent,
  now: number,
): Promise<void> {
  const batch = new StatementBatch(trx);
  batch.add(insertEvent, {
    dossier_id: dossierId,
    seq: 1,
    type: event.type,
    actor: event.actor,
    override: 0,
    at: now,
    payload: JSON.stringify(event.payload),
  });
  writeSteps(batch, procedure, dossierId, undefined, snapshot);
  writeEffects(batch, dossierId, effects, event.actor, now);
  await batch.send();
}

export type { DossierEvent };
