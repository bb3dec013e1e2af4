import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DossierEvent, DossierSnapshot, Effect, Procedure } from '../../engine/index.ts';
import { buildMachineGraph } from '../../engine/index.ts';
import { AppError } from '../appError.ts';
import type { Database } from '../db/schema.ts';

const ms = (iso: string | undefined) => (iso === undefined ? null : Date.parse(iso));

/** The columns of a dossier row that follow from its snapshot. */
export function snapshotColumns(snapshot: DossierSnapshot) {
  return {
    status: snapshot.status,
    state: JSON.stringify(snapshot.machine.value),
    snapshot: JSON.stringify(snapshot),
    accepted_at: ms(snapshot.clock.acceptedAt),
    due_at: ms(snapshot.clock.due),
    original_due_at: ms(snapshot.clock.originalDue),
    completed_at: ms(snapshot.completedAt),
    outcome: snapshot.outcome ?? null,
    timeliness: snapshot.timeliness ?? null,
    awaiting_supplement:
      snapshot.status === 'active' && Object.values(snapshot.steps).some((s) => s.waiting) ? 1 : 0,
  };
}

const graphs = new WeakMap<Procedure, ReturnType<typeof buildMachineGraph>>();

/** Rewrite the active-step rows of a dossier (the inbox reads them). */
async function writeSteps(
  trx: Transaction<Database>,
  procedure: Procedure,
  dossierId: string,
  snapshot: DossierSnapshot,
): Promise<void> {
  await trx.deleteFrom('dossier_steps').where('dossier_id', '=', dossierId).execute();
  let graph = graphs.get(procedure);
  if (!graph) graphs.set(procedure, (graph = buildMachineGraph(procedure.machine)));
  const rows = Object.entries(snapshot.steps).map(([stepId, step]) => {
    const meta = graph!.byId.get(stepId)?.config.meta;
    return {
      dossier_id: dossierId,
      step_id: stepId,
      unit_id: meta?.unit ?? null,
      role: meta?.role ?? null,
      entered_at: Date.parse(step.enteredAt),
      due_at: ms(step.due),
    };
  });
  if (rows.length > 0) await trx.insertInto('dossier_steps').values(rows).execute();
}

/** Carry out the engine's effects in the transaction of the event that produced them. */
async function writeEffects(
  trx: Transaction<Database>,
  dossierId: string,
  effects: readonly Effect[],
  actor: string,
  now: number,
): Promise<void> {
  for (const e of effects) {
    switch (e.kind) {
      case 'schedule-timer':
        await trx
          .insertInto('timers')
          .values({
            dossier_id: dossierId,
            timer_key: e.id,
            due_at: Date.parse(e.at),
            event: JSON.stringify(e.event),
            status: 'pending',
            fired_at: null,
          })
          .onConflict((oc) =>
            oc.columns(['dossier_id', 'timer_key']).doUpdateSet({
              due_at: Date.parse(e.at),
              event: JSON.stringify(e.event),
              status: 'pending',
              fired_at: null,
            }),
          )
          .execute();
        break;
      case 'cancel-timer':
        await trx
          .updateTable('timers')
          .set({ status: 'cancelled' })
          .where('dossier_id', '=', dossierId)
          .where('timer_key', '=', e.id)
          .where('status', '=', 'pending')
          .execute();
        break;
      case 'issue-slip':
        await trx
          .insertInto('slips')
          .values({
            id: randomUUID(),
            dossier_id: dossierId,
            kind: e.slip,
            step_id: e.step ?? null,
            due_at: ms(e.due),
            issued_at: now,
            issued_by: actor,
          })
          .execute();
        break;
      case 'notify':
        await trx
          .insertInto('outbox')
          .values({
            id: randomUUID(),
            dossier_id: dossierId,
            audience: e.audience,
            unit_id: e.unit ?? null,
            message: JSON.stringify(e.message),
            created_at: now,
            sent_at: null,
          })
          .execute();
        break;
      case 'step-exited':
        await trx
          .insertInto('step_log')
          .values({
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
          })
          .execute();
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

/**
 * Append an event to a dossier's log and move its snapshot forward, with the effects, in the
 * caller's transaction. `expectedVersion` is the version the snapshot was read at: when another
 * writer moved it since, nothing is written and a `version-conflict` is thrown.
 */
export async function persistTransition(
  trx: Transaction<Database>,
  procedure: Procedure,
  dossierId: string,
  expectedVersion: number,
  snapshot: DossierSnapshot,
  effects: readonly Effect[],
  event: LoggedEvent,
  now: number,
): Promise<number> {
  const version = expectedVersion + 1;
  const updated = await trx
    .updateTable('dossiers')
    .set({ ...snapshotColumns(snapshot), version, updated_at: now })
    .where('id', '=', dossierId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    throw new AppError(
      'version-conflict',
      'The dossier was changed by someone else; reload it and try again',
      { expectedVersion },
    );
  }
  await trx
    .insertInto('dossier_events')
    .values({
      dossier_id: dossierId,
      seq: version,
      type: event.type,
      actor: event.actor,
      override: event.override ? 1 : 0,
      at: now,
      payload: JSON.stringify(event.payload),
    })
    .execute();
  await writeSteps(trx, procedure, dossierId, snapshot);
  await writeEffects(trx, dossierId, effects, event.actor, now);
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
  await trx
    .insertInto('dossier_events')
    .values({
      dossier_id: dossierId,
      seq: 1,
      type: event.type,
      actor: event.actor,
      override: 0,
      at: now,
      payload: JSON.stringify(event.payload),
    })
    .execute();
  await writeSteps(trx, procedure, dossierId, snapshot);
  await writeEffects(trx, dossierId, effects, event.actor, now);
}

export type { DossierEvent };
